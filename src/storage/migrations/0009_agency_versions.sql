-- Change tracking per agency, so that writers of different agencies never wait for each other.
-- Migration 0005 counted every change in one row, which each writing transaction then held until
-- it committed: on PostgreSQL, every writer of the installation queued behind the others' commits.
-- Now a change to an agency's data moves that agency's row of agency_versions, found from the
-- changed row (a task's children through their task, people through their organisation, accounts
-- through their person); an update that moves a row to another agency moves both. A cached answer
-- is keyed by the versions of the agencies its reader can see. change_counter keeps counting what
-- belongs to no agency (settings, the status snapshot's date), which every cached answer also
-- depends on. Rows of agency_versions are never deleted, so that a version never repeats.
CREATE TABLE agency_versions (
  agency_id {{int}} PRIMARY KEY,
  version {{int}} NOT NULL
);
INSERT INTO agency_versions (agency_id, version)
  SELECT id, 1 FROM organizations WHERE agency_id = id;

-- @sqlite
DROP TRIGGER bump_organizations_insert;
DROP TRIGGER bump_organizations_update;
DROP TRIGGER bump_organizations_delete;
DROP TRIGGER bump_people_insert;
DROP TRIGGER bump_people_update;
DROP TRIGGER bump_people_delete;
DROP TRIGGER bump_users_insert;
DROP TRIGGER bump_users_update;
DROP TRIGGER bump_users_delete;
DROP TRIGGER bump_sources_insert;
DROP TRIGGER bump_sources_update;
DROP TRIGGER bump_sources_delete;
DROP TRIGGER bump_tasks_insert;
DROP TRIGGER bump_tasks_update;
DROP TRIGGER bump_tasks_delete;
DROP TRIGGER bump_task_cooperators_insert;
DROP TRIGGER bump_task_cooperators_update;
DROP TRIGGER bump_task_cooperators_delete;
DROP TRIGGER bump_task_assignees_insert;
DROP TRIGGER bump_task_assignees_update;
DROP TRIGGER bump_task_assignees_delete;
DROP TRIGGER bump_task_updates_insert;
DROP TRIGGER bump_task_updates_update;
DROP TRIGGER bump_task_updates_delete;
DROP TRIGGER bump_attachments_insert;
DROP TRIGGER bump_attachments_update;
DROP TRIGGER bump_attachments_delete;
DROP TRIGGER bump_task_extensions_insert;
DROP TRIGGER bump_task_extensions_update;
DROP TRIGGER bump_task_extensions_delete;
DROP TRIGGER bump_explanation_requests_insert;
DROP TRIGGER bump_explanation_requests_update;
DROP TRIGGER bump_explanation_requests_delete;
DROP TRIGGER bump_events_insert;
DROP TRIGGER bump_settings_insert;
DROP TRIGGER bump_settings_update;
DROP TRIGGER bump_settings_delete;
DROP TRIGGER bump_status_snapshot_insert;
DROP TRIGGER bump_status_snapshot_update;
DROP TRIGGER bump_status_snapshot_delete;
CREATE TRIGGER bump_organizations_insert AFTER INSERT ON organizations BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_organizations_update AFTER UPDATE ON organizations BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_organizations_delete AFTER DELETE ON organizations BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_people_insert AFTER INSERT ON people BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM organizations WHERE id = NEW.organization_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_people_update AFTER UPDATE ON people BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM organizations WHERE id = NEW.organization_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM organizations WHERE id = OLD.organization_id) AS a, (SELECT agency_id FROM organizations WHERE id = NEW.organization_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_people_delete AFTER DELETE ON people BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM organizations WHERE id = OLD.organization_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_users_insert AFTER INSERT ON users BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT o.agency_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = NEW.person_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_users_update AFTER UPDATE ON users BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT o.agency_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = NEW.person_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT o.agency_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = OLD.person_id) AS a, (SELECT o.agency_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = NEW.person_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_users_delete AFTER DELETE ON users BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT o.agency_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = OLD.person_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_sources_insert AFTER INSERT ON sources BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_sources_update AFTER UPDATE ON sources BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_sources_delete AFTER DELETE ON sources BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_tasks_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_tasks_update AFTER UPDATE ON tasks BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_tasks_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_cooperators_insert AFTER INSERT ON task_cooperators BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_cooperators_update AFTER UPDATE ON task_cooperators BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_cooperators_delete AFTER DELETE ON task_cooperators BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_assignees_insert AFTER INSERT ON task_assignees BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_assignees_update AFTER UPDATE ON task_assignees BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_assignees_delete AFTER DELETE ON task_assignees BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_updates_insert AFTER INSERT ON task_updates BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_updates_update AFTER UPDATE ON task_updates BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_updates_delete AFTER DELETE ON task_updates BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_attachments_insert AFTER INSERT ON attachments BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_attachments_update AFTER UPDATE ON attachments BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_attachments_delete AFTER DELETE ON attachments BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_extensions_insert AFTER INSERT ON task_extensions BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_extensions_update AFTER UPDATE ON task_extensions BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_task_extensions_delete AFTER DELETE ON task_extensions BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_explanation_requests_insert AFTER INSERT ON explanation_requests BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_explanation_requests_update AFTER UPDATE ON explanation_requests BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a, (SELECT agency_id FROM tasks WHERE id = NEW.task_id) AS b) WHERE a IS NOT NULL AND a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_explanation_requests_delete AFTER DELETE ON explanation_requests BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT (SELECT agency_id FROM tasks WHERE id = OLD.task_id) AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_events_insert AFTER INSERT ON events BEGIN
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT NEW.agency_id AS a) WHERE a IS NOT NULL ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_settings_insert AFTER INSERT ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_settings_update AFTER UPDATE ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_settings_delete AFTER DELETE ON settings BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_insert AFTER INSERT ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_update AFTER UPDATE ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_status_snapshot_delete AFTER DELETE ON status_snapshot BEGIN UPDATE change_counter SET version = version + 1; END;
-- @postgres
DROP FUNCTION bump_change_counter() CASCADE;

