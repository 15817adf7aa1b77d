import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useT, type MessageKey } from '../i18n';
import { periodKind, type PeriodKind, type ReportPeriodKind } from '../lib/period';

/**
 * The kind of period being picked: the chosen period's own kind once there is one, the user's
 * choice meanwhile (month at first).
 */
export function usePeriodKind(period: string | undefined) {
  const state = useState<PeriodKind>(periodKind(period) ?? 'month');
  const setKind = state[1];
  useEffect(() => {
    const k = periodKind(period);
    if (k) setKind(k);
  }, [period, setKind]);
  return state;
}

const KIND_LABELS: Record<ReportPeriodKind, MessageKey> = {
  month: 'list.periodMonth',
  quarter: 'list.periodQuarter',
  first_months: 'period.kind.firstMonths',
  year: 'list.periodYear',
};

const FILTER_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

interface Props<K extends ReportPeriodKind> {
  value: K;
  onChange: (kind: K) => void;
  label: string;
  /** The kinds offered (default: month, quarter, year, those of the filter language). */
  kinds?: readonly K[];
  width?: number;
}

/** Month, quarter or year (or the year's first months, for reports): what the period picker beside it picks. */
export function PeriodKindSelect<K extends ReportPeriodKind = PeriodKind>({ value, onChange, label, kinds, width = 96 }: Props<K>) {
  const t = useT();
  const offered = kinds ?? (FILTER_KINDS as readonly ReportPeriodKind[] as readonly K[]);
  return (
    <Select<K>
      aria-label={label}
      value={value}
      onChange={onChange}
      options={offered.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
      style={{ width }}
    />
  );
}
