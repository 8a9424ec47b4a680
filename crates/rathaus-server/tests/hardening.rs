//! The reference backend against hostile input, time and load: idempotency over the
//! app's whole retry period, the limit on wrong codes under every spelling, idle and
//! slow connections, errors that are always the documented JSON, and the HTTP details
//! (compression, robots.txt, 404s).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::*;
use rathaus_core::case::CaseStatus;
use rathaus_server::db::Db;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

#[test]
fn a_retry_within_the_retention_gets_the_same_case_and_after_it_a_new_one() {
    let s = Server::start();
    let (status, first) = s.submit(Some("outbox-key"), &valid_application());
    assert_eq!(status, 201);
    // The app's outbox retries for up to 30 days; the key is kept for 90 by default.
    for (after_days, total) in [(2, 2), (87, 89)] {
        s.advance(after_days * DAY);
        let (status, again) = s.submit(Some("outbox-key"), &valid_application());
        assert_eq!((status, &again), (200, &first), "day {total}");
        assert_eq!(s.cases(), 1, "day {total}");
    }
    // After the retention the key is forgotten.
    s.advance(2 * DAY);
    let (status, later) = s.submit(Some("outbox-key"), &valid_application());
    assert_eq!(status, 201);
    assert_ne!(later["case_number"], first["case_number"]);
    assert_eq!(s.cases(), 2);
}

#[test]
fn the_retention_is_configurable() {
    let s = Server::start_adjusted(|c| c.idempotency_days = 3);
    let (_, first) = s.submit(Some("k"), &valid_application());
    s.advance(3 * DAY - 60);
    assert_eq!(s.submit(Some("k"), &valid_application()).1, first);
    s.advance(120);
    assert_eq!(s.submit(Some("k"), &valid_application()).0, 201);
}

