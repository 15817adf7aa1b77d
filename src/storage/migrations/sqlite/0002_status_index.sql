-- Everything a status-as-of-date computation reads, in one index: counts and statistics over a whole
-- agency scan it alone instead of the wide task rows.
DROP INDEX tasks_agency_assigned;
CREATE INDEX tasks_status ON tasks (agency_id, assigned_on, lead_org_id, source_kind, is_key,
  deadline, completed_on, cancelled_on, extended_on, restricted);
-- The deadline in force as of a date is read from approved extensions by index alone.
DROP INDEX task_extensions_task;
CREATE INDEX task_extensions_task ON task_extensions (task_id, state, effective_on, id,
  requested_deadline);
