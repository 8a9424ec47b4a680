-- Citizens' reports of barriers. A repeated send (same idempotency key, same report)
-- gets the first answer back; reports are deleted after FEEDBACK_KEEP_SECONDS.
CREATE TABLE feedback (
    reference       TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash    TEXT NOT NULL,
    page            TEXT NOT NULL,
    description     TEXT NOT NULL,
    contact         TEXT NOT NULL,
    locale          TEXT NOT NULL,
    received_at     INTEGER NOT NULL
);
CREATE INDEX feedback_by_time ON feedback(received_at);
