//! The HTTP/JSON contract between the app and a city's backend (`/api/v1`), defined
//! once for both sides. See docs/api.md.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::answers::FileRef;
use crate::case::CaseStatus;
use crate::definition::ServiceDefinition;
use crate::fee::Money;
use crate::field_error::{ErrorCode, FieldError};
use crate::json::Wire;
use crate::text::{Locale, Text};

/// Header carrying the idempotency key of `POST /applications`.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header carrying the percent-encoded (UTF-8) name of an uploaded file.
pub const ATTACHMENT_NAME_HEADER: &str = "Attachment-Name";
/// Authorization scheme of the case access code: `Authorization: AccessCode K7PQ-M2XD`.
/// A header, never the URL, so that codes stay out of logs and browser history.
pub const ACCESS_CODE_SCHEME: &str = "AccessCode";

/// `GET /services`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceList {
    pub services: Vec<ServiceSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceSummary {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The fee if it does not depend on the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Money>,
}

impl ServiceDefinition {
    /// The catalogue entry for this service (kept here, with the wire types, so that
    /// definitions do not depend on the API).
    pub fn summary_entry(&self) -> ServiceSummary {
        ServiceSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            fee: self.fee.fixed_amount(),
        }
    }
}

/// `POST /applications`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseView {
    pub case_number: String,
    pub service_id: String,
    pub service_title: Text,
    pub status: CaseStatus,
    pub fee: Money,
    pub submitted_at: String,
    /// Oldest first.
    pub events: Vec<CaseEvent>,
    /// What the office asked and the citizen has not answered yet (status
    /// `action_needed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_request: Option<OpenRequest>,
}

/// One entry of a case's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseEvent {
    /// RFC 3339.
    pub at: String,
    /// The case's status after this event.
    pub status: CaseStatus,
    #[serde(default)]
    pub kind: EventKind,
    /// The office's message, or the citizen's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Names of the files that came with an answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// What happened to a case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The office moved the case (or it was received).
    #[default]
    Status,
    /// The office wrote to the citizen without changing the status.
    Message,
    /// The office asked the citizen for information or a document.
    Request,
    /// The citizen answered a request.
    Answer,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::Status,
        EventKind::Message,
        EventKind::Request,
        EventKind::Answer,
    ];
}

/// The office's open question to the citizen ("Rückfrage").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpenRequest {
    pub id: String,
    pub message: String,
    /// The office needs a document: an answer without a file is refused.
    pub wants_document: bool,
    /// RFC 3339.
    pub asked_at: String,
}

/// `POST /applications/{case_number}/answers`: the citizen's answer to an open request.
/// Files are uploaded first (`POST /attachments`) and named here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnswerRequest {
    pub request_id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub attachments: Vec<FileRef>,
}

/// Longest answer text, in characters.
pub const ANSWER_MAX_CHARS: usize = 5000;

impl AnswerRequest {
    /// What is wrong with this answer to `request`: field `text` or `attachments`.
    /// The app shows these before sending; the backend refuses with the same.
    pub fn problems(&self, request: &OpenRequest) -> Vec<FieldError> {
        let error = |field: &str, code, limit: Option<String>| FieldError {
            field: field.into(),
            code,
            limit,
        };
        let text = self.text.trim();
        let mut problems = Vec::new();
        if text.chars().count() > ANSWER_MAX_CHARS {
            problems.push(error(
                "text",
                ErrorCode::TooLong,
                Some(ANSWER_MAX_CHARS.to_string()),
            ));
        } else if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            problems.push(error("text", ErrorCode::InvalidCharacters, None));
        }
        if request.wants_document && self.attachments.is_empty() {
            problems.push(error("attachments", ErrorCode::Required, None));
        } else if text.is_empty() && self.attachments.is_empty() {
            problems.push(error("text", ErrorCode::Required, None));
        }
        problems
    }
}

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
}

impl ApiErrorCode {
    pub const ALL: [ApiErrorCode; 15] = [
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

/// `POST /feedback`: a citizen's report of a barrier in the app (the feedback mechanism
/// of an accessibility statement, BITV 2.0 § 7). Sent with an idempotency key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeedbackReport {
    /// Where the barrier is: the page's address or the citizen's words for it.
    pub page: String,
    pub description: String,
    /// How the office can answer (email, phone, postal address); empty for none.
    #[serde(default)]
    pub contact: String,
    /// The language the citizen used, so that the office answers in it.
    #[serde(default)]
    pub locale: Locale,
}

/// Longest texts of a [`FeedbackReport`], in characters.
pub const FEEDBACK_PAGE_MAX_CHARS: usize = 500;
pub const FEEDBACK_DESCRIPTION_MAX_CHARS: usize = 5000;
pub const FEEDBACK_CONTACT_MAX_CHARS: usize = 300;

impl FeedbackReport {
    /// What is wrong with this report: fields `page`, `description`, `contact`. The app
    /// shows these before sending; the backend refuses with the same.
    pub fn problems(&self) -> Vec<FieldError> {
        // (field, text, longest, several lines allowed, required)
        let fields = [
            ("page", &self.page, FEEDBACK_PAGE_MAX_CHARS, false, true),
            (
                "description",
                &self.description,
                FEEDBACK_DESCRIPTION_MAX_CHARS,
                true,
                true,
            ),
            (
                "contact",
                &self.contact,
                FEEDBACK_CONTACT_MAX_CHARS,
                false,
                false,
            ),
        ];
        fields
            .into_iter()
            .filter_map(|(field, text, max, multiline, required)| {
                let text = text.trim();
                let (code, limit) = if required && text.is_empty() {
                    (ErrorCode::Required, None)
                } else if text.chars().count() > max {
                    (ErrorCode::TooLong, Some(max.to_string()))
                } else if text
                    .chars()
                    .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
                {
                    (ErrorCode::InvalidCharacters, None)
                } else {
                    return None;
                };
                Some(FieldError {
                    field: field.into(),
                    code,
                    limit,
                })
            })
            .collect()
    }
}

/// Answer to a `POST /feedback` (201, or 200 for a repeated key).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeedbackReceipt {
    /// What the citizen can quote when asking about the report (`BF-7KQ4-M2XD`).
    pub reference: String,
    /// RFC 3339.
    pub received_at: String,
}

