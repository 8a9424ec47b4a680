//! Error codes from rathaus_core turned into sentences, in the question's own words when
//! the service author wrote them, otherwise in the app's generic words.

use rathaus_core::definition::{Field, FieldKind};
use rathaus_core::{ErrorCode, FieldError, Locale};

use crate::i18n::{fill, Key};

pub fn field_error_message(field: &Field, error: &FieldError, locale: Locale) -> String {
    if let Some(own) = field.messages.get(error.code.name()) {
        return own.get(locale).to_owned();
    }
    let key = match error.code {
        ErrorCode::Required if matches!(field.kind, FieldKind::SingleChoice) => {
            Key::ErrRequiredChoice
        }
        ErrorCode::Required => Key::ErrRequiredText,
        ErrorCode::TooShort => Key::ErrTooShort,
        ErrorCode::TooLong => Key::ErrTooLong,
        ErrorCode::InvalidCharacters => Key::ErrInvalidCharacters,
        ErrorCode::Invalid => Key::ErrInvalid,
        ErrorCode::NotAnOption => Key::ErrNotAnOption,
        ErrorCode::DateIncomplete => Key::ErrDateIncomplete,
        ErrorCode::DateInvalid => Key::ErrDateInvalid,
        ErrorCode::DateInFuture => Key::ErrDateInFuture,
        ErrorCode::DateTooRecent => Key::ErrDateTooRecent,
        ErrorCode::DateTooOld => Key::ErrDateTooOld,
        ErrorCode::InvalidEmail => Key::ErrInvalidEmail,
        ErrorCode::InvalidPostcode => Key::ErrInvalidPostcode,
        ErrorCode::UnknownField => Key::ErrUnknownField,
    };
    let limit = error.limit.map(|l| l.to_string()).unwrap_or_default();
    fill(
        key.text(locale),
        &[("label", field.label.get(locale)), ("limit", &limit)],
    )
}

/// The element an error summary link should focus: the question's first input.
pub fn anchor_id(field: &Field) -> String {
    match field.kind {
        FieldKind::Date => format!("{}-day", field.id),
        _ => field.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(json: &str) -> Field {
        rathaus_core::json::from_str(json).unwrap()
    }

    fn error(code: ErrorCode, limit: Option<u32>) -> FieldError {
        FieldError {
            field: "x".into(),
            code,
            limit,
        }
    }

    #[test]
    fn the_authors_own_words_come_first() {
        let f = field(
            r#"{"id":"x","type":"text","label":{"de":"Familienname","en":"Family name"},
                "messages":{"required":{"de":"Geben Sie Ihren Familiennamen ein","en":"Enter your family name"}}}"#,
        );
        assert_eq!(
            field_error_message(&f, &error(ErrorCode::Required, None), Locale::De),
            "Geben Sie Ihren Familiennamen ein"
        );
        assert_eq!(
            field_error_message(&f, &error(ErrorCode::Required, None), Locale::En),
            "Enter your family name"
        );
        assert_eq!(
            field_error_message(&f, &error(ErrorCode::TooLong, Some(100)), Locale::De),
            "„Familienname“ darf höchstens 100 Zeichen lang sein"
        );
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        let f = field(r#"{"id":"x","type":"text","label":{"de":"Ort","en":"Town"}}"#);
        for code in ErrorCode::ALL {
            for locale in Locale::ALL {
                let m = field_error_message(&f, &error(code, Some(3)), locale);
                assert!(!m.contains('{'), "{code:?} {locale:?}: {m}");
                let names_the_question = m.contains(f.label.get(locale));
                let says_what_to_type = m.contains("5")
                    || m.contains('@')
                    || m.contains("Antrag")
                    || m.contains("application");
                assert!(
                    names_the_question || says_what_to_type,
                    "{code:?} {locale:?}: {m}"
                );
            }
        }
    }

    #[test]
    fn dates_are_reached_through_their_day_box() {
        let f = field(r#"{"id":"birth","type":"date","label":{"de":"G"}}"#);
        assert_eq!(anchor_id(&f), "birth-day");
    }
}
