// Types matching the schemas of /api/v1/openapi.json (components.schemas).

export type Id = number;
/** Unix milliseconds. */
export type Timestamp = number;
/** YYYY-MM-DD */
export type IsoDate = string;

export interface FieldError {
  field: string;
  code: string;
  /** For a value outside a closed set: the accepted values. */
  allowed?: string[];
}

export type ErrorCode =
  | 'bad_json'
  | 'bad_request'
  | 'body_too_large'
  | 'conflict'
  | 'csrf_failed'
  | 'extension_not_pending'
  | 'forbidden'
  | 'header_too_large'
  | 'internal_error'
  | 'invalid_credentials'
  | 'json_too_complex'
  | 'method_not_allowed'
  | 'not_found'
  | 'precondition_failed'
  | 'precondition_required'
  | 'server_busy'
  | 'task_already_completed'
  | 'task_cancelled'
  | 'too_many_requests'
  | 'unauthenticated'
  | 'unsupported_media_type'
  | 'validation_failed';

export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  fields?: FieldError[];
}

export interface Ok {
  ok: true;
}

export interface NamedRef {
  id: Id;
  name: string;
}

export type Role = 'admin' | 'leader' | 'consolidator' | 'unit_head' | 'specialist' | 'viewer';

export interface Actor {
  user_id: Id;
  username: string;
  full_name: string;
  position: string;
  role: Role;
  person_id: Id;
  organization_id: Id;
  agency_id: Id;
}

