-- A number that grows with every committed change to the agency data, whoever makes it (the
-- server, the command line, a hand-written SQL statement): a response computed when it read N
-- may be reused for as long as it still reads N. Sessions, tokens and login throttling are left
-- out because no cached answer depends on them and they change on every login.
CREATE TABLE change_counter (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO change_counter (id, version) VALUES (1, 1);

CREATE FUNCTION bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counter SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['organizations', 'people', 'users', 'sources', 'tasks',
                           'task_cooperators', 'task_assignees', 'task_updates', 'attachments',
                           'task_extensions', 'explanation_requests', 'events', 'settings',
                           'status_snapshot']
  LOOP
    EXECUTE format('CREATE TRIGGER bump_%s AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter()', t, t);
  END LOOP;
END;
$$;
