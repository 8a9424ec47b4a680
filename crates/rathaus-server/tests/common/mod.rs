//! The reference backend as a client sees it: a real server on an ephemeral port, a real
//! SQLite file in a temporary folder, plain HTTP — and a clock the test can move.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use rathaus_core::date::Timestamp;
use rathaus_server::clock::Clock;
use rathaus_server::db::Db;
use rathaus_server::Config;
use serde_json::{json, Value};

pub struct Server {
    pub base: String,
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub dist_dir: PathBuf,
    /// Seconds the server's clock is ahead of the system's.
    offset: Arc<AtomicI64>,
    _tmp: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The options as `rathaus-server` reads them with nothing given: the defaults.
#[derive(Parser)]
struct Defaults {
    #[command(flatten)]
    config: Config,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(repo().join("services"))
    }

    pub fn start_with(services_dir: PathBuf) -> Server {
        Server::start_configured(services_dir, |_| {})
    }

    pub fn start_adjusted(adjust: impl FnOnce(&mut Config)) -> Server {
        Server::start_configured(repo().join("services"), adjust)
    }

    pub fn start_configured(services_dir: PathBuf, adjust: impl FnOnce(&mut Config)) -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let dist = tmp.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Rathaus</title>",
        )
        .unwrap();
        std::fs::write(dist.join("app-0123456789abcdef.js"), "export {}").unwrap();
        let offset = Arc::new(AtomicI64::new(0));
        let clock_offset = offset.clone();
        let mut config = Defaults::parse_from(["rathaus-server"]).config;
        config.addr = "127.0.0.1:0".parse().unwrap();
        config.data_dir = tmp.path().join("data");
        config.services_dir = services_dir;
        config.catalogue_dir = repo().join("catalogue");
        config.translations_dir = repo().join("translations");
        config.dist_dir = dist.clone();
        // A provider that is never there: logins fail as "unavailable", and sessions the
        // tests make themselves (log_in) are taken.
        config.login.oidc_issuer = Some("http://127.0.0.1:9".into());
        config.clock = Clock::from_fn(move || {
            Timestamp(rathaus_server::clock::now().0 + clock_offset.load(Ordering::SeqCst))
        });
        adjust(&mut config);
        let data_dir = config.data_dir.clone();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let result = rathaus_server::serve_on(listener, config, async {
                    let _ = stop_rx.await;
                })
                .await;
                if let Err(e) = result {
                    panic!("server failed: {e}");
                }
            });
        });
        let addr: SocketAddr = addr_rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let server = Server {
            base: format!("http://{addr}"),
            addr,
            data_dir,
            dist_dir: dist,
            offset,
            _tmp: tmp,
            stop: Some(stop_tx),
            thread: Some(thread),
        };
        // Wait until it answers.
        for _ in 0..100 {
            if ureq::get(&server.url("/api/v1/services")).call().is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("server did not come up");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Moves the server's clock `seconds` on.
    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::SeqCst);
    }

    /// What time it is for the server (its clock, moved by [`Server::advance`]).
    pub fn now(&self) -> Timestamp {
        Timestamp(rathaus_server::clock::now().0 + self.offset.load(Ordering::SeqCst))
    }

    pub fn cases(&self) -> i64 {
        Db::open(&self.data_dir).unwrap().count_cases().unwrap()
    }

    /// Sends an application as a citizen logged in at the level "high" whose login
    /// carries no attributes (so nothing is locked, and every answer is as sent): the
    /// Führungszeugnis and the Wohnsitzanmeldung require the online ID. Anonymous
    /// refusals are tests/login.rs's.
    pub fn submit(&self, key: Option<&str>, body: &Value) -> (u16, Value) {
        let (cookie, csrf) = log_in_high(self, key.unwrap_or("no-key"));
        let mut req = ureq::post(&self.url("/api/v1/applications"))
            .set("Cookie", &cookie)
            .set("X-CSRF-Token", &csrf);
        if let Some(key) = key {
            req = req.set("Idempotency-Key", key);
        }
        response(req.send_json(body.clone()))
    }

    pub fn lookup(&self, case: &str, authorization: Option<&str>) -> (u16, Value) {
        let mut req = ureq::get(&self.url(&format!("/api/v1/applications/{case}")));
        if let Some(auth) = authorization {
            req = req.set("Authorization", auth);
        }
        response(req.call())
    }

    pub fn upload(&self, name: &str, content_type: &str, data: &[u8]) -> (u16, Value) {
        response(
            ureq::post(&self.url("/api/v1/attachments"))
                .set("Content-Type", content_type)
                .set("Attachment-Name", name)
                .send_bytes(data),
        )
    }

    /// One request written by hand, from the local address `from` (any of 127.0.0.0/8
    /// on Linux), on a connection of its own; the whole answer as text.
    pub fn raw_from(&self, from: IpAddr, request: &[u8]) -> RawResponse {
        let mut stream = connect_from(from, self.addr);
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        RawResponse::parse(&answer)
    }

    pub fn raw(&self, request: &[u8]) -> RawResponse {
        self.raw_from("127.0.0.1".parse().unwrap(), request)
    }
}

