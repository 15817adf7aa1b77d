-- Each task's status as of one date (the snapshot date, normally today), kept up to date by every
-- change and moved forward once a day: lists and figures "as of today", the common case, read it
-- through an index instead of recomputing every task's status. Other dates are computed as before.
ALTER TABLE tasks ADD COLUMN today_status TEXT;
ALTER TABLE tasks ADD COLUMN today_deadline {{date}};
ALTER TABLE tasks ADD COLUMN today_extended {{int}} NOT NULL DEFAULT 0;
CREATE INDEX tasks_today_by_unit ON tasks (agency_id, lead_org_id, today_status, today_deadline,
  assigned_on, restricted, source_kind, is_key, today_extended);
CREATE INDEX tasks_today ON tasks (agency_id, today_status, today_deadline, lead_org_id,
  assigned_on, restricted, source_kind, is_key, today_extended);

-- The date the today_* columns describe; no row means they must be recomputed before use.
CREATE TABLE status_snapshot (
  id {{int}} PRIMARY KEY CHECK (id = 1),
  as_of {{date}} NOT NULL,
  refreshed_at BIGINT NOT NULL DEFAULT 0
);
