//! Error codes from rathaus_core turned into sentences, in the question's own words when
//! the service author wrote them, otherwise in the app's generic words.

use rathaus_core::definition::{Field, FieldKind, DEFAULT_ACCEPT};
use rathaus_core::number::{Decimal, Separators};
use rathaus_core::{format, ErrorCode, FieldError, Locale, Money};

use crate::components::{address_part_id, FileRefusal};
use crate::i18n::{fill, Key};

/// The words for a file the device refused before uploading it (type, size, count) or
/// the backend refused (type, size, what is inside), in the question's own words where
/// it has them.
pub fn refusal_message(field: &Field, refusal: FileRefusal, locale: Locale) -> String {
    let c = &field.constraints;
    let (code, limit) = match refusal {
        FileRefusal::Type => (ErrorCode::FileType, None),
        FileRefusal::TooLarge => (ErrorCode::FileTooLarge, Some(c.file_limit().to_string())),
        FileRefusal::TooMany => (
            ErrorCode::TooMany,
            Some(c.max_count.unwrap_or(1).to_string()),
        ),
        FileRefusal::Content(code) => (code, None),
    };
    let error = FieldError {
        field: field.id.clone(),
        code,
        limit,
    };
    field_error_message(field, &error, locale)
}

pub fn field_error_message(field: &Field, error: &FieldError, locale: Locale) -> String {
    if let Some(own) = field.messages.get(error.code.name()) {
        return own.get(locale).to_owned();
    }
    let key = match error.code {
        ErrorCode::Required => match field.kind {
            FieldKind::File => Key::ErrRequiredFile,
            FieldKind::Declaration => Key::ErrRequiredDeclaration,
            k if k.has_options() || k == FieldKind::YesNo => Key::ErrRequiredChoice,
            _ => Key::ErrRequiredText,
        },
        ErrorCode::TooShort => Key::ErrTooShort,
        ErrorCode::TooLong => Key::ErrTooLong,
        ErrorCode::InvalidCharacters => Key::ErrInvalidCharacters,
        ErrorCode::Invalid => Key::ErrInvalid,
        ErrorCode::NotAnOption => Key::ErrNotAnOption,
        ErrorCode::DateIncomplete => Key::ErrDateIncomplete,
        ErrorCode::DateInvalid => Key::ErrDateInvalid,
        ErrorCode::DateInFuture => Key::ErrDateInFuture,
        ErrorCode::DateInPast => Key::ErrDateInPast,
        ErrorCode::DateTooRecent => Key::ErrDateTooRecent,
        ErrorCode::DateTooOld => Key::ErrDateTooOld,
        ErrorCode::DateTooEarly => Key::ErrDateTooEarly,
        ErrorCode::DateTooLate => Key::ErrDateTooLate,
        ErrorCode::InvalidTime => Key::ErrInvalidTime,
        ErrorCode::PatternMismatch => Key::ErrPatternMismatch,
        ErrorCode::Stopped => Key::ErrStopped,
        ErrorCode::InvalidEmail => Key::ErrInvalidEmail,
        ErrorCode::InvalidPostcode => Key::ErrInvalidPostcode,
        ErrorCode::PostcodeOutsideArea => Key::ErrPostcodeOutsideArea,
        ErrorCode::InvalidPhone => Key::ErrInvalidPhone,
        ErrorCode::InvalidIban => Key::ErrInvalidIban,
        ErrorCode::InvalidTaxId => Key::ErrInvalidTaxId,
        ErrorCode::NotANumber => Key::ErrNotANumber,
        ErrorCode::TooManyDecimals => Key::ErrTooManyDecimals,
        ErrorCode::NumberTooSmall => Key::ErrNumberTooSmall,
        ErrorCode::NumberTooLarge => Key::ErrNumberTooLarge,
        ErrorCode::StreetMissing => Key::ErrStreetMissing,
        ErrorCode::PostcodeMissing => Key::ErrPostcodeMissing,
        ErrorCode::TownMissing => Key::ErrTownMissing,
        ErrorCode::TooFew => Key::ErrTooFew,
        ErrorCode::RankingGap => Key::ErrRankingGap,
        ErrorCode::TooMany => Key::ErrTooMany,
        ErrorCode::FileType => Key::ErrFileType,
        ErrorCode::FileTooLarge => Key::ErrFileTooLarge,
        ErrorCode::UnknownField => Key::ErrUnknownField,
        ErrorCode::ActiveContent => Key::ErrActiveContent,
        ErrorCode::MalwareFound => Key::ErrMalwareFound,
    };
    let limit = display_limit(field, error, locale);
    fill(
        key.text(locale),
        &[("label", field.label.get(locale)), ("limit", &limit)],
    )
}

