-- A program saved again by Excel has other bytes but the same rows: importing it into its source
-- again would give every task twice. A confirmed import keeps the digest of the rows it read
-- (service/imports/rows_digest.h), and a source takes those rows once; another source may take
-- them, as a copy of the program. Imports confirmed before have none, and are still found by
-- their file's digest.
ALTER TABLE imports ADD COLUMN rows_digest {{key_text}};
CREATE UNIQUE INDEX imports_confirmed_rows ON imports (source_id, rows_digest)
  WHERE status = 'confirmed' AND rows_digest IS NOT NULL;

-- The units an agency's users picked for names the importer did not recognise, by the folded
-- name: the next program naming a unit that way reads it as the same unit.
CREATE TABLE import_unit_names (
  agency_id {{int}} NOT NULL REFERENCES organizations (id),
  name_fold {{key_text}} NOT NULL,
  organization_id {{int}} NOT NULL REFERENCES organizations (id),
  updated_at {{int}} NOT NULL,
  PRIMARY KEY (agency_id, name_fold)
);
