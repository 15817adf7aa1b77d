-- A program saved again by Excel has other bytes but the same rows: importing it into its source
-- again would give every task twice. A confirmed import keeps the digest of the rows it read
-- (service/imports/rows_digest.h), and a source takes those rows once; another source may take
-- them, as a copy of the program. Imports confirmed before have none, and are still found by
-- their file's digest.
ALTER TABLE imports ADD COLUMN rows_digest {{key_text}};
CREATE UNIQUE INDEX imports_confirmed_rows ON imports (source_id, rows_digest)
  WHERE status = 'confirmed' AND rows_digest IS NOT NULL;
