//! The callback against a provider that signs its own ID tokens (a key of this test,
//! tests/fixtures/oidc): a token of the provider for this client and this login starts
//! a session; one with another key's signature, another issuer or audience, another
//! login's nonce, or an expired one starts none, and the citizen is told the login was
//! refused. Also the level the token's `acr` stands for, and a code used twice.

mod common;

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use common::Server;
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey,
};
use openidconnect::{JsonWebKeyId, PrivateSigningKey};
use serde_json::{json, Value};

const CLIENT: &str = "rathaus-test";

fn key(file: &str) -> CoreRsaPrivateSigningKey {
    let pem = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/oidc")
            .join(file),
    )
    .unwrap();
    CoreRsaPrivateSigningKey::from_pem(&pem, Some(JsonWebKeyId::new("k1".into()))).unwrap()
}

/// What the next token answer says: changes to a good token's claims, and its key.
#[derive(Clone, Default)]
struct Next {
    claims: Value,
    other_key: bool,
    nonce: String,
    codes_used: Vec<String>,
}

#[derive(Clone)]
struct Provider {
    issuer: String,
    next: Arc<Mutex<Next>>,
}

async fn discovery(State(p): State<Provider>) -> Json<Value> {
    Json(json!({
        "issuer": p.issuer,
        "authorization_endpoint": format!("{}/auth", p.issuer),
        "token_endpoint": format!("{}/token", p.issuer),
        "jwks_uri": format!("{}/jwks", p.issuer),
        "end_session_endpoint": format!("{}/session/end", p.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn jwks() -> Json<Value> {
    Json(json!({"keys": [key("test-signing-key.pem").as_verification_key()]}))
}

async fn token(State(p): State<Provider>, body: String) -> (axum::http::StatusCode, Json<Value>) {
    let code = body
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))
        .unwrap_or_default()
        .to_owned();
    let mut next = p.next.lock().unwrap();
    if next.codes_used.contains(&code) {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_grant"})),
        );
    }
    next.codes_used.push(code);
    let now = rathaus_server::clock::now().0;
    let mut claims = json!({
        "iss": p.issuer, "aud": [CLIENT], "sub": "erika", "nonce": next.nonce,
        "iat": now, "exp": now + 300,
        "acr": "http://eidas.europa.eu/LoA/high",
        "given_name": "Erika", "family_name": "Mustermann", "birthdate": "1964-08-12",
    });
    for (name, value) in next.claims.as_object().cloned().unwrap_or_default() {
        claims[name] = value;
    }
    let claims: CoreIdTokenClaims = serde_json::from_value(claims).unwrap();
    let signer = key(if next.other_key {
        "other-key.pem"
    } else {
        "test-signing-key.pem"
    });
    let id_token = CoreIdToken::new(
        claims,
        &signer,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .unwrap();
    (
        axum::http::StatusCode::OK,
        Json(json!({
            "access_token": "at", "token_type": "Bearer", "expires_in": 60,
            "id_token": id_token.to_string(),
        })),
    )
}

/// The provider on a port of its own, in its own thread.
fn provider() -> Provider {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let provider = Provider {
        issuer: format!("http://{}", listener.local_addr().unwrap()),
        next: Arc::default(),
    };
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(provider.clone());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    provider
}

fn no_redirects() -> ureq::Agent {
    ureq::builder().redirects(0).build()
}

/// Starts a login; the `state` the provider is to send back (its nonce is noted).
fn start_login(s: &Server, p: &Provider) -> String {
    let answer = common::any_status(
        no_redirects()
            .get(&s.url("/api/v1/auth/login?return=/services/fuehrungszeugnis"))
            .call(),
    );
    assert_eq!(answer.status(), 303);
    let to = answer.header("Location").unwrap().to_owned();
    assert!(to.starts_with(&format!("{}/auth?", p.issuer)), "{to}");
    assert!(to.contains("code_challenge_method=S256"), "{to}");
    let param = |name: &str| {
        to.split(['?', '&'])
            .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_owned()
    };
    p.next.lock().unwrap().nonce = param("nonce");
    param("state")
}

/// The callback with `code`: where it sends the browser, and the cookie it sets.
fn callback(s: &Server, state: &str, code: &str) -> (String, Option<String>) {
    let answer = common::any_status(
        no_redirects()
            .get(&s.url(&format!("/api/v1/auth/callback?code={code}&state={state}")))
            .call(),
    );
    assert_eq!(answer.status(), 303);
    (
        answer.header("Location").unwrap().to_owned(),
        answer.header("Set-Cookie").map(str::to_owned),
    )
}

fn server_for(p: &Provider) -> Server {
    let issuer = p.issuer.clone();
    Server::start_adjusted(move |c| {
        c.login.oidc_issuer = Some(issuer);
        c.login.oidc_client_id = CLIENT.into();
        c.login.oidc_client_secret = Some("secret".into());
    })
}

const REFUSED: &str = "/login?failed=refused&return=%2Fservices%2Ffuehrungszeugnis";

#[test]
fn the_providers_token_for_this_login_starts_a_session_at_its_level() {
    let p = provider();
    let s = server_for(&p);
    let state = start_login(&s, &p);
    p.next.lock().unwrap().claims = json!({"acr": "http://eidas.europa.eu/LoA/substantial"});
    let (to, cookie) = callback(&s, &state, "good");
    assert_eq!(to, "/services/fuehrungszeugnis");
    let cookie = cookie.expect("a session cookie");
    assert!(cookie.starts_with("__Host-rathaus-session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax")
    );
    let (_, session) = common::response(
        ureq::get(&s.url("/api/v1/session"))
            .set("Cookie", cookie.split(';').next().unwrap())
            .call(),
    );
    assert_eq!(session["identity"]["given_name"], "Erika");
    assert_eq!(session["identity"]["birth_date"], "1964-08-12");
    assert_eq!(session["identity"]["assurance"], "substantial");

    // The same callback again (replayed): the login is used up.
    let (to, cookie) = callback(&s, &state, "good");
    assert_eq!(to, "/login?failed=expired&return=%2F");
    assert!(cookie.is_none());
}

#[test]
fn a_token_that_does_not_prove_this_login_starts_no_session() {
    let p = provider();
    let s = server_for(&p);
    let now = rathaus_server::clock::now().0;
    let cases = [
        ("another key's signature", json!({}), true),
        (
            "another issuer",
            json!({"iss": "http://127.0.0.1:1"}),
            false,
        ),
        ("another audience", json!({"aud": ["someone-else"]}), false),
        (
            "another login's nonce",
            json!({"nonce": "not-this-one"}),
            false,
        ),
        (
            "expired",
            json!({"iat": now - 900, "exp": now - 600}),
            false,
        ),
    ];
    for (i, (what, claims, other_key)) in cases.into_iter().enumerate() {
        let state = start_login(&s, &p);
        {
            let mut next = p.next.lock().unwrap();
            next.claims = claims;
            next.other_key = other_key;
        }
        let (to, cookie) = callback(&s, &state, &format!("code-{i}"));
        assert_eq!((to.as_str(), cookie), (REFUSED, None), "{what}");
    }
    // A code the provider has seen before is refused by it: no session either.
    p.next.lock().unwrap().claims = json!({});
    p.next.lock().unwrap().other_key = false;
    let state = start_login(&s, &p);
    let (to, cookie) = callback(&s, &state, "code-0");
    assert_eq!((to.as_str(), cookie), (REFUSED, None), "code used twice");
}