#[test]
fn answers_and_payments_stay_idempotent_for_the_retention_and_refuse_other_bodies() {
    let s = Server::start();
    let (case, auth, request) = asked_case(&s, "Welche Farbe?", false);
    let body = json!({"request_id": request, "text": "Braun"});
    let (status, first) = answer(&s, &case, &auth, "a1", body.clone());
    assert_eq!(status, 200, "{first}");
    // The same key with another answer is refused, and nothing is recorded.
    let (status, refused) = answer(
        &s,
        &case,
        &auth,
        "a1",
        json!({"request_id": request, "text": "Schwarz"}),
    );
    assert_eq!(
        (status, refused["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );
    // The same key for another of the office's questions, too.
    let office = Db::open(&s.data_dir).unwrap();
    let now = rathaus_server::clock::now();
    let second = office.ask(&case, "Und die Größe?", false, now).unwrap();
    let (status, _) = answer(
        &s,
        &case,
        &auth,
        "a1",
        json!({"request_id": second, "text": "Groß"}),
    );
    assert_eq!(status, 409);
    // 89 days later the same retry still gets its 200, and changes nothing.
    s.advance(89 * DAY);
    let (status, again) = answer(&s, &case, &auth, "a1", body);
    assert_eq!(status, 200);
    let events = |v: &Value| v["events"].as_array().unwrap().len();
    assert_eq!(
        events(&again),
        events(&first) + 1,
        "only the second question"
    );

    // Payments: the same request id with another return address is refused.
    let (status, payment) = create_payment(&s, &case, &auth, "p1", "/back");
    assert_eq!(status, 201);
    let (status, body) = create_payment(&s, &case, &auth, "p1", "/elsewhere");
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );
    let (status, same) = create_payment(&s, &case, &auth, "p1", "/back");
    assert_eq!((status, &same["id"]), (200, &payment["id"]));
}

/// The demo case's number, written every way the lookup reads it.
const SPELLINGS: &[&str] = &[
    "2026-D3M0-0001",
    "2026-d3m0-0001",
    "2026 D3M0 0001",
    "2026D3M00001",
    "%202026-D3M0-0001%20",
    "2O26-D3MO-OOO1",
    "2o26-d3mo-ooo1",
    "2026-D3M0-000I",
    "2026-D3M0-000i",
    "2026-D3M0-000L",
    "2026-D3M0-000l",
    "2026--D3M0--0001",
];

#[test]
fn a_refused_case_stays_refused_under_every_spelling() {
    let s = Server::start_adjusted(|c| {
        c.demo = true;
        c.attempts_per_client = 0;
    });
    let right = format!("AccessCode {}", rathaus_server::DEMO_ACCESS_CODE);
    // Every spelling opens the case…
    for typed in SPELLINGS {
        assert_eq!(s.lookup(typed, Some(&right)).0, 200, "{typed}");
    }
    // …and five wrong codes, each under another spelling, count for the one case.
    for typed in &SPELLINGS[1..6] {
        assert_eq!(s.lookup(typed, Some("AccessCode AAAA-AAAA-AAAA")).0, 404);
    }
    for typed in SPELLINGS {
        let (status, body) = s.lookup(typed, Some(&right));
        assert_eq!(
            (status, body["error"].as_str()),
            (429, Some("too_many_requests")),
            "{typed}"
        );
    }
}

/// Holds a connection open that says nothing, or only part of a request head.
fn hold(s: &Server, partial: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream.write_all(partial).unwrap();
    stream
}

#[test]
fn idle_and_slow_connections_cannot_keep_others_out() {
    let s = Server::start_adjusted(|c| {
        c.max_connections = 4;
        c.header_timeout_seconds = 1;
    });
    // Three times as many connections as the server serves at once, silent or stuck
    // in the middle of their request head.
    let mut held: Vec<TcpStream> = (0..12)
        .map(|i| {
            hold(
                &s,
                if i % 2 == 0 {
                    b""
                } else {
                    b"GET /api/v1/services HTTP/1.1\r\nHost: x\r\n"
                },
            )
        })
        .collect();
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build();
    let resp = agent.get(&s.url("/api/v1/services")).call().unwrap();
    assert_eq!(resp.status(), 200);
    // The server closed the held connections instead of waiting for them forever.
    for stream in &mut held {
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut rest = Vec::new();
        match stream.read_to_end(&mut rest) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            Err(e) => panic!("expected the connection closed, got {e}"),
        }
    }
}

#[test]
fn at_the_limit_the_longest_idle_connection_makes_room() {
    // Connections would wait a minute for their heads: the normal request must not.
    let s = Server::start_adjusted(|c| {
        c.max_connections = 4;
        c.header_timeout_seconds = 60;
    });
    let _held: Vec<TcpStream> = (0..8)
        .map(|i| {
            hold(
                &s,
                if i % 2 == 0 {
                    b""
                } else {
                    b"GET / HTTP/1.1\r\n"
                },
            )
        })
        .collect();
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .build();
    for _ in 0..3 {
        let resp = agent.get(&s.url("/api/v1/services")).call().unwrap();
        assert_eq!(resp.status(), 200);
    }
}

#[test]
fn a_body_that_stops_coming_gets_408_and_frees_the_connection() {
    let s = Server::start_adjusted(|c| c.body_timeout_seconds = 1);
    let answer = s.raw(
        b"POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nIdempotency-Key: k\r\n\
          Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"service_id\":",
    );
    assert_eq!(answer.status, 408);
    assert_eq!(answer.json()["error"], "request_timeout");
}

fn api_error(resp: &ureq::Response) -> &str {
    resp.header("content-type").unwrap_or_default()
}

#[test]
fn every_api_error_is_the_documented_json() {
    let s = Server::start();
    let long = "a".repeat(300);
    for (method, path, status, code) in [
        (
            "GET",
            "/api/v1/services/%FF%FE".to_owned(),
            400,
            "bad_request",
        ),
        (
            "GET",
            "/api/v1/applications/%C0".to_owned(),
            400,
            "bad_request",
        ),
        (
            "DELETE",
            "/api/v1/services".to_owned(),
            405,
            "method_not_allowed",
        ),
        (
            "GET",
            "/api/v1/applications".to_owned(),
            405,
            "method_not_allowed",
        ),
        (
            "PUT",
            "/api/v1/attachments".to_owned(),
            405,
            "method_not_allowed",
        ),
        ("GET", format!("/api/v1/services/{long}"), 404, "not_found"),
        ("GET", format!("/api/v1/{long}"), 404, "not_found"),
        ("GET", "/api/v2/services".to_owned(), 404, "not_found"),
        ("GET", "/api/".to_owned(), 404, "not_found"),
    ] {
        let resp = any_status(ureq::request(method, &s.url(&path)).call());
        assert_eq!(resp.status(), status, "{method} {path}");
        assert!(
            api_error(&resp).starts_with("application/json"),
            "{method} {path}: {}",
            api_error(&resp)
        );
        let allow = resp.header("allow").map(str::to_owned);
        let body: Value = resp.into_json().unwrap();
        assert_eq!(body["error"], code, "{method} {path}");
        if status == 405 {
            assert!(allow.is_some(), "{method} {path} says what is allowed");
        }
    }
}

#[test]
fn paths_that_cannot_be_files_are_404_not_500() {
    let s = Server::start();
    let long = "a".repeat(300);
    for path in [
        format!("/{long}"),
        format!("/{long}.js"),
        format!("/services/{long}/x"),
        format!("/{}", "%41".repeat(300)),
        "/index.html/x".to_owned(),
        "/a%00b".to_owned(),
    ] {
        let resp = any_status(ureq::get(&s.url(&path)).call());
        assert_eq!(resp.status(), 404, "{path}");
    }
}

#[test]
fn oversized_bodies_get_a_readable_413_every_time() {
    let s = Server::start();
    let huge = json!({"service_id": "fuehrungszeugnis", "service_version": 1,
                      "answers": {"purpose": "x".repeat(300_000)}});
    for _ in 0..20 {
        let (status, body) = s.submit(Some("k"), &huge);
        assert_eq!(
            (status, body["error"].as_str()),
            (413, Some("payload_too_large"))
        );
    }
    let file = vec![b'%'; 26 * 1024 * 1024];
    for _ in 0..3 {
        let (status, body) = s.upload("huge.pdf", "application/pdf", &file);
        assert_eq!(
            (status, body["error"].as_str()),
            (413, Some("payload_too_large"))
        );
    }
    // A client that waits for "100 Continue" is told at once, before it sends anything.
    let answer = s.raw(
        b"POST /api/v1/attachments HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\
          Expect: 100-continue\r\n\r\n",
    );
    assert_eq!(answer.status, 413);
    assert_eq!(answer.json()["error"], "payload_too_large");
}

fn decoded(resp: ureq::Response) -> (Option<String>, Option<String>, Vec<u8>) {
    let encoding = resp.header("content-encoding").map(str::to_owned);
    let vary = resp.header("vary").map(str::to_ascii_lowercase);
    let mut raw = Vec::new();
    resp.into_reader().read_to_end(&mut raw).unwrap();
    let body = match encoding.as_deref() {
        Some("br") => {
            let mut out = Vec::new();
            brotli::Decompressor::new(&raw[..], 4096)
                .read_to_end(&mut out)
                .unwrap();
            out
        }
        Some("gzip") => {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..])
                .read_to_end(&mut out)
                .unwrap();
            out
        }
        _ => raw,
    };
    (encoding, vary, body)
}

