-- Everything a status-as-of-date computation reads, in one index: counts and statistics over a whole
-- agency scan it alone instead of the wide task rows.
DROP INDEX tasks_agency_assigned;
-- The status index leads with (agency, lead organisation) and covers what tasks_lead served; left
-- in place, planners with statistics pick it for whole-agency scans and read every row.
DROP INDEX tasks_lead;
-- The lead organisation comes second so that a unit's list is a narrow range of it.
CREATE INDEX tasks_status ON tasks (agency_id, lead_org_id, assigned_on, source_kind, is_key,
  deadline, completed_on, cancelled_on, extended_on, restricted);
-- The deadline in force as of a date is read from approved extensions by index alone.
DROP INDEX task_extensions_task;
CREATE INDEX task_extensions_task ON task_extensions (task_id, state, effective_on, id,
  requested_deadline);
