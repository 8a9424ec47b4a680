//! What a citizen has entered, kept exactly as typed so that nothing is ever lost or
//! "corrected" behind their back; validation interprets it.

mod wire;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::json::Wire;

/// One answer. On the wire: a string, a list of strings (multiple choice), an object
/// of date boxes `{day, month, year}`, an object of address lines
/// `{street, extra, postcode, town}`, `{"files": [...]}`, or a list of objects (the items
/// of a repeatable group, each its own answers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    Choices(Vec<String>),
    Date(DateInput),
    Address(AddressInput),
    Files(Vec<FileRef>),
    Items(Vec<Answers>),
}

/// The lines of a compound address, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressInput {
    /// Street and house number.
    pub street: String,
    /// c/o, building, flat: optional.
    pub extra: String,
    pub postcode: String,
    pub town: String,
}

impl AddressInput {
    pub const PARTS: [&'static str; 4] = ["street", "extra", "postcode", "town"];

    pub fn is_blank(&self) -> bool {
        [&self.street, &self.extra, &self.postcode, &self.town]
            .iter()
            .all(|p| p.trim().is_empty())
    }

    pub fn part_mut(&mut self, name: &str) -> Option<&mut String> {
        match name {
            "street" => Some(&mut self.street),
            "extra" => Some(&mut self.extra),
            "postcode" => Some(&mut self.postcode),
            "town" => Some(&mut self.town),
            _ => None,
        }
    }

    pub fn parts(&self) -> [(&'static str, &String); 4] {
        [
            ("street", &self.street),
            ("extra", &self.extra),
            ("postcode", &self.postcode),
            ("town", &self.town),
        ]
    }
}

/// A file the backend has stored for this application. The backend replaces name, size
/// and type with what it recorded on upload before validating, so they can be trusted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileRef {
    pub id: String,
    pub name: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub media_type: String,
}

/// The three boxes of a date input, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateInput {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateInput {
    pub fn from_date(date: Date) -> DateInput {
        DateInput {
            day: date.day.to_string(),
            month: date.month.to_string(),
            year: date.year.to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// The date these boxes describe, if they describe one. Years need four digits so
    /// that "90" is not silently read as the year 90.
    pub fn to_date(&self) -> Option<Date> {
        let number = |s: &str| -> Option<u32> {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())?
        };
        let year = self.year.trim();
        if year.len() != 4 {
            return None;
        }
        Date::new(
            number(year)? as i32,
            u8::try_from(number(&self.month)?).ok()?,
            u8::try_from(number(&self.day)?).ok()?,
        )
    }
}

impl Answer {
    /// The answer with digits typed on an Arabic or Persian keyboard as Western digits
    /// (`number::western_digits`): how it is checked, and what the office receives.
    pub fn with_western_digits(&self) -> Answer {
        use crate::number::western_digits as w;
        match self {
            Answer::Text(t) => Answer::Text(w(t)),
            Answer::Date(d) => Answer::Date(DateInput {
                day: w(&d.day),
                month: w(&d.month),
                year: w(&d.year),
            }),
            Answer::Address(a) => Answer::Address(AddressInput {
                street: w(&a.street),
                extra: w(&a.extra),
                postcode: w(&a.postcode),
                town: a.town.clone(),
            }),
            Answer::Items(items) => Answer::Items(
                items
                    .iter()
                    .map(|item| {
                        Answers(
                            item.0
                                .iter()
                                .map(|(k, a)| (k.clone(), a.with_western_digits()))
                                .collect(),
                        )
                    })
                    .collect(),
            ),
            Answer::Choices(_) | Answer::Files(_) => self.clone(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            // A ranking's places may be empty strings.
            Answer::Choices(c) => c.iter().all(|v| v.trim().is_empty()),
            Answer::Date(d) => d.is_blank(),
            Answer::Address(a) => a.is_blank(),
            Answer::Files(f) => f.is_empty(),
            Answer::Items(i) => i.is_empty(),
        }
    }

    /// The items of a repeatable group (an empty list reads as no items).
    pub fn items(&self) -> &[Answers] {
        match self {
            Answer::Items(items) => items,
            _ => &[],
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// All answers of one application, keyed by field id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, field: &str) -> Option<&Answer> {
        self.0.get(field)
    }

    /// The trimmed text answer, or "" when absent or not text.
    pub fn text(&self, field: &str) -> &str {
        self.get(field)
            .and_then(Answer::as_text)
            .map(str::trim)
            .unwrap_or("")
    }

    pub fn set(&mut self, field: impl Into<String>, answer: Answer) {
        self.0.insert(field.into(), answer);
    }

    pub fn set_text(&mut self, field: impl Into<String>, text: impl Into<String>) {
        self.set(field, Answer::Text(text.into()));
    }

    pub fn remove(&mut self, field: &str) -> Option<Answer> {
        self.0.remove(field)
    }

    pub fn is_answered(&self, field: &str) -> bool {
        self.get(field).is_some_and(|a| !a.is_blank())
    }
}

#[cfg(test)]
mod tests;
