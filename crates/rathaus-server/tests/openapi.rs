//! docs/openapi.json is current, describes what the router serves, and every status it
//! documents is one a real server answers — each reached here by a request, so a status
//! that can no longer happen (or a new one nobody documented) fails.

#[path = "openapi/appointments.rs"]
mod appointments;
mod common;

use std::collections::BTreeSet;
use std::net::IpAddr;

use common::{asked_case, repo, RawResponse, Server, PDF};
use rathaus_server::feedback::REPORTS_PER_CLIENT;
use rathaus_server::openapi::{document, operations, path_parameters, OPENAPI_PATH};
use serde_json::{json, Value};

#[test]
fn the_checked_in_document_is_current() {
    let checked_in = std::fs::read_to_string(repo().join(OPENAPI_PATH)).unwrap_or_default();
    assert!(
        checked_in == document(),
        "{OPENAPI_PATH} is out of date; regenerate it with\n  \
         cargo run -p rathaus-server -- openapi > {OPENAPI_PATH}"
    );
}

#[test]
fn the_server_serves_its_own_description() {
    let s = Server::start();
    let served = ureq::get(&s.url("/api/v1/openapi.json"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert_eq!(served, document());
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Each documented path takes exactly its documented methods: the others are 405, the
/// documented ones never.
#[test]
fn every_documented_path_takes_its_methods_and_no_others() {
    let s = Server::start();
    let paths: BTreeSet<&str> = operations().iter().map(|o| o.path).collect();
    for path in paths {
        let concrete = path_parameters(path).fold(path.to_owned(), |p, name| {
            p.replace(&format!("{{{name}}}"), "x")
        });
        for method in METHODS {
            let documented = operations()
                .iter()
                .any(|o| o.path == path && o.method.eq_ignore_ascii_case(method));
            let answer = s.raw(&http(method, &format!("/api/v1{concrete}"), &[], b""));
            assert_eq!(
                answer.status == 405,
                !documented,
                "{method} {path}: {}",
                answer.status
            );
        }
    }
}

/// A request and where it comes from (limits count per client address).
struct Probe {
    operation: &'static str,
    status: u16,
    from: &'static str,
    request: Vec<u8>,
}

fn http(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: rathaus.test\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut request = head.into_bytes();
    request.extend_from_slice(body);
    request
}

/// A body that announces more than it sends: the server stops waiting (408).
fn stalled(method: &str, path: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut request = http(method, path, headers, b"");
    request.truncate(request.len() - 4);
    let cut = request.len() - "Content-Length: 0".len();
    request.truncate(cut);
    request.extend_from_slice(b"Content-Length: 100\r\n\r\n{\"a\":");
    request
}

fn json_body(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

fn example(operation: &str) -> Value {
    let document: Value = serde_json::from_str(&document()).unwrap();
    let (path, described) = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| ["post", "put"].map(|m| (path, &item[m])))
        .find(|(_, described)| described["operationId"] == operation)
        .unwrap();
    let example = described["requestBody"]["content"]["application/json"]["example"].clone();
    assert!(!example.is_null(), "{path} has an example");
    example
}

fn send(s: &Server, from: &str, request: &[u8]) -> RawResponse {
    s.raw_from(from.parse::<IpAddr>().unwrap(), request)
}

#[test]
fn every_documented_status_is_answered() {
    let s = Server::start_adjusted(|c| {
        c.body_timeout_seconds = 1;
        c.attempts_per_case = 3;
        c.attempts_per_client = 1000;
        c.uploads_per_client = 2;
    });
    const JSON: (&str, &str) = ("Content-Type", "application/json");
    // Case A: paid service, asked a question by the office; case B: blocked by guesses.
    let (case, auth, request_id) = asked_case(
        &s,
        "Bitte senden Sie uns eine Kopie Ihres Ausweises.",
        false,
    );
    let (_, other) = s.submit(Some("case-b"), &common::valid_application());
    let blocked = other["case_number"].as_str().unwrap().to_owned();
    let blocked_auth = format!("AccessCode {}", other["access_code"].as_str().unwrap());
    // Case C has a payment already (case A's first is made by a probe).
    let (_, third) = s.submit(Some("case-c"), &common::valid_application());
    let paying = third["case_number"].as_str().unwrap().to_owned();
    let paying_auth = format!("AccessCode {}", third["access_code"].as_str().unwrap());
    let payment = common::create_payment(&s, &paying, &paying_auth, "pay-1", "/applications").1;
    let payment_id = payment["id"].as_str().unwrap().to_owned();

    let a = |path: &str| format!("/api/v1/applications/{case}{path}");
    let b = |path: &str| format!("/api/v1/applications/{blocked}{path}");
    // Unknown cases, each its own number (wrong attempts count per number).
    let unknown = |n: u32, path: &str| format!("/api/v1/applications/2026-AAAA-AA{n:02}{path}");
    let with = |key: &'static str| -> [(&'static str, String); 3] {
        [
            ("Authorization", auth.clone()),
            ("Idempotency-Key", key.to_owned()),
            (JSON.0, JSON.1.to_owned()),
        ]
    };
    fn refs<'a>(headers: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        headers.iter().map(|(n, v)| (*n, v.as_str())).collect()
    }
    let wrong = ("Authorization", "AccessCode AAAA-AAAA-AAAA");
    let large = json_body(&json!({"text": "x".repeat(300 * 1024)}));
    let application = json_body(&example("submitApplication"));
    let report = json_body(&example("reportBarrier"));
    let pay = json_body(&example("createPayment"));
    let active_pdf =
        b"%PDF-1.7\n1 0 obj <</Type /Catalog /OpenAction <</S /JavaScript /JS (x)>> >> endobj\n\
          trailer <</Root 1 0 R>>\n%%EOF\n";
    let (cookie, csrf) = common::log_in(&s, "erika", &Default::default());
    let draft = json_body(&example("saveAccountDraft"));
    let probe = |operation, status, from, request| Probe {
        operation,
        status,
        from,
        request,
    };
    let local = "127.0.0.1";
    let mut probes = vec![
        probe(
            "getOpenApi",
            200,
            local,
            http("GET", "/api/v1/openapi.json", &[], b""),
        ),
        probe(
            "listServices",
            200,
            local,
            http("GET", "/api/v1/services", &[], b""),
        ),
        probe(
            "getService",
            200,
            local,
            http("GET", "/api/v1/services/fuehrungszeugnis", &[], b""),
        ),
        probe(
            "getService",
            404,
            local,
            http("GET", "/api/v1/services/nichts", &[], b""),
        ),
        probe(
            "getCatalogue",
            200,
            local,
            http("GET", "/api/v1/catalogue", &[], b""),
        ),
        probe(
            "getOverview",
            200,
            local,
            http("GET", "/api/v1/catalogue/overview", &[], b""),
        ),
        probe(
            "getCatalogue",
            400,
            local,
            http("GET", "/api/v1/catalogue?lang=xx", &[], b""),
        ),
        probe(
            "getOverview",
            400,
            local,
            http("GET", "/api/v1/catalogue/overview?lang=klingon", &[], b""),
        ),
        // Login and the account.
        probe(
            "getSession",
            200,
            local,
            http("GET", "/api/v1/session", &[], b""),
        ),
        probe(
            "logout",
            200,
            local,
            http("POST", "/api/v1/auth/logout", &[], b""),
        ),
        probe(
            "logout",
            403,
            local,
            http("POST", "/api/v1/auth/logout", &[("Cookie", &cookie)], b""),
        ),
        probe(
            "listAccountApplications",
            200,
            local,
            http(
                "GET",
                "/api/v1/account/applications",
                &[("Cookie", &cookie)],
                b"",
            ),
        ),
        probe(
            "saveAccountDraft",
            200,
            local,
            http(
                "PUT",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf), JSON],
                &draft,
            ),
        ),
        probe(
            "getAccountDraft",
            200,
            local,
            http(
                "GET",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[("Cookie", &cookie)],
                b"",
            ),
        ),
        probe(
            "getAccountDraft",
            404,
            local,
            http(
                "GET",
                "/api/v1/account/drafts/hundesteuer",
                &[("Cookie", &cookie)],
                b"",
            ),
        ),
        probe(
            "getAccountDraft",
            403,
            local,
            http("GET", "/api/v1/account/drafts/fuehrungszeugnis", &[], b""),
        ),
        probe(
            "saveAccountDraft",
            400,
            local,
            http(
                "PUT",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf), JSON],
                b"{\"answers\": 1}",
            ),
        ),
        probe(
            "saveAccountDraft",
            403,
            local,
            http(
                "PUT",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[JSON],
                &draft,
            ),
        ),
        probe(
            "saveAccountDraft",
            404,
            local,
            http(
                "PUT",
                "/api/v1/account/drafts/nichts",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf), JSON],
                &draft,
            ),
        ),
        probe(
            "saveAccountDraft",
            413,
            local,
            http(
                "PUT",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf), JSON],
                &large,
            ),
        ),
        probe(
            "deleteAccountDraft",
            200,
            local,
            http(
                "DELETE",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
                b"",
            ),
        ),
        probe(
            "deleteAccountDraft",
            403,
            local,
            http(
                "DELETE",
                "/api/v1/account/drafts/fuehrungszeugnis",
                &[],
                b"",
            ),
        ),
        probe(
            "deleteAccountDrafts",
            200,
            local,
            http(
                "DELETE",
                "/api/v1/account/drafts",
                &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
                b"",
            ),
        ),
        probe(
            "deleteAccountDrafts",
            403,
            local,
            http("DELETE", "/api/v1/account/drafts", &[], b""),
        ),
        probe(
            "listAccountApplications",
            403,
            local,
            http("GET", "/api/v1/account/applications", &[], b""),
        ),
        probe(
            "submitApplication",
            403,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-login"), JSON],
                &json_body(
                    &json!({"service_id": "wohnsitzanmeldung", "service_version": 1, "answers": {}}),
                ),
            ),
        ),
        // Applications.
        probe(
            "submitApplication",
            201,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-1"), JSON],
                &application,
            ),
        ),
        probe(
            "submitApplication",
            200,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-1"), JSON],
                &application,
            ),
        ),
        probe(
            "submitApplication",
            409,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-1"), JSON],
                &json_body(
                    &json!({"service_id": "fuehrungszeugnis", "service_version": 1, "answers": {}}),
                ),
            ),
        ),
        probe(
            "submitApplication",
            400,
            local,
            http("POST", "/api/v1/applications", &[JSON], &application),
        ),
        probe(
            "submitApplication",
            404,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-2"), JSON],
                &json_body(&json!({"service_id": "nichts", "service_version": 1, "answers": {}})),
            ),
        ),
        probe(
            "submitApplication",
            408,
            local,
            stalled(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-3"), JSON],
            ),
        ),
        probe(
            "submitApplication",
            413,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-4"), JSON],
                &large,
            ),
        ),
        probe(
            "submitApplication",
            422,
            local,
            http(
                "POST",
                "/api/v1/applications",
                &[("Idempotency-Key", "app-5"), JSON],
                &json_body(
                    &json!({"service_id": "bewohnerparkausweis", "service_version": 1, "answers": {}}),
                ),
            ),
        ),
        // A case.
        probe(
            "getCase",
            200,
            local,
            http("GET", &a(""), &[("Authorization", &auth)], b""),
        ),
        probe("getCase", 401, local, http("GET", &a(""), &[], b"")),
        probe(
            "getCase",
            404,
            local,
            http("GET", &unknown(1, ""), &[wrong], b""),
        ),
        // Answers to the office's question: refused while it is open, then taken once.
        probe(
            "answerRequest",
            400,
            local,
            http(
                "POST",
                &a("/answers"),
                &[("Authorization", &auth), JSON],
                b"{}",
            ),
        ),
        probe(
            "answerRequest",
            401,
            local,
            http(
                "POST",
                &a("/answers"),
                &[("Idempotency-Key", "ans-0"), JSON],
                br#"{"request_id": "x"}"#,
            ),
        ),
        probe(
            "answerRequest",
            404,
            local,
            http(
                "POST",
                &unknown(2, "/answers"),
                &[wrong, ("Idempotency-Key", "ans-0"), JSON],
                br#"{"request_id": "x"}"#,
            ),
        ),
        probe(
            "answerRequest",
            408,
            local,
            stalled("POST", &a("/answers"), &refs(&with("ans-0"))),
        ),
        probe(
            "answerRequest",
            413,
            local,
            http("POST", &a("/answers"), &refs(&with("ans-0")), &large),
        ),
        probe(
            "answerRequest",
            422,
            local,
            http(
                "POST",
                &a("/answers"),
                &refs(&with("ans-1")),
                &json_body(&json!({"request_id": request_id, "text": ""})),
            ),
        ),
        probe(
            "answerRequest",
            200,
            local,
            http(
                "POST",
                &a("/answers"),
                &refs(&with("ans-2")),
                &json_body(&json!({"request_id": request_id, "text": "Die Kopie folgt per Post."})),
            ),
        ),
        probe(
            "answerRequest",
            409,
            local,
            http(
                "POST",
                &a("/answers"),
                &refs(&with("ans-3")),
                &json_body(&json!({"request_id": request_id, "text": "Noch einmal."})),
            ),
        ),
        // Payments.
        probe(
            "createPayment",
            201,
            local,
            http("POST", &a("/payments"), &refs(&with("pay-2")), &pay),
        ),
        probe(
            "createPayment",
            200,
            local,
            http("POST", &a("/payments"), &refs(&with("pay-2")), &pay),
        ),
        probe(
            "createPayment",
            409,
            local,
            http(
                "POST",
                &a("/payments"),
                &refs(&with("pay-2")),
                &json_body(&json!({"return_url": "/anderswo"})),
            ),
        ),
        probe(
            "createPayment",
            400,
            local,
            http(
                "POST",
                &a("/payments"),
                &refs(&with("pay-3")),
                &json_body(&json!({"return_url": "https://example.org/"})),
            ),
        ),
        probe(
            "createPayment",
            401,
            local,
            http(
                "POST",
                &a("/payments"),
                &[("Idempotency-Key", "pay-4"), JSON],
                &pay,
            ),
        ),
        probe(
            "createPayment",
            404,
            local,
            http(
                "POST",
                &unknown(3, "/payments"),
                &[wrong, ("Idempotency-Key", "pay-4"), JSON],
                &pay,
            ),
        ),
        probe(
            "createPayment",
            408,
            local,
            stalled("POST", &a("/payments"), &refs(&with("pay-5"))),
        ),
        probe(
            "createPayment",
            413,
            local,
            http("POST", &a("/payments"), &refs(&with("pay-6")), &large),
        ),
        probe(
            "listPayments",
            200,
            local,
            http("GET", &a("/payments"), &[("Authorization", &auth)], b""),
        ),
        probe(
            "listPayments",
            401,
            local,
            http("GET", &a("/payments"), &[], b""),
        ),
        probe(
            "listPayments",
            404,
            local,
            http("GET", &unknown(4, "/payments"), &[wrong], b""),
        ),
        probe(
            "getPayment",
            200,
            local,
            http(
                "GET",
                &format!("/api/v1/applications/{paying}/payments/{payment_id}"),
                &[("Authorization", &paying_auth)],
                b"",
            ),
        ),
        probe(
            "getPayment",
            401,
            local,
            http(
                "GET",
                &format!("/api/v1/applications/{paying}/payments/{payment_id}"),
                &[],
                b"",
            ),
        ),
        probe(
            "getPayment",
            404,
            local,
            http(
                "GET",
                &a("/payments/nichts"),
                &[("Authorization", &auth)],
                b"",
            ),
        ),
        // Files.
        probe(
            "uploadAttachment",
            201,
            local,
            http(
                "POST",
                "/api/v1/attachments",
                &[("Attachment-Name", "plan.pdf")],
                PDF,
            ),
        ),
        probe(
            "uploadAttachment",
            400,
            local,
            http("POST", "/api/v1/attachments", &[], b""),
        ),
        probe(
            "uploadAttachment",
            408,
            local,
            stalled("POST", "/api/v1/attachments", &[]),
        ),
        probe(
            "uploadAttachment",
            413,
            local,
            http(
                "POST",
                "/api/v1/attachments",
                &[],
                &vec![b'%'; rathaus_core::upload::MAX_UPLOAD_BYTES as usize + 1],
            ),
        ),
        probe(
            "uploadAttachment",
            415,
            local,
            http("POST", "/api/v1/attachments", &[], b"plain text, no file"),
        ),
        probe(
            "uploadAttachment",
            422,
            local,
            http("POST", "/api/v1/attachments", &[], active_pdf),
        ),
        // Barrier reports.
        probe(
            "reportBarrier",
            201,
            local,
            http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-1"), JSON],
                &report,
            ),
        ),
        probe(
            "reportBarrier",
            200,
            local,
            http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-1"), JSON],
                &report,
            ),
        ),
        probe(
            "reportBarrier",
            409,
            local,
            http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-1"), JSON],
                &json_body(&json!({"page": "/", "description": "Etwas anderes."})),
            ),
        ),
        probe(
            "reportBarrier",
            400,
            local,
            http("POST", "/api/v1/feedback", &[JSON], &report),
        ),
        probe(
            "reportBarrier",
            408,
            local,
            stalled(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-2"), JSON],
            ),
        ),
        probe(
            "reportBarrier",
            413,
            local,
            http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-3"), JSON],
                &large,
            ),
        ),
        probe(
            "reportBarrier",
            422,
            local,
            http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", "fb-4"), JSON],
                &json_body(&json!({"page": "", "description": ""})),
            ),
        ),
    ];
    // Limits: case B after three wrong codes (its right code waits too), a client over
    // its share of uploads, a client over its reports.
    for _ in 0..3 {
        assert_eq!(
            send(&s, "127.0.0.2", &http("GET", &b(""), &[wrong], b"")).status,
            404
        );
    }
    let b_auth: &str = &blocked_auth;
    probes.extend([
        probe(
            "getCase",
            429,
            local,
            http("GET", &b(""), &[("Authorization", b_auth)], b""),
        ),
        probe(
            "answerRequest",
            429,
            local,
            http(
                "POST",
                &b("/answers"),
                &[
                    ("Authorization", b_auth),
                    ("Idempotency-Key", "ans-9"),
                    JSON,
                ],
                b"{\"request_id\": \"x\"}",
            ),
        ),
        probe(
            "createPayment",
            429,
            local,
            http(
                "POST",
                &b("/payments"),
                &[
                    ("Authorization", b_auth),
                    ("Idempotency-Key", "pay-9"),
                    JSON,
                ],
                &pay,
            ),
        ),
        probe(
            "listPayments",
            429,
            local,
            http("GET", &b("/payments"), &[("Authorization", b_auth)], b""),
        ),
        probe(
            "getPayment",
            429,
            local,
            http("GET", &b("/payments/x"), &[("Authorization", b_auth)], b""),
        ),
    ]);
    for _ in 0..2 {
        assert_eq!(
            send(
                &s,
                "127.0.0.3",
                &http("POST", "/api/v1/attachments", &[], PDF)
            )
            .status,
            201
        );
    }
    probes.push(probe(
        "uploadAttachment",
        429,
        "127.0.0.3",
        http("POST", "/api/v1/attachments", &[], PDF),
    ));
    for n in 0..REPORTS_PER_CLIENT {
        let key = format!("fb-limit-{n}");
        let answer = send(
            &s,
            "127.0.0.4",
            &http(
                "POST",
                "/api/v1/feedback",
                &[("Idempotency-Key", &key), JSON],
                &report,
            ),
        );
        assert_eq!(answer.status, 201);
    }
    probes.push(probe(
        "reportBarrier",
        429,
        "127.0.0.4",
        http(
            "POST",
            "/api/v1/feedback",
            &[("Idempotency-Key", "fb-limit-x"), JSON],
            &report,
        ),
    ));

    probes.extend(appointments::probes(&s));

    let mut answered: BTreeSet<(String, u16)> = BTreeSet::new();
    for p in &probes {
        let answer = send(&s, p.from, &p.request);
        assert_eq!(
            answer.status,
            p.status,
            "{} expected {}: {}",
            p.operation,
            p.status,
            String::from_utf8_lossy(&answer.body[..answer.body.len().min(300)])
        );
        assert!(
            answer
                .header("content-type")
                .unwrap_or_default()
                .starts_with("application/json"),
            "{} {}",
            p.operation,
            p.status
        );
        let body = answer.json();
        if p.status >= 400 {
            assert!(
                body["error"].is_string(),
                "{} {}: {body}",
                p.operation,
                p.status
            );
        }
        answered.insert((p.operation.to_owned(), p.status));
    }
    // A scanner that cannot be reached: no file is taken.
    let unscanned = Server::start_adjusted(|c| c.scan_command = Some("/nonexistent/scan".into()));
    let answer = send(
        &unscanned,
        local,
        &http("POST", "/api/v1/attachments", &[], PDF),
    );
    assert_eq!(answer.status, 503);
    answered.insert(("uploadAttachment".into(), 503));
    answered.extend(appointments::passed_answers());

    let documented: BTreeSet<(String, u16)> = operations()
        .iter()
        .flat_map(|o| {
            o.statuses()
                .map(|s| (o.id.to_owned(), s))
                .collect::<Vec<_>>()
        })
        .collect();
    let undocumented: Vec<_> = answered.difference(&documented).collect();
    let unreached: Vec<_> = documented.difference(&answered).collect();
    assert!(
        undocumented.is_empty(),
        "answered but not documented: {undocumented:?}"
    );
    assert!(
        unreached.is_empty(),
        "documented but not reached: {unreached:?}"
    );
}
