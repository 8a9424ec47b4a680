//! A case as the citizen follows it (`GET /applications/{case_number}`), and the
//! citizen's answer to the office's open request.

use serde::{Deserialize, Serialize};

use crate::answers::FileRef;
use crate::case::CaseStatus;
use crate::fee::Money;
use crate::field_error::{ErrorCode, FieldError};
use crate::json::Wire;
use crate::text::Text;

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
