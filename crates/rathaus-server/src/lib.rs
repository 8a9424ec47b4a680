//! The reference backend: what a city's existing backend does, real enough for
//! development, demos and tests. Serves the built app (`dist/`) and `/api/v1`.

pub mod api;
pub mod appointments;
pub mod attachments;
pub mod auth;
mod body;
mod cache;
pub mod catalogue;
pub mod catalogue_translations;
pub mod clock;
pub mod codes;
pub mod content_check;
pub mod db;
mod error;
mod extract;
pub mod feedback;
pub mod legal_translations;
pub mod limit;
mod listen;
pub mod office;
pub mod openapi;
pub mod payments;
mod precompressed;
pub mod scan;
pub mod staff_text;
mod test_provider;
pub mod translations;
mod uploads;
mod web;

pub use web::{APP_AREAS, ROBOTS_TXT};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::attachments::ClientUploadLimits;
use crate::catalogue::Catalogue;
use crate::catalogue_translations::Besides;
use crate::clock::Clock;
use crate::db::Db;

/// Where to listen and where things are. Every option also reads an environment variable.
#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "RATHAUS_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder for the SQLite database (created on first start).
    #[arg(long, env = "RATHAUS_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Folder of service definitions.
    #[arg(long, env = "RATHAUS_SERVICES_DIR", default_value = "services")]
    pub services_dir: PathBuf,
    /// Folder of the city's catalogue of services (topics.json, offices.json, services/*.json).
    #[arg(long, env = "RATHAUS_CATALOGUE_DIR", default_value = "catalogue")]
    pub catalogue_dir: PathBuf,
    /// Folder of translations (`services/{language}/{service}.po`, docs/translations.md).
    #[arg(long, env = "RATHAUS_TRANSLATIONS_DIR", default_value = "translations")]
    pub translations_dir: PathBuf,
    /// The built app to serve (Trunk's output).
    #[arg(long, env = "RATHAUS_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,
    /// Add a demo case whose number and access code are printed at start.
    #[arg(long, env = "RATHAUS_DEMO")]
    pub demo: bool,
    /// Seconds a citizen has to pay before an open payment fails ("timeout"); 90
    /// minutes as GOV.UK Pay gives.
    #[arg(long, env = "RATHAUS_PAYMENT_SECONDS", default_value_t = 90 * 60)]
    pub payment_seconds: u32,
    /// Where the payment provider's pages are (the payment id is appended). The default
    /// is the test provider built into this backend; a city puts its provider here.
    #[arg(
        long,
        env = "RATHAUS_PAYMENT_PROVIDER_URL",
        default_value = "/test-provider/payments"
    )]
    pub payment_provider_url: String,
    /// Wrong access codes (or unknown case numbers) allowed per case number within
    /// `--attempt-window-seconds`; then every attempt on that case is refused.
    #[arg(long, env = "RATHAUS_ATTEMPTS_PER_CASE", default_value_t = 5)]
    pub attempts_per_case: u32,
    /// Wrong attempts allowed per client address within the window; 0 switches this
    /// off (behind a reverse proxy every citizen has the proxy's address).
    #[arg(long, env = "RATHAUS_ATTEMPTS_PER_CLIENT", default_value_t = 30)]
    pub attempts_per_client: u32,
    #[arg(long, env = "RATHAUS_ATTEMPT_WINDOW_SECONDS", default_value_t = 15 * 60)]
    pub attempt_window_seconds: u32,
    /// Days a repeated submission (same Idempotency-Key) still gets its first answer
    /// instead of making a new case; likewise answers to the office and payments. Must
    /// be at least as long as the app may retry: its outbox gives up after
    /// `outbox_days` (30) in the app's config.json.
    #[arg(long, env = "RATHAUS_IDEMPOTENCY_DAYS", default_value_t = db::DEFAULT_IDEMPOTENCY_DAYS,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub idempotency_days: u32,
    /// Connections served at once (at most what the open-files limit allows); at the
    /// limit, the connection idle longest is closed to make room.
    #[arg(long, env = "RATHAUS_MAX_CONNECTIONS", default_value_t = 512,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Seconds a connection has to send a complete request head (idle connections
    /// between requests too); then it is closed.
    #[arg(long, env = "RATHAUS_HEADER_TIMEOUT_SECONDS", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub header_timeout_seconds: u32,
    /// Seconds the server waits for the next part of a request's body; then it answers
    /// 408.
    #[arg(long, env = "RATHAUS_BODY_TIMEOUT_SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub body_timeout_seconds: u32,
    /// Uploaded files one client address (an IPv6 /64) may have waiting for their
    /// application, counting those uploaded within `--upload-window-seconds`; 0 switches
    /// this off (behind a reverse proxy every citizen has the proxy's address).
    #[arg(long, env = "RATHAUS_UPLOADS_PER_CLIENT", default_value_t = 100)]
    pub uploads_per_client: u32,
    /// Megabytes (MiB) of such files per client; 0 switches this off.
    #[arg(long, env = "RATHAUS_UPLOAD_MIB_PER_CLIENT", default_value_t = 256)]
    pub upload_mib_per_client: u32,
    /// The window for the two limits above; the default is as long as unclaimed files
    /// are kept (30 days), so that one client can never hold more than its share of the
    /// 2 GiB set aside for them.
    #[arg(long, env = "RATHAUS_UPLOAD_WINDOW_SECONDS", default_value_t = 30 * 24 * 3600)]
    pub upload_window_seconds: u32,
    /// A malware scanner for uploads: a shell command that reads the file on standard
    /// input and exits 0 (clean), 1 (infected) or otherwise (error), e.g.
    /// "clamdscan --no-summary --stream -". While it fails, uploads answer 503.
    #[arg(long, env = "RATHAUS_SCAN_COMMAND")]
    pub scan_command: Option<String>,
    /// A clamd socket to scan uploads with (INSTREAM), e.g. /run/clamav/clamd.ctl.
    #[arg(long, env = "RATHAUS_CLAMD_SOCKET", conflicts_with = "scan_command")]
    pub clamd_socket: Option<PathBuf>,
    #[command(flatten)]
    pub login: auth::LoginConfig,
    /// What time it is: the system clock (tests move their own).
    #[arg(skip)]
    pub clock: Clock,
}

