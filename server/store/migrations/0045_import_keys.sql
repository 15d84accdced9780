-- Imports from another billing system (issue 22, `kimonet import phpnuxbill`): one row per
-- imported source row, under a stable key (the source's table and id), so running the import
-- again creates nothing twice and reports what changed at the source since (the fingerprint is
-- the mapped fields as they were imported; never a password).
CREATE TABLE import_keys (
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  external_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (source, kind, external_id)
);
