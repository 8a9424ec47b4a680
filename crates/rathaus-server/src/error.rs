//! Every failure of the API answers with [`ErrorBody`] JSON and a fitting status —
//! also the ones that do not come from a handler (an unknown method, a path that is not
//! UTF-8, a panic): crate::web turns those into [`for_status`].

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rathaus_core::api::{ApiErrorCode, ErrorBody};
use rathaus_core::validate::{ErrorCode, FieldError};

#[derive(Debug)]
pub enum ApiError {
    BadRequest,
    /// No access code: `WWW-Authenticate` says which scheme.
    Unauthorized,
    NotFound,
    IdempotencyKeyReused,
    AlreadyPaid,
    NothingToPay,
    /// The body did not come in time.
    RequestTimeout,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Try again later (uploads full).
    TooManyRequests,
    /// Too many wrong access codes: try again after this many seconds.
    Limited(u64),
    RequestClosed,
    /// 409 with its reason (`slot_taken`, `appointment_passed`).
    Conflict(ApiErrorCode),
    Validation(Vec<FieldError>),
    /// The file is refused for what it holds (`active_content`, `malware_found`).
    RefusedFile(ErrorCode),
    /// 403 with its reason (`identification_required`, `assurance_too_low`,
    /// `csrf_failed`).
    Forbidden(ApiErrorCode),
    /// Something needed is not there (the malware scanner): try again later.
    Unavailable,
    Internal(String),
}

/// The field that a refused upload's error names: the file itself.
pub const UPLOAD_FIELD: &str = "file";

/// The JSON error for a response that has only a status.
pub fn for_status(status: StatusCode) -> Response {
    // The core's reading of a status; a 409 (several codes) or another 4xx without a
    // code of its own is a bad request.
    let error = ApiErrorCode::for_status(status.as_u16()).unwrap_or(if status.is_client_error() {
        ApiErrorCode::BadRequest
    } else {
        ApiErrorCode::Internal
    });
    let body = ErrorBody {
        error,
        errors: vec![],
    };
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, error, errors) = match self {
            ApiError::BadRequest => (StatusCode::BAD_REQUEST, ApiErrorCode::BadRequest, vec![]),
            ApiError::Unauthorized => {
                let body = ErrorBody {
                    error: ApiErrorCode::Unauthorized,
                    errors: vec![],
                };
                let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
                response.headers_mut().insert(
                    axum::http::header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static(rathaus_core::api::ACCESS_CODE_SCHEME),
                );
                return response;
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, ApiErrorCode::NotFound, vec![]),
            ApiError::IdempotencyKeyReused => (
                StatusCode::CONFLICT,
                ApiErrorCode::IdempotencyKeyReused,
                vec![],
            ),
            ApiError::AlreadyPaid => (StatusCode::CONFLICT, ApiErrorCode::AlreadyPaid, vec![]),
            ApiError::NothingToPay => (StatusCode::CONFLICT, ApiErrorCode::NothingToPay, vec![]),
            ApiError::RequestTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                ApiErrorCode::RequestTimeout,
                vec![],
            ),
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
            ApiError::Conflict(code) => (StatusCode::CONFLICT, code, vec![]),
            ApiError::Validation(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::ValidationFailed,
                errors,
            ),
            ApiError::RefusedFile(code) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::ValidationFailed,
                vec![FieldError {
                    field: UPLOAD_FIELD.to_owned(),
                    code,
                    limit: None,
                }],
            ),
            ApiError::Forbidden(code) => (StatusCode::FORBIDDEN, code, vec![]),
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                ApiErrorCode::Unavailable,
                vec![],
            ),
            ApiError::Internal(detail) => {
                // The detail goes to the log, never to the client; it may hold what a
                // client sent (an attachment id), so it is escaped.
                tracing::error!("internal error: {}", crate::staff_text::escape(&detail));
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
