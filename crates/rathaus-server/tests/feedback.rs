//! Reports of barriers (`POST /api/v1/feedback`) as a client and the office see them: a
//! real server on an ephemeral port, a real SQLite file, the real admin command.

use rathaus_core::api::{FeedbackReceipt, FEEDBACK_DESCRIPTION_MAX_CHARS};
use rathaus_server::feedback::REPORTS_PER_CLIENT;
use serde_json::{json, Value};

mod common;

use common::Server;

/// Sends a report; the status, the `Retry-After` header and the body.
fn send(server: &Server, key: Option<&str>, body: &str) -> (u16, Option<String>, Value) {
    let mut req =
        ureq::post(&server.url("/api/v1/feedback")).set("Content-Type", "application/json");
    if let Some(key) = key {
        req = req.set("Idempotency-Key", key);
    }
    let resp = match req.send_string(body) {
        Ok(resp) => resp,
        Err(ureq::Error::Status(_, resp)) => resp,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = resp.status();
    let retry_after = resp.header("Retry-After").map(str::to_owned);
    let text = resp.into_string().unwrap();
    (
        status,
        retry_after,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

/// What `rathaus-server admin feedback` prints for this server's database.
fn office_reads(server: &Server) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rathaus-server"))
        .arg("admin")
        .arg("--data-dir")
        .arg(&server.data_dir)
        .args(["feedback", "--limit", "100"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn report(description: &str) -> String {
    json!({
        "page": " /services/hundesteuer/apply/hunde ",
        "description": description,
        "contact": "erika@example.org",
        "locale": "de",
    })
    .to_string()
}

#[test]
fn a_report_is_kept_once_and_the_office_reads_it_as_written() {
    let s = Server::start();
    // Reversed text and lines: the office sees exactly what was sent, one line each.
    let text = "Die Fehlermeldung wird nicht vorgelesen.\nScreenreader: NVDA \u{202e}gnurednä";
    let (status, _, body) = send(&s, Some("k-1"), &report(text));
    assert_eq!(status, 201, "{body}");
    let receipt: FeedbackReceipt = serde_json::from_value(body).unwrap();
    assert!(
        receipt.reference.starts_with("BF-"),
        "{}",
        receipt.reference
    );

    // Sent again (the answer was lost): the same receipt, nothing new kept.
    let (status, _, body) = send(&s, Some("k-1"), &report(text));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_value::<FeedbackReceipt>(body).unwrap(),
        receipt
    );
    // The same key for another report is refused.
    let (status, _, body) = send(&s, Some("k-1"), &report("Etwas anderes"));
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );

    let printed = office_reads(&s);
    assert_eq!(printed.matches("BF-").count(), 1, "{printed}");
    assert!(printed.contains(&receipt.reference), "{printed}");
    assert!(
        printed.contains("  page:    /services/hundesteuer/apply/hunde\n"),
        "{printed}"
    );
    assert!(
        printed.contains("  contact: erika@example.org\n"),
        "{printed}"
    );
    assert!(
        printed.contains(
            "  report:  Die Fehlermeldung wird nicht vorgelesen.\\nScreenreader: NVDA <U+202E>gnurednä\n"
        ),
        "{printed}"
    );
    assert!(!printed.contains('\u{202e}'));
}

#[test]
fn a_report_without_what_it_needs_is_refused_with_the_fields_to_fix() {
    let s = Server::start();
    let (status, _, body) = send(&s, Some("k"), r#"{"page":"","description":"  "}"#);
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["errors"],
        json!([
            {"field": "page", "code": "required"},
            {"field": "description", "code": "required"}
        ])
    );
    let long = "x".repeat(FEEDBACK_DESCRIPTION_MAX_CHARS + 1);
    let (status, _, body) = send(&s, Some("k"), &report(&long));
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "too_long");
    assert_eq!(
        body["errors"][0]["limit"],
        FEEDBACK_DESCRIPTION_MAX_CHARS.to_string()
    );
    // A terminal escape in the text is refused, not kept.
    let (status, _, body) = send(&s, Some("k"), &report("rot \u{1b}[31m"));
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("invalid_characters"))
    );
    // No key, or no JSON: a bad request.
    assert_eq!(send(&s, None, &report("Text")).0, 400);
    assert_eq!(send(&s, Some("k"), "{").0, 400);
    assert_eq!(send(&s, Some("k"), r#"{"description":"x"}"#).0, 400);
    assert_eq!(office_reads(&s), "");
}

#[test]
fn a_client_sending_many_reports_is_asked_to_wait() {
    let s = Server::start();
    for i in 0..REPORTS_PER_CLIENT {
        let (status, _, body) = send(
            &s,
            Some(&format!("k-{i}")),
            &report(&format!("Barriere {i}")),
        );
        assert_eq!(status, 201, "{i}: {body}");
    }
    let (status, retry_after, body) = send(&s, Some("k-more"), &report("Noch eine"));
    assert_eq!(
        (status, body["error"].as_str()),
        (429, Some("too_many_requests"))
    );
    let seconds: u64 = retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=3600).contains(&seconds), "{seconds}");
    // A repeat of a report already kept still gets its receipt.
    let (status, _, _) = send(&s, Some("k-0"), &report("Barriere 0"));
    assert_eq!(status, 200);
    assert_eq!(
        office_reads(&s).matches("BF-").count(),
        REPORTS_PER_CLIENT as usize
    );
}
