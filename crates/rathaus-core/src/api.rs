//! The HTTP/JSON contract between the app and a city's backend (`/api/v1`), defined
//! once for both sides. See docs/api.md.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::case::CaseStatus;
use crate::fee::Money;
use crate::text::{Locale, Text};
use crate::validate::FieldError;

/// Header carrying the idempotency key of `POST /applications`.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header carrying the percent-encoded (UTF-8) name of an uploaded file.
pub const ATTACHMENT_NAME_HEADER: &str = "Attachment-Name";
/// Authorization scheme of the case access code: `Authorization: AccessCode K7PQ-M2XD`.
/// A header, never the URL, so that codes stay out of logs and browser history.
pub const ACCESS_CODE_SCHEME: &str = "AccessCode";

/// `GET /services`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceList {
    pub services: Vec<ServiceSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The fee if it does not depend on the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Money>,
}

/// `POST /applications`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmitApplication {
    pub service_id: String,
    /// The definition version the citizen answered.
    pub service_version: u32,
    pub answers: Answers,
    /// The language the citizen used, so that the office writes back in it.
    #[serde(default)]
    pub locale: Locale,
}

/// Answer to a successful `POST /applications` (201, or 200 for a repeated key).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationReceipt {
    pub case_number: String,
    /// Shown once to the citizen; the backend keeps only a hash.
    pub access_code: String,
    pub service_id: String,
    pub status: CaseStatus,
    /// Computed by the backend from its own fee rules.
    pub fee: Money,
    /// RFC 3339.
    pub submitted_at: String,
}

/// `GET /applications/{case_number}` with the access code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub case_number: String,
    pub service_id: String,
    pub service_title: Text,
    pub status: CaseStatus,
    pub fee: Money,
    pub submitted_at: String,
    /// Oldest first.
    pub events: Vec<CaseEvent>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// RFC 3339.
    pub at: String,
    pub status: CaseStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Every 4xx/5xx answer has this body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiErrorCode,
    /// Field-level problems of a 422.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    /// 400: the request is not what this endpoint reads.
    BadRequest,
    /// 404: no such service, or no case with this number and access code.
    NotFound,
    /// 409: the idempotency key was used before for a different request.
    IdempotencyKeyReused,
    /// 409: the case's fee is paid; there is nothing more to pay.
    AlreadyPaid,
    /// 409: the case has no fee.
    NothingToPay,
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
}

impl ApiErrorCode {
    pub const ALL: [ApiErrorCode; 10] = [
        ApiErrorCode::BadRequest,
        ApiErrorCode::NotFound,
        ApiErrorCode::IdempotencyKeyReused,
        ApiErrorCode::AlreadyPaid,
        ApiErrorCode::NothingToPay,
        ApiErrorCode::PayloadTooLarge,
        ApiErrorCode::UnsupportedMediaType,
        ApiErrorCode::ValidationFailed,
        ApiErrorCode::TooManyRequests,
        ApiErrorCode::Internal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ApiErrorCode::BadRequest => "bad_request",
            ApiErrorCode::NotFound => "not_found",
            ApiErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ApiErrorCode::AlreadyPaid => "already_paid",
            ApiErrorCode::NothingToPay => "nothing_to_pay",
            ApiErrorCode::PayloadTooLarge => "payload_too_large",
            ApiErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ApiErrorCode::ValidationFailed => "validation_failed",
            ApiErrorCode::TooManyRequests => "too_many_requests",
            ApiErrorCode::Internal => "internal",
        }
    }

    pub fn from_name(name: &str) -> Option<ApiErrorCode> {
        ApiErrorCode::ALL.into_iter().find(|c| c.name() == name)
    }
}
