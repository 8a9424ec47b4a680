//! The reference backend: what a city's existing backend does, real enough for
//! development, demos and tests. Serves the built app (`dist/`) and `/api/v1`.

pub mod api;
pub mod catalogue;
pub mod codes;
pub mod db;
mod error;
pub mod feedback;
pub mod limit;
pub mod office;
pub mod payments;
mod test_provider;
mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::catalogue::Catalogue;
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
    /// Folder of the city's catalogue of services (topics.json, services/*.json).
    #[arg(long, env = "RATHAUS_CATALOGUE_DIR", default_value = "catalogue")]
    pub catalogue_dir: PathBuf,
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
}

#[derive(Clone)]
pub struct AppState {
    pub catalogue: Arc<Catalogue>,
    /// The city's catalogue as served (`GET /catalogue`), written once at start.
    pub city_catalogue: Arc<str>,
    pub db: Db,
    pub payment_seconds: i64,
    pub payment_provider_url: Arc<str>,
    pub attempts: Arc<limit::AttemptLimiter>,
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

/// Serves on an already bound listener (tests bind port 0).
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), Box<dyn std::error::Error>> {
    let catalogue = Catalogue::load(&config.services_dir)?;
    let city = catalogue::load_city_catalogue(&config.catalogue_dir, &catalogue)?;
    let city_services = city.services.len();
    let db = Db::open(&config.data_dir)?;
    if config.demo {
        seed_demo(&db, &catalogue)?;
    }
    if !config.dist_dir.join("index.html").is_file() {
        tracing::warn!(
            "{} has no index.html: the API works, the app is not served (build it first)",
            config.dist_dir.display()
        );
    }
    let state = AppState {
        catalogue: Arc::new(catalogue),
        city_catalogue: serde_json::to_string(&city)?.into(),
        db,
        payment_seconds: i64::from(config.payment_seconds),
        payment_provider_url: config.payment_provider_url.trim_end_matches('/').into(),
        attempts: Arc::new(limit::AttemptLimiter::new(limit::Limits {
            per_case: config.attempts_per_case,
            per_client: config.attempts_per_client,
            window_seconds: i64::from(config.attempt_window_seconds),
        })),
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
    // The client's address counts wrong access codes (crate::limit); it is not logged.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    Ok(())
}

fn seed_demo(db: &Db, catalogue: &Catalogue) -> Result<(), Box<dyn std::error::Error>> {
    let Some(def) = catalogue.get("fuehrungszeugnis") else {
        return Ok(());
    };
    let now = api::now();
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
