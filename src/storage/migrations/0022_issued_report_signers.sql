-- The signer of each issued report as printed on it, and the signature its documents carry, in
-- columns of their own beside its frozen model: the register's list shows them without reading
-- the models, which hold the period's lists and run to hundreds of kilobytes each. Written with
-- the report and never changed, like the model. Reports issued before this take them from their
-- model, which has held its signer since the first report was issued.
ALTER TABLE issued_reports ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE issued_reports ADD COLUMN signer_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE issued_reports ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE issued_reports ADD COLUMN signature_sha256 TEXT;
ALTER TABLE issued_reports ADD COLUMN signature_width {{int}};
ALTER TABLE issued_reports ADD COLUMN signature_height {{int}};
-- @sqlite
UPDATE issued_reports SET
  signer_name = coalesce(json_extract(model, '$.signer.full_name'), ''),
  signer_authority = coalesce(json_extract(model, '$.signer.authority'), ''),
  signer_title = coalesce(json_extract(model, '$.signer.title'), ''),
  signature_sha256 = json_extract(model, '$.signer.signature.sha256'),
  signature_width = json_extract(model, '$.signer.signature.width'),
  signature_height = json_extract(model, '$.signer.signature.height');
-- @postgres
UPDATE issued_reports r SET
  signer_name = coalesce(m.signer ->> 'full_name', ''),
  signer_authority = coalesce(m.signer ->> 'authority', ''),
  signer_title = coalesce(m.signer ->> 'title', ''),
  signature_sha256 = m.signer -> 'signature' ->> 'sha256',
  signature_width = (m.signer -> 'signature' ->> 'width')::BIGINT,
  signature_height = (m.signer -> 'signature' ->> 'height')::BIGINT
FROM (SELECT id, model::json -> 'signer' AS signer FROM issued_reports) m
WHERE m.id = r.id;
-- @both
