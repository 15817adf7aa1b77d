// The names the web code uses for the API's types. The types themselves are generated from the
// OpenAPI document (src/api/openapi) into schema.gen.ts by `npm run api-types`; only what the
// document cannot say is written here.
import type { components, operations } from './schema.gen';

type Schemas = components['schemas'];

export type Id = Schemas['Id'];
/** Unix milliseconds. */
export type Timestamp = Schemas['Timestamp'];
/** YYYY-MM-DD */
export type IsoDate = string;

export type FieldError = Schemas['FieldError'];
export type ErrorCode = Schemas['Error']['code'];
export type ErrorBody = Schemas['Error'];
export type Ok = Schemas['Ok'];
export type NamedRef = Schemas['NamedRef'];

export type Role = Schemas['Role'];
export type Actor = Schemas['Actor'];
export type Me = Schemas['Me'];
export type LoginRequest = Schemas['LoginRequest'];
export type LoginResult = Schemas['LoginResult'];
export type PasswordChange = Schemas['PasswordChange'];

export type OrganizationKind = Schemas['OrganizationKind'];
export type Organization = Schemas['Organization'];
export type OrganizationCreate = Schemas['OrganizationCreate'];
export type OrganizationUpdate = Schemas['OrganizationUpdate'];
export type OrganizationMerge = Schemas['OrganizationMerge'];

export type Person = Schemas['Person'];
export type PersonCreate = Schemas['PersonCreate'];
export type PersonUpdate = Schemas['PersonUpdate'];
export type User = Schemas['User'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];

export type SourceKind = Schemas['SourceKind'];
export const SOURCE_KINDS: SourceKind[] = [
  'higher_program',
  'key_program',
  'ad_hoc',
  'meeting_conclusion',
  'directive',
];
export type Source = Schemas['Source'];
export type SourceCreate = Schemas['SourceCreate'];
export type SourceUpdate = Schemas['SourceUpdate'];

/** A work program uploaded as a spreadsheet: what it would become, the user's choices, the result. */
export type ImportField = Schemas['ImportField'];
export const IMPORT_FIELDS = [
  'number',
  'content',
  'lead',
  'cooperating',
  'deadline',
  'product',
  'note',
  'leader',
  'key',
] as const satisfies readonly ImportField[];
export type ImportSummary = Schemas['ImportSummary'];
export type ImportList = Schemas['ImportList'];
export type ImportRef = Schemas['ImportRef'];
export type ImportUnit = Schemas['ImportUnit'];
export type ImportProblem = Schemas['ImportProblem'];
export type ImportRow = Schemas['ImportRow'];
export type ImportColumn = Schemas['ImportColumn'];
export type ImportPreview = Schemas['ImportPreview'];
/** What stops the whole file from being imported, beside the rows' own errors. */
export type ImportBlockingProblem = ImportPreview['problems'][number];
export type ImportChoicesUpdate = Schemas['ImportChoicesUpdate'];
export type ImportResult = Schemas['ImportResult'];

export type CalendarYear = Schemas['CalendarYear'];
export type CalendarOrigin = CalendarYear['origin'];
export type CalendarDay = Schemas['CalendarDay'];
export type CalendarDays = Schemas['CalendarDays'];

export type PeriodConvention = Schemas['PeriodConvention'];
export const PERIOD_CONVENTIONS = ['calendar_month', 'cutoff_14th'] as const satisfies readonly PeriodConvention[];
export type DocumentType = Schemas['DocumentType'];
export type ReportSigner = Schemas['ReportSigner'];
export type ReportSignerInput = Schemas['ReportSignerInput'];
export type ReportSettings = Schemas['ReportSettings'];
export type ReportImage = Schemas['ReportImage'];
export type ReportSettingsUpdate = Schemas['ReportSettingsUpdate'];

