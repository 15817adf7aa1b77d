import { api, ifMatch } from './client';
import type { Id, ReminderResult, UnitReport, UnitReportBoard, UnitReportProse } from './types';

/** Where each unit's report for `period` (YYYY-MM) stands. */
export const getUnitReportBoard = (period: string, signal?: AbortSignal) =>
  api.get<UnitReportBoard>('/unit-reports', { query: { period }, signal });

/**
 * The unit's report for `period`: the one there is, a new draft when the caller may write it, or
 * else a preview (id 0) of what it would hold.
 */
export const openUnitReport = (organizationId: Id, period: string) =>
  api.post<UnitReport>('/unit-reports', { organization_id: organizationId, period });

export const getUnitReport = (id: Id, signal?: AbortSignal) => api.get<UnitReport>(`/unit-reports/${id}`, { signal });

export const saveUnitReportProse = (report: UnitReport, prose: UnitReportProse) =>
  api.put<UnitReport>(`/unit-reports/${report.id}`, prose, { headers: ifMatch(report.version) });

export type UnitReportStep = 'submit' | 'return' | 'accept';

/** Takes a step on the report as read (`version`); a return needs its comment. */
export const takeUnitReportStep = (report: UnitReport, step: UnitReportStep, comment = '') =>
  api.post<UnitReport>(`/unit-reports/${report.id}/${step}`, comment ? { comment } : {}, { headers: ifMatch(report.version) });

/** Tells the unit's head (or its people) that its report for `period` is awaited. */
export const remindUnit = (organizationId: Id, period: string) =>
  api.post<ReminderResult>('/unit-reports/reminders', { organization_id: organizationId, period });
