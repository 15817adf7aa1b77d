import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import type { PeriodConvention } from '../../api/types';
import { todayIso } from '../../lib/format';
import { dayToPeriod, periodToDay, reportPeriodAs, reportPeriodKind, reportPeriodStarted, type ReportPeriodKind } from '../../lib/period';
import { PeriodKindSelect } from '../PeriodKindSelect';

const KINDS: readonly ReportPeriodKind[] = ['month', 'quarter', 'first_months', 'year'];
/** The year's first months a report may cover: one to eleven (twelve are the year). */
const FIRST_MONTHS = Array.from({ length: 11 }, (_, i) => i + 1);

interface Props {
  /** The period's key: "2024-05", "2024-Q2", "2024-M08", "2024". */
  value: string;
  onChange: (key: string) => void;
  /** The id of the date picker, for the label beside it. */
  id: string;
  /** The agency's convention, once known: periods that have not begun are then not offered. */
  convention?: PeriodConvention;
}

/** A report's period: its kind, then the month, quarter or year (and for the first months, how many). */
export function ReportPeriodPicker({ value, onChange, id, convention }: Props) {
  const t = useT();
  const kind = reportPeriodKind(value) ?? 'month';
  const year = value.slice(0, 4);
  const months = kind === 'first_months' ? Number(value.slice(6, 8)) : undefined;

  const day: Dayjs | null = kind === 'month' || kind === 'quarter' ? periodToDay(value) : dayjs(`${year}-01-01`);
  const keyOf = (d: Dayjs) => {
    if (kind === 'first_months') return `${d.format('YYYY')}-M${String(months).padStart(2, '0')}`;
    if (kind === 'year') return d.format('YYYY');
    return dayToPeriod(d, kind);
  };
  const picked = (d: Dayjs | null) => {
    if (d) onChange(keyOf(d));
  };
  // A period that has not begun has no report: the server refuses it, so it is not offered.
  const today = todayIso();
  const notStarted = convention ? (d: Dayjs) => !reportPeriodStarted(keyOf(d), convention, today) : undefined;
  const format = kind === 'month' ? 'MM/YYYY' : kind === 'quarter' ? t('list.quarterFormat') : 'YYYY';

  return (
    <Space.Compact className="cr-period-picker">
      <PeriodKindSelect<ReportPeriodKind>
        label={t('period.kind')}
        kinds={KINDS}
        value={kind}
        width={170}
        onChange={(k) => onChange(reportPeriodAs(value, k))}
      />
      {months !== undefined && (
        <Select<number>
          aria-label={t('period.firstMonthsCount')}
          value={months}
          onChange={(n) => onChange(`${year}-M${String(n).padStart(2, '0')}`)}
          options={FIRST_MONTHS.map((n) => ({
            value: n,
            label: t('period.firstMonthsOption', { months: n }),
            disabled: convention !== undefined && !reportPeriodStarted(`${year}-M${String(n).padStart(2, '0')}`, convention, today),
          }))}
          style={{ width: 150 }}
        />
      )}
      <DatePicker id={id} picker={kind === 'first_months' ? 'year' : kind} allowClear={false} value={day} format={format} onChange={picked} disabledDate={notStarted} style={{ width: 130 }} />
    </Space.Compact>
  );
}
