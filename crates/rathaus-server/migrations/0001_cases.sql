CREATE TABLE cases (
    case_number      TEXT PRIMARY KEY,
    service_id       TEXT NOT NULL,
    service_version  INTEGER NOT NULL,
    answers          TEXT NOT NULL,
    fee_cents        INTEGER NOT NULL,
    access_code_hash TEXT NOT NULL,
    status           TEXT NOT NULL,
    locale           TEXT NOT NULL,
    submitted_at     INTEGER NOT NULL
);
CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_number TEXT NOT NULL REFERENCES cases(case_number),
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,
    message     TEXT
);
CREATE INDEX case_events_by_case ON case_events(case_number, id);
-- The first answer to a request, returned again when the same key comes back. It holds
-- the access code in clear, so it is kept only for IDEMPOTENCY_WINDOW_SECONDS.
CREATE TABLE idempotency_keys (
    key          TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    response     TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
