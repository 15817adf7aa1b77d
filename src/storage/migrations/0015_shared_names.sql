-- A task shows the names of its lead unit, cooperating units, leader and assignees, which may
-- belong to another agency by now (a unit moved under another department keeps its old tasks).
-- Renaming one moved only the versions of the agency it belongs to, and answers about the other
-- agency's tasks kept the old name. People and organisations change rarely, by administrators:
-- any change to one moves every reader's version.
-- @sqlite
CREATE TRIGGER bump_shared_names_of_organizations AFTER UPDATE ON organizations BEGIN
  UPDATE change_counter SET version = version + 1;
END;
CREATE TRIGGER bump_shared_names_of_people AFTER UPDATE ON people BEGIN
  UPDATE change_counter SET version = version + 1;
END;
-- @postgres
-- Named to fire after bump_organizations_update and bump_people_update (PostgreSQL fires the
-- triggers of one event in name order): the shared counter is locked after the agencies, as the
-- status snapshot's refresh does, or the two could wait for each other.
CREATE TRIGGER bump_shared_names_of_organizations AFTER UPDATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
CREATE TRIGGER bump_shared_names_of_people AFTER UPDATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
-- @both