export interface Me extends Actor {
  csrf_token?: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResult {
  user: Actor;
  csrf_token: string;
  expires_at: Timestamp;
}

export interface PasswordChange {
  old_password: string;
  new_password: string;
}

export type OrganizationKind = 'committee' | 'department' | 'division' | 'unit' | 'office' | 'other';

export interface Organization {
  id: Id;
  parent_id: Id | null;
  agency_id: Id | null;
  kind: OrganizationKind;
  code: string;
  name: string;
  place_name: string;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  successor_id: Id | null;
  version: number;
}

export interface OrganizationCreate {
  parent_id: Id;
  kind: OrganizationKind;
  code: string;
  name: string;
  place_name?: string;
  valid_from?: IsoDate;
}

export interface OrganizationUpdate {
  name?: string;
  code?: string;
  place_name?: string;
}

export interface OrganizationMerge {
  successor_id: Id;
  effective_on?: IsoDate;
}

export interface Person {
  id: Id;
  organization_id: Id;
  organization_name: string;
  full_name: string;
  position: string;
  email: string;
  phone: string;
  active: boolean;
  /** for If-Match on PATCH /people/{id} */
  version?: number;
}

export interface PersonCreate {
  organization_id: Id;
  full_name: string;
  position?: string;
  email?: string;
  phone?: string;
}

export interface User {
  id: Id;
  username: string;
  role: Role;
  disabled: boolean;
  person: Person;
}

export interface UserCreate {
  username: string;
  password: string;
  role: Role;
  organization_id?: Id;
  full_name?: string;
  position?: string;
  email?: string;
  person_id?: Id;
}

export type SourceKind = 'higher_program' | 'key_program' | 'ad_hoc' | 'meeting_conclusion' | 'directive';
export const SOURCE_KINDS: SourceKind[] = [
  'higher_program',
  'key_program',
  'ad_hoc',
  'meeting_conclusion',
  'directive',
];

export interface Source {
  id: Id;
  agency_id: Id;
  kind: SourceKind;
  title: string;
  doc_number: string;
  doc_date: IsoDate | null;
  issuer: string;
  summary: string;
  task_count: number;
  version: number;
}

export interface SourceCreate {
  kind: SourceKind;
  title: string;
  doc_number?: string;
  doc_date?: IsoDate;
  issuer?: string;
  summary?: string;
}

export interface SourceUpdate {
  kind?: SourceKind;
  title?: string;
  doc_number?: string;
  doc_date?: IsoDate | null;
  issuer?: string;
  summary?: string;
}

export type TaskStatus =
  | 'not_yet_assigned'
  | 'cancelled'
  | 'completed_on_time'
  | 'completed_late'
  | 'in_progress'
  | 'overdue';

/** Statuses accepted by the `status` filter. */
export const FILTER_STATUSES = [
  'completed_on_time',
  'completed_late',
  'in_progress',
  'overdue',
  'cancelled',
] as const;
export type FilterStatus = (typeof FILTER_STATUSES)[number];

export type TaskWarning = 'none' | 'overdue' | 'due_soon' | 'on_track' | 'no_deadline';

export interface TaskSummary {
  id: Id;
  agency_id: Id;
  title: string;
  source_id: Id;
  source_kind: SourceKind;
  source_doc_number: string;
  is_key: boolean;
  restricted: boolean;
  lead_org: NamedRef;
  leader: NamedRef | null;
  assigned_on: IsoDate;
  deadline: IsoDate | null;
  deadline_in_force: IsoDate | null;
  deadline_label: string;
  completed_on: IsoDate | null;
  cancelled_on: IsoDate | null;
  progress: number;
  extended: boolean;
  status: TaskStatus;
  warning: TaskWarning;
  version: number;
}

export interface TaskPage {
  items: TaskSummary[];
  total: number;
  page: number;
  page_size: number;
  as_of: IsoDate;
}

export interface TaskPermissions {
  edit: boolean;
  report_progress: boolean;
  complete: boolean;
  request_extension: boolean;
  decide_extension: boolean;
  cancel: boolean;
  request_explanation: boolean;
  answer_explanation: boolean;
}

export type AttachmentType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/msword'
  | 'application/vnd.ms-excel'
  | 'image/png'
  | 'image/jpeg'
  | 'text/plain'
  | 'application/zip';

export interface AttachmentInfo {
  id: Id;
  file_name: string;
  content_type: AttachmentType;
  size_bytes: number;
  sha256: string;
}

export interface ProgressUpdate {
  id: Id;
  reported_on: IsoDate;
  body: string;
  percent: number | null;
  author: NamedRef;
  recorded_at: Timestamp;
  attachments: AttachmentInfo[];
}

export interface Extension {
  id: Id;
  previous_deadline: IsoDate | null;
  requested_deadline: IsoDate;
  reason: string;
  requested_by: NamedRef;
  requested_on: IsoDate;
  requested_at: Timestamp;
  state: 'pending' | 'approved' | 'refused';
  decided_by: NamedRef | null;
  decided_on: IsoDate | null;
  decided_at: Timestamp | null;
  decision_note: string;
  effective_on: IsoDate | null;
}

export interface Explanation {
  id: Id;
  question: string;
  requested_by: NamedRef;
  requested_on: IsoDate;
  requested_at: Timestamp;
  answer: string | null;
  answered_by: NamedRef | null;
  answered_on: IsoDate | null;
  answered_at: Timestamp | null;
}

export interface Task extends TaskSummary {
  content: string;
  product: string;
  parent_id: Id | null;
  cooperators: NamedRef[];
  assignees: NamedRef[];
  result_doc_number: string;
  result_doc_date: IsoDate | null;
  completion_note: string;
  cancel_kind: 'cancelled' | 'withdrawn' | null;
  cancel_reason: string;
  cancel_approver: NamedRef | null;
  source: Source;
  updates: ProgressUpdate[];
  extensions: Extension[];
  explanations: Explanation[];
  subtasks: TaskSummary[];
  permissions: TaskPermissions;
  /** The date the task is shown as it stood on. */
  as_of: IsoDate;
  /** Facts dated after as_of (progress, decisions, completion, …) that the view leaves out. */
  later_facts: number;
}

export interface HistoryEvent {
  id: Id;
  entity: string;
  entity_id: Id;
  action: string;
  actor: NamedRef | null;
  recorded_at: Timestamp;
  /** The business date of the fact the event records. */
  occurred_on: IsoDate | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface HistoryList {
  items: HistoryEvent[];
  /** Changes dated after the requested as_of, not listed. */
  later: number;
}

export interface TaskCreate {
  source_id: Id;
  parent_id?: Id | null;
  title: string;
  content?: string;
  is_key?: boolean;
  restricted?: boolean;
  lead_org_id: Id;
  cooperator_ids?: Id[];
  leader_id?: Id | null;
  assignee_ids?: Id[];
  product?: string;
  assigned_on?: IsoDate;
  deadline?: IsoDate | null;
  deadline_label?: string;
}

export type TaskUpdate = Partial<Omit<TaskCreate, 'deadline'>>;

export interface AttachmentUpload {
  file_name: string;
  content_type: AttachmentType;
  content_base64: string;
}

export interface ProgressCreate {
  reported_on?: IsoDate;
  body: string;
  percent?: number;
  attachments?: AttachmentUpload[];
}

export interface CompletionRequest {
  completed_on?: IsoDate;
  result_doc_number?: string;
  result_doc_date?: IsoDate;
  note?: string;
}

export interface ExtensionRequest {
  requested_on?: IsoDate;
  requested_deadline: IsoDate;
  reason: string;
}

export interface ExtensionDecision {
  decision: 'approved' | 'refused';
  note?: string;
  decided_on?: IsoDate;
  /** Approvals only: a refusal with an effective date is refused (422). */
  effective_on?: IsoDate;
}

export interface CancelRequest {
  kind?: 'cancelled' | 'withdrawn';
  cancelled_on?: IsoDate;
  reason: string;
  approver_id?: Id;
}

export interface ExplanationRequest {
  question: string;
  requested_on?: IsoDate;
}

export interface ExplanationAnswer {
  answer: string;
  answered_on?: IsoDate;
}

export interface StatusCounts {
  total: number;
  completed: number;
  completed_on_time: number;
  completed_late: number;
  in_progress: number;
  overdue: number;
  cancelled: number;
  extended: number;
  overdue_rate: number;
  completion_rate: number;
  on_time_rate: number;
}

export interface StatsGroup extends StatusCounts {
  key: string;
  name?: string;
  tasks_url: string;
}

export interface Statistics extends StatusCounts {
  as_of: IsoDate;
  tasks_url: string;
  by_source_kind: StatsGroup[];
  by_key: StatsGroup[];
  /** Source kind and key flag together, keyed like "higher_program:true". */
  by_source_kind_and_key: StatsGroup[];
  by_lead_org: StatsGroup[];
}

export interface ItemList<T> {
  items: T[];
}