/// The number in a broken rule as the citizen reads it: "0,50 €", "12,5", "10 MB",
/// or for file types the accepted kinds ("PDF, JPEG, PNG").
fn display_limit(field: &Field, error: &FieldError, locale: Locale) -> String {
    if error.code == ErrorCode::FileType {
        let c = &field.constraints;
        let accepted: Vec<String> = if c.accept.is_empty() {
            DEFAULT_ACCEPT.iter().map(|t| file_type_name(t)).collect()
        } else {
            c.accept.iter().map(|t| file_type_name(t)).collect()
        };
        return accepted.join(", ");
    }
    let Some(limit) = error.limit.as_deref() else {
        return String::new();
    };
    if matches!(error.code, ErrorCode::DateTooEarly | ErrorCode::DateTooLate) {
        return rathaus_core::date::Date::parse_iso(limit)
            .map_or_else(|| limit.to_owned(), |d| format::date(d, locale));
    }
    let number = Decimal::parse(limit, Separators::DecimalPoint);
    match (error.code, field.kind, number) {
        (ErrorCode::FileTooLarge, _, Some(bytes)) => {
            rathaus_core::format::file_size(bytes.mantissa as u64)
        }
        (ErrorCode::NumberTooSmall | ErrorCode::NumberTooLarge, FieldKind::Money, Some(n)) => {
            format::money(Money(n.hundredths_truncated()), locale)
        }
        _ => limit.replace('.', &locale.conventions().decimal.to_string()),
    }
}

/// "PDF" for `application/pdf`, "JPEG" for `image/jpeg`.
pub fn file_type_name(media_type: &str) -> String {
    media_type
        .rsplit('/')
        .next()
        .unwrap_or(media_type)
        .to_ascii_uppercase()
}

/// The element an error summary link should focus: the question's first input, or
/// the box of an address the error is about.
pub fn anchor_id(field: &Field, code: ErrorCode) -> String {
    match field.kind {
        FieldKind::Date => format!("{}-day", field.id),
        FieldKind::Address => address_part_id(&field.id, address_error_part(code)),
        _ => field.id.clone(),
    }
}

