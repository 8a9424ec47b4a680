//! Reading a request's body: at most a route's limit, never waiting long for the next
//! piece of it, and read to its end (up to a bound) even when it is too large, so that
//! the client has sent everything before the answer comes and can read the `413`.
//! Closing a connection with unread data makes the client's system drop the answer
//! ("broken pipe", "connection reset") instead.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};
use http_body_util::BodyExt;

use crate::error::ApiError;
use crate::AppState;

/// Beyond this much, an oversized body is not read any further: the answer goes out
/// and the connection closes.
const DRAIN_AT_MOST: usize = 64 * 1024 * 1024;

/// A body of at most `LIMIT` bytes; see the module.
pub struct Body<const LIMIT: usize>(pub Bytes);

impl<const LIMIT: usize> FromRequest<AppState> for Body<LIMIT> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        read(request, LIMIT, state.body_timeout).await.map(Body)
    }
}

fn declared_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// The body, or `413` over `limit`, `408` when no more of it came for `idle`, `400`
/// when it broke off.
pub async fn read(request: Request, limit: usize, idle: Duration) -> Result<Bytes, ApiError> {
    let declared = declared_length(request.headers());
    let waits_for_continue = request
        .headers()
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if let Some(length) = declared.filter(|&n| n > limit) {
        // A client that waits for "100 Continue" has sent nothing yet: say no at once.
        // One that announces more than we would drain is answered at once as well.
        if waits_for_continue || length > DRAIN_AT_MOST {
            return Err(ApiError::PayloadTooLarge);
        }
    }
    let mut body = request.into_body();
    let mut kept = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    let mut total = 0usize;
    loop {
        let frame = match tokio::time::timeout(idle, body.frame()).await {
            Err(_) => return Err(ApiError::RequestTimeout),
            Ok(None) => break,
            Ok(Some(Err(_))) => return Err(ApiError::BadRequest),
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        total = total.saturating_add(data.len());
        if total > limit {
            // Too large: what came so far is dropped; the rest is read and dropped too.
            kept = Vec::new();
            if total > DRAIN_AT_MOST {
                break;
            }
        } else {
            kept.extend_from_slice(&data);
        }
    }
    if total > limit {
        Err(ApiError::PayloadTooLarge)
    } else {
        Ok(Bytes::from(kept))
    }
}
