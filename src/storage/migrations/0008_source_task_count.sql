-- A source's task count (shown with the source, and with every task as it answers a change) counts
-- its unrestricted tasks: with the restriction flag in the index it is counted from the index alone
-- instead of reading each of the source's task rows.
DROP INDEX tasks_source;
CREATE INDEX tasks_source ON tasks (source_id, restricted);
