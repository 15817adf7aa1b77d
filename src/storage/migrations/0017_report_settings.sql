-- An agency's settings for its reports and official documents (docs/domain.md#report-settings):
-- how its periods are cut, when unit reports are due, which division consolidates them, and what
-- its documents' heading, number, recipients and signature block say. One row per agency, written
-- as a whole; an agency without a row uses defaults taken from its organisation. The lists are
-- small and always read and written together, so they are JSON text.
CREATE TABLE report_settings (
  agency_id {{int}} PRIMARY KEY REFERENCES organizations (id),
  period_convention TEXT NOT NULL CHECK (period_convention IN ('calendar_month', 'cutoff_14th')),
  due_working_days {{int}} NOT NULL CHECK (due_working_days BETWEEN 0 AND 20),
  consolidating_org_id {{int}} REFERENCES organizations (id),
  agency_code TEXT NOT NULL,
  place_name TEXT NOT NULL,
  parent_line TEXT NOT NULL,
  agency_line TEXT NOT NULL,
  recipients TEXT NOT NULL,
  document_types TEXT NOT NULL,
  signers TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  updated_at {{int}} NOT NULL,
  updated_by {{int}} REFERENCES users (id)
);
-- @sqlite
CREATE TRIGGER bump_report_settings_insert AFTER INSERT ON report_settings BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_settings_update AFTER UPDATE ON report_settings BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
  INSERT INTO agency_versions (agency_id, version) SELECT a, 1 FROM (SELECT OLD.agency_id AS a, NEW.agency_id AS b) WHERE a IS NOT b ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_settings_delete AFTER DELETE ON report_settings BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
-- @postgres
CREATE TRIGGER bump_report_settings_insert AFTER INSERT ON report_settings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_settings_update AFTER UPDATE ON report_settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_settings_delete AFTER DELETE ON report_settings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_settings_truncate AFTER TRUNCATE ON report_settings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
-- @both
