//! Reports of barriers (`POST /api/v1/feedback`) as a client and the office see them: a
//! real server on an ephemeral port, a real SQLite file, the real admin command.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rathaus_core::api::{FeedbackReceipt, FEEDBACK_DESCRIPTION_MAX_CHARS};
use rathaus_server::feedback::REPORTS_PER_CLIENT;
use rathaus_server::Config;
use serde_json::{json, Value};

struct Server {
    base: String,
    data_dir: PathBuf,
    _tmp: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

impl Server {
    fn start() -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let dist = tmp.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html><title>R</title>").unwrap();
        let config = Config {
            addr: "127.0.0.1:0".parse().unwrap(),
            data_dir: tmp.path().join("data"),
            services_dir: repo().join("services"),
            catalogue_dir: repo().join("catalogue"),
            dist_dir: dist,
            demo: false,
            payment_seconds: 90 * 60,
            payment_provider_url: "/test-provider/payments".into(),
            attempts_per_case: 5,
            attempts_per_client: 30,
            attempt_window_seconds: 900,
        };
        let data_dir = config.data_dir.clone();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                rathaus_server::serve_on(listener, config, async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("server runs");
            });
        });
        let addr: std::net::SocketAddr = addr_rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let server = Server {
            base: format!("http://{addr}"),
            data_dir,
            _tmp: tmp,
            stop: Some(stop_tx),
            thread: Some(thread),
        };
        for _ in 0..100 {
            if ureq::get(&format!("{}/api/v1/services", server.base))
                .call()
                .is_ok()
            {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("server did not come up");
    }

    /// Sends a report; the status, the `Retry-After` header and the body.
    fn report(&self, key: Option<&str>, body: &str) -> (u16, Option<String>, Value) {
        let mut req = ureq::post(&format!("{}/api/v1/feedback", self.base))
            .set("Content-Type", "application/json");
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
    fn office_reads(&self) -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rathaus-server"))
            .arg("admin")
            .arg("--data-dir")
            .arg(&self.data_dir)
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
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
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
    let (status, _, body) = s.report(Some("k-1"), &report(text));
    assert_eq!(status, 201, "{body}");
    let receipt: FeedbackReceipt = serde_json::from_value(body).unwrap();
    assert!(
        receipt.reference.starts_with("BF-"),
        "{}",
        receipt.reference
    );

    // Sent again (the answer was lost): the same receipt, nothing new kept.
    let (status, _, body) = s.report(Some("k-1"), &report(text));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_value::<FeedbackReceipt>(body).unwrap(),
        receipt
    );
    // The same key for another report is refused.
    let (status, _, body) = s.report(Some("k-1"), &report("Etwas anderes"));
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );

    let printed = s.office_reads();
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
            "  report:  Die Fehlermeldung wird nicht vorgelesen.\\nScreenreader: NVDA \\u{202e}gnurednä\n"
        ),
        "{printed}"
    );
    assert!(!printed.contains('\u{202e}'));
}

#[test]
fn a_report_without_what_it_needs_is_refused_with_the_fields_to_fix() {
    let s = Server::start();
    let (status, _, body) = s.report(Some("k"), r#"{"page":"","description":"  "}"#);
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["errors"],
        json!([
            {"field": "page", "code": "required"},
            {"field": "description", "code": "required"}
        ])
    );
    let long = "x".repeat(FEEDBACK_DESCRIPTION_MAX_CHARS + 1);
    let (status, _, body) = s.report(Some("k"), &report(&long));
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "too_long");
    assert_eq!(
        body["errors"][0]["limit"],
        FEEDBACK_DESCRIPTION_MAX_CHARS.to_string()
    );
    // A terminal escape in the text is refused, not kept.
    let (status, _, body) = s.report(Some("k"), &report("rot \u{1b}[31m"));
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("invalid_characters"))
    );
    // No key, or no JSON: a bad request.
    assert_eq!(s.report(None, &report("Text")).0, 400);
    assert_eq!(s.report(Some("k"), "{").0, 400);
    assert_eq!(s.report(Some("k"), r#"{"description":"x"}"#).0, 400);
    assert_eq!(s.office_reads(), "");
}

#[test]
fn a_client_sending_many_reports_is_asked_to_wait() {
    let s = Server::start();
    for i in 0..REPORTS_PER_CLIENT {
        let (status, _, body) =
            s.report(Some(&format!("k-{i}")), &report(&format!("Barriere {i}")));
        assert_eq!(status, 201, "{i}: {body}");
    }
    let (status, retry_after, body) = s.report(Some("k-more"), &report("Noch eine"));
    assert_eq!(
        (status, body["error"].as_str()),
        (429, Some("too_many_requests"))
    );
    let seconds: u64 = retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=3600).contains(&seconds), "{seconds}");
    // A repeat of a report already kept still gets its receipt.
    let (status, _, _) = s.report(Some("k-0"), &report("Barriere 0"));
    assert_eq!(status, 200);
    assert_eq!(
        s.office_reads().matches("BF-").count(),
        REPORTS_PER_CLIENT as usize
    );
}
