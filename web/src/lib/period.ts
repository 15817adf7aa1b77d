// Periods of the filter language ("2023-08", "2023-Q3", "2023") and the picker dates for them.
import dayjs, { type Dayjs } from 'dayjs';

export type PeriodKind = 'month' | 'quarter' | 'year';

export function periodKind(period: string | undefined): PeriodKind | undefined {
  if (!period) return undefined;
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}$/.test(period)) return 'year';
  return undefined;
}

/** The first day of the period, for a date picker. */
export function periodToDay(period: string | undefined): Dayjs | null {
  const kind = periodKind(period);
  if (!period || !kind) return null;
  if (kind === 'year') return dayjs(`${period}-01-01`);
  if (kind === 'month') return dayjs(`${period}-01`);
  const [y, q] = period.split('-Q');
  return dayjs(`${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`);
}

/** The period of `kind` that contains `d`. */
export function dayToPeriod(d: Dayjs, kind: PeriodKind): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'month') return d.format('YYYY-MM');
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}
