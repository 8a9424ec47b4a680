//! The body of every refusal (4xx/5xx) and its codes.

use serde::{Deserialize, Serialize};

use crate::field_error::FieldError;
use crate::json::Wire;

/// Every 4xx/5xx answer has this body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    pub error: ApiErrorCode,
    /// Field-level problems of a 422.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    /// 400: the request is not what this endpoint reads.
    BadRequest,
    /// 401: no access code (or not one of its shape): the same answer for every case
    /// number, so it says nothing about which exist.
    Unauthorized,
    /// 404: no such service, or no case with this number and access code.
    NotFound,
    /// 409: the idempotency key was used before for a different request.
    IdempotencyKeyReused,
    /// 409: the case's fee is paid; there is nothing more to pay.
    AlreadyPaid,
    /// 409: the case has no fee.
    NothingToPay,
    /// 409: the office's request was answered already (or withdrawn).
    RequestClosed,
    /// 405: the address exists, but not for this method.
    MethodNotAllowed,
    /// 408: the request (its body) did not arrive in time.
    RequestTimeout,
    /// 413.
    PayloadTooLarge,
    /// 415: an uploaded file that is not a PDF, JPEG or PNG (judged by its content).
    UnsupportedMediaType,
    /// 422: see `errors`.
    ValidationFailed,
    /// 429.
    TooManyRequests,
    /// 500.
    Internal,
    /// 503: something the backend needs (the malware scanner) is not available; try
    /// again later.
    Unavailable,
    /// 403: the service needs a login (the session has ended, or there was none).
    IdentificationRequired,
    /// 403: the login's assurance level is below the service's.
    AssuranceTooLow,
    /// 403: a logged-in browser's request without the session's CSRF token.
    CsrfFailed,
    /// 409: the appointment time was taken meanwhile; another is to be chosen.
    SlotTaken,
    /// 409: the appointment's time has come (or it is no longer booked): it is not
    /// moved or cancelled in the app.
    AppointmentPassed,
}

impl ApiErrorCode {
    pub const ALL: [ApiErrorCode; 20] = [
        ApiErrorCode::BadRequest,
        ApiErrorCode::Unauthorized,
        ApiErrorCode::NotFound,
        ApiErrorCode::IdempotencyKeyReused,
        ApiErrorCode::AlreadyPaid,
        ApiErrorCode::NothingToPay,
        ApiErrorCode::RequestClosed,
        ApiErrorCode::MethodNotAllowed,
        ApiErrorCode::RequestTimeout,
        ApiErrorCode::PayloadTooLarge,
        ApiErrorCode::UnsupportedMediaType,
        ApiErrorCode::ValidationFailed,
        ApiErrorCode::TooManyRequests,
        ApiErrorCode::Internal,
        ApiErrorCode::Unavailable,
        ApiErrorCode::IdentificationRequired,
        ApiErrorCode::AssuranceTooLow,
        ApiErrorCode::CsrfFailed,
        ApiErrorCode::SlotTaken,
        ApiErrorCode::AppointmentPassed,
    ];

    /// What an answer's status alone says, for one without the backend's error body (a
    /// proxy's or gateway's page). `None` where a status stands for several codes (409)
    /// or for none of the contract's.
    pub fn for_status(status: u16) -> Option<ApiErrorCode> {
        Some(match status {
            400 => ApiErrorCode::BadRequest,
            401 => ApiErrorCode::Unauthorized,
            404 => ApiErrorCode::NotFound,
            405 => ApiErrorCode::MethodNotAllowed,
            408 => ApiErrorCode::RequestTimeout,
            413 => ApiErrorCode::PayloadTooLarge,
            415 => ApiErrorCode::UnsupportedMediaType,
            422 => ApiErrorCode::ValidationFailed,
            429 => ApiErrorCode::TooManyRequests,
            503 => ApiErrorCode::Unavailable,
            500..=599 => ApiErrorCode::Internal,
            _ => return None,
        })
    }
}
