//! The HTTP surface: `/api/v1`, the built app, and the headers every response carries.

use std::path::Path;
use std::time::Instant;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
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

/// For answers that are not documents (API answers, scripts, styles, wasm, images): were
/// one opened as a page anyway, it may load nothing and be framed by nobody.
pub const NOT_A_DOCUMENT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// The first path segments of the app's own pages (`Route::parse` in src/router/route.rs;
/// a test keeps the two in step). Unknown paths under them are the app's to judge: it
/// is served with 200 and shows its own "not found" page where there is none.
pub const APP_AREAS: &[&str] = &[
    "services",
    "applications",
    "status",
    "life",
    "areas",
    "info",
    "device",
    "login",
    "impressum",
    "datenschutz",
    "barrierefreiheit",
];

/// Served at `/robots.txt` unless the built app has its own: the public pages may be
/// indexed, the API, the citizen's own pages and the test provider not.
pub const ROBOTS_TXT: &str = "User-agent: *\n\
Allow: /\n\
Disallow: /api/\n\
Disallow: /applications\n\
Disallow: /device\n\
Disallow: /test-provider/\n";

pub fn router(state: AppState, dist: &Path) -> Router {
    let files = StaticFiles {
        dir: ServeDir::new(dist).precompressed_br().precompressed_gzip(),
        index: ServeFile::new(dist.join("index.html"))
            .precompressed_br()
            .precompressed_gzip(),
    };
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
    if !dist.join("robots.txt").is_file() {
        router = router.route(
            "/robots.txt",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    ROBOTS_TXT,
                )
            }),
        );
    }
    // API answers are compressed as they go (the catalogue is compressed at start,
    // crate::precompressed); built files have their .br and .gz next to them.
    let api = crate::api::routes()
        .with_state(state)
        .layer(CompressionLayer::new().br(true).gzip(true));
    router
        .nest("/api/v1", api)
        .fallback(move |request: Request| files.clone().serve(request))
        // A panic is a 500 like any other (and JSON under /api).
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn(api_errors_as_json))
        .layer(middleware::from_fn(headers_and_log))
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Every error under `/api/` answers with the documented JSON, also those that no
/// handler made: an unknown method (405), a path that is not UTF-8 (400), a panic.
async fn api_errors_as_json(request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if !api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let mut json = crate::error::for_status(status);
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = response.headers().get(&name) {
            json.headers_mut().insert(name, value.clone());
        }
    }
    json
}

/// The built app: its files as they are (precompressed when accepted), and for other
/// paths `index.html` — with 200 for the app's pages, 404 otherwise. A path that names
/// a file (it has an extension) that is not there, or that no file can have, is a
/// plain 404: a missing script must not get a page instead.
#[derive(Clone)]
struct StaticFiles {
    dir: ServeDir,
    index: ServeFile,
}

impl StaticFiles {
    async fn serve(self, request: Request) -> Response {
        let path = request.uri().path().to_owned();
        if is_api(&path) {
            return StatusCode::NOT_FOUND.into_response();
        }
        if !could_be_a_file(&path) {
            return not_found();
        }
        let method = request.method().clone();
        let (parts, _) = request.into_parts();
        let response = match self
            .dir
            .oneshot(Request::from_parts(parts.clone(), Body::empty()))
            .await
        {
            Ok(response) => response.map(Body::new),
            Err(never) => match never {},
        };
        if response.status() != StatusCode::NOT_FOUND
            || !matches!(method, Method::GET | Method::HEAD)
        {
            return response;
        }
        if has_extension(&path) {
            return not_found();
        }
        let mut page = match self
            .index
            .oneshot(Request::from_parts(parts, Body::empty()))
            .await
        {
            Ok(page) => page.map(Body::new),
            Err(never) => match never {},
        };
        if page.status() == StatusCode::OK && !is_app_page(&path) {
            *page.status_mut() = StatusCode::NOT_FOUND;
        }
        page
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not found\n",
    )
        .into_response()
}

/// Whether any file system could have a file at `path`: no name longer than 255 bytes
/// (decoded), no NUL, not absurdly deep or long. Anything else is a 404 — asking the
/// file system would only fail.
fn could_be_a_file(path: &str) -> bool {
    path.len() <= 2048
        && path.split('/').all(|segment| {
            let name = crate::uploads::percent_decode(segment);
            name.len() <= 255 && !name.contains('\0')
        })
}

/// `app-1a2b.js`, `robots.txt`: the last segment ends in a dot and 1 to 8 letters or
/// digits.
fn has_extension(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=8).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

fn is_app_page(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    first.is_empty() || APP_AREAS.contains(&first)
}

async fn headers_and_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // The path only: queries could carry anything, and logs must not hold personal data.
    // Escaped, as it is the client's text (crate::staff_text).
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // A document (a page, or the service worker, whose CSP governs what it fetches)
    // gets the whole set; everything else is never rendered as a document, so the
    // short policy and the headers that apply to any response are enough. Each
    // header costs every request of a first visit its bytes.
    // Decided by the address too, not only the type: a 304 has no type, and its headers
    // replace the ones the browser kept with the page.
    let is_document = path == "/sw.js"
        || path == "/index.html"
        || (is_app_page(&path) && !has_extension(&path))
        || h.get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    let headers: &[(&str, &str)] = if is_document {
        &[
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
        ]
    } else {
        &[
            ("content-security-policy", NOT_A_DOCUMENT_POLICY),
            ("x-content-type-options", "nosniff"),
            ("cross-origin-resource-policy", "same-origin"),
        ]
    };
    for &(name, value) in headers {
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
    // Files and API answers come compressed or not, as the request accepts.
    let varies = h.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if !varies {
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    tracing::info!(
        "{method} {} {} {}ms",
        crate::staff_text::escape(&path),
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
