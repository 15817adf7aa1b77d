-- Units' monthly reports (docs/domain.md#unit-reports) and the in-app notices that remind units of
-- them. A unit report is the unit's prose for one period and where it stands on its way to the
-- consolidating division; its task lists are not stored: they follow from the tasks as of the
-- period's end. The period's window is kept as it was when the report was opened, so that a later
-- change of the agency's convention does not move a report already written.
CREATE TABLE unit_reports (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  organization_id {{int}} NOT NULL REFERENCES organizations (id),
  period {{key_text}} NOT NULL,
  period_start {{date}} NOT NULL,
  period_end {{date}} NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
  prose TEXT NOT NULL,
  return_comment TEXT NOT NULL DEFAULT '',
  first_submitted_on {{date}},
  submitted_on {{date}},
  submitted_by {{int}} REFERENCES users (id),
  decided_on {{date}},
  decided_by {{int}} REFERENCES users (id),
  version {{int}} NOT NULL DEFAULT 1,
  created_at {{int}} NOT NULL,
  created_by {{int}} REFERENCES users (id),
  updated_at {{int}} NOT NULL,
  UNIQUE (organization_id, period)
);
CREATE INDEX unit_reports_agency ON unit_reports (agency_id, period);

-- A notice for one person, shown in the interface until read: "the report of Phòng Quản lý giao
-- thông for Tháng 8/2023 is due". Its text is composed when shown, from its kind and parameters,
-- in the reader's language. Notices are only ever read by the person they are for, never from the
-- response cache, so they do not move the agency's version: reading one would otherwise drop every
-- cached answer of the agency.
CREATE TABLE notices (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  person_id {{int}} NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL,
  params TEXT NOT NULL,
  created_at {{int}} NOT NULL,
  created_by {{int}} REFERENCES users (id),
  read_at {{int}}
);
CREATE INDEX notices_person ON notices (person_id, id);
-- @sqlite
CREATE TRIGGER bump_unit_reports_insert AFTER INSERT ON unit_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_unit_reports_update AFTER UPDATE ON unit_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_unit_reports_delete AFTER DELETE ON unit_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
-- @postgres
CREATE TRIGGER bump_unit_reports_insert AFTER INSERT ON unit_reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_unit_reports_update AFTER UPDATE ON unit_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_unit_reports_delete AFTER DELETE ON unit_reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_unit_reports_truncate AFTER TRUNCATE ON unit_reports
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
-- @both
