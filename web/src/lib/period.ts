// Periods, in one place: those of the filter language ("2023-08", "2023-Q3", "2023") with the
// picker dates for them, and the keys of report periods, which add the year's first months
// ("2023-M08", docs/domain.md#reporting-periods), with their names and windows in words.
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodConvention } from '../api/types';
import type { TFunction } from '../i18n';

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

// ---------------------------------------------------------------------------------------------
// Report periods: a month, a quarter, the year's first months (one to eleven), a year, each in the
// agency's convention (the server sets their days).

export type ReportPeriodKind = PeriodKind | 'first_months';

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^\d{4}-Q[1-4]$/;
const FIRST_MONTHS_KEY = /^\d{4}-M(0[1-9]|1[01])$/;
const YEAR_KEY = /^\d{4}$/;

/** The kind of a report period's key; undefined for anything else. */
export function reportPeriodKind(key: string | null | undefined): ReportPeriodKind | undefined {
  if (!key) return undefined;
  if (MONTH_KEY.test(key)) return 'month';
  if (QUARTER_KEY.test(key)) return 'quarter';
  if (FIRST_MONTHS_KEY.test(key)) return 'first_months';
  if (YEAR_KEY.test(key)) return 'year';
  return undefined;
}

export function isMonthKey(key: string | null | undefined): key is string {
  return !!key && MONTH_KEY.test(key);
}

/** The month before the one of `todayIso` ("2026-11-24" → "2026-10"). */
export function previousMonthKey(todayIso: string): string {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * The latest month whose period has ended by `todayIso`: the month before under the calendar
 * month; under the cut-off a month's period ends on its 14th, so from the 15th on it is this one.
 */
export function lastFinishedMonthKey(todayIso: string, convention: PeriodConvention): string {
  if (convention === 'cutoff_14th' && Number(todayIso.slice(8, 10)) >= 15) return todayIso.slice(0, 7);
  return previousMonthKey(todayIso);
}

/** "2023-08" → { month: 8, year: 2023 }, as the messages write them ("tháng 8/2023"). */
export function monthOf(key: string): { month: number; year: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** The last month a report period takes in: its month, its quarter's third, its first months' last, December. */
function lastMonthOf(key: string, kind: ReportPeriodKind): number {
  if (kind === 'month') return Number(key.slice(5, 7));
  if (kind === 'quarter') return Number(key.slice(6)) * 3;
  if (kind === 'first_months') return Number(key.slice(6, 8));
  return 12;
}

/**
 * The period of `kind` that ends with, or takes in, the last month of `key`: from October 2026,
 * the quarter is Q4, the first months ten, the year 2026 (from December, the first eleven).
 */
export function reportPeriodAs(key: string, kind: ReportPeriodKind): string {
  const from = reportPeriodKind(key);
  if (!from) return key;
  const year = key.slice(0, 4);
  const month = lastMonthOf(key, from);
  switch (kind) {
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'first_months':
      return `${year}-M${String(Math.min(month, 11)).padStart(2, '0')}`;
    case 'year':
      return year;
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Tháng 10/2026", "Quý IV/2026", "8 tháng đầu năm 2026", "Năm 2026": a report period's name. */
export function periodTitle(t: TFunction, key: string): string {
  const year = Number(key.slice(0, 4));
  switch (reportPeriodKind(key)) {
    case 'month':
      return t('period.month', monthOf(key));
    case 'quarter':
      return t('period.quarter', { quarter: ROMAN[Number(key.slice(6)) - 1], year });
    case 'first_months':
      return t('period.firstMonths', { months: Number(key.slice(6, 8)), year });
    case 'year':
      return t('period.year', { year });
    default:
      return key;
  }
}

/** "15/7/2023": a date as a report's text writes it, without leading zeros (as the server's documents do). */
export function reportDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** The days a report counts: its period, up to the day it was made while the period ran. */
export interface CountedWindow {
  period_start: string;
  period_end: string;
  /** The last day counted: the period's end, or the day the report was made while the period ran. */
  as_of: string;
  /** The period had not ended when the report was made (its last day included). */
  period_running: boolean;
}

/** Whether the report was made before its period ended, so its figures stop at the day it was made. */
export function isRunning(window: CountedWindow): boolean {
  return window.period_running;
}

/** "Số liệu tính từ ngày 1/10/2026 đến ngày 31/10/2026": the days a report counts, in words. */
export function reportWindowWords(t: TFunction, window: CountedWindow): string {
  return t('period.window', { start: reportDate(window.period_start), end: reportDate(window.as_of) });
}

// ---------------------------------------------------------------------------------------------
// Which report periods have begun: a period that has not has no report, and the server refuses
// its figures (report_period: not_started).

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first day a report period takes in under `convention`: the 1st of its first month, or under
 * the cut-off the 15th of the month before (January's, and so the year's, on 15 December).
 */
export function reportPeriodStart(key: string, convention: PeriodConvention): string | undefined {
  const kind = reportPeriodKind(key);
  if (!kind) return undefined;
  const year = Number(key.slice(0, 4));
  const first = kind === 'month' ? Number(key.slice(5, 7)) : kind === 'quarter' ? Number(key.slice(6)) * 3 - 2 : 1;
  if (convention === 'calendar_month') return isoDay(year, first, 1);
  return first === 1 ? isoDay(year - 1, 12, 15) : isoDay(year, first - 1, 15);
}

/** Whether the period has begun by `todayIso` (its first day included). */
export function reportPeriodBegun(key: string, todayIso: string, convention: PeriodConvention): boolean {
  const start = reportPeriodStart(key, convention);
  return start !== undefined && start <= todayIso;
}

/** The month whose period holds `todayIso`: its own, or under the cut-off from the 15th on, the next. */
export function runningMonthKey(todayIso: string, convention: PeriodConvention): string {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  if (convention !== 'cutoff_14th' || Number(todayIso.slice(8, 10)) < 15) return todayIso.slice(0, 7);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The latest period of `kind` begun by `todayIso`: the one running, or for the year's first months the last that has begun. */
export function latestBegunPeriod(kind: ReportPeriodKind, todayIso: string, convention: PeriodConvention): string {
  return reportPeriodAs(runningMonthKey(todayIso, convention), kind);
}
