-- Attachments (issue 21; docs/attachments.md): uploaded images (JPEG, PNG, WebP, recognised by their
-- bytes) belonging to a record of some kind ("ticket", "job", ...), stored as files under the data
-- directory with a random name of ours (never the uploader's). The row keeps what the file must be:
-- its size and SHA-256, checked again when it is read back. Times are Unix seconds from the Clock.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (length(owner_kind) BETWEEN 1 AND 32),
  owner_id INTEGER NOT NULL,
  purpose TEXT NOT NULL DEFAULT 'photo' CHECK (length(purpose) BETWEEN 1 AND 32),
  stored_name TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  uploaded_by_type TEXT NOT NULL,
  uploaded_by_id INTEGER,
  uploaded_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id, id);
