//! What is wrong with an answer, as a code: the same codes in the app, on the wire
//! (a 422's `errors`) and in a definition's own `messages`. Each side words them in
//! the citizen's language.

use serde::{Deserialize, Serialize};

use crate::json::{member, FromJson, Json, JsonError, ToJson, Wire};

macro_rules! error_codes {
    ($($(#[$doc:meta])* $code:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $code,)*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$code),*];
        }
    };
}

impl ErrorCode {
    /// Found by the backend when a file is uploaded (what is inside it), not by
    /// validating an answer.
    pub fn found_on_upload(self) -> bool {
        matches!(self, ErrorCode::ActiveContent | ErrorCode::MalwareFound)
    }
}

error_codes! {
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
    /// Before today.
    DateInPast,
    /// Less than `limit` years ago.
    DateTooRecent,
    /// More than `limit` years ago.
    DateTooOld,
    /// Before `limit`, a date written `2026-12-18` (a limit counted from today or from
    /// another date answered).
    DateTooEarly,
    /// After `limit`, a date written `2026-12-18`.
    DateTooLate,
    /// Not a time of day (`25:99`).
    InvalidTime,
    /// Not of the shape the question asks for (its hint shows an example).
    PatternMismatch,
    InvalidEmail,
    InvalidPostcode,
    /// A postcode that is not one of the question's `postcodes` (a place outside the city).
    PostcodeOutsideArea,
    InvalidPhone,
    /// Not an IBAN, or its check digits do not match.
    InvalidIban,
    /// Not 11 digits, or the check digit does not match.
    InvalidTaxId,
    /// Not a number (or, for whole numbers and money, one with too many decimals).
    NotANumber,
    /// More than `limit` digits after the decimal separator.
    TooManyDecimals,
    /// Less than `limit` (money in euros).
    NumberTooSmall,
    /// More than `limit` (money in euros).
    NumberTooLarge,
    /// A ranking with an empty place (`limit`, from 1) before a filled one.
    RankingGap,
    /// Address without street and house number.
    StreetMissing,
    PostcodeMissing,
    TownMissing,
    /// Fewer than `limit` choices, files or items.
    TooFew,
    /// More than `limit` choices, files or items.
    TooMany,
    /// A file of a type the question does not accept.
    FileType,
    /// A file larger than `limit` bytes.
    FileTooLarge,
    /// The question is not part of this service (server only).
    UnknownField,
    /// An uploaded file with active content (scripts, actions, embedded files, another
    /// format hidden inside) or one that cannot be checked (server only).
    ActiveContent,
    /// The malware scanner found something in an uploaded file (server only).
    MalwareFound,
    /// The answers lead to a stopping page: this service cannot be applied for here
    /// (on the stopping step's id; server only).
    Stopped,
}

impl ErrorCode {}

/// A problem with one answer. Inside a repeatable group `field` is a path,
/// `group.index.field` (`weitere-personen.1.vorname`), counting from 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    /// The number in the rule that was broken (a length, a number of years, an amount
    /// in euros), written as in JSON; for the date limits the day, `2026-12-18`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

impl FieldError {
    /// The item of a repeatable group this error is about: `(group, index, field)`.
    pub fn item_path(&self) -> Option<(&str, usize, &str)> {
        let mut parts = self.field.splitn(3, '.');
        let group = parts.next()?;
        let index = parts.next()?.parse().ok()?;
        Some((group, index, parts.next()?))
    }
}

/// `limit` was a number before it could be an amount ("0.5"): drafts saved by the
/// earlier app keep their server errors.
impl FromJson for FieldError {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let limit = match v.get("limit") {
            Some(Json::Number(n)) => Some(n.clone()),
            _ => member(v, "limit")?,
        };
        Ok(FieldError {
            field: member(v, "field")?,
            code: member(v, "code")?,
            limit,
        })
    }
}

impl ToJson for FieldError {
    fn to_json(&self) -> Json {
        Json::Object(vec![
            ("field".into(), self.field.to_json()),
            ("code".into(), self.code.to_json()),
            ("limit".into(), self.limit.to_json()),
        ])
    }
}
