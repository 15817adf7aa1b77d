import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useT } from '../i18n';
import { periodKind, type PeriodKind } from '../lib/period';

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

/** Month, quarter or year: what the period picker beside it picks. */
export function PeriodKindSelect({ value, onChange, label }: { value: PeriodKind; onChange: (kind: PeriodKind) => void; label: string }) {
  const t = useT();
  return (
    <Select<PeriodKind>
      aria-label={label}
      value={value}
      onChange={onChange}
      options={[
        { value: 'month', label: t('list.periodMonth') },
        { value: 'quarter', label: t('list.periodQuarter') },
        { value: 'year', label: t('list.periodYear') },
      ]}
      style={{ width: 96 }}
    />
  );
}
