-- The facts every report counts, for an agency's tasks assigned by a period's end, in one index: a
-- report over a year of 100,000 tasks reads them from it instead of the task rows with all their
-- texts, and looks up only the titles of the tasks it lists.
-- @sqlite
CREATE INDEX tasks_report_facts ON tasks (agency_id, assigned_on, lead_org_id, source_kind, is_key,
  restricted, deadline, completed_on, cancelled_on, progress);
-- @postgres
CREATE INDEX tasks_report_facts ON tasks (agency_id, assigned_on) INCLUDE (lead_org_id, source_kind,
  is_key, restricted, deadline, completed_on, cancelled_on, progress);
-- @both