#[derive(Clone)]
pub struct AppState {
    pub catalogue: Arc<Catalogue>,
    /// The city's catalogue as served (`GET /catalogue`), written and compressed once
    /// at start.
    pub city_catalogue: Arc<precompressed::PerLanguage>,
    /// Its front page's part (`GET /catalogue/overview`), likewise.
    pub city_overview: Arc<precompressed::PerLanguage>,
    pub db: Db,
    pub payment_seconds: i64,
    pub payment_provider_url: Arc<str>,
    pub attempts: Arc<limit::AttemptLimiter>,
    pub clock: Clock,
    /// How long to wait for the next part of a request's body (crate::body).
    pub body_timeout: Duration,
    pub upload_limits: ClientUploadLimits,
    /// Salt of the client tags of uploads (crate::uploads::client_tag), new at each start.
    pub upload_salt: Arc<[u8; 16]>,
    pub scanner: Arc<scan::Scanner>,
    pub auth: Arc<auth::Auth>,
    /// How the offices give appointments (crate::appointments).
    pub bookings: Arc<appointments::Bookings>,
}

pub fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("RATHAUS_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// The demo case that `--demo` adds, for trying the status lookup by hand.
pub const DEMO_CASE_NUMBER: &str = "2026-D3M0-0001";
pub const DEMO_ACCESS_CODE: &str = "D3M0-D3M0-D3M0";

/// Loads everything, binds `config.addr` and serves until Ctrl-C / SIGTERM.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    serve_on(listener, config, shutdown_signal()).await
}

/// The catalogue's answer `what` per reader's language, with only the texts that
/// reader needs (crate::catalogue_translations::for_reader).
fn for_readers(
    city: &rathaus_core::catalogue::Catalogue,
    besides: Besides,
    what: impl Fn(&rathaus_core::catalogue::Catalogue) -> serde_json::Result<serde_json::Value>
        + Send
        + Sync
        + 'static,
) -> precompressed::PerLanguage {
    let city = Arc::new(city.clone());
    precompressed::PerLanguage::new(
        move |locale| {
            let mut value = what(&city).expect("the catalogue is JSON");
            catalogue_translations::for_reader(&mut value, locale, besides);
            serde_json::to_vec(&value).expect("the catalogue is JSON")
        },
        "application/json",
    )
}