export type ReportFigures = Schemas['ReportFigures'];
/** One of the report's figures, as the `report_figure` filter names it. */
export type ReportFigureCode = Schemas['ReportFigureCode'];
export const REPORT_FIGURE_CODES = [
  'due',
  'due_completed',
  'overdue',
  'completed_ahead',
  'ongoing',
  'assigned_in_period',
  'due_in_period',
  'completed_in_period',
  'due_next_period',
  'carried_over',
] as const satisfies readonly ReportFigureCode[];
export type ReportTask = Schemas['ReportTask'];
export type ReportTaskLists = Schemas['ReportTaskLists'];
export type UnitReportProse = Schemas['UnitReportProse'];
export type UnitReportState = Schemas['UnitReportState'];
export type UnitReportActions = Schemas['UnitReportActions'];
export type UnitReport = Schemas['UnitReport'];
export type UnitReportStanding = Schemas['UnitReportStanding'];
export type UnitReportBoard = Schemas['UnitReportBoard'];
export type ReminderResult = Schemas['ReminderResult'];
export type ReportFigureGroup = Schemas['ReportFigureGroup'];
export type MergedProse = Schemas['MergedProse'];
export type ConsolidatedReport = Schemas['ConsolidatedReport'];
export type ReportDraftUpdate = Schemas['ReportDraftUpdate'];
export type IssueReportRequest = Schemas['IssueReportRequest'];
export type IssuedReportRef = Schemas['IssuedReportRef'];
export type IssuedReportSummary = Schemas['IssuedReportSummary'];
export type IssuedReport = Schemas['IssuedReport'];
export type IssuedReportList = Schemas['IssuedReportList'];
export type ReportComparison = Schemas['ReportComparison'];
export type FigureChange = Schemas['FigureChange'];
export type IssuedReportFormat = IssuedReportSummary['formats'][number];
export type NextReportNumber = operations['nextIssuedReportNumber']['responses'][200]['content']['application/json'];

export type NoticeKind = Schemas['NoticeKind'];
/** What a reminder about a unit report holds (the document only says so in words). */
export interface UnitReportReminderParams {
  organization_id: Id;
  organization_name: string;
  /** YYYY-MM */
  period: string;
  due_on: IsoDate;
  /** Set once the unit has opened its report. */
  report_id?: Id;
}
/** What the notice of a report returned to its unit holds. */
export interface UnitReportReturnedParams {
  organization_id: Id;
  organization_name: string;
  /** YYYY-MM */
  period: string;
  report_id: Id;
  /** Why it came back. */
  comment: string;
}
type NoticeBase = Omit<Schemas['Notice'], 'kind' | 'params'>;
export type Notice =
  | (NoticeBase & { kind: 'unit_report_reminder'; params: UnitReportReminderParams })
  | (NoticeBase & { kind: 'unit_report_returned'; params: UnitReportReturnedParams });
export type NoticeList = Omit<Schemas['NoticeList'], 'items'> & { items: Notice[] };

export type TaskStatus = Schemas['TaskStatus'];
/** Statuses accepted by the `status` filter. */
export const FILTER_STATUSES = [
  'completed_on_time',
  'completed_late',
  'in_progress',
  'overdue',
  'cancelled',
] as const satisfies readonly TaskStatus[];
export type FilterStatus = (typeof FILTER_STATUSES)[number];
export type TaskWarning = Schemas['TaskWarning'];

export type TaskSummary = Schemas['TaskSummary'];
export type TaskPage = Schemas['TaskPage'];
export type TaskPermissions = Schemas['TaskPermissions'];
export type AttachmentType = Schemas['AttachmentType'];
export type AttachmentInfo = Schemas['AttachmentInfo'];
export type ProgressUpdate = Schemas['ProgressUpdate'];
export type Extension = Schemas['Extension'];
export type Explanation = Schemas['Explanation'];
export type Task = Schemas['Task'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type HistoryList = Schemas['HistoryList'];

export type TaskCreate = Schemas['TaskCreate'];
export type TaskUpdate = Schemas['TaskUpdate'];
export type AttachmentUpload = Schemas['AttachmentUpload'];
export type ProgressCreate = Schemas['ProgressCreate'];
export type CompletionRequest = Schemas['CompletionRequest'];
export type ExtensionRequest = Schemas['ExtensionRequest'];
export type ExtensionDecision = Schemas['ExtensionDecision'];
export type CancelRequest = Schemas['CancelRequest'];
export type ExplanationRequest = Schemas['ExplanationRequest'];
export type ExplanationAnswer = Schemas['ExplanationAnswer'];

export type StatusCounts = Schemas['StatusCounts'];
export type StatsGroup = Schemas['StatsGroup'];
export type Statistics = Schemas['Statistics'];
/** The reporting period a `report_period` filter names, as /stats resolves it. */
export type StatsReportPeriod = Schemas['StatsReportPeriod'];

export interface ItemList<T> {
  items: T[];
}
