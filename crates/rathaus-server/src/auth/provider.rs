//! The city's identity provider, as an OpenID Connect client (the `openidconnect`
//! crate does discovery, PKCE, the code exchange and every check of the ID token:
//! signature, issuer, audience, expiry, nonce). Discovery is cached for a while and
//! retried when it failed, so a provider that was down at start is used once it is up.

use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreGenderClaim, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
};
use openidconnect::{
    reqwest, AdditionalClaims, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken, IssuerUrl, LogoutRequest, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, StandardClaims, TokenResponse, UserInfoClaims,
};
use rathaus_core::identity::{Assurance, Identity, IdentityAddress};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use super::LoginConfig;

/// Discovery (and the provider's keys) is asked again after this long, so rotated keys
/// are found.
const METADATA_SECONDS: u64 = 10 * 60;

/// Claims beyond the standard ones that a city's gateway sends (docs/api.md, 'Login').
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct CityClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nationalities: Option<Vec<String>>,
}

impl AdditionalClaims for CityClaims {}

type CityIdToken = IdToken<
    CityClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

type Client = openidconnect::core::CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Why the provider could not be used; never shown to the citizen in detail.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("the identity provider is not reachable or its discovery failed: {0}")]
    Unavailable(String),
    #[error("the identity provider's answer is not a valid login: {0}")]
    Refused(String),
}

/// A login started: where to send the browser, and what its callback must match.
pub struct Started {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Who logged in, as the provider proved it.
pub struct LoggedIn {
    pub issuer: String,
    pub subject: String,
    pub identity: Identity,
    /// The ID token as received, to end the session at the provider.
    pub id_token: String,
}

pub struct Provider {
    config: LoginConfig,
    issuer: IssuerUrl,
    redirect: RedirectUrl,
    http: reqwest::Client,
    metadata: Mutex<Option<(ProviderMetadataWithLogout, Instant)>>,
}

impl Provider {
    pub fn new(config: &LoginConfig, issuer: &str, callback: &str) -> Result<Provider, String> {
        let issuer = IssuerUrl::new(issuer.to_owned()).map_err(|e| format!("issuer: {e}"))?;
        let redirect =
            RedirectUrl::new(callback.to_owned()).map_err(|e| format!("callback: {e}"))?;
        let http = reqwest::ClientBuilder::new()
            // Following redirects would let the provider's answers point anywhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Provider {
            config: config.clone(),
            issuer,
            redirect,
            http,
            metadata: Mutex::new(None),
        })
    }

    async fn metadata(&self, fresh: bool) -> Result<ProviderMetadataWithLogout, ProviderError> {
        let mut cached = self.metadata.lock().await;
        if let Some((metadata, at)) = cached.as_ref() {
            if !fresh && at.elapsed() < Duration::from_secs(METADATA_SECONDS) {
                return Ok(metadata.clone());
            }
        }
        let metadata = ProviderMetadataWithLogout::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| ProviderError::Unavailable(error_chain(&e)))?;
        *cached = Some((metadata.clone(), Instant::now()));
        Ok(metadata)
    }

    fn client(&self, metadata: ProviderMetadataWithLogout) -> Client {
        Client::from_provider_metadata(
            metadata,
            ClientId::new(self.config.oidc_client_id.clone()),
            self.config
                .oidc_client_secret
                .clone()
                .map(ClientSecret::new),
        )
        .set_redirect_uri(self.redirect.clone())
    }

    /// The provider's authorization address for a new login (code flow with PKCE).
    pub async fn start(&self) -> Result<Started, ProviderError> {
        let client = self.client(self.metadata(false).await?);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in self.config.oidc_scopes.split_whitespace() {
            if scope != "openid" {
                request = request.add_scope(Scope::new(scope.to_owned()));
            }
        }
        let (url, state, nonce) = request.url();
        Ok(Started {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the callback's code and checks the ID token; then asks the userinfo
    /// endpoint (where the provider has one) for what the token did not carry.
    pub async fn finish(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
    ) -> Result<LoggedIn, ProviderError> {
        let client = self.client(self.metadata(false).await?);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| ProviderError::Refused(error_chain(&e)))?;
        let raw = response
            .id_token()
            .ok_or_else(|| ProviderError::Refused("no ID token".into()))?
            .to_string();
        let token: CityIdToken = raw
            .parse()
            .map_err(|e| ProviderError::Refused(format!("ID token: {e}")))?;
        let nonce = Nonce::new(nonce.to_owned());
        let claims = match token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            // The provider may have rotated its keys since discovery: once more, fresh.
            Err(first) => {
                let client = self.client(self.metadata(true).await?);
                let verifier = client.id_token_verifier();
                token
                    .claims(&verifier, &nonce)
                    .map_err(|_| ProviderError::Refused(format!("ID token: {first}")))?
                    .clone()
            }
        };
        let subject = claims.subject().to_string();
        let acr = claims.auth_context_ref().map(|acr| acr.to_string());
        // The standard claims as the token carries them (the type has no accessor for
        // all of them at once).
        let standard: StandardClaims<CoreGenderClaim> = serde_json::to_value(&claims)
            .and_then(serde_json::from_value)
            .map_err(|e| ProviderError::Refused(format!("ID token claims: {e}")))?;
        let mut identity = identity_from(
            &standard,
            claims.additional_claims(),
            self.assurance(acr.as_deref()),
        );
        if let Ok(request) = client.user_info(
            response.access_token().clone(),
            Some(claims.subject().clone()),
        ) {
            // Userinfo is optional: what the ID token says stands when it fails.
            let info: Result<UserInfoClaims<CityClaims, CoreGenderClaim>, _> =
                request.request_async(&self.http).await;
            if let Ok(info) = info {
                let more = identity_from(
                    info.standard_claims(),
                    info.additional_claims(),
                    identity.assurance,
                );
                fill_missing(&mut identity, more);
            }
        }
        Ok(LoggedIn {
            issuer: self.issuer.to_string(),
            subject,
            identity,
            id_token: raw,
        })
    }

    /// Where to end the session at the provider, coming back to `back`; `None` when the
    /// provider has no end-session endpoint or is not reachable.
    pub async fn logout_url(&self, id_token: &str, back: &str) -> Option<String> {
        let metadata = self.metadata(false).await.ok()?;
        let end = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let mut request = LogoutRequest::from(end)
            .set_client_id(ClientId::new(self.config.oidc_client_id.clone()));
        if let Ok(token) = id_token.parse::<CityIdToken>() {
            request = request.set_id_token_hint(&token);
        }
        if let Ok(back) = PostLogoutRedirectUrl::new(back.to_owned()) {
            request = request.set_post_logout_redirect_uri(back);
        }
        Some(request.http_get_url().to_string())
    }

    /// The level an `acr` value stands for (`--oidc-acr-levels`); unknown is `low`.
    fn assurance(&self, acr: Option<&str>) -> Assurance {
        let Some(acr) = acr else {
            return Assurance::Low;
        };
        self.config
            .oidc_acr_levels
            .split(',')
            .filter_map(|pair| pair.trim().rsplit_once('='))
            .find(|(value, _)| value.trim() == acr)
            .and_then(|(_, level)| Assurance::from_name(level.trim()))
            .unwrap_or(Assurance::Low)
    }
}