#[cfg(test)]
mod answer_tests {
    use super::*;

    fn request(wants_document: bool) -> OpenRequest {
        OpenRequest {
            id: "R1".into(),
            message: "Bitte senden Sie uns den Mietvertrag.".into(),
            wants_document,
            asked_at: "2026-11-27T09:00:00Z".into(),
        }
    }

    fn file() -> FileRef {
        FileRef {
            id: "f1".into(),
            name: "vertrag.pdf".into(),
            size: 10,
            media_type: "application/pdf".into(),
        }
    }

    fn codes(answer: &AnswerRequest, wants_document: bool) -> Vec<(String, ErrorCode)> {
        answer
            .problems(&request(wants_document))
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect()
    }

    #[test]
    fn an_answer_needs_text_or_a_file_and_a_file_when_asked_for_one() {
        let empty = AnswerRequest::default();
        assert_eq!(codes(&empty, false), [("text".into(), ErrorCode::Required)]);
        assert_eq!(
            codes(&empty, true),
            [("attachments".into(), ErrorCode::Required)]
        );
        let text_only = AnswerRequest {
            text: "  Der Vertrag folgt per Post. ".into(),
            ..Default::default()
        };
        assert!(codes(&text_only, false).is_empty());
        assert_eq!(
            codes(&text_only, true),
            [("attachments".into(), ErrorCode::Required)]
        );
        let file_only = AnswerRequest {
            attachments: vec![file()],
            ..Default::default()
        };
        assert!(codes(&file_only, true).is_empty());
        assert!(codes(&file_only, false).is_empty());
    }

    #[test]
    fn answer_text_is_bounded_and_plain() {
        let long = AnswerRequest {
            text: "ä".repeat(ANSWER_MAX_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(codes(&long, false), [("text".into(), ErrorCode::TooLong)]);
        let just = AnswerRequest {
            text: "ä".repeat(ANSWER_MAX_CHARS),
            ..Default::default()
        };
        assert!(codes(&just, false).is_empty());
        let control = AnswerRequest {
            text: "Zeile 1\nZeile 2\u{0}".into(),
            ..Default::default()
        };
        assert_eq!(
            codes(&control, false),
            [("text".into(), ErrorCode::InvalidCharacters)]
        );
    }
}

#[cfg(test)]
mod feedback_tests {
    use super::*;

    fn codes(report: &FeedbackReport) -> Vec<(String, ErrorCode)> {
        report
            .problems()
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect()
    }

    fn report() -> FeedbackReport {
        FeedbackReport {
            page: "/services/hundesteuer".into(),
            description: "Die Fehlermeldung wird nicht vorgelesen.\nZweite Zeile.".into(),
            contact: String::new(),
            locale: Locale::De,
        }
    }

    #[test]
    fn a_report_needs_a_page_and_a_description_but_no_contact() {
        assert!(codes(&report()).is_empty());
        let blank = FeedbackReport {
            page: "  ".into(),
            description: "\n".into(),
            ..report()
        };
        assert_eq!(
            codes(&blank),
            [
                ("page".into(), ErrorCode::Required),
                ("description".into(), ErrorCode::Required)
            ]
        );
    }

    #[test]
    fn report_texts_are_bounded_and_plain() {
        let long = FeedbackReport {
            description: "ä".repeat(FEEDBACK_DESCRIPTION_MAX_CHARS + 1),
            contact: "x".repeat(FEEDBACK_CONTACT_MAX_CHARS + 1),
            ..report()
        };
        assert_eq!(
            long.problems(),
            [
                FieldError {
                    field: "description".into(),
                    code: ErrorCode::TooLong,
                    limit: Some(FEEDBACK_DESCRIPTION_MAX_CHARS.to_string()),
                },
                FieldError {
                    field: "contact".into(),
                    code: ErrorCode::TooLong,
                    limit: Some(FEEDBACK_CONTACT_MAX_CHARS.to_string()),
                },
            ]
        );
        let just = FeedbackReport {
            description: "ä".repeat(FEEDBACK_DESCRIPTION_MAX_CHARS),
            ..report()
        };
        assert!(codes(&just).is_empty());
        // Lines only where several lines are asked for; no other control characters.
        let control = FeedbackReport {
            page: "Seite\nzwei".into(),
            description: "Text\u{1b}[31m".into(),
            contact: "a\u{7}@b.de".into(),
            ..report()
        };
        assert_eq!(
            codes(&control),
            [
                ("page".into(), ErrorCode::InvalidCharacters),
                ("description".into(), ErrorCode::InvalidCharacters),
                ("contact".into(), ErrorCode::InvalidCharacters),
            ]
        );
    }
}
