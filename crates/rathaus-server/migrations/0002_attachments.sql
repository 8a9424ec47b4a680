-- Files uploaded for an application. Unclaimed ones (no case yet) are deleted after
-- ATTACHMENT_KEEP_SECONDS; a case keeps its files.
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    case_number TEXT REFERENCES cases(case_number)
);
CREATE INDEX attachments_unclaimed ON attachments(created_at) WHERE case_number IS NULL;
