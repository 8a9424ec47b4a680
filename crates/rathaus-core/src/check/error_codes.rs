//! Which error codes validation can report for each kind of question, so that the check
//! can tell an author that a message will never be shown (`invalid_iban` on a text
//! field). `tests/error_codes.rs` holds this against `validate.rs` both ways:
//! every code validation reports for a kind is listed, and every listed code is reported.

use crate::definition::FieldKind;
use crate::field_error::ErrorCode;

impl FieldKind {
    /// Whether validating an answer to a question of this kind can report `code`
    /// (whatever its constraints; `required` only when the question is not optional).
    pub fn can_report(self, code: ErrorCode) -> bool {
        use FieldKind as K;
        // No wildcard: a new error code must be placed here before it compiles.
        match code {
            ErrorCode::Required | ErrorCode::Invalid => !self.is_shown_only(),
            ErrorCode::TooShort => self.is_text_like(),
            ErrorCode::TooLong | ErrorCode::InvalidCharacters => {
                self.is_text_like() || self == K::Address
            }
            ErrorCode::NotAnOption => self.has_options() || self.fixed_values().is_some(),
            ErrorCode::DateIncomplete
            | ErrorCode::DateInvalid
            | ErrorCode::DateInFuture
            | ErrorCode::DateInPast
            | ErrorCode::DateTooRecent
            | ErrorCode::DateTooOld
            | ErrorCode::DateTooEarly
            | ErrorCode::DateTooLate => self == K::Date,
            ErrorCode::InvalidTime => self == K::Time,
            ErrorCode::PatternMismatch => self == K::Text,
            ErrorCode::InvalidEmail => self == K::Email,
            ErrorCode::InvalidPostcode | ErrorCode::PostcodeOutsideArea => {
                matches!(self, K::Postcode | K::Address)
            }
            ErrorCode::InvalidPhone => self == K::Phone,
            ErrorCode::InvalidIban => self == K::Iban,
            ErrorCode::InvalidTaxId => self == K::TaxId,
            ErrorCode::NotANumber | ErrorCode::NumberTooSmall | ErrorCode::NumberTooLarge => {
                self.is_numeric()
            }
            ErrorCode::TooManyDecimals => self == K::Decimal,
            ErrorCode::StreetMissing | ErrorCode::PostcodeMissing | ErrorCode::TownMissing => {
                self == K::Address
            }
            ErrorCode::TooFew => matches!(self, K::MultipleChoice | K::File | K::Ranking),
            ErrorCode::TooMany => matches!(self, K::MultipleChoice | K::File),
            ErrorCode::RankingGap => self == K::Ranking,
            ErrorCode::FileType | ErrorCode::FileTooLarge => self == K::File,
            // The backend's look into an uploaded file, shown next to its question.
            ErrorCode::ActiveContent | ErrorCode::MalwareFound => self == K::File,
            // Reported on the application (or a stopping step), never on one question.
            ErrorCode::UnknownField | ErrorCode::Stopped => false,
        }
    }

    /// Every code [`FieldKind::can_report`] allows, in the order of [`ErrorCode::ALL`].
    pub fn error_codes(self) -> impl Iterator<Item = ErrorCode> {
        ErrorCode::ALL
            .iter()
            .copied()
            .filter(move |code| self.can_report(*code))
    }
}
