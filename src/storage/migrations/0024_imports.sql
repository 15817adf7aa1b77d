-- Work programs imported from spreadsheets (docs/domain.md#importing-a-work-program).
--
-- An import keeps the file as uploaded and what the user chose about it (its sheet, the columns
-- they mapped, the units they picked, whether headings become parent tasks); its preview is read
-- from them whenever it is asked for, by whichever server is asked. Confirming writes its tasks
-- in the same transaction that marks it confirmed. A file is imported once per agency: the same
-- bytes again are found by their digest.
CREATE TABLE imports (
  id {{auto_id}},
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  source_id {{int}} NOT NULL REFERENCES sources (id),
  file_name TEXT NOT NULL,
  file_kind TEXT NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
  file_sha256 {{key_text}} NOT NULL,
  file_size {{int}} NOT NULL,
  content {{bytes}} NOT NULL,
  choices TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
  task_count {{int}} NOT NULL DEFAULT 0,
  version {{int}} NOT NULL DEFAULT 1,
  created_by {{int}} NOT NULL REFERENCES users (id),
  created_at {{int}} NOT NULL,
  confirmed_at {{int}}
);
CREATE INDEX imports_source ON imports (source_id, id);
CREATE INDEX imports_file ON imports (agency_id, file_sha256);
CREATE UNIQUE INDEX imports_confirmed_file ON imports (agency_id, file_sha256)
  WHERE status = 'confirmed';

-- The tasks an import wrote, with what their rows said that a task does not hold: the number,
-- the headings above the row, its note, and the cooperating bodies outside the agency it named.
-- Exporting the source again writes them back.
CREATE TABLE import_tasks (
  import_id {{int}} NOT NULL REFERENCES imports (id),
  sheet_row {{int}} NOT NULL,
  task_id {{int}} NOT NULL REFERENCES tasks (id),
  number TEXT NOT NULL,
  headings TEXT NOT NULL,
  note TEXT NOT NULL,
  outside_units TEXT NOT NULL,
  PRIMARY KEY (import_id, sheet_row)
);
CREATE INDEX import_tasks_task ON import_tasks (task_id);

-- How an agency's programs head columns the importer does not know, as its users mapped them:
-- the folded header and the field it holds ('ignore' for a column to leave out).
CREATE TABLE import_column_names (
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  header_fold {{key_text}} NOT NULL,
  field TEXT NOT NULL,
  updated_at {{int}} NOT NULL,
  PRIMARY KEY (agency_id, header_fold)
);
