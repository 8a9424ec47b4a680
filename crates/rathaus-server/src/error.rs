//! Every failure of the API answers with [`ErrorBody`] JSON and a fitting status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rathaus_core::api::{ApiErrorCode, ErrorBody};
use rathaus_core::validate::FieldError;

#[derive(Debug)]
pub enum ApiError {
    BadRequest,
    NotFound,
    IdempotencyKeyReused,
    AlreadyPaid,
    NothingToPay,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Try again later (uploads full).
    TooManyRequests,
    /// Too many wrong access codes: try again after this many seconds.
    Limited(u64),
    RequestClosed,
    Validation(Vec<FieldError>),
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, error, errors) = match self {
            ApiError::BadRequest => (StatusCode::BAD_REQUEST, ApiErrorCode::BadRequest, vec![]),
            ApiError::NotFound => (StatusCode::NOT_FOUND, ApiErrorCode::NotFound, vec![]),
            ApiError::IdempotencyKeyReused => (
                StatusCode::CONFLICT,
                ApiErrorCode::IdempotencyKeyReused,
                vec![],
            ),
            ApiError::AlreadyPaid => (StatusCode::CONFLICT, ApiErrorCode::AlreadyPaid, vec![]),
            ApiError::NothingToPay => (StatusCode::CONFLICT, ApiErrorCode::NothingToPay, vec![]),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ApiErrorCode::PayloadTooLarge,
                vec![],
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ApiErrorCode::UnsupportedMediaType,
                vec![],
            ),
            ApiError::TooManyRequests => (
                StatusCode::TOO_MANY_REQUESTS,
                ApiErrorCode::TooManyRequests,
                vec![],
            ),
            ApiError::Limited(seconds) => {
                let body = ErrorBody {
                    error: ApiErrorCode::TooManyRequests,
                    errors: vec![],
                };
                let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, seconds.into());
                return response;
            }
            ApiError::RequestClosed => (StatusCode::CONFLICT, ApiErrorCode::RequestClosed, vec![]),
            ApiError::Validation(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::ValidationFailed,
                errors,
            ),
            ApiError::Internal(detail) => {
                // The detail goes to the log, never to the client.
                tracing::error!("internal error: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiErrorCode::Internal,
                    vec![],
                )
            }
        };
        (status, Json(ErrorBody { error, errors })).into_response()
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(e: crate::db::DbError) -> ApiError {
        ApiError::Internal(e.to_string())
    }
}