/// Serves on an already bound listener (tests bind port 0).
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), Box<dyn std::error::Error>> {
    let catalogue =
        Catalogue::load_translated(&config.services_dir, Some(&config.translations_dir))?;
    let city = catalogue::load_city_catalogue(
        &config.catalogue_dir,
        &catalogue,
        Some(&config.translations_dir),
    )?;
    let city_services = city.services.len();
    let bookings_file = config.catalogue_dir.join("appointments.json");
    let bookings = appointments::Bookings::load(&bookings_file, &city).map_err(|problems| {
        catalogue::CatalogueError::CityCatalogue {
            dir: bookings_file.clone(),
            problems,
        }
    })?;
    let db = Db::open(&config.data_dir)?.keeping_idempotency_keys_for(config.idempotency_days);
    if config.demo {
        seed_demo(&db, &catalogue, config.clock.now())?;
    }
    if !config.dist_dir.join("index.html").is_file() {
        tracing::warn!(
            "{} has no index.html: the API works, the app is not served (build it first)",
            config.dist_dir.display()
        );
    }
    let mut upload_salt = [0u8; 16];
    getrandom::fill(&mut upload_salt).map_err(|e| format!("no random numbers: {e}"))?;
    let scanner = scan::Scanner::new(config.scan_command.clone(), config.clamd_socket.clone());
    if scanner.is_on() {
        tracing::info!("uploads are scanned for malware");
    }
    let auth = auth::Auth::new(&config.login, listener.local_addr()?)?;
    if let Some(issuer) = &config.login.oidc_issuer {
        tracing::info!("login through the identity provider {issuer}");
    }
    let state = AppState {
        catalogue: Arc::new(catalogue),
        city_catalogue: Arc::new(for_readers(&city, Besides::English, |city| {
            serde_json::to_value(city)
        })),
        city_overview: Arc::new(for_readers(&city, Besides::Nothing, |city| {
            serde_json::to_value(city.overview())
        })),
        db,
        payment_seconds: i64::from(config.payment_seconds),
        payment_provider_url: config.payment_provider_url.trim_end_matches('/').into(),
        attempts: Arc::new(limit::AttemptLimiter::new(limit::Limits {
            per_case: config.attempts_per_case,
            per_client: config.attempts_per_client,
            window_seconds: i64::from(config.attempt_window_seconds),
        })),
        clock: config.clock.clone(),
        body_timeout: Duration::from_secs(u64::from(config.body_timeout_seconds)),
        upload_limits: ClientUploadLimits {
            files: config.uploads_per_client,
            bytes: u64::from(config.upload_mib_per_client) * 1024 * 1024,
            window_seconds: i64::from(config.upload_window_seconds),
        },
        upload_salt: Arc::new(upload_salt),
        scanner: Arc::new(scanner),
        auth: Arc::new(auth),
        bookings: Arc::new(bookings),
    };
    let app = web::router(state, &config.dist_dir);
    let addr = listener.local_addr()?;
    tracing::info!(
        "serving {} services, a catalogue of {city_services} and {} at http://{addr}/",
        config.services_dir.display(),
        config.dist_dir.display()
    );
    if config.demo {
        tracing::info!("demo case: {DEMO_CASE_NUMBER}, access code {DEMO_ACCESS_CODE}");
    }
    let limits = listen::ConnectionLimits {
        max_connections: config.max_connections as usize,
        header_timeout: Duration::from_secs(u64::from(config.header_timeout_seconds)),
    };
    listen::serve(listener, app, limits, shutdown).await;
    Ok(())
}

fn seed_demo(
    db: &Db,
    catalogue: &Catalogue,
    now: rathaus_core::date::Timestamp,
) -> Result<(), Box<dyn std::error::Error>> {
    let Some(def) = catalogue.get("fuehrungszeugnis") else {
        return Ok(());
    };
    db.seed_case(
        DEMO_CASE_NUMBER,
        DEMO_ACCESS_CODE,
        db::NewCase {
            attachments: &[],
            service_id: &def.id,
            service_version: def.version,
            answers_json: "{}",
            fee: def.fee.fixed_amount().unwrap_or_default(),
            locale: "de",
            now: rathaus_core::date::Timestamp(now.0 - 2 * 86_400),
            account: None,
            from_identity: &[],
        },
    )?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
