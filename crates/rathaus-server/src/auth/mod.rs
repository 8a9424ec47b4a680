//! Login with the city's account over OpenID Connect, the backend as the client
//! (backend-for-frontend): the browser holds only an HttpOnly session cookie, never a
//! token. `GET /auth/login` sends the browser to the provider (code flow with PKCE,
//! state and nonce kept here), `GET /auth/callback` checks what comes back and starts
//! the session, `GET /session` says who is logged in, `POST /auth/logout` ends it here
//! and names where to end it at the provider. docs/api.md, 'Login'.

pub mod drafts;
mod provider;
pub mod session;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use openidconnect::url::form_urlencoded;
use rathaus_core::api::{
    AccountApplication, AccountApplications, ApiErrorCode, LoginFailure, LogoutView, SessionView,
};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rathaus_core::Money;
use serde::Deserialize;

use crate::cache::with_cache;
use crate::codes::sha256_hex;
use crate::db::sessions::{LoginAttempt, NewSession};
use crate::error::ApiError;
use crate::extract::blocking;
use crate::AppState;
use provider::{Provider, ProviderError};
pub use session::MaybeSession;

/// The identity provider a city points the backend at. Without an issuer there is no
/// login: services that require identification cannot be sent.
#[derive(Clone, Debug, clap::Args)]
pub struct LoginConfig {
    /// The provider's issuer URL (its discovery document is
    /// `{issuer}/.well-known/openid-configuration`): BundID, a Servicekonto, a Keycloak.
    #[arg(long, env = "RATHAUS_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,
    #[arg(long, env = "RATHAUS_OIDC_CLIENT_ID", default_value = "rathaus")]
    pub oidc_client_id: String,
    /// The client secret (better given in the environment than on the command line).
    #[arg(long, env = "RATHAUS_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,
    /// Scopes to ask for besides `openid`, separated by spaces.
    #[arg(
        long,
        env = "RATHAUS_OIDC_SCOPES",
        default_value = "profile address email identity"
    )]
    pub oidc_scopes: String,
    /// Which `acr` values stand for which level of assurance (`value=level`, comma
    /// separated; levels: low, substantial, high). An `acr` not listed is `low`.
    #[arg(
        long,
        env = "RATHAUS_OIDC_ACR_LEVELS",
        default_value = "http://eidas.europa.eu/LoA/low=low,http://eidas.europa.eu/LoA/substantial=substantial,http://eidas.europa.eu/LoA/high=high,STORK-QAA-Level-3=substantial,STORK-QAA-Level-4=high,substantial=substantial,high=high"
    )]
    pub oidc_acr_levels: String,
    /// This backend's address as citizens' browsers see it: the provider sends them
    /// back to `{public_url}/api/v1/auth/callback`, and after logging out to
    /// `{public_url}/`. Default: `http://` and the listening address.
    #[arg(long, env = "RATHAUS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Minutes without a request after which a session ends.
    #[arg(long, env = "RATHAUS_SESSION_IDLE_MINUTES", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub session_idle_minutes: u32,
    /// Hours after which a session ends however active it is.
    #[arg(long, env = "RATHAUS_SESSION_HOURS", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..=24))]
    pub session_hours: u32,
}

/// The login's settings and its provider, if one is configured.
pub struct Auth {
    provider: Option<Provider>,
    public_url: String,
    pub idle_seconds: i64,
    lifetime_seconds: i64,
}

impl Auth {
    pub fn new(config: &LoginConfig, listening: std::net::SocketAddr) -> Result<Auth, String> {
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{listening}"))
            .trim_end_matches('/')
            .to_owned();
        let provider = match &config.oidc_issuer {
            Some(issuer) => Some(Provider::new(
                config,
                issuer,
                &format!("{public_url}/api/v1/auth/callback"),
            )?),
            None => None,
        };
        Ok(Auth {
            provider,
            public_url,
            idle_seconds: i64::from(config.session_idle_minutes) * 60,
            lifetime_seconds: i64::from(config.session_hours) * 3600,
        })
    }

    pub fn available(&self) -> bool {
        self.provider.is_some()
    }
}

/// The account a login is: a hash of the provider's issuer and subject, so the
/// database holds no identifier the provider (or anyone) could look up.
pub fn account_of(issuer: &str, subject: &str) -> String {
    sha256_hex(format!("{issuer}\n{subject}").as_bytes())
}

/// What the app is told to tell accounts apart on a device.
fn device_tag(account: &str) -> String {
    sha256_hex(format!("device\n{account}").as_bytes())[..16].to_owned()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/session", get(get_session))
        .route("/auth/login", get(login))
        .route("/auth/callback", get(callback))
        .route("/auth/logout", post(logout))
        .route("/account/applications", get(account_applications))
        .merge(drafts::routes())
}

async fn get_session(State(state): State<AppState>, session: MaybeSession) -> Response {
    let view = match session.0 {
        None => SessionView {
            login_available: state.auth.available(),
            ..SessionView::default()
        },
        Some(s) => SessionView {
            login_available: true,
            account: Some(device_tag(&s.stored.account)),
            identity: Some(s.stored.identity),
            csrf_token: Some(s.stored.csrf_token),
            expires_at: Some(Timestamp(s.stored.expires_at).to_rfc3339()),
        },
    };
    with_cache(Json(view).into_response(), "no-store")
}

#[derive(Deserialize)]
struct LoginQuery {
    #[serde(rename = "return")]
    return_to: Option<String>,
}