#[test]
fn api_answers_are_compressed_as_the_client_accepts() {
    let s = Server::start();
    let get = |path: &str, accept: Option<&str>| {
        let mut req = ureq::get(&s.url(path));
        if let Some(accept) = accept {
            req = req.set("Accept-Encoding", accept);
        }
        decoded(req.call().unwrap())
    };
    for path in [
        "/api/v1/catalogue",
        "/api/v1/services",
        "/api/v1/services/bauantrag",
    ] {
        let (encoding, vary, plain) = get(path, None);
        assert_eq!(encoding, None, "{path}");
        assert!(
            vary.is_some_and(|v| v.contains("accept-encoding")),
            "{path}"
        );
        let plain: Value = serde_json::from_slice(&plain).unwrap();
        for (accept, expected) in [("gzip, deflate, br", "br"), ("gzip", "gzip")] {
            let (encoding, vary, body) = get(path, Some(accept));
            assert_eq!(encoding.as_deref(), Some(expected), "{path} {accept}");
            assert!(vary.is_some_and(|v| v.contains("accept-encoding")));
            assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), plain);
        }
    }
}

#[test]
fn built_files_are_served_precompressed_when_accepted() {
    let s = Server::start();
    let raw = b"export const x = 1;".repeat(50);
    let mut br = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    br.write_all(&raw).unwrap();
    let js = s.dist_dir.join("main-0123456789abcdef.js");
    std::fs::write(&js, &raw).unwrap();
    std::fs::write(js.with_extension("js.br"), br.into_inner()).unwrap();
    let resp = ureq::get(&s.url("/main-0123456789abcdef.js"))
        .set("Accept-Encoding", "gzip, br")
        .call()
        .unwrap();
    let (encoding, vary, body) = decoded(resp);
    assert_eq!(encoding.as_deref(), Some("br"));
    assert!(vary.is_some_and(|v| v.contains("accept-encoding")));
    assert_eq!(body, raw);
    let (encoding, _, body) = decoded(
        ureq::get(&s.url("/main-0123456789abcdef.js"))
            .call()
            .unwrap(),
    );
    assert_eq!((encoding, body), (None, raw));
}

