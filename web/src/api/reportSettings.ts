import { api, ifMatch } from './client';
import type { ReportSettings, ReportSettingsUpdate } from './types';

export const getReportSettings = (signal?: AbortSignal) => api.get<ReportSettings>('/report-settings', { signal });

/** Replaces the agency's settings whole; `version` is the one read ("0" while the defaults are in use). */
export const setReportSettings = (version: number, body: ReportSettingsUpdate) =>
  api.put<ReportSettings>('/report-settings', body, { headers: ifMatch(version) });
