// The monthly period keys of the units' reports, and the words for where a report stands.
import type { UnitReportState } from '../api/types';
import type { MessageKey, TFunction } from '../i18n';
import { formatDate } from './format';

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(key: string | null | undefined): key is string {
  return !!key && MONTH_KEY.test(key);
}

/** The month before the one of `todayIso` ("2026-11-24" → "2026-10"): the report units write now. */
export function previousMonthKey(todayIso: string): string {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** "2023-08" → { month: 8, year: 2023 }, as the messages write them ("tháng 8/2023"). */
export function monthOf(key: string): { month: number; year: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** "Tháng 8/2023: 01/08/2023 – 31/08/2023": the month and the days it covers in the agency's convention. */
export function periodWindowText(t: TFunction, window: { period: string; period_start: string; period_end: string }): string {
  return t('ur.window', {
    title: t('ur.periodTitle', monthOf(window.period)),
    start: formatDate(window.period_start),
    end: formatDate(window.period_end),
  });
}

export const stateLabelKey = (state: UnitReportState): MessageKey => `ur.state.${state}`;

/** The report is with the consolidating division (or done with): nothing is awaited from the unit. */
export const isHandedIn = (state: UnitReportState) => state === 'submitted' || state === 'accepted';

/** Where a unit's report opens: the report itself, or the preview of one not started yet. */
export function reportPath(report: { id: number; organization: { id: number }; period: string }): string {
  if (report.id > 0) return `/unit-reports/${report.id}`;
  return `/unit-reports/0?organization_id=${report.organization.id}&period=${report.period}`;
}