#[test]
fn robots_txt_and_not_found_pages() {
    let s = Server::start();
    let robots = ureq::get(&s.url("/robots.txt")).call().unwrap();
    assert!(robots.content_type().starts_with("text/plain"));
    let robots = robots.into_string().unwrap();
    for line in [
        "User-agent: *",
        "Allow: /",
        "Disallow: /api/",
        "Disallow: /applications",
        "Disallow: /device",
        "Disallow: /test-provider/",
    ] {
        assert!(robots.lines().any(|l| l == line), "{line} in {robots}");
    }
    // The app's pages, also deep links, are the app with 200.
    for path in [
        "/",
        "/services/fuehrungszeugnis/apply/art/2",
        "/applications/2026-AAAA-BBBB/payment",
        "/status",
        "/device",
        "/life/umzug",
    ] {
        let resp = any_status(ureq::get(&s.url(path)).call());
        assert_eq!(resp.status(), 200, "{path}");
        assert!(resp
            .into_string()
            .unwrap()
            .contains("<title>Rathaus</title>"));
    }
    // Other addresses are 404: with the app's page (it says so itself) when they look
    // like a page, plainly when they name a file.
    for path in [
        "/wp-admin",
        "/impressum-alt",
        "/.git/config",
        "/app-1234.js",
        "/favicon.ico",
    ] {
        let resp = any_status(ureq::get(&s.url(path)).call());
        assert_eq!(resp.status(), 404, "{path}");
        let page = resp.into_string().unwrap();
        let named_a_file = path.rsplit('/').next().unwrap().contains('.');
        assert_eq!(
            !page.contains("<title>Rathaus</title>"),
            named_a_file,
            "{path}"
        );
    }
}

/// The first path segments the app routes (src/router/route.rs) are the ones the server
/// serves the app for with 200.
#[test]
fn the_servers_app_areas_are_the_apps_routes() {
    let router = std::fs::read_to_string(repo().join("src/router/route.rs")).unwrap();
    let parse = &router[router.find("pub fn parse").unwrap()..];
    let parse = &parse[..parse.find("pub fn href").unwrap_or(parse.len())];
    let mut routed: Vec<&str> = parse
        .split("[\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    routed.sort_unstable();
    routed.dedup();
    let mut served = rathaus_server::APP_AREAS.to_vec();
    served.sort_unstable();
    assert_eq!(routed, served);
}

#[test]
fn staff_read_citizens_text_escaped() {
    let s = Server::start();
    let (case, auth) = paid_service_case(&s);
    let office = Db::open(&s.data_dir).unwrap();
    let now = rathaus_server::clock::now();
    office
        .move_case(&case, CaseStatus::InReview, None, now)
        .unwrap();
    let request = office.ask(&case, "Noch etwas?", false, now).unwrap();
    let forged = "Nein.\r  2026-11-30T09:00:00Z  approved       status   Genehmigt\u{202E}";
    let (status, _) = answer(
        &s,
        &case,
        &auth,
        "a",
        json!({"request_id": request, "text": forged}),
    );
    assert_eq!(status, 200);
    let admin = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rathaus-server"))
            .arg("admin")
            .arg("--data-dir")
            .arg(&s.data_dir)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = admin(&["show", &case]);
    assert!(
        !shown.contains('\r') && !shown.contains('\u{202E}'),
        "{shown:?}"
    );
    assert!(shown.contains("Nein.\\r  2026-11-30"), "{shown}");
    assert!(shown.contains("Genehmigt<U+202E>"), "{shown}");
    assert!(!admin(&["list"]).contains('\r'));
}
