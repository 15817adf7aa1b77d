// The units' reports: their windows and where they open, and the words for where one stands (their
// monthly period keys are lib/period's).
import type { UnitReportState } from '../api/types';
import type { MessageKey, TFunction } from '../i18n';
import { formatDate } from './format';
import { periodTitle } from './period';

/** "Tháng 8/2023: 01/08/2023 – 31/08/2023": the month and the days it covers in the agency's convention. */
export function periodWindowText(t: TFunction, window: { period: string; period_start: string; period_end: string }): string {
  return t('ur.window', {
    title: periodTitle(t, window.period),
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
