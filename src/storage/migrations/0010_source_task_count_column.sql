-- A source's task count (its unrestricted tasks) is kept on the source row, moved by triggers as
-- tasks are added, removed, restricted or moved to another source. Counting it from the index with
-- every answer that shows the source (every single task's) read up to tens of thousands of index
-- entries for a large programme, and on PostgreSQL their table rows too until a vacuum ran.
ALTER TABLE sources ADD COLUMN task_count {{int}} NOT NULL DEFAULT 0;
UPDATE sources SET task_count =
  (SELECT COUNT(*) FROM tasks t WHERE t.source_id = sources.id AND t.restricted = 0);

-- @sqlite
CREATE TRIGGER count_source_tasks_insert AFTER INSERT ON tasks WHEN NEW.restricted = 0 BEGIN
  UPDATE sources SET task_count = task_count + 1 WHERE id = NEW.source_id;
END;
CREATE TRIGGER count_source_tasks_delete AFTER DELETE ON tasks WHEN OLD.restricted = 0 BEGIN
  UPDATE sources SET task_count = task_count - 1 WHERE id = OLD.source_id;
END;
CREATE TRIGGER count_source_tasks_update AFTER UPDATE OF source_id, restricted ON tasks
WHEN OLD.source_id IS NOT NEW.source_id OR OLD.restricted IS NOT NEW.restricted BEGIN
  UPDATE sources SET task_count = task_count - 1 WHERE id = OLD.source_id AND OLD.restricted = 0;
  UPDATE sources SET task_count = task_count + 1 WHERE id = NEW.source_id AND NEW.restricted = 0;
END;
-- @postgres
-- Inserts and deletes per statement (a bulk load adds to each source once); updates per row, and
-- only those that move a task between sources or in or out of the count, so that the many other
-- updates of a task never touch its source's row.
CREATE FUNCTION count_source_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE sources s SET task_count = s.task_count + n.tasks
      FROM (SELECT source_id, COUNT(*) AS tasks FROM new_rows WHERE restricted = 0
            GROUP BY source_id) n
      WHERE s.id = n.source_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE sources s SET task_count = s.task_count - o.tasks
      FROM (SELECT source_id, COUNT(*) AS tasks FROM old_rows WHERE restricted = 0
            GROUP BY source_id) o
      WHERE s.id = o.source_id;
  ELSE
    UPDATE sources SET task_count = task_count - 1 WHERE id = OLD.source_id AND OLD.restricted = 0;
    UPDATE sources SET task_count = task_count + 1 WHERE id = NEW.source_id AND NEW.restricted = 0;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER count_source_tasks_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_source_tasks();
CREATE TRIGGER count_source_tasks_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_source_tasks();
CREATE TRIGGER count_source_tasks_update AFTER UPDATE OF source_id, restricted ON tasks FOR EACH ROW
  WHEN (OLD.source_id IS DISTINCT FROM NEW.source_id OR OLD.restricted IS DISTINCT FROM NEW.restricted)
  EXECUTE FUNCTION count_source_tasks();
-- @both
