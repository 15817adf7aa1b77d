-- A number that grows with every committed change to the agency data, whoever makes it (the
-- server, the command line, a hand-written SQL statement): a response computed when it read N
-- may be reused for as long as it still reads N. Sessions, tokens and login throttling are left
-- out because no cached answer depends on them and they change on every login.
CREATE TABLE change_counter (
  id {{int}} PRIMARY KEY CHECK (id = 1),
  version {{int}} NOT NULL
);
INSERT INTO change_counter (id, version) VALUES (1, 1);

-- @sqlite
CREATE TRIGGER bump_organizations_insert AFTER INSERT ON organizations BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_organizations_update AFTER UPDATE ON organizations BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_organizations_delete AFTER DELETE ON organizations BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_people_insert AFTER INSERT ON people BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_people_update AFTER UPDATE ON people BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_people_delete AFTER DELETE ON people BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_users_insert AFTER INSERT ON users BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_users_update AFTER UPDATE ON users BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_users_delete AFTER DELETE ON users BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_sources_insert AFTER INSERT ON sources BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_sources_update AFTER UPDATE ON sources BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_sources_delete AFTER DELETE ON sources BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_cooperators_insert AFTER INSERT ON task_cooperators BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_cooperators_update AFTER UPDATE ON task_cooperators BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_cooperators_delete AFTER DELETE ON task_cooperators BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_assignees_insert AFTER INSERT ON task_assignees BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_assignees_update AFTER UPDATE ON task_assignees BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_assignees_delete AFTER DELETE ON task_assignees BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_updates_insert AFTER INSERT ON task_updates BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_updates_update AFTER UPDATE ON task_updates BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_updates_delete AFTER DELETE ON task_updates BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_attachments_insert AFTER INSERT ON attachments BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_attachments_update AFTER UPDATE ON attachments BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_attachments_delete AFTER DELETE ON attachments BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_extensions_insert AFTER INSERT ON task_extensions BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_extensions_update AFTER UPDATE ON task_extensions BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_task_extensions_delete AFTER DELETE ON task_extensions BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_explanation_requests_insert AFTER INSERT ON explanation_requests BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_explanation_requests_update AFTER UPDATE ON explanation_requests BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_explanation_requests_delete AFTER DELETE ON explanation_requests BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_events_insert AFTER INSERT ON events BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_settings_insert AFTER INSERT ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_settings_update AFTER UPDATE ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_settings_delete AFTER DELETE ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_insert AFTER INSERT ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_update AFTER UPDATE ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_delete AFTER DELETE ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
-- @postgres
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
-- @both