/// A return address must be a path of this app: never another site (open redirect).
pub fn valid_return_url(url: &str) -> bool {
    url.starts_with('/')
        && !url.starts_with("//")
        && url.len() <= 512
        && url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// The app's page that says why a login failed and offers to try again.
fn failed(failure: LoginFailure, return_to: &str) -> Response {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("failed", failure.name())
        .append_pair("return", return_to)
        .finish();
    see_other(&format!("/login?{query}"))
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = location.parse() {
        response.headers_mut().insert(header::LOCATION, value);
    }
    with_cache(response, "no-store")
}

/// `GET /auth/login?return=/services/…`: to the provider, and back to `return` (a
/// path of this app) once logged in.
async fn login(State(state): State<AppState>, Query(query): Query<LoginQuery>) -> Response {
    let return_to = query
        .return_to
        .filter(|r| valid_return_url(r))
        .unwrap_or_else(|| "/".to_owned());
    let Some(provider) = &state.auth.provider else {
        return failed(LoginFailure::NotConfigured, &return_to);
    };
    let started = match provider.start().await {
        Ok(started) => started,
        Err(e) => {
            tracing::warn!("login: {}", crate::staff_text::escape(&e.to_string()));
            return failed(LoginFailure::Unavailable, &return_to);
        }
    };
    let db = state.db.clone();
    let now = state.clock.now();
    let attempt = LoginAttempt {
        nonce: started.nonce,
        pkce_verifier: started.pkce_verifier,
        return_to: return_to.clone(),
    };
    let state_value = started.state;
    match blocking(move || db.begin_login(&state_value, &attempt, now)).await {
        Ok(Ok(())) => see_other(&started.url),
        _ => failed(LoginFailure::Unavailable, &return_to),
    }
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /auth/callback`: the provider sends the browser back. The state must be a
/// login this backend started and has not finished (a forged or replayed callback
/// finds none), the ID token must be the provider's, for this client, with this
/// login's nonce.
async fn callback(State(state): State<AppState>, Query(query): Query<CallbackQuery>) -> Response {
    let Some(provider) = &state.auth.provider else {
        return failed(LoginFailure::NotConfigured, "/");
    };
    let Some(login_state) = query.state.filter(|s| !s.is_empty() && s.len() <= 200) else {
        return failed(LoginFailure::Expired, "/");
    };
    let db = state.db.clone();
    let now = state.clock.now();
    let Ok(Ok(Some(attempt))) = blocking(move || db.take_login(&login_state, now)).await else {
        return failed(LoginFailure::Expired, "/");
    };
    if let Some(error) = query.error {
        let failure = match error.as_str() {
            "access_denied" | "login_required" | "consent_required" => LoginFailure::Cancelled,
            _ => LoginFailure::Unavailable,
        };
        return failed(failure, &attempt.return_to);
    }
    let Some(code) = query.code else {
        return failed(LoginFailure::Expired, &attempt.return_to);
    };
    let logged_in = match provider
        .finish(&code, &attempt.pkce_verifier, &attempt.nonce)
        .await
    {
        Ok(logged_in) => logged_in,
        Err(e) => {
            tracing::warn!(
                "login refused: {}",
                crate::staff_text::escape(&e.to_string())
            );
            let failure = match e {
                ProviderError::Unavailable(_) => LoginFailure::Unavailable,
                ProviderError::Refused(_) => LoginFailure::Refused,
            };
            return failed(failure, &attempt.return_to);
        }
    };
    let secret = session::new_secret();
    let csrf_token = session::new_secret();
    let account = account_of(&logged_in.issuer, &logged_in.subject);
    let db = state.db.clone();
    let lifetime_seconds = state.auth.lifetime_seconds;
    let cookie = secret.clone();
    let created = blocking(move || {
        db.create_session(NewSession {
            cookie: &cookie,
            account: &account,
            identity: &logged_in.identity,
            csrf_token: &csrf_token,
            id_token: &logged_in.id_token,
            now,
            lifetime_seconds,
        })
    })
    .await;
    if !matches!(created, Ok(Ok(()))) {
        return failed(LoginFailure::Unavailable, &attempt.return_to);
    }
    let mut response = see_other(&attempt.return_to);
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::set_cookie(&secret));
    response
}

/// `POST /auth/logout`: ends the session here (what it held is deleted) and says where
/// to end it at the provider.
async fn logout(
    State(state): State<AppState>,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    let mut end_session_url = None;
    if let Some(s) = session.0 {
        let db = state.db.clone();
        let secret = s.secret.clone();
        blocking(move || db.end_session(&secret)).await??;
        if let Some(provider) = &state.auth.provider {
            let back = format!("{}/", state.auth.public_url);
            end_session_url = provider.logout_url(&s.stored.id_token, &back).await;
        }
    }
    let mut response = Json(LogoutView { end_session_url }).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::clear_cookie());
    Ok(with_cache(response, "no-store"))
}

/// The session, or 403 `identification_required`.
pub fn required(session: &MaybeSession) -> Result<&session::Session, ApiError> {
    session
        .0
        .as_ref()
        .ok_or(ApiError::Forbidden(ApiErrorCode::IdentificationRequired))
}

/// `GET /account/applications`: the account's cases, on any device.
async fn account_applications(
    State(state): State<AppState>,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    let account = required(&session)?.stored.account.clone();
    let db = state.db.clone();
    let rows = blocking(move || db.account_cases(&account)).await??;
    let applications = rows
        .into_iter()
        .map(|row| AccountApplication {
            service_title: state.catalogue.title_of(&row.service_id),
            status: CaseStatus::from_name(&row.status).unwrap_or(CaseStatus::Received),
            fee: Money(row.fee_cents),
            submitted_at: Timestamp(row.submitted_at).to_rfc3339(),
            case_number: row.case_number,
            service_id: row.service_id,
        })
        .collect();
    Ok(with_cache(
        Json(AccountApplications { applications }).into_response(),
        "no-store",
    ))
}
