-- Everything a report's counting rule needs of a task, in one column the database derives from the
-- task's own columns and keeps in the report index: "kind is_key lead_org assigned deadline
-- completed cancelled", the dates as days since 1970-01-01 and "-" for none. A report over a
-- year reads a hundred thousand tasks from the index, and SQLite hands each column out by its own
-- call: two columns a task instead of eight halve the scan. Computed, it cannot disagree with the
-- columns it comes from; a date that is no date makes it NULL, which the reader refuses.
-- The index keeps the scope's conditions (assigned, completed, cancelled, lead unit) beside it.
-- @sqlite
ALTER TABLE tasks ADD COLUMN report_facts TEXT GENERATED ALWAYS AS (
  source_kind || ' ' || is_key || ' ' || lead_org_id || ' ' ||
  CAST(julianday(assigned_on) - 2440587.5 AS INTEGER) || ' ' ||
  CASE WHEN deadline IS NULL THEN '-' ELSE CAST(julianday(deadline) - 2440587.5 AS INTEGER) END
  || ' ' ||
  CASE WHEN completed_on IS NULL THEN '-'
       ELSE CAST(julianday(completed_on) - 2440587.5 AS INTEGER) END || ' ' ||
  CASE WHEN cancelled_on IS NULL THEN '-'
       ELSE CAST(julianday(cancelled_on) - 2440587.5 AS INTEGER) END) VIRTUAL;
DROP INDEX tasks_report_facts;
CREATE INDEX tasks_report_facts ON tasks (agency_id, assigned_on, completed_on, cancelled_on,
  lead_org_id, report_facts);
-- Without statistics of its own beside the other indexes' the new index looks like the best way
-- into any agency's tasks, and a report's look-up of extensions would seek every task.
ANALYZE tasks;
-- @postgres
ALTER TABLE tasks ADD COLUMN report_facts TEXT GENERATED ALWAYS AS (
  source_kind || ' ' || is_key::text || ' ' || lead_org_id::text || ' ' ||
  (assigned_on - DATE '1970-01-01')::text || ' ' ||
  CASE WHEN deadline IS NULL THEN '-' ELSE (deadline - DATE '1970-01-01')::text END || ' ' ||
  CASE WHEN completed_on IS NULL THEN '-' ELSE (completed_on - DATE '1970-01-01')::text END
  || ' ' ||
  CASE WHEN cancelled_on IS NULL THEN '-' ELSE (cancelled_on - DATE '1970-01-01')::text END)
  STORED;
DROP INDEX tasks_report_facts;
CREATE INDEX tasks_report_facts ON tasks (agency_id, assigned_on) INCLUDE (completed_on,
  cancelled_on, lead_org_id, report_facts);
-- @both
