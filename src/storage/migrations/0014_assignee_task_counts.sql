-- The same counts as task_status_counts for each assignee: "my tasks" and a unit's tasks of one
-- assignee total a few rows instead of looking up each of the assignee's thousands of tasks. Moved
-- by triggers as assignments come and go and as their tasks change. A task loses its assignees
-- before it can be deleted (their rows refer to it), so deleting a task moves none of these.
CREATE TABLE assignee_task_counts (
  person_id {{int}} NOT NULL,
  agency_id {{int}} NOT NULL,
  lead_org_id {{int}} NOT NULL,
  today_status TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  is_key {{int}} NOT NULL,
  restricted {{int}} NOT NULL,
  tasks {{int}} NOT NULL,
  PRIMARY KEY (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
);
INSERT INTO assignee_task_counts
  (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
  SELECT a.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
         t.restricted, COUNT(*)
  FROM task_assignees a JOIN tasks t ON t.id = a.task_id
  WHERE t.today_status IS NOT NULL
  GROUP BY a.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted;

-- @sqlite
CREATE TRIGGER count_assignee_tasks_insert AFTER INSERT ON task_assignees BEGIN
  INSERT INTO assignee_task_counts
    (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT NEW.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted, 1
    FROM tasks t WHERE t.id = NEW.task_id AND t.today_status IS NOT NULL
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = tasks + 1;
END;
CREATE TRIGGER count_assignee_tasks_delete AFTER DELETE ON task_assignees BEGIN
  UPDATE assignee_task_counts SET tasks = tasks - 1
    WHERE (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted) IN
      (SELECT OLD.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
              t.restricted
       FROM tasks t WHERE t.id = OLD.task_id AND t.today_status IS NOT NULL);
END;
CREATE TRIGGER count_assignee_tasks_update AFTER UPDATE OF task_id, person_id ON task_assignees
WHEN OLD.task_id IS NOT NEW.task_id OR OLD.person_id IS NOT NEW.person_id BEGIN
  UPDATE assignee_task_counts SET tasks = tasks - 1
    WHERE (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted) IN
      (SELECT OLD.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
              t.restricted
       FROM tasks t WHERE t.id = OLD.task_id AND t.today_status IS NOT NULL);
  INSERT INTO assignee_task_counts
    (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT NEW.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted, 1
    FROM tasks t WHERE t.id = NEW.task_id AND t.today_status IS NOT NULL
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = tasks + 1;
END;
CREATE TRIGGER count_assignee_tasks_of_task
AFTER UPDATE OF agency_id, lead_org_id, today_status, source_kind, is_key, restricted ON tasks
WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.lead_org_id IS NOT NEW.lead_org_id
  OR OLD.today_status IS NOT NEW.today_status OR OLD.source_kind IS NOT NEW.source_kind
  OR OLD.is_key IS NOT NEW.is_key OR OLD.restricted IS NOT NEW.restricted BEGIN
  UPDATE assignee_task_counts SET tasks = tasks - 1
    WHERE OLD.today_status IS NOT NULL AND agency_id = OLD.agency_id
      AND today_status = OLD.today_status AND lead_org_id = OLD.lead_org_id
      AND source_kind = OLD.source_kind AND is_key = OLD.is_key AND restricted = OLD.restricted
      AND person_id IN (SELECT a.person_id FROM task_assignees a WHERE a.task_id = NEW.id);
  INSERT INTO assignee_task_counts
    (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT a.person_id, NEW.agency_id, NEW.lead_org_id, NEW.today_status, NEW.source_kind,
           NEW.is_key, NEW.restricted, 1
    FROM task_assignees a WHERE a.task_id = NEW.id AND NEW.today_status IS NOT NULL
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = tasks + 1;
END;
-- @postgres
-- Per statement, after the agency's version (bump_* sorts before count_*), as task_status_counts.
CREATE FUNCTION count_assignee_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_TABLE_NAME = 'tasks' THEN
    -- Only tasks whose counted columns changed; most updates change none.
    INSERT INTO assignee_task_counts AS c
      (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT a.person_id, d.agency_id, d.lead_org_id, d.today_status, d.source_kind, d.is_key,
           d.restricted, SUM(d.n)
    FROM (SELECT n.id, n.agency_id, n.lead_org_id, n.today_status, n.source_kind, n.is_key,
                 n.restricted, 1 AS n
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.today_status IS NOT NULL
              AND (n.agency_id, n.lead_org_id, n.today_status, n.source_kind, n.is_key,
                   n.restricted) IS DISTINCT FROM
                  (o.agency_id, o.lead_org_id, o.today_status, o.source_kind, o.is_key,
                   o.restricted)
          UNION ALL
          SELECT o.id, o.agency_id, o.lead_org_id, o.today_status, o.source_kind, o.is_key,
                 o.restricted, -1
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE o.today_status IS NOT NULL
              AND (n.agency_id, n.lead_org_id, n.today_status, n.source_kind, n.is_key,
                   n.restricted) IS DISTINCT FROM
                  (o.agency_id, o.lead_org_id, o.today_status, o.source_kind, o.is_key,
                   o.restricted)) d
    JOIN task_assignees a ON a.task_id = d.id
    GROUP BY a.person_id, d.agency_id, d.today_status, d.lead_org_id, d.source_kind, d.is_key,
             d.restricted
    HAVING SUM(d.n) <> 0
    ORDER BY a.person_id, d.agency_id, d.today_status, d.lead_org_id, d.source_kind, d.is_key,
             d.restricted
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO assignee_task_counts AS c
      (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT r.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted, COUNT(*)
    FROM new_rows r JOIN tasks t ON t.id = r.task_id WHERE t.today_status IS NOT NULL
    GROUP BY r.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    ORDER BY r.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO assignee_task_counts AS c
      (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT r.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted, -COUNT(*)
    FROM old_rows r JOIN tasks t ON t.id = r.task_id WHERE t.today_status IS NOT NULL
    GROUP BY r.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    ORDER BY r.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  ELSE
    INSERT INTO assignee_task_counts AS c
      (person_id, agency_id, lead_org_id, today_status, source_kind, is_key, restricted, tasks)
    SELECT d.person_id, t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key,
           t.restricted, SUM(d.n)
    FROM (SELECT person_id, task_id, 1 AS n FROM new_rows
          UNION ALL SELECT person_id, task_id, -1 FROM old_rows) d
    JOIN tasks t ON t.id = d.task_id WHERE t.today_status IS NOT NULL
    GROUP BY d.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    HAVING SUM(d.n) <> 0
    ORDER BY d.person_id, t.agency_id, t.today_status, t.lead_org_id, t.source_kind, t.is_key,
             t.restricted
    ON CONFLICT (person_id, agency_id, today_status, lead_org_id, source_kind, is_key, restricted)
    DO UPDATE SET tasks = c.tasks + excluded.tasks;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER count_assignee_tasks_insert AFTER INSERT ON task_assignees
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_assignee_tasks();
CREATE TRIGGER count_assignee_tasks_update AFTER UPDATE ON task_assignees
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_assignee_tasks();
CREATE TRIGGER count_assignee_tasks_delete AFTER DELETE ON task_assignees
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_assignee_tasks();
CREATE TRIGGER count_assignee_tasks_of_task AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_assignee_tasks();

-- A TRUNCATE has no rows to subtract: it empties the counts kept from what it empties.
CREATE OR REPLACE FUNCTION clear_task_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_status_counts;
  DELETE FROM source_task_counts;
  DELETE FROM assignee_task_counts;
  RETURN NULL;
END;
$$;
CREATE FUNCTION clear_assignee_task_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM assignee_task_counts;
  RETURN NULL;
END;
$$;
CREATE TRIGGER count_assignee_tasks_truncate AFTER TRUNCATE ON task_assignees
  FOR EACH STATEMENT EXECUTE FUNCTION clear_assignee_task_counts();
-- @both
