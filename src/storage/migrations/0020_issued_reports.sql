-- The consolidated report (docs/domain.md#the-consolidated-report): the consolidating division's
-- text for a period while it prepares the report, and each issue of it, frozen.
--
-- A draft holds only the text the division edits under the report's headings; the figures and the
-- lists follow the tasks until the report is issued.
CREATE TABLE report_drafts (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  period {{key_text}} NOT NULL,
  prose TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  updated_at {{int}} NOT NULL,
  updated_by {{int}} REFERENCES users (id),
  UNIQUE (agency_id, period)
);

-- The agency's document registers (Nghị định 30, Điều 15): one sequence a year for each type of
-- document, its last number taken. A number is taken in the transaction that stores the document,
-- so a document that is not stored gives its number back, and none is skipped or used twice.
CREATE TABLE document_registers (
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  year {{int}} NOT NULL,
  type_code {{key_text}} NOT NULL,
  last_number {{int}} NOT NULL,
  PRIMARY KEY (agency_id, year, type_code)
);

-- An issued report: its number, date and signer, the report as it stood when issued (its model,
-- as JSON) and, in issued_report_files, the documents rendered from it, served as stored. An
-- issued report is never changed; a wrong one is replaced by a new one that names it.
CREATE TABLE issued_reports (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  period {{key_text}} NOT NULL,
  year {{int}} NOT NULL,
  type_code {{key_text}} NOT NULL,
  number {{int}} NOT NULL,
  number_text TEXT NOT NULL,
  issued_on {{date}} NOT NULL,
  signer_person_id {{int}} REFERENCES people (id),
  replaces_id {{int}} REFERENCES issued_reports (id),
  model TEXT NOT NULL,
  issued_at {{int}} NOT NULL,
  issued_by {{int}} NOT NULL REFERENCES users (id),
  UNIQUE (agency_id, year, type_code, number),
  UNIQUE (replaces_id)
);
CREATE INDEX issued_reports_agency ON issued_reports (agency_id, issued_on, id);

CREATE TABLE issued_report_files (
  report_id {{int}} NOT NULL REFERENCES issued_reports (id),
  format {{key_text}} NOT NULL,
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes {{bytes}} NOT NULL,
  PRIMARY KEY (report_id, format)
);
-- @sqlite
CREATE TRIGGER bump_report_drafts_insert AFTER INSERT ON report_drafts BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_drafts_update AFTER UPDATE ON report_drafts BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_report_drafts_delete AFTER DELETE ON report_drafts BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_issued_reports_insert AFTER INSERT ON issued_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_issued_reports_update AFTER UPDATE ON issued_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (NEW.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER bump_issued_reports_delete AFTER DELETE ON issued_reports BEGIN
  INSERT INTO agency_versions (agency_id, version) VALUES (OLD.agency_id, 1) ON CONFLICT (agency_id) DO UPDATE SET version = version + 1;
END;
-- @postgres
CREATE TRIGGER bump_report_drafts_insert AFTER INSERT ON report_drafts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_drafts_update AFTER UPDATE ON report_drafts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_report_drafts_delete AFTER DELETE ON report_drafts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_issued_reports_insert AFTER INSERT ON issued_reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_issued_reports_update AFTER UPDATE ON issued_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
CREATE TRIGGER bump_issued_reports_delete AFTER DELETE ON issued_reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agencies_of_rows();
-- @both
