-- @sqlite
-- The tracker's core schema. Business dates are TEXT 'YYYY-MM-DD'; recording times are BIGINT Unix
-- @postgres
-- The tracker's core schema. Business dates are DATE; recording times are BIGINT Unix
-- @both
-- milliseconds (UTC); flags are 0/1 integers; *_key columns hold ICU collation keys (hex) and
-- *_fold columns the diacritic-free search form.

CREATE TABLE organizations (
  id {{auto_id}},
  parent_id {{int}} REFERENCES organizations(id),
  agency_id {{int}} REFERENCES organizations(id),
  kind TEXT NOT NULL CHECK (kind IN ('committee', 'department', 'division', 'unit', 'office', 'other')),
  code TEXT NOT NULL CHECK ({{length}}(code) BETWEEN 1 AND 32),
  name TEXT NOT NULL CHECK ({{length}}(name) BETWEEN 1 AND 300),
  name_key {{key_text}} NOT NULL,
  place_name TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL DEFAULT '',
  valid_from {{date}},
  valid_to {{date}},
  successor_id {{int}} REFERENCES organizations(id),
  version {{int}} NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX organizations_code ON organizations (COALESCE(parent_id, 0), code);
CREATE INDEX organizations_path ON organizations (path);
CREATE INDEX organizations_agency ON organizations (agency_id);

CREATE TABLE people (
  id {{auto_id}},
  organization_id {{int}} NOT NULL REFERENCES organizations(id),
  full_name TEXT NOT NULL CHECK ({{length}}(full_name) BETWEEN 1 AND 200),
  name_key {{key_text}} NOT NULL,
  name_fold TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  email TEXT,
  phone TEXT,
  active {{int}} NOT NULL DEFAULT 1,
  version {{int}} NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX people_organization ON people (organization_id);

CREATE TABLE users (
  id {{auto_id}},
  person_id {{int}} NOT NULL UNIQUE REFERENCES people(id),
  username TEXT NOT NULL UNIQUE CHECK ({{length}}(username) BETWEEN 3 AND 64),
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'consolidator', 'unit_head', 'specialist', 'viewer')),
  disabled {{int}} NOT NULL DEFAULT 0,
  version {{int}} NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{int}} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id {{auto_id}},
  user_id {{int}} NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

CREATE TABLE throttle (
  bucket TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  hits {{int}} NOT NULL
);

CREATE TABLE sources (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL CHECK (kind IN ('higher_program', 'key_program', 'ad_hoc', 'meeting_conclusion', 'directive')),
  title TEXT NOT NULL CHECK ({{length}}(title) BETWEEN 1 AND 1000),
  doc_number TEXT NOT NULL DEFAULT '',
  doc_date {{date}},
  issuer TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  search_fold TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_by {{int}} REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX sources_agency ON sources (agency_id, kind);

CREATE TABLE tasks (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations(id),
  source_id {{int}} NOT NULL REFERENCES sources(id),
  source_kind TEXT NOT NULL,
  parent_id {{int}} REFERENCES tasks(id),
  title TEXT NOT NULL CHECK ({{length}}(title) BETWEEN 1 AND 1000),
  title_key {{key_text}} NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  is_key {{int}} NOT NULL DEFAULT 0,
  restricted {{int}} NOT NULL DEFAULT 0,
  lead_org_id {{int}} NOT NULL REFERENCES organizations(id),
  leader_id {{int}} REFERENCES people(id),
  product TEXT NOT NULL DEFAULT '',
  assigned_on {{date}} NOT NULL,
  deadline {{date}},
  deadline_label TEXT NOT NULL DEFAULT '',
  progress {{int}} NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  completed_on {{date}},
  result_doc_number TEXT NOT NULL DEFAULT '',
  result_doc_date {{date}},
  completion_note TEXT NOT NULL DEFAULT '',
  cancelled_on {{date}},
  cancel_kind TEXT CHECK (cancel_kind IN ('cancelled', 'withdrawn')),
  cancel_reason TEXT NOT NULL DEFAULT '',
  cancel_approver_id {{int}} REFERENCES people(id),
  extended_on {{date}},
  search_fold TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_by {{int}} REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX tasks_agency_assigned ON tasks (agency_id, assigned_on);
CREATE INDEX tasks_lead ON tasks (lead_org_id, assigned_on);
CREATE INDEX tasks_source ON tasks (source_id);
CREATE INDEX tasks_parent ON tasks (parent_id);
CREATE INDEX tasks_deadline ON tasks (agency_id, deadline);
CREATE INDEX tasks_leader ON tasks (leader_id);

CREATE TABLE task_cooperators (
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  organization_id {{int}} NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (task_id, organization_id)
);
CREATE INDEX task_cooperators_org ON task_cooperators (organization_id);

CREATE TABLE task_assignees (
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  person_id {{int}} NOT NULL REFERENCES people(id),
  PRIMARY KEY (task_id, person_id)
);
CREATE INDEX task_assignees_person ON task_assignees (person_id);

CREATE TABLE task_updates (
  id {{auto_id}},
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  reported_on {{date}} NOT NULL,
  body TEXT NOT NULL,
  percent {{int}} CHECK (percent BETWEEN 0 AND 100),
  author_id {{int}} NOT NULL REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX task_updates_task ON task_updates (task_id, reported_on);

CREATE TABLE attachments (
  id {{auto_id}},
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  update_id {{int}} REFERENCES task_updates(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  content {{bytes}} NOT NULL,
  uploaded_by {{int}} NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX attachments_task ON attachments (task_id);

CREATE TABLE task_extensions (
  id {{auto_id}},
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  previous_deadline {{date}},
  requested_deadline {{date}} NOT NULL,
  reason TEXT NOT NULL,
  requested_by {{int}} NOT NULL REFERENCES users(id),
  requested_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
  decided_by {{int}} REFERENCES users(id),
  decided_at BIGINT,
  decision_note TEXT NOT NULL DEFAULT '',
  effective_on {{date}}
);
CREATE INDEX task_extensions_task ON task_extensions (task_id, state, effective_on);

CREATE TABLE explanation_requests (
  id {{auto_id}},
  task_id {{int}} NOT NULL REFERENCES tasks(id),
  question TEXT NOT NULL,
  requested_by {{int}} NOT NULL REFERENCES users(id),
  requested_at BIGINT NOT NULL,
  answer TEXT,
  answered_by {{int}} REFERENCES users(id),
  answered_at BIGINT
);
CREATE INDEX explanation_requests_task ON explanation_requests (task_id);

-- Append-only history of every change. Triggers refuse edits so not even a bug can rewrite it.
CREATE TABLE events (
  id {{auto_id}},
  agency_id {{int}},
  entity TEXT NOT NULL,
  entity_id {{int}} NOT NULL,
  task_id {{int}},
  action TEXT NOT NULL,
  actor_user_id {{int}},
  recorded_at BIGINT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX events_task ON events (task_id, id);
CREATE INDEX events_entity ON events (entity, entity_id, id);
-- @sqlite
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
-- @postgres
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only' USING ERRCODE = '23514';
END $$;
CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
-- @both

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
