-- A deadline-ordered list reads each agency's tasks of one status in deadline order, ties and the
-- tasks without a deadline (shown last) by id. The snapshot index orders ties by unit, so each
-- page sorted every task of the first deadlines, and every task without one (7,700 of an agency's
-- open tasks: 100 ms on PostgreSQL). These indexes keep them in the list's order, with what a
-- page's first pass reads. PostgreSQL does not take "deadline IS NULL" as fixing the deadline for
-- the order that follows it, so the tasks without one have an index of their own.
CREATE INDEX tasks_today_ordered ON tasks (agency_id, today_status, today_deadline, id,
  restricted, today_extended, lead_org_id);
CREATE INDEX tasks_today_undated ON tasks (agency_id, today_status, id, today_deadline,
  restricted, today_extended, lead_org_id) WHERE today_deadline IS NULL;
