//! `/api/v1`: the contract of rathaus_core::api, served.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rathaus_core::api::{
    ServiceList, SubmitApplication, ACCESS_CODE_SCHEME, IDEMPOTENCY_KEY_HEADER,
};
use rathaus_core::case::{normalize_access_code, normalize_case_number};
use rathaus_core::date::Timestamp;
use rathaus_core::text::Text;
use rathaus_core::validate::validate_application;
use serde::de::DeserializeOwned;

use crate::codes;
use crate::db::{IdempotentOutcome, NewCase};
use crate::error::ApiError;
use crate::AppState;

/// Applications are answers to questions, not files: 256 KiB is generous.
const MAX_JSON_BODY: usize = 256 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/services", get(list_services))
        .route("/services/{id}", get(get_service))
        .route("/applications", post(submit_application))
        .route("/applications/{case_number}", get(get_case))
        .fallback(|| async { ApiError::NotFound })
        .layer(DefaultBodyLimit::max(MAX_JSON_BODY))
}

pub fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    Timestamp(secs)
}

fn json_body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadRequest
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|_| ApiError::BadRequest)
}

fn with_cache(mut response: Response, policy: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

async fn list_services(State(state): State<AppState>) -> Response {
    let list = ServiceList {
        services: state.catalogue.summaries(),
    };
    with_cache(Json(list).into_response(), "no-cache")
}

async fn get_service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let def = state.catalogue.get(&id).ok_or(ApiError::NotFound)?;
    Ok(with_cache(Json(def).into_response(), "no-cache"))
}

/// Printable ASCII, at most 200 characters: a UUID fits, nothing hostile does.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers
        .get(IDEMPOTENCY_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .ok_or(ApiError::BadRequest)?;
    if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::BadRequest);
    }
    Ok(key.to_owned())
}

async fn submit_application(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let request: SubmitApplication = json_body(body)?;
    // Hash of the parsed request: the same application sent twice hashes the same,
    // however its JSON was spaced or ordered.
    let request_hash = codes::sha256_hex(&serde_json::to_vec(&request).expect("serialises"));

    let db = state.db.clone();
    let catalogue = state.catalogue.clone();
    let outcome = tokio::task::spawn_blocking(move || -> Result<IdempotentOutcome, ApiError> {
        // A repeat is answered as the first time was, even if the definition has
        // changed since: the case exists.
        if let Some(outcome) = db.replay(&key, &request_hash)? {
            return Ok(outcome);
        }
        let def = catalogue
            .get(&request.service_id)
            .ok_or(ApiError::NotFound)?;
        let now = now();
        let (today, _) = now.berlin_local();
        let answers =
            validate_application(def, &request.answers, today).map_err(ApiError::Validation)?;
        // The fee comes from the server's own rules, whatever the app computed.
        let fee = def.fee.compute(&answers, today);
        let answers_json = serde_json::to_string(&answers).expect("answers serialise");
        Ok(db.create_case_idempotent(
            &key,
            &request_hash,
            NewCase {
                service_id: &def.id,
                service_version: def.version,
                answers_json: &answers_json,
                fee,
                locale: request.locale.code(),
                now,
            },
        )?)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;

    Ok(match outcome {
        IdempotentOutcome::Created(receipt) => with_cache(
            (StatusCode::CREATED, Json(receipt)).into_response(),
            "no-store",
        ),
        IdempotentOutcome::Repeated(receipt) => {
            with_cache((StatusCode::OK, Json(receipt)).into_response(), "no-store")
        }
        IdempotentOutcome::KeyReused => return Err(ApiError::IdempotencyKeyReused),
    })
}

/// `Authorization: AccessCode K7PQ-M2XD-3RTA`.
fn access_code(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, code) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case(ACCESS_CODE_SCHEME) {
        return None;
    }
    normalize_access_code(code)
}

async fn get_case(
    State(state): State<AppState>,
    Path(case_number): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // Malformed number, missing code, wrong code, unknown case: one answer for all, so
    // that nothing can be learnt about which cases exist.
    let (Some(case_number), Some(code)) =
        (normalize_case_number(&case_number), access_code(&headers))
    else {
        return Err(ApiError::NotFound);
    };
    let db = state.db.clone();
    let catalogue = state.catalogue.clone();
    let view = tokio::task::spawn_blocking(move || {
        db.case_for_citizen(&case_number, &code, |service_id| {
            catalogue
                .get(service_id)
                .map(|d| d.title.clone())
                .unwrap_or_else(|| Text::new(service_id, service_id))
        })
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let view = view.ok_or(ApiError::NotFound)?;
    Ok(with_cache(Json(view).into_response(), "no-store"))
}
