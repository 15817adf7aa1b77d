import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodConvention } from '../../api/types';
import { useT } from '../../i18n';
import {
  dayToPeriod,
  latestBegunPeriod,
  periodToDay,
  reportPeriodAs,
  reportPeriodBegun,
  reportPeriodKind,
  type ReportPeriodKind,
} from '../../lib/period';
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
  /**
   * Offer only the periods begun by `today` under the agency's convention (a period not begun has
   * no figures): the others are greyed out, and a change of kind that would land on one lands on
   * the latest begun instead.
   */
  begunBy?: { today: string; convention: PeriodConvention };
}

/** A report's period: its kind, then the month, quarter or year (and for the first months, how many). */
export function ReportPeriodPicker({ value, onChange, id, begunBy }: Props) {
  const t = useT();
  const kind = reportPeriodKind(value) ?? 'month';
  const year = value.slice(0, 4);
  const months = kind === 'first_months' ? Number(value.slice(6, 8)) : undefined;
  const begun = (key: string) => !begunBy || reportPeriodBegun(key, begunBy.today, begunBy.convention);
  const choose = (key: string) => {
    if (!begunBy || begun(key)) onChange(key);
    else onChange(latestBegunPeriod(reportPeriodKind(key) ?? kind, begunBy.today, begunBy.convention));
  };

  const day: Dayjs | null = kind === 'month' || kind === 'quarter' ? periodToDay(value) : dayjs(`${year}-01-01`);
  // The key of the period a cell of the picker stands for (the year's, for its first months).
  const keyOf = (d: Dayjs) => (kind === 'month' || kind === 'quarter' ? dayToPeriod(d, kind) : d.format('YYYY'));
  const picked = (d: Dayjs | null) => {
    if (!d) return;
    if (kind === 'first_months') choose(`${d.format('YYYY')}-M${String(months).padStart(2, '0')}`);
    else if (kind === 'year') choose(d.format('YYYY'));
    else choose(dayToPeriod(d, kind));
  };
  const format = kind === 'month' ? 'MM/YYYY' : kind === 'quarter' ? t('list.quarterFormat') : 'YYYY';

  return (
    <Space.Compact className="cr-period-picker">
      <PeriodKindSelect<ReportPeriodKind>
        label={t('period.kind')}
        kinds={KINDS}
        value={kind}
        width={170}
        onChange={(k) => choose(reportPeriodAs(value, k))}
      />
      {months !== undefined && (
        <Select<number>
          aria-label={t('period.firstMonthsCount')}
          value={months}
          onChange={(n) => choose(`${year}-M${String(n).padStart(2, '0')}`)}
          options={FIRST_MONTHS.map((n) => ({ value: n, label: t('period.firstMonthsOption', { months: n }) }))}
          style={{ width: 150 }}
        />
      )}
      <DatePicker
        id={id}
        picker={kind === 'first_months' ? 'year' : kind}
        allowClear={false}
        value={day}
        format={format}
        onChange={picked}
        disabledDate={begunBy ? (d) => !begun(keyOf(d)) : undefined}
        style={{ width: 130 }}
      />
    </Space.Compact>
  );
}
