-- Login through the city's identity provider (src/auth/). A case sent while logged in
-- belongs to the account: `account` is a hash of the provider's issuer and subject, so
-- the database holds no identifier of the provider's. `from_identity` lists the
-- answers (field ids, JSON) the login filled in, for the office to see.
ALTER TABLE cases ADD COLUMN account TEXT;
ALTER TABLE cases ADD COLUMN from_identity TEXT;
CREATE INDEX cases_by_account ON cases(account, submitted_at);

-- A login under way, between the redirect to the provider and its callback: the
-- state (hashed), the nonce and the PKCE verifier. Used once, then deleted; kept at
-- most LOGIN_SECONDS.
CREATE TABLE login_attempts (
    state_hash   TEXT PRIMARY KEY,
    nonce        TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to    TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

-- A logged-in browser: the cookie's value is known only to the browser (the table
-- keeps its hash). The identity is what the provider vouched for, kept only while the
-- session lives; the ID token only to end the session at the provider.
CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    identity    TEXT NOT NULL,
    csrf_token  TEXT NOT NULL,
    id_token    TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

-- Drafts kept for an account, so that a logged-in citizen can go on on another device
-- (only when they ask for it in the app). Deleted when the application is sent, when
-- the citizen deletes everything, or ACCOUNT_DRAFT_DAYS after they were last saved.
CREATE TABLE account_drafts (
    account     TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    draft       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (account, service_id)
);
