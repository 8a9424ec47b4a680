//! The model of the citizen's answer to the office's question: its two questions as
//! wizard fields (so their errors read like every other error of the app), what is
//! checked before sending, and what the page does with each outcome. Plain Rust,
//! tested natively below; `answer_form.rs` draws it.

use rathaus_core::api::{AnswerRequest, CaseView, OpenRequest};
use rathaus_core::definition::{Constraints, Field, FieldKind};
use rathaus_core::{FieldError, FileRef, Locale, Text};

use crate::api::ApiError;
use crate::i18n::Key;
use crate::wizard::messages::field_error_message;

/// The most documents the form takes for one answer.
const MAX_FILES: u32 = 5;

pub struct Answer {
    pub request: OpenRequest,
    pub text_field: Field,
    pub files_field: Field,
}

impl Answer {
    pub fn to(request: OpenRequest, locale: Locale) -> Answer {
        let own = |key: Key| Text::new(key.text(locale), key.text(locale));
        let field = |id: &str, kind, label: Key, constraints| Field {
            id: id.into(),
            kind,
            label: own(label),
            hint: None,
            optional: false,
            options: vec![],
            options_from: None,
            constraints,
            show_if: None,
            autocomplete: None,
            messages: Default::default(),
            prefill: None,
            compute: None,
            optional_after_first: false,
        };
        let mut text_field = field(
            "answer-text",
            FieldKind::LongText,
            Key::AnswerTextLabel,
            Constraints {
                max_length: Some(rathaus_core::api::ANSWER_MAX_CHARS as u32),
                ..Default::default()
            },
        );
        text_field
            .messages
            .insert("required".into(), own(Key::AnswerTextRequired));
        let mut files_field = field(
            "answer-files",
            FieldKind::File,
            Answer::files_label(&request),
            Constraints {
                max_count: Some(MAX_FILES),
                ..Default::default()
            },
        );
        files_field
            .messages
            .insert("invalid".into(), own(Key::AnswerFileLost));
        Answer {
            request,
            text_field,
            files_field,
        }
    }

    /// Documents are asked for, or only welcome.
    pub fn files_label(request: &OpenRequest) -> Key {
        if request.wants_document {
            Key::AnswerFilesLabel
        } else {
            Key::AnswerFilesOptional
        }
    }

    /// What to send, or what is wrong with it (named as the backend names the fields:
    /// `text`, `attachments`).
    pub fn prepare(
        &self,
        text: String,
        files: Vec<FileRef>,
    ) -> Result<AnswerRequest, Vec<FieldError>> {
        let answer = AnswerRequest {
            request_id: self.request.id.clone(),
            text,
            attachments: files,
        };
        let problems = answer.problems(&self.request);
        if problems.is_empty() {
            Ok(answer)
        } else {
            Err(problems)
        }
    }

    /// The message for the error on `wire_field` (`text` or `attachments`), if any.
    pub fn message(
        &self,
        errors: &[FieldError],
        wire_field: &str,
        locale: Locale,
    ) -> Option<String> {
        let field = if wire_field == "text" {
            &self.text_field
        } else {
            &self.files_field
        };
        let error = errors.iter().find(|e| e.field == wire_field)?;
        Some(field_error_message(field, error, locale))
    }
}

/// What became of sending an answer.
pub enum Sent {
    /// The office has it (this time, or an earlier attempt with the same key).
    Answered(CaseView),
    /// The question was settled without this answer (withdrawn by the office).
    Closed,
    Failed(ApiError),
}

/// What the form shows after sending.
#[derive(Debug, PartialEq)]
pub enum Shown {
    /// Emptied, and the case as it is now.
    Answered(Box<CaseView>),
    /// Nothing here can be sent any more; says so.
    Closed,
    /// The backend's errors on the fields.
    Errors(Vec<FieldError>),
    /// A message above the form; what was written stays.
    Failure(Key),
}

impl Sent {
    /// Whether what the device keeps of the answer can go: it arrived, or never will.
    pub fn is_settled(&self) -> bool {
        matches!(self, Sent::Answered(_) | Sent::Closed)
    }

    pub fn shown(self) -> Shown {
        match self {
            Sent::Answered(view) => Shown::Answered(Box::new(view)),
            Sent::Closed => Shown::Closed,
            Sent::Failed(e) => match e.field_errors() {
                Some(errors) => Shown::Errors(errors),
                None if e == ApiError::Network => Shown::Failure(Key::AnswerOffline),
                None => Shown::Failure(Key::ServerError),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::ErrorCode;

    fn request(wants_document: bool) -> OpenRequest {
        rathaus_core::json::from_str(&format!(
            r#"{{"id":"r1","message":"Bitte den Mietvertrag","asked_at":"2026-12-01T10:00:00Z",
                "wants_document":{wants_document}}}"#
        ))
        .unwrap()
    }

    fn file() -> FileRef {
        rathaus_core::json::from_str(
            r#"{"id":"f1","name":"mietvertrag.pdf","size":1200,"type":"application/pdf"}"#,
        )
        .unwrap()
    }

    #[test]
    fn an_empty_answer_is_not_sent_and_says_why_in_the_forms_words() {
        let answer = Answer::to(request(false), Locale::De);
        let errors = answer.prepare("  ".into(), vec![]).unwrap_err();
        assert_eq!(errors[0].field, "text");
        assert_eq!(
            answer.message(&errors, "text", Locale::De).as_deref(),
            Some(Key::AnswerTextRequired.text(Locale::De))
        );
        assert_eq!(answer.message(&errors, "attachments", Locale::De), None);
        let sent = answer.prepare("Anbei".into(), vec![]).unwrap();
        assert_eq!((&sent.request_id[..], &sent.text[..]), ("r1", "Anbei"));
    }

    #[test]
    fn a_document_asked_for_must_come_with_the_answer() {
        let answer = Answer::to(request(true), Locale::De);
        assert_eq!(Answer::files_label(&answer.request), Key::AnswerFilesLabel);
        let errors = answer.prepare("Anbei".into(), vec![]).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| &e.field[..]).collect::<Vec<_>>(),
            ["attachments"]
        );
        assert!(answer.message(&errors, "attachments", Locale::De).is_some());
        assert!(answer.prepare("Anbei".into(), vec![file()]).is_ok());
        assert!(
            answer.prepare(String::new(), vec![file()]).is_ok(),
            "a document alone"
        );
        assert_eq!(answer.files_field.constraints.max_count, Some(MAX_FILES));
    }

    #[test]
    fn each_outcome_shows_what_the_citizen_needs_and_keeps_what_may_still_be_sent() {
        assert!(Sent::Closed.is_settled());
        assert_eq!(Sent::Closed.shown(), Shown::Closed);
        let offline = Sent::Failed(ApiError::Network);
        assert!(!offline.is_settled());
        assert_eq!(offline.shown(), Shown::Failure(Key::AnswerOffline));
        let refused = ApiError::Status {
            status: 422,
            body: Some(rathaus_core::api::ErrorBody {
                error: rathaus_core::api::ApiErrorCode::ValidationFailed,
                errors: vec![FieldError {
                    field: "text".into(),
                    code: ErrorCode::TooLong,
                    limit: Some("4000".into()),
                }],
            }),
        };
        assert!(matches!(Sent::Failed(refused).shown(), Shown::Errors(e) if e[0].field == "text"));
        let broken = ApiError::Status {
            status: 500,
            body: None,
        };
        assert_eq!(
            Sent::Failed(broken).shown(),
            Shown::Failure(Key::ServerError)
        );
    }
}
