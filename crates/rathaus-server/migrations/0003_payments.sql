-- Payments of a case's fee (XBezahldienste states). `request_id` makes creation
-- idempotent; every change of state is an event.
CREATE TABLE payments (
    id             TEXT PRIMARY KEY,
    case_number    TEXT NOT NULL REFERENCES cases(case_number),
    request_id     TEXT NOT NULL,
    amount_cents   INTEGER NOT NULL,
    state          TEXT NOT NULL,
    method         TEXT,
    reference      TEXT NOT NULL,
    failure_reason TEXT,
    return_url     TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    UNIQUE (case_number, request_id)
);
CREATE INDEX payments_by_case ON payments(case_number, created_at);
CREATE TABLE payment_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id TEXT NOT NULL REFERENCES payments(id),
    at         INTEGER NOT NULL,
    state      TEXT NOT NULL,
    reason     TEXT
);
CREATE INDEX payment_events_by_payment ON payment_events(payment_id, id);