/// The identity from the standard claims and the city's own.
fn identity_from(
    standard: &StandardClaims<CoreGenderClaim>,
    city: &CityClaims,
    assurance: Assurance,
) -> Identity {
    let clean = |s: &str| {
        let s: String = s.chars().filter(|c| !c.is_control()).collect();
        let s = s.trim();
        (!s.is_empty() && s.chars().count() <= 200).then(|| s.to_owned())
    };
    let address = standard.address().and_then(|a| {
        let street = clean(a.street_address.as_ref()?.as_str())?;
        Some(IdentityAddress {
            street,
            postcode: a
                .postal_code
                .as_ref()
                .and_then(|p| clean(p.as_str()))
                .unwrap_or_default(),
            town: a
                .locality
                .as_ref()
                .and_then(|l| clean(l.as_str()))
                .unwrap_or_default(),
            country: a
                .country
                .as_ref()
                .and_then(|c| clean(c.as_str()))
                .unwrap_or_default(),
        })
    });
    Identity {
        given_name: standard
            .given_name()
            .and_then(|n| n.get(None))
            .and_then(|n| clean(n.as_str())),
        family_name: standard
            .family_name()
            .and_then(|n| n.get(None))
            .and_then(|n| clean(n.as_str())),
        birth_date: standard
            .birthdate()
            .and_then(|b| clean(b.as_str()))
            .filter(|b| rathaus_core::date::Date::parse_iso(b).is_some()),
        birth_place: city.place_of_birth.as_deref().and_then(clean),
        address,
        nationality: city
            .nationalities
            .as_ref()
            .and_then(|n| n.first())
            .and_then(|n| clean(n))
            .map(|n| n.to_ascii_uppercase()),
        email: standard.email().and_then(|e| clean(e.as_str())),
        assurance,
    }
}

fn fill_missing(identity: &mut Identity, more: Identity) {
    identity.given_name = identity.given_name.take().or(more.given_name);
    identity.family_name = identity.family_name.take().or(more.family_name);
    identity.birth_date = identity.birth_date.take().or(more.birth_date);
    identity.birth_place = identity.birth_place.take().or(more.birth_place);
    identity.address = identity.address.take().or(more.address);
    identity.nationality = identity.nationality.take().or(more.nationality);
    identity.email = identity.email.take().or(more.email);
}

/// An error with its causes, for the log (never for the citizen).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
