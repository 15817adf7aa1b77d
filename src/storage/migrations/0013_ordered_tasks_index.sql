-- A deadline-ordered list reads each agency's tasks of one status in deadline order, ties and the
-- tasks without a deadline (shown last) by id. The snapshot index orders ties by unit, so each
-- page sorted every task of the first deadlines, and every task without one (7,700 of an agency's
-- open tasks: 100 ms on PostgreSQL). This index keeps them in the list's order, with what a page's
-- first pass reads.
CREATE INDEX tasks_today_ordered ON tasks (agency_id, today_status, today_deadline, id,
  restricted, today_extended, lead_org_id);
