-- A workbook may hold several programs, one to a sheet: its bytes are then the same for each, and
-- a file is imported once per agency only sheet by sheet. The sheet a draft reads is kept in a
-- column of its own beside its choices, where the unique index can see it.
--
-- A draft is kept for as long as someone is working on it: it goes a month after its last
-- change, not a month after its upload.
ALTER TABLE imports ADD COLUMN sheet {{int}} NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN changed_at {{int}} NOT NULL DEFAULT 0;
-- @sqlite
UPDATE imports SET sheet = coalesce(json_extract(choices, '$.sheet'), 0), changed_at = created_at;
-- @postgres
UPDATE imports SET sheet = coalesce((choices::json ->> 'sheet')::BIGINT, 0),
  changed_at = created_at;
-- @both
DROP INDEX imports_confirmed_file;
CREATE UNIQUE INDEX imports_confirmed_sheet ON imports (agency_id, file_sha256, sheet)
  WHERE status = 'confirmed';
CREATE INDEX imports_draft_age ON imports (agency_id, changed_at) WHERE status = 'draft';
