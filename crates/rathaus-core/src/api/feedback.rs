//! `POST /feedback`: reporting a barrier in the app, and its rules.

use serde::{Deserialize, Serialize};

use crate::field_error::{ErrorCode, FieldError};
use crate::json::Wire;
use crate::text::Locale;

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
