//! The HTTP surface: `/api/v1`, the built app, and the headers every response carries.

use std::path::Path;
use std::time::Instant;

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;

/// Strict: only our own scripts (no inline script at all), wasm compilation, our own
/// styles, images and API. Nothing from any other origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; \
img-src 'self' data:; \
font-src 'self'; \
connect-src 'self'; \
manifest-src 'self'; \
worker-src 'self'; \
object-src 'none'; \
base-uri 'none'; \
form-action 'self'; \
frame-ancestors 'none'";

pub fn router(state: AppState, dist: &Path) -> Router {
    // Unknown paths outside /api are app routes (deep links, reloads): the app's
    // index.html answers them and the router in the app takes over.
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let static_files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let mut router = Router::new();
    // The built-in test provider, unless a real one is configured.
    if state
        .payment_provider_url
        .starts_with(crate::test_provider::PREFIX)
    {
        router = router.nest(
            crate::test_provider::PREFIX,
            crate::test_provider::routes().with_state(state.clone()),
        );
    }
    router
        .nest("/api/v1", crate::api::routes().with_state(state))
        .fallback_service(static_files)
        .layer(middleware::from_fn(headers_and_log))
}

async fn headers_and_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // The path only: queries could carry anything, and logs must not hold personal data.
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    for (name, value) in [
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ] {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        let policy = if is_fingerprinted(&path) {
            "public, max-age=31536000, immutable"
        } else {
            // index.html, config.json, the service worker: always ask for a fresh copy.
            "no-cache"
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    tracing::info!(
        "{method} {path} {} {}ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

/// Trunk names built files `name-<hash>.ext`, the hash a 64-bit number in hex without
/// leading zeros (so 10 to 16 digits in practice); such a file's content never changes.
fn is_fingerprinted(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (10..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprinted_names() {
        assert!(super::is_fingerprinted("/rathaus-0123456789abcdef_bg.wasm"));
        assert!(super::is_fingerprinted("/rathaus-0123456789abcdef.js"));
        assert!(super::is_fingerprinted("/main-0123456789abcdef.css"));
        assert!(super::is_fingerprinted("/rathaus-ba8d29c834dbfc_bg.wasm"));
        // The wizard's module and its loader (scripts/build/wasm.mjs).
        assert!(super::is_fingerprinted(
            "/split_deferred-60c1029f24920949.wasm"
        ));
        assert!(super::is_fingerprinted(
            "/rathaus-split-946f5abe050bfb2f.js"
        ));
        assert!(!super::is_fingerprinted("/sw.js"));
        assert!(!super::is_fingerprinted("/manifest.webmanifest"));
        assert!(!super::is_fingerprinted("/icon-2.svg"));
        assert!(!super::is_fingerprinted("/index.html"));
        assert!(!super::is_fingerprinted("/config.json"));
        assert!(!super::is_fingerprinted("/services/fuehrungszeugnis"));
    }
}