/// The box of an address an error is about.
pub fn address_error_part(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::PostcodeMissing
        | ErrorCode::InvalidPostcode
        | ErrorCode::PostcodeOutsideArea => "postcode",
        ErrorCode::TownMissing => "town",
        _ => "street",
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
            limit: limit.map(|l| l.to_string()),
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
        for &code in ErrorCode::ALL {
            for locale in Locale::ALL {
                let m = field_error_message(&f, &error(code, Some(3)), locale);
                assert!(!m.contains('{'), "{code:?} {locale:?}: {m}");
                let names_the_question = m.contains(f.label.get(locale));
                let says_what_to_type = m.contains("5")
                    || m.contains('@')
                    || m.contains("Antrag")
                    || m.contains("application")
                    || m.contains("DE89")
                    || m.contains("11");
                assert!(
                    names_the_question || says_what_to_type,
                    "{code:?} {locale:?}: {m}"
                );
            }
        }
    }

    #[test]
    fn a_file_the_backend_refuses_is_named_with_its_reason() {
        let f = field(
            r#"{"id":"plan","type":"file","label":{"de":"Lageplan","en":"Site plan"},
                "constraints":{"accept":["application/pdf"],"max_file_bytes":5242880}}"#,
        );
        let said = |refusal, locale| refusal_message(&f, refusal, locale);
        let active = FileRefusal::Content(ErrorCode::ActiveContent);
        let malware = FileRefusal::Content(ErrorCode::MalwareFound);
        assert_eq!(
            said(active, Locale::De),
            "Die Datei für „Lageplan“ enthält aktive Inhalte (etwa Skripte oder eingebettete \
             Dateien) oder lässt sich nicht prüfen. Drucken Sie sie als PDF oder fotografieren \
             Sie sie, und laden Sie das Ergebnis hoch"
        );
        assert!(said(active, Locale::En)
            .starts_with("The file for ‘Site plan’ contains active content"));
        assert!(said(malware, Locale::De)
            .starts_with("In der Datei für „Lageplan“ wurde Schadsoftware gefunden"));
        assert!(
            said(malware, Locale::En).starts_with("Malware was found in the file for ‘Site plan’")
        );
        assert_eq!(
            said(FileRefusal::Type, Locale::De),
            "„Lageplan“ muss eine Datei dieser Art sein: PDF"
        );
        assert_eq!(
            said(FileRefusal::TooLarge, Locale::En),
            "Site plan must be 5 MB or smaller"
        );
        // The author's own words for a refusal come first, as for any other error.
        let own = field(
            r#"{"id":"plan","type":"file","label":{"de":"Lageplan"},
                "messages":{"malware_found":{"de":"Bitte eine andere Datei wählen"}}}"#,
        );
        assert_eq!(
            refusal_message(&own, malware, Locale::De),
            "Bitte eine andere Datei wählen"
        );
    }

    #[test]
    fn dates_and_addresses_are_reached_through_the_box_in_question() {
        let f = field(r#"{"id":"birth","type":"date","label":{"de":"G"}}"#);
        assert_eq!(anchor_id(&f, ErrorCode::DateInvalid), "birth-day");
        let a = field(r#"{"id":"home","type":"address","label":{"de":"A"}}"#);
        assert_eq!(anchor_id(&a, ErrorCode::TownMissing), "home-town");
        assert_eq!(anchor_id(&a, ErrorCode::InvalidPostcode), "home-postcode");
        assert_eq!(anchor_id(&a, ErrorCode::Required), "home-street");
    }

    #[test]
    fn limits_read_as_amounts_sizes_and_types() {
        let money = field(r#"{"id":"m","type":"money","label":{"de":"Baukosten","en":"Cost"}}"#);
        let small = FieldError {
            field: "m".into(),
            code: ErrorCode::NumberTooSmall,
            limit: Some("0.5".into()),
        };
        assert_eq!(
            field_error_message(&money, &small, Locale::De),
            "„Baukosten“ muss mindestens 0,50\u{a0}€ sein"
        );
        assert_eq!(
            field_error_message(&money, &small, Locale::En),
            "Cost must be €0.50 or more"
        );
        let file = field(r#"{"id":"p","type":"file","label":{"de":"Lageplan"}}"#);
        let large = FieldError {
            field: "p".into(),
            code: ErrorCode::FileTooLarge,
            limit: Some("10485760".into()),
        };
        assert_eq!(
            field_error_message(&file, &large, Locale::De),
            "„Lageplan“ darf höchstens 10 MB groß sein"
        );
        let kind = FieldError {
            code: ErrorCode::FileType,
            limit: None,
            ..large
        };
        assert_eq!(
            field_error_message(&file, &kind, Locale::De),
            "„Lageplan“ muss eine Datei dieser Art sein: PDF, JPEG, PNG"
        );
    }
}