/// A connection from the local address `from` (std cannot bind before connecting;
/// tokio's socket can, and hands the stream back).
pub fn connect_from(from: IpAddr, to: SocketAddr) -> TcpStream {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .unwrap();
    let stream = rt
        .block_on(async move {
            let socket = tokio::net::TcpSocket::new_v4()?;
            socket.bind(SocketAddr::new(from, 0))?;
            socket.connect(to).await?.into_std()
        })
        .unwrap();
    stream.set_nonblocking(false).unwrap();
    stream
}

/// An answer read off the wire.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    fn parse(answer: &[u8]) -> RawResponse {
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no answer head in {:?}", String::from_utf8_lossy(answer)));
        let head = String::from_utf8_lossy(&answer[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        RawResponse {
            status,
            headers,
            body: answer[split + 4..].to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
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

pub fn response(r: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    let resp = match r {
        Ok(resp) => resp,
        Err(ureq::Error::Status(_, resp)) => resp,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = resp.status();
    let text = resp.into_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The answer whatever its status (ureq makes 4xx and 5xx errors).
pub fn any_status(r: Result<ureq::Response, ureq::Error>) -> ureq::Response {
    match r {
        Ok(resp) => resp,
        Err(ureq::Error::Status(_, resp)) => resp,
        Err(e) => panic!("transport error: {e}"),
    }
}

/// A complete application for the Führungszeugnis (13,00 €), sent with a login
/// ([`Server::submit`]).
pub fn valid_application() -> Value {
    serde_json::json!({
        "service_id": "fuehrungszeugnis",
        "service_version": 1,
        "locale": "de",
        "answers": {
            "kind": "private",
            "purpose": "Ehrenamt im Sportverein",
            "given_names": "Erika",
            "family_name": "Mustermann",
            "birth_date": {"day": "12", "month": "8", "year": "1964"},
            "birth_place": "Berlin",
            "nationality": "deutsch",
            "street": "Heidestraße 17",
            "postcode": "51147",
            "city": "Köln",
            "delivery": "home",
        },
    })
}

/// A paid case the office has taken up and asked `question`: its number,
/// `Authorization` value and the open request's id.
pub fn asked_case(s: &Server, question: &str, wants_document: bool) -> (String, String, String) {
    let (case, auth) = paid_service_case(s);
    let office = Db::open(&s.data_dir).unwrap();
    let now = rathaus_server::clock::now();
    office
        .move_case(&case, rathaus_core::case::CaseStatus::InReview, None, now)
        .unwrap();
    let request = office.ask(&case, question, wants_document, now).unwrap();
    (case, auth, request)
}

pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/// A case of the Führungszeugnis (13,00 €): its number and `Authorization` value.
pub fn paid_service_case(s: &Server) -> (String, String) {
    let (status, receipt) = s.submit(Some("case-for-payment"), &valid_application());
    assert_eq!(status, 201);
    (
        receipt["case_number"].as_str().unwrap().to_owned(),
        format!("AccessCode {}", receipt["access_code"].as_str().unwrap()),
    )
}

pub fn create_payment(
    s: &Server,
    case: &str,
    auth: &str,
    key: &str,
    return_url: &str,
) -> (u16, Value) {
    response(
        ureq::post(&s.url(&format!("/api/v1/applications/{case}/payments")))
            .set("Authorization", auth)
            .set("Idempotency-Key", key)
            .send_json(json!({ "return_url": return_url })),
    )
}

pub fn answer(s: &Server, case: &str, auth: &str, key: &str, body: Value) -> (u16, Value) {
    response(
        ureq::post(&s.url(&format!("/api/v1/applications/{case}/answers")))
            .set("Authorization", auth)
            .set("Idempotency-Key", key)
            .send_json(body),
    )
}

pub fn get_json(s: &Server, path: &str, auth: &str) -> (u16, Value) {
    response(ureq::get(&s.url(path)).set("Authorization", auth).call())
}

/// A real 1×1 grey PNG (67 bytes).
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\
\x00\x00\x00\x0aIDAT\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x48\xaf\xa4\x71\x00\x00\x00\x00IEND\xae\x42\x60\x82";

/// A logged-in browser without a provider: a session written straight into the
/// server's database, as the callback writes it. Its `Cookie` header value and its
/// CSRF token.
pub fn log_in(
    s: &Server,
    subject: &str,
    identity: &rathaus_core::identity::Identity,
) -> (String, String) {
    // A new cookie each time: the same subject twice is the account on two devices.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let secret = rathaus_server::codes::sha256_hex(format!("{subject}{nanos}").as_bytes());
    let csrf = format!("csrf-{subject}");
    let account = rathaus_server::auth::account_of("http://127.0.0.1:9", subject);
    Db::open(&s.data_dir)
        .unwrap()
        .create_session(rathaus_server::db::sessions::NewSession {
            cookie: &secret,
            account: &account,
            identity,
            csrf_token: &csrf,
            id_token: "",
            now: s.now(),
            lifetime_seconds: 3600,
        })
        .unwrap();
    (
        format!("{}={secret}", rathaus_server::auth::session::COOKIE),
        csrf,
    )
}

/// A session at the level "high" whose login carries no attributes (nothing locked).
pub fn log_in_high(s: &Server, subject: &str) -> (String, String) {
    let identity = rathaus_core::identity::Identity {
        assurance: rathaus_core::identity::Assurance::High,
        ..Default::default()
    };
    log_in(s, subject, &identity)
}