CREATE FUNCTION bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counter SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

-- In ascending order, so that two transactions that change the same agencies lock their rows in
-- the same order.
CREATE FUNCTION bump_agencies(ids {{int}}[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO agency_versions (agency_id, version)
  SELECT DISTINCT id, 1 FROM unnest(ids) AS u (id) WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT (agency_id) DO UPDATE SET version = agency_versions.version + 1;
$$;

-- One function per way of finding a row's agency; the statement's rows are in new_rows and
-- old_rows (transition tables), so that a statement changing many rows moves each agency once.
CREATE FUNCTION bump_agencies_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agencies(ARRAY(SELECT r.agency_id FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agencies(ARRAY(SELECT r.agency_id FROM old_rows r));
  ELSE
    PERFORM bump_agencies(ARRAY(SELECT r.agency_id FROM new_rows r UNION SELECT r.agency_id FROM old_rows r));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION bump_agencies_of_task_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agencies(ARRAY(SELECT t.agency_id FROM new_rows r JOIN tasks t ON t.id = r.task_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agencies(ARRAY(SELECT t.agency_id FROM old_rows r JOIN tasks t ON t.id = r.task_id));
  ELSE
    PERFORM bump_agencies(ARRAY(SELECT t.agency_id FROM new_rows r JOIN tasks t ON t.id = r.task_id UNION SELECT t.agency_id FROM old_rows r JOIN tasks t ON t.id = r.task_id));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION bump_agencies_of_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM new_rows r JOIN organizations o ON o.id = r.organization_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM old_rows r JOIN organizations o ON o.id = r.organization_id));
  ELSE
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM new_rows r JOIN organizations o ON o.id = r.organization_id UNION SELECT o.agency_id FROM old_rows r JOIN organizations o ON o.id = r.organization_id));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION bump_agencies_of_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM new_rows r JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM old_rows r JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id));
  ELSE
    PERFORM bump_agencies(ARRAY(SELECT o.agency_id FROM new_rows r JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id UNION SELECT o.agency_id FROM old_rows r JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id));
  END IF;
  RETURN NULL;
END;
$$;

-- A TRUNCATE has no rows to tell the agencies by: it moves the counter every answer depends on.
DO $$
DECLARE
  t TEXT[];
BEGIN
  FOREACH t SLICE 1 IN ARRAY ARRAY[['organizations', 'bump_agencies_of_rows'], ['sources', 'bump_agencies_of_rows'], ['tasks', 'bump_agencies_of_rows'], ['events', 'bump_agencies_of_rows'], ['people', 'bump_agencies_of_people'], ['users', 'bump_agencies_of_users'], ['task_cooperators', 'bump_agencies_of_task_rows'], ['task_assignees', 'bump_agencies_of_task_rows'], ['task_updates', 'bump_agencies_of_task_rows'], ['attachments', 'bump_agencies_of_task_rows'], ['task_extensions', 'bump_agencies_of_task_rows'], ['explanation_requests', 'bump_agencies_of_task_rows']]
  LOOP
    EXECUTE format('CREATE TRIGGER bump_%s_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %s()', t[1], t[1], t[2]);
    EXECUTE format('CREATE TRIGGER bump_%s_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %s()', t[1], t[1], t[2]);
    EXECUTE format('CREATE TRIGGER bump_%s_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %s()', t[1], t[1], t[2]);
    EXECUTE format('CREATE TRIGGER bump_%s_truncate AFTER TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter()', t[1], t[1]);
  END LOOP;
  FOREACH t SLICE 1 IN ARRAY ARRAY[['settings'], ['status_snapshot']]
  LOOP
    EXECUTE format('CREATE TRIGGER bump_%s AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter()', t[1], t[1]);
  END LOOP;
END;
$$;
-- @both
