-- What kind of timeline entry an event is (status change, message, request, answer).
ALTER TABLE case_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'status';
-- The office's questions to the citizen. `answer_key` is the idempotency key of the
-- answer, so that a repeated answer is recognised instead of refused.
CREATE TABLE case_requests (
    id             TEXT PRIMARY KEY,
    case_number    TEXT NOT NULL REFERENCES cases(case_number),
    message        TEXT NOT NULL,
    wants_document INTEGER NOT NULL,
    asked_at       INTEGER NOT NULL,
    closed_at      INTEGER,
    answer_key     TEXT
);
CREATE INDEX case_requests_by_case ON case_requests(case_number, asked_at);
-- Files that came with an answer belong to its event.
ALTER TABLE attachments ADD COLUMN event_id INTEGER REFERENCES case_events(id);
