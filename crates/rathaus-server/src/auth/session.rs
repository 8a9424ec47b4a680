//! The session cookie and the extractor that finds a request's session. A request of a
//! logged-in browser that changes something must carry the session's CSRF token
//! ([`CSRF_HEADER`]); the cookie alone (which another site can make the browser send)
//! is refused.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use rathaus_core::api::{ApiErrorCode, CSRF_HEADER};

use crate::codes::constant_time_eq;
use crate::db::sessions::StoredSession;
use crate::error::ApiError;
use crate::extract::blocking;
use crate::AppState;

/// `__Host-`: only ever set by this origin over HTTPS (or a loopback address), for
/// every path, never for another domain.
pub const COOKIE: &str = "__Host-rathaus-session";

/// A new session's cookie value: 256 random bits, URL-safe.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("operating system random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `Set-Cookie` for a session: for this browser session only (closing the browser ends
/// it; the backend ends it earlier, see crate::auth), unreadable by scripts, sent on
/// top-level navigations from other sites (the provider's redirect back) but not on
/// their requests.
pub fn set_cookie(secret: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}={secret}; Path=/; HttpOnly; Secure; SameSite=Lax"
    ))
    .expect("hex is a valid header value")
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0"
    ))
    .expect("a valid header value")
}

/// The session cookie's value, if the request has one of the right shape.
pub fn cookie_secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A logged-in browser's session.
pub struct Session {
    pub secret: String,
    pub stored: StoredSession,
}

/// The request's session, if it has a live one. Without a cookie, with an unknown or
/// ended one, or when this backend offers no login: `None` — the request is anonymous.
/// With a live one, a state-changing request without its CSRF token is refused (403
/// `csrf_failed`).
pub struct MaybeSession(pub Option<Session>);

impl MaybeSession {
    pub fn account(&self) -> Option<&str> {
        self.0.as_ref().map(|s| s.stored.account.as_str())
    }
}

impl FromRequestParts<AppState> for MaybeSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(secret) = cookie_secret(&parts.headers) else {
            return Ok(MaybeSession(None));
        };
        if !state.auth.available() {
            return Ok(MaybeSession(None));
        }
        let db = state.db.clone();
        let now = state.clock.now();
        let idle = state.auth.idle_seconds;
        let lookup = secret.clone();
        let Some(stored) = blocking(move || db.session(&lookup, now, idle)).await?? else {
            return Ok(MaybeSession(None));
        };
        if !parts.method.is_safe() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !constant_time_eq(sent, &stored.csrf_token) {
                return Err(ApiError::Forbidden(ApiErrorCode::CsrfFailed));
            }
        }
        Ok(MaybeSession(Some(Session { secret, stored })))
    }
}
