-- The images an agency's electronic documents carry (docs/domain.md#report-settings): its seal, and
-- the signature of each of its signers, as PNG files checked when they are set, with their SHA-256
-- and their size in pixels. Apart from report_settings: each is set and removed on its own, and
-- the settings are read without the bytes. Who set one and when is kept with it.
CREATE TABLE report_seals (
  agency_id {{int}} PRIMARY KEY REFERENCES organizations (id),
  png {{bytes}} NOT NULL,
  sha256 TEXT NOT NULL,
  width {{int}} NOT NULL,
  height {{int}} NOT NULL,
  updated_at {{int}} NOT NULL,
  updated_by {{int}} REFERENCES users (id)
);

CREATE TABLE report_signatures (
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  person_id {{int}} NOT NULL REFERENCES people (id),
  png {{bytes}} NOT NULL,
  sha256 TEXT NOT NULL,
  width {{int}} NOT NULL,
  height {{int}} NOT NULL,
  updated_at {{int}} NOT NULL,
  updated_by {{int}} REFERENCES users (id),
  PRIMARY KEY (agency_id, person_id)
);
-- @sqlite
CREATE TRIGGER bump_report_seals_insert AFTER INSERT ON report_seals BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_seals_update AFTER UPDATE ON report_seals BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_seals_delete AFTER DELETE ON report_seals BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_signatures_insert AFTER INSERT ON report_signatures BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_signatures_update AFTER UPDATE ON report_signatures BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_signatures_delete AFTER DELETE ON report_signatures BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
-- @postgres
CREATE TRIGGER bump_report_seals_insert AFTER INSERT ON report_seals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_seals_update AFTER UPDATE ON report_seals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_seals_delete AFTER DELETE ON report_seals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_seals_truncate AFTER TRUNCATE ON report_seals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
CREATE TRIGGER bump_report_signatures_insert AFTER INSERT ON report_signatures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_signatures_update AFTER UPDATE ON report_signatures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_signatures_delete AFTER DELETE ON report_signatures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_signatures_truncate AFTER TRUNCATE ON report_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
-- @both
