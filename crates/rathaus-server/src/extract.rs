//! What a handler takes from a request, each with its own rejection (an [`ApiError`],
//! so every refusal is the API's JSON error), and the one way handlers run blocking
//! database work.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use rathaus_core::api::{ACCESS_CODE_SCHEME, IDEMPOTENCY_KEY_HEADER};
use rathaus_core::case::normalize_access_code;
use serde::de::DeserializeOwned;

use crate::body::Body;
use crate::error::ApiError;
use crate::AppState;

/// Applications are answers to questions, not files: 256 KiB is generous.
pub const MAX_JSON_BODY: usize = 256 * 1024;

/// A JSON body of at most [`MAX_JSON_BODY`] bytes, read as crate::body reads bodies;
/// `400` when it is not the expected shape.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let Body(bytes) = Body::<MAX_JSON_BODY>::from_request(request, state).await?;
        if let Ok(read) = serde_json::from_slice(&bytes) {
            return Ok(JsonBody(read));
        }
        // Only a body refused as it is is read again, with `3.0` as `3`.
        let mut value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| ApiError::BadRequest)?;
        whole_numbers_as_integers(&mut value);
        serde_json::from_value(value)
            .map(JsonBody)
            .map_err(|_| ApiError::BadRequest)
    }
}

/// JSON has one kind of number: `3` and `3.0` are the same integer (as JSON Schema,
/// and so docs/openapi.json, reads them), but serde refuses `3.0` for a `u32`. Whole
/// numbers written with a fraction are read as the integers they are.
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    use serde_json::{Number, Value};
    match value {
        Value::Number(n) if !(n.is_i64() || n.is_u64()) => {
            let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0) else {
                return;
            };
            // Only where the float is exact: beyond 2^53 it may not be the number sent.
            if f.abs() <= 9_007_199_254_740_992.0 {
                *n = Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(members) => members.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

/// `Idempotency-Key`: printable ASCII, at most 200 characters — a UUID fits, nothing
/// hostile does. `400` when missing or otherwise.
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let key = parts
            .headers
            .get(IDEMPOTENCY_KEY_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .ok_or(ApiError::BadRequest)?;
        if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ApiError::BadRequest);
        }
        Ok(IdempotencyKey(key.to_owned()))
    }
}

/// `Authorization: AccessCode K7PQ-M2XD-3RTA`, normalised; `None` when absent or
/// malformed. Never a rejection: the handler decides (`api::authorised_case`: 401 for
/// none, before it looks at the case).
pub struct AccessCode(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for AccessCode {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let code = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|value| value.trim().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case(ACCESS_CODE_SCHEME))
            .and_then(|(_, code)| normalize_access_code(code));
        Ok(AccessCode(code))
    }
}

/// The address the request came from (absent when served without one, in tests).
pub struct Client(pub Option<IpAddr>);

impl Client {
    pub fn address(&self) -> Option<IpAddr> {
        self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Client, Self::Rejection> {
        Ok(Client(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// Runs `f` (database work: SQLite blocks) off the async threads. A panic in it is a
/// `500`, not a dropped connection.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::whole_numbers_as_integers;
    use serde_json::json;

    #[test]
    fn whole_numbers_with_a_fraction_are_read_as_integers() {
        let mut value = json!({"version": 3.0, "list": [-2.0, 1.5], "big": 1e300, "n": 7});
        whole_numbers_as_integers(&mut value);
        assert_eq!(value["version"], json!(3));
        assert!(value["version"].is_u64());
        assert_eq!(value["list"], json!([-2, 1.5]));
        // Too large to be exact: left as it is, and refused where an integer is wanted.
        assert!(value["big"].is_f64());
        assert_eq!(value["n"], json!(7));
    }

    #[test]
    fn every_exact_whole_number_written_with_a_fraction_is_read_as_its_integer() {
        // Read from text, as a body is: a parser that rounds the last digit would
        // leave `2088683124700597.0` with a fraction, and refuse a valid request.
        for n in [
            2_088_683_124_700_597i64,
            -4_503_599_627_370_497,
            9_007_199_254_740_991,
        ] {
            let mut value: serde_json::Value =
                serde_json::from_str(&format!("{{\"n\": {n}.0}}")).unwrap();
            whole_numbers_as_integers(&mut value);
            assert_eq!(value["n"], json!(n), "{n}.0");
        }
    }
}
