//! Validation: one set of rules for the app (on Continue) and the server (on submit).
//! Errors are codes, not sentences; each side words them in the citizen's language.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::definition::{Field, FieldKind, ServiceDefinition, Step};
use crate::flow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    /// Fewer characters than `limit`.
    TooShort,
    /// More characters than `limit`.
    TooLong,
    /// Control characters or other text that cannot be a real answer.
    InvalidCharacters,
    /// An answer of the wrong shape, e.g. a list for a text question.
    Invalid,
    NotAnOption,
    /// Some of day, month and year are missing.
    DateIncomplete,
    /// Not a real date (31 April) or not written in numbers.
    DateInvalid,
    DateInFuture,
    /// Less than `limit` years ago.
    DateTooRecent,
    /// More than `limit` years ago.
    DateTooOld,
    InvalidEmail,
    InvalidPostcode,
    /// The question is not part of this service (server only).
    UnknownField,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::Required,
        ErrorCode::TooShort,
        ErrorCode::TooLong,
        ErrorCode::InvalidCharacters,
        ErrorCode::Invalid,
        ErrorCode::NotAnOption,
        ErrorCode::DateIncomplete,
        ErrorCode::DateInvalid,
        ErrorCode::DateInFuture,
        ErrorCode::DateTooRecent,
        ErrorCode::DateTooOld,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPostcode,
        ErrorCode::UnknownField,
    ];

    /// The name used on the wire and as a key of a field's `messages`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooShort => "too_short",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidCharacters => "invalid_characters",
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotAnOption => "not_an_option",
            ErrorCode::DateIncomplete => "date_incomplete",
            ErrorCode::DateInvalid => "date_invalid",
            ErrorCode::DateInFuture => "date_in_future",
            ErrorCode::DateTooRecent => "date_too_recent",
            ErrorCode::DateTooOld => "date_too_old",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPostcode => "invalid_postcode",
            ErrorCode::UnknownField => "unknown_field",
        }
    }

    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A problem with one answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    /// The number in the rule that was broken (a length, a number of years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl FieldError {
    fn new(field: &Field, code: ErrorCode, limit: Option<u32>) -> FieldError {
        FieldError {
            field: field.id.clone(),
            code,
            limit,
        }
    }
}

/// Checks one answer against its question. `today` is the citizen's (or the office's)
/// civil date, passed in so that the rule is the same wherever it runs.
pub fn validate_field(field: &Field, answer: Option<&Answer>, today: Date) -> Option<FieldError> {
    let blank = answer.is_none_or(Answer::is_blank);
    if blank {
        return (!field.optional).then(|| FieldError::new(field, ErrorCode::Required, None));
    }
    let err = |code, limit| Some(FieldError::new(field, code, limit));
    match (field.kind, answer?) {
        (FieldKind::Date, Answer::Date(input)) => {
            let parts = [&input.day, &input.month, &input.year];
            if parts.iter().any(|p| p.trim().is_empty()) {
                return err(ErrorCode::DateIncomplete, None);
            }
            let Some(date) = input.to_date() else {
                return err(ErrorCode::DateInvalid, None);
            };
            let c = &field.constraints;
            if c.not_in_future && date > today {
                return err(ErrorCode::DateInFuture, None);
            }
            if let Some(years) = c.min_years_ago {
                if date > today.years_earlier(years) {
                    return err(ErrorCode::DateTooRecent, Some(years));
                }
            }
            if let Some(years) = c.max_years_ago {
                if date < today.years_earlier(years) {
                    return err(ErrorCode::DateTooOld, Some(years));
                }
            }
            None
        }
        (FieldKind::Date, _) => err(ErrorCode::Invalid, None),
        (FieldKind::SingleChoice, Answer::Text(value)) => {
            let value = value.trim();
            (!field.options.iter().any(|o| o.value == value))
                .then(|| FieldError::new(field, ErrorCode::NotAnOption, None))
        }
        (kind, Answer::Text(text)) => {
            let text = text.trim();
            let multiline = kind == FieldKind::LongText;
            if text
                .chars()
                .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
            {
                return err(ErrorCode::InvalidCharacters, None);
            }
            let length = text.chars().count() as u32;
            let c = &field.constraints;
            if let Some(max) = c.max_length.or(kind.default_max_length()) {
                if length > max {
                    return err(ErrorCode::TooLong, Some(max));
                }
            }
            if let Some(min) = c.min_length {
                if length < min {
                    return err(ErrorCode::TooShort, Some(min));
                }
            }
            match kind {
                FieldKind::Email if !is_plausible_email(text) => err(ErrorCode::InvalidEmail, None),
                FieldKind::Postcode if !is_german_postcode(text) => {
                    err(ErrorCode::InvalidPostcode, None)
                }
                _ => None,
            }
        }
        _ => err(ErrorCode::Invalid, None),
    }
}

/// Errors of the fields shown on `step`, in page order.
pub fn validate_step(
    def: &ServiceDefinition,
    step: &Step,
    answers: &Answers,
    today: Date,
) -> Vec<FieldError> {
    flow::visible_fields(def, step, answers)
        .into_iter()
        .filter_map(|f| validate_field(f, answers.get(&f.id), today))
        .collect()
}

/// Validates a whole application as the server does on submit. Returns the answers
/// that count — those on visible steps, blanks left out — or every error.
pub fn validate_application(
    def: &ServiceDefinition,
    answers: &Answers,
    today: Date,
) -> Result<Answers, Vec<FieldError>> {
    let walk = flow::walk(def, answers);
    let mut errors: Vec<FieldError> = answers
        .0
        .keys()
        .filter(|id| def.field(id).is_none())
        .map(|id| FieldError {
            field: id.clone(),
            code: ErrorCode::UnknownField,
            limit: None,
        })
        .collect();
    for (_, fields) in &walk.steps {
        for field in fields {
            if let Some(e) = validate_field(field, answers.get(&field.id), today) {
                errors.push(e);
            }
        }
    }
    if errors.is_empty() {
        Ok(walk.answers)
    } else {
        Err(errors)
    }
}

/// Deliberately loose: one `@`, something before it, a dotted domain after it, no
/// spaces. Whether the address exists only sending mail can tell.
fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

fn is_german_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}
