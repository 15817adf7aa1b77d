-- The number of tasks per (agency, lead unit, status as of the snapshot date, kind of source, key
-- or not, restricted or not), moved by triggers as tasks change. A list's total over those columns
-- alone (an agency's open tasks, one unit's overdue ones) adds up a few hundred of these rows
-- instead of counting tens of thousands of index entries with every page. Tasks without a
-- snapshot status are not counted: while there is no snapshot nothing reads these counts, and the
-- rebuild that makes one gives every task its status.
CREATE TABLE task_status_counts (
  agency_id {{int}} NOT NULL,
  lead_org_id {{int}} NOT NULL,
  today_status TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  is_key {{int}} NOT NULL,
  restricted {{int}} NOT NULL,
  tasks {{int}} NOT NULL,
  PRIMARY KEY (agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
);
INSERT INTO task_status_counts
  (agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
  SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted, COUNT(*)
  FROM tasks WHERE today_status IS NOT NULL
  GROUP BY agency_id, lead_org_id, today_status, source_kind, is_key, restricted;

-- The restricted tasks a reader may see are counted from the tasks themselves (they are few, and
-- who may see one depends on the reader): this index finds them without reading the others.
CREATE INDEX tasks_restricted_today ON tasks (agency_id, today_status) WHERE restricted = 1;

-- @sqlite
CREATE TRIGGER count_task_statuses_insert AFTER INSERT ON tasks
WHEN NEW.today_status IS NOT NULL BEGIN
  INSERT INTO task_status_counts
    (agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    VALUES (NEW.agency_id, NEW.lead_org_id, NEW.today_status, NEW.source_kind, NEW.is_key,
            NEW.restricted, 1)
    ON CONFLICT (agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = tasks + 1;
END;
CREATE TRIGGER count_task_statuses_delete AFTER DELETE ON tasks
WHEN OLD.today_status IS NOT NULL BEGIN
  UPDATE task_status_counts SET tasks = tasks - 1
    WHERE agency_id = OLD.agency_id AND today_status = OLD.today_status
      AND lead_org_id = OLD.lead_org_id AND source_kind = OLD.source_kind
      AND is_key = OLD.is_key AND restricted = OLD.restricted;
END;
CREATE TRIGGER count_task_statuses_update
AFTER UPDATE OF agency_id, lead_org_id, today_status, source_kind, is_key, restricted ON tasks
WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.lead_org_id IS NOT NEW.lead_org_id
  OR OLD.today_status IS NOT NEW.today_status OR OLD.source_kind IS NOT NEW.source_kind
  OR OLD.is_key IS NOT NEW.is_key OR OLD.restricted IS NOT NEW.restricted BEGIN
  UPDATE task_status_counts SET tasks = tasks - 1
    WHERE OLD.today_status IS NOT NULL AND agency_id = OLD.agency_id
      AND today_status = OLD.today_status AND lead_org_id = OLD.lead_org_id
      AND source_kind = OLD.source_kind AND is_key = OLD.is_key AND restricted = OLD.restricted;
  INSERT INTO task_status_counts
    (agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT NEW.agency_id, NEW.lead_org_id, NEW.today_status, NEW.source_kind, NEW.is_key,
           NEW.restricted, 1
    WHERE NEW.today_status IS NOT NULL
    ON CONFLICT (agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = tasks + 1;
END;
-- @postgres
-- Per statement, so that the daily refresh and a bulk load move each count once. The agency's
-- version moves first: its trigger (bump_tasks_*) sorts before these by name, and PostgreSQL fires
-- the triggers of one event in name order, so every writer locks its agency's row before any
-- count's and two writers of one agency never hold one each.
CREATE FUNCTION count_task_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO task_status_counts AS c
      (agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted, COUNT(*)
    FROM new_rows WHERE today_status IS NOT NULL
    GROUP BY agency_id, today_status, lead_org_id, source_kind, is_key, restricted
    ORDER BY agency_id, today_status, lead_org_id, source_kind, is_key, restricted
    ON CONFLICT (agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE task_status_counts c SET tasks = c.tasks - o.tasks
    FROM (SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted,
                 COUNT(*) AS tasks
          FROM old_rows WHERE today_status IS NOT NULL
          GROUP BY agency_id, today_status, lead_org_id, source_kind, is_key, restricted) o
    WHERE c.agency_id = o.agency_id AND c.today_status = o.today_status
      AND c.lead_org_id = o.lead_org_id AND c.source_kind = o.source_kind
      AND c.is_key = o.is_key AND c.restricted = o.restricted;
  ELSE
    -- Most updates (a progress report, an edited title) move no count: their rows cancel out.
    INSERT INTO task_status_counts AS c
      (agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted, SUM(n)
    FROM (SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted, 1 AS n
            FROM new_rows WHERE today_status IS NOT NULL
          UNION ALL
          SELECT agency_id, lead_org_id, today_status, source_kind, is_key, restricted, -1
            FROM old_rows WHERE today_status IS NOT NULL) d
    GROUP BY agency_id, today_status, lead_org_id, source_kind, is_key, restricted
    HAVING SUM(n) <> 0
    ORDER BY agency_id, today_status, lead_org_id, source_kind, is_key, restricted
    ON CONFLICT (agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER count_task_statuses_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_task_statuses();
CREATE TRIGGER count_task_statuses_update AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_task_statuses();
CREATE TRIGGER count_task_statuses_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_task_statuses();

-- A TRUNCATE has no rows to subtract: it empties the counts kept from the tasks.
CREATE FUNCTION clear_task_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_status_counts;
  DELETE FROM source_task_counts;
  RETURN NULL;
END;
$$;
CREATE TRIGGER count_task_statuses_truncate AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION clear_task_counts();
-- @both
