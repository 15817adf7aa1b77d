import { API_BASE, api, buildQuery, ifMatch } from './client';
import type {
  ConsolidatedReport,
  Id,
  IssuedReport,
  IssuedReportFormat,
  IssuedReportList,
  IssueReportRequest,
  NextReportNumber,
  ReportComparison,
  UnitReportProse,
} from './types';

/**
 * The agency's consolidated report on `period` (a month "2024-05", a quarter "2024-Q2", the
 * year's first months "2024-M08" or a year "2024") as the data stand now: it is not issued.
 */
export const getConsolidatedReport = (period: string, signal?: AbortSignal) =>
  api.get<ConsolidatedReport>('/reports/preview', { query: { period }, signal });

/** Saves the report's own text for `report`'s period, from the draft version it was read at. */
export const saveReportDraft = (report: Pick<ConsolidatedReport, 'period' | 'draft_version'>, prose: UnitReportProse) =>
  api.put<ConsolidatedReport>('/reports/draft', { period: report.period, ...prose }, { headers: ifMatch(report.draft_version) });

/** The draft document of `period` as it stands (marked "DỰ THẢO", no number): a download link. */
export const draftFileUrl = (period: string, format: 'pdf' | 'docx') => `${API_BASE}/reports/preview.${format}${buildQuery({ period })}`;

/** The number a report issued now would take ("16/BC-SGTVT"); an issue in between takes it first. */
export const getNextReportNumber = (signal?: AbortSignal) => api.get<NextReportNumber>('/reports/issued/next-number', { signal });

/** Issues the period's report, numbered and frozen; a replacement names the report in force. */
export const issueReport = (request: IssueReportRequest) => api.post<IssuedReport>('/reports/issued', request);

/** The issued reports, newest first: those issued in `year`, or all of them. */
export const listIssuedReports = (year: number | undefined, signal?: AbortSignal) =>
  api.get<IssuedReportList>('/reports/issued', { query: { year }, signal });

export const getIssuedReport = (id: Id, signal?: AbortSignal) => api.get<IssuedReport>(`/reports/issued/${id}`, { signal });

/**
 * What changed since the report before: the one this report replaces, or else the latest in force
 * of an earlier period of its kind (none for the first).
 */
export const getReportChanges = (id: Id, signal?: AbortSignal) => api.get<ReportComparison>(`/reports/issued/${id}/changes`, { signal });

/** An issued report's stored file, byte for byte as issued: a download link. */
export const issuedFileUrl = (id: Id, format: IssuedReportFormat) => `${API_BASE}/reports/issued/${id}/${format}`;
