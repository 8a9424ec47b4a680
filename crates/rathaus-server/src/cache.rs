//! How long a client may keep an answer: one `Cache-Control` policy per route, set in
//! one place.

use axum::http::{header, HeaderValue};
use axum::response::Response;

/// `response` with the cache policy `policy` ("no-store", "no-cache", …).
pub(crate) fn with_cache(mut response: Response, policy: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}
