//! Logins under way and logged-in browsers (migration 0007), and the account's cases. What a browser holds (the session cookie, a login's state) is stored
//! only as a hash.

use rathaus_core::date::Timestamp;
use rathaus_core::identity::Identity;
use rusqlite::{params, OptionalExtension};

use super::{Db, DbError};
use crate::codes::sha256_hex;

/// How long a login may take between the redirect to the provider and its callback.
pub const LOGIN_SECONDS: i64 = 10 * 60;

/// A login under way, as its callback finds it.
pub struct LoginAttempt {
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
}

/// A logged-in browser, as a request finds it.
#[derive(Clone, Debug)]
pub struct StoredSession {
    pub account: String,
    pub identity: Identity,
    pub csrf_token: String,
    pub id_token: String,
    pub expires_at: i64,
}

/// What a new session holds.
pub struct NewSession<'a> {
    pub cookie: &'a str,
    pub account: &'a str,
    pub identity: &'a Identity,
    pub csrf_token: &'a str,
    pub id_token: &'a str,
    pub now: Timestamp,
    /// At most this long, however active.
    pub lifetime_seconds: i64,
}

impl Db {
    pub fn begin_login(
        &self,
        state: &str,
        attempt: &LoginAttempt,
        now: Timestamp,
    ) -> Result<(), DbError> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM login_attempts WHERE created_at < ?1",
            params![now.0 - LOGIN_SECONDS],
        )?;
        conn.execute(
            "INSERT INTO login_attempts (state_hash, nonce, pkce_verifier, return_to, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                sha256_hex(state.as_bytes()),
                attempt.nonce,
                attempt.pkce_verifier,
                attempt.return_to,
                now.0
            ],
        )?;
        Ok(())
    }

    /// The login `state` names, once: a second callback with the same state (a replay)
    /// finds nothing, as does one after [`LOGIN_SECONDS`].
    pub fn take_login(&self, state: &str, now: Timestamp) -> Result<Option<LoginAttempt>, DbError> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "DELETE FROM login_attempts WHERE state_hash = ?1 AND created_at >= ?2
                 RETURNING nonce, pkce_verifier, return_to",
                params![sha256_hex(state.as_bytes()), now.0 - LOGIN_SECONDS],
                |r| {
                    Ok(LoginAttempt {
                        nonce: r.get(0)?,
                        pkce_verifier: r.get(1)?,
                        return_to: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn create_session(&self, session: NewSession<'_>) -> Result<(), DbError> {
        let conn = self.conn();
        let now = session.now.0;
        conn.execute("DELETE FROM sessions WHERE expires_at < ?1", params![now])?;
        conn.execute(
            "INSERT INTO sessions (id_hash, account, identity, csrf_token, id_token,
                 created_at, last_seen, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
            params![
                sha256_hex(session.cookie.as_bytes()),
                session.account,
                serde_json::to_string(session.identity).expect("identity serialises"),
                session.csrf_token,
                session.id_token,
                now,
                now + session.lifetime_seconds,
            ],
        )?;
        Ok(())
    }

    /// The session of `cookie` if it has been used within `idle_seconds` and has not
    /// reached its end; using it counts as activity.
    pub fn session(
        &self,
        cookie: &str,
        now: Timestamp,
        idle_seconds: i64,
    ) -> Result<Option<StoredSession>, DbError> {
        let conn = self.conn();
        let id_hash = sha256_hex(cookie.as_bytes());
        let found = conn
            .query_row(
                "UPDATE sessions SET last_seen = ?2
                 WHERE id_hash = ?1 AND last_seen >= ?3 AND expires_at > ?2
                 RETURNING account, identity, csrf_token, id_token, expires_at",
                params![id_hash, now.0, now.0 - idle_seconds],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                },
            )
            .optional()?;
        let Some((account, identity, csrf_token, id_token, expires_at)) = found else {
            return Ok(None);
        };
        let identity = serde_json::from_str(&identity)
            .map_err(|e| DbError::Corrupt(format!("session identity: {e}")))?;
        Ok(Some(StoredSession {
            account,
            identity,
            csrf_token,
            id_token,
            expires_at,
        }))
    }

    /// Ends the session of `cookie`; what it held (the identity, the ID token) is gone.
    pub fn end_session(&self, cookie: &str) -> Result<(), DbError> {
        self.conn().execute(
            "DELETE FROM sessions WHERE id_hash = ?1",
            params![sha256_hex(cookie.as_bytes())],
        )?;
        Ok(())
    }

    /// The account's cases, newest first: number, service, status and when sent.
    pub fn account_cases(&self, account: &str) -> Result<Vec<AccountCase>, DbError> {
        let conn = self.conn();
        let mut statement = conn.prepare(
            "SELECT case_number, service_id, status, fee_cents, submitted_at FROM cases
             WHERE account = ?1 ORDER BY submitted_at DESC, case_number LIMIT 200",
        )?;
        let rows = statement.query_map(params![account], |r| {
            Ok(AccountCase {
                case_number: r.get(0)?,
                service_id: r.get(1)?,
                status: r.get(2)?,
                fee_cents: r.get(3)?,
                submitted_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// One of an account's cases, as the list shows it.
pub struct AccountCase {
    pub case_number: String,
    pub service_id: String,
    pub status: String,
    pub fee_cents: i64,
    pub submitted_at: i64,
}

impl Db {
    /// The account's draft of a service (JSON as the app sent it), unless it was last
    /// saved before `oldest`: drafts expire as they do on the device.
    pub fn account_draft(
        &self,
        account: &str,
        service_id: &str,
        oldest: Timestamp,
    ) -> Result<Option<String>, DbError> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM account_drafts WHERE updated_at < ?1",
            params![oldest.0],
        )?;
        Ok(conn
            .query_row(
                "SELECT draft FROM account_drafts WHERE account = ?1 AND service_id = ?2",
                params![account, service_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn save_account_draft(
        &self,
        account: &str,
        service_id: &str,
        draft: &str,
        now: Timestamp,
    ) -> Result<(), DbError> {
        self.conn().execute(
            "INSERT INTO account_drafts (account, service_id, draft, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account, service_id) DO UPDATE SET draft = ?3, updated_at = ?4",
            params![account, service_id, draft, now.0],
        )?;
        Ok(())
    }

    /// Deletes the account's draft of one service, or all its drafts (`None`).
    pub fn delete_account_drafts(
        &self,
        account: &str,
        service_id: Option<&str>,
    ) -> Result<u32, DbError> {
        let conn = self.conn();
        let deleted = match service_id {
            Some(id) => conn.execute(
                "DELETE FROM account_drafts WHERE account = ?1 AND service_id = ?2",
                params![account, id],
            )?,
            None => conn.execute(
                "DELETE FROM account_drafts WHERE account = ?1",
                params![account],
            )?,
        };
        Ok(u32::try_from(deleted).unwrap_or(u32::MAX))
    }
}
