-- A source's task count (its unrestricted tasks) is kept in source_task_counts, moved by triggers
-- as tasks are added, removed, restricted or moved to another source. Counting it from the index
-- with every answer that shows the source (every single task's) read up to tens of thousands of
-- index entries for a large programme, and on PostgreSQL their table rows too until a vacuum ran.
-- The counts live beside the sources rather than on them: a task's writer holds its source row
-- shared (so that the source's kind cannot change under it), which an update of that row would
-- have to wait for. The counts follow from the tasks, whose changes already move the agency's
-- version.
CREATE TABLE source_task_counts (
  source_id {{int}} PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  tasks {{int}} NOT NULL
);
INSERT INTO source_task_counts (source_id, tasks)
  SELECT source_id, COUNT(*) FROM tasks WHERE restricted = 0 GROUP BY source_id;

-- @sqlite
CREATE TRIGGER count_source_tasks_insert AFTER INSERT ON tasks WHEN NEW.restricted = 0 BEGIN
  INSERT INTO source_task_counts (source_id, tasks) VALUES (NEW.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET tasks = tasks + 1;
END;
CREATE TRIGGER count_source_tasks_delete AFTER DELETE ON tasks WHEN OLD.restricted = 0 BEGIN
  UPDATE source_task_counts SET tasks = tasks - 1 WHERE source_id = OLD.source_id;
END;
CREATE TRIGGER count_source_tasks_update AFTER UPDATE OF source_id, restricted ON tasks
WHEN OLD.source_id IS NOT NEW.source_id OR OLD.restricted IS NOT NEW.restricted BEGIN
  UPDATE source_task_counts SET tasks = tasks - 1
    WHERE source_id = OLD.source_id AND OLD.restricted = 0;
  INSERT INTO source_task_counts (source_id, tasks) SELECT NEW.source_id, 1 WHERE NEW.restricted = 0
    ON CONFLICT (source_id) DO UPDATE SET tasks = tasks + 1;
END;
-- @postgres
-- Inserts and deletes per statement (a bulk load adds to each source once); updates per row, and
-- only those that move a task between sources or in or out of the count. Each first moves the
-- agency's version, so that every writer locks its agency's row before any count's: two writers
-- of one agency never hold one each.
CREATE FUNCTION count_source_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agencies(ARRAY(SELECT agency_id FROM new_rows));
    INSERT INTO source_task_counts (source_id, tasks)
      SELECT source_id, COUNT(*) FROM new_rows WHERE restricted = 0
      GROUP BY source_id ORDER BY source_id
      ON CONFLICT (source_id) DO UPDATE SET tasks = source_task_counts.tasks + excluded.tasks;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agencies(ARRAY(SELECT agency_id FROM old_rows));
    UPDATE source_task_counts c SET tasks = c.tasks - o.tasks
      FROM (SELECT source_id, COUNT(*) AS tasks FROM old_rows WHERE restricted = 0
            GROUP BY source_id) o
      WHERE c.source_id = o.source_id;
  ELSE
    PERFORM bump_agencies(ARRAY[OLD.agency_id, NEW.agency_id]);
    UPDATE source_task_counts SET tasks = tasks - 1
      WHERE source_id = OLD.source_id AND OLD.restricted = 0;
    IF NEW.restricted = 0 THEN
      INSERT INTO source_task_counts (source_id, tasks) VALUES (NEW.source_id, 1)
        ON CONFLICT (source_id) DO UPDATE SET tasks = source_task_counts.tasks + 1;
    END IF;
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
