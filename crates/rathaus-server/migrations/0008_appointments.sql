-- Appointments at the city's offices (src/appointments/). `number` is told to the
-- citizen with an access code, of which only a hash bound to the number is kept, as
-- for cases. `day` and `start` are the office's local date and minutes after
-- midnight; `minutes` the length the booking held when it was made.
CREATE TABLE appointments (
    number       TEXT PRIMARY KEY,
    code_hash    TEXT NOT NULL,
    office       TEXT NOT NULL,
    service      TEXT NOT NULL,
    persons      INTEGER NOT NULL,
    day          TEXT NOT NULL,
    start        INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    name         TEXT NOT NULL,
    contact      TEXT NOT NULL,
    -- A salted hash of the client's address, to limit bookings per client.
    client_tag   TEXT,
    created_at   INTEGER NOT NULL,
    -- 'booked', 'cancelled' (by the citizen) or 'called_off' (the office closed).
    status       TEXT NOT NULL DEFAULT 'booked',
    changed_at   INTEGER
);
CREATE INDEX appointments_held ON appointments(office, day) WHERE status = 'booked';
CREATE INDEX appointments_by_client ON appointments(client_tag, created_at);

-- Days an office closed after its hours were written (illness, a strike): no times
-- are given, and its bookings of that day are called off.
CREATE TABLE closed_days (
    office     TEXT NOT NULL,
    day        TEXT NOT NULL,
    closed_at  INTEGER NOT NULL,
    PRIMARY KEY (office, day)
);
