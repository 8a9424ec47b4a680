//! Numbers and identifiers as citizens type them: "1.250,50 €", "DE89 3704 0044 …".
//! No float anywhere: amounts are exact, and float parsing would cost the app kilobytes.

mod identifiers;

use std::cmp::Ordering;
use std::fmt;

use crate::json::{FromJson, Json, JsonError, ToJson};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use identifiers::{is_iban, is_phone_number, is_tax_id};

/// An exact decimal number: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i64,
    pub scale: u8,
}

/// How a number field reads a lone `.` or `,` followed by exactly three digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separators {
    /// Whole numbers and money: "1.500" is one thousand five hundred (a money amount or
    /// a count cannot have three decimals, so nothing else is meant).
    GroupThousands,
    /// Decimal fields: a single separator is always the decimal point ("1,500" = 1.5).
    DecimalPoint,
}

/// Digits as typed on an Arabic or Persian keyboard (٠–٩, ۰–۹) as the Western
/// digits they are: what the citizen typed is read, and the office reads 0–9.
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            c => c,
        })
        .collect()
}

impl Decimal {
    /// Reads a number written the German or the English way, or any of the app's
    /// languages' (docs/translations.md, "Reading numbers"). Spaces, apostrophes and a
    /// "€" before or after are ignored; Arabic-Indic digits are digits, the Arabic
    /// decimal separator "٫" a decimal comma and "٬" a thousands separator; when both
    /// `.` and `,` appear the last one is the decimal separator and the others must
    /// group thousands.
    pub fn parse(text: &str, separators: Separators) -> Option<Decimal> {
        let mut s: String = western_digits(text)
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\u{66c}'))
            .map(|c| match c {
                '\u{66b}' => ',',
                '\u{2212}' => '-',
                c => c,
            })
            .collect();
        if s.ends_with('€') {
            s.pop();
        }
        if let Some(rest) = s.strip_prefix('€') {
            s = rest.to_owned();
        } else if let Some(rest) = s.strip_prefix("-€") {
            s = format!("-{rest}");
        }
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        };
        if body.is_empty()
            || !body
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return None;
        }
        let seps: Vec<(usize, u8)> = body
            .bytes()
            .enumerate()
            .filter(|(_, b)| !b.is_ascii_digit())
            .collect();
        let decimal_at = match seps.as_slice() {
            [] => None,
            [(at, _)] => {
                let digits_after = body.len() - at - 1;
                if separators == Separators::GroupThousands
                    && digits_after == 3
                    && !body.starts_with('0')
                {
                    None
                } else {
                    Some(*at)
                }
            }
            [.., (last_at, last)] => {
                let mixed = seps.iter().any(|(_, b)| b != last);
                if mixed {
                    Some(*last_at)
                } else {
                    None
                }
            }
        };
        let (int_part, frac_part) = match decimal_at {
            Some(at) => (&body[..at], &body[at + 1..]),
            None => (body, ""),
        };
        if int_part.is_empty() || (decimal_at.is_some() && frac_part.is_empty()) {
            return None;
        }
        // Grouping: every group after the first has exactly three digits.
        let mut groups = int_part.split(['.', ',']);
        let first = groups.next()?;
        let grouped = int_part.len() != first.len();
        if first.is_empty() || grouped && (first.len() > 3 || first.starts_with('0')) {
            return None;
        }
        if !groups.all(|g| g.len() == 3) {
            return None;
        }
        let digits: String = int_part
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(char::from)
            .chain(frac_part.chars())
            .collect();
        if digits.len() > 18 {
            return None;
        }
        let mut mantissa: i64 = 0;
        for b in digits.bytes() {
            mantissa = mantissa * 10 + i64::from(b - b'0');
        }
        Some(Decimal {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: frac_part.len() as u8,
        })
    }

    pub fn from_whole(n: i64) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// The value in hundredths (cents), if it has no finer part.
    pub fn to_hundredths(self) -> Option<i64> {
        match self.scale {
            0 => self.mantissa.checked_mul(100),
            1 => self.mantissa.checked_mul(10),
            2 => Some(self.mantissa),
            _ => None,
        }
    }

    pub fn to_whole(self) -> Option<i64> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// The value in hundredths, rounded toward zero (for fees on any kind of number).
    pub fn hundredths_truncated(self) -> i64 {
        let v = i128::from(self.mantissa) * 100 / 10i128.pow(u32::from(self.scale));
        i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
    }

    /// Written with a `.` as decimal separator and no grouping ("-12.5"), as in JSON.
    pub fn to_plain_string(self) -> String {
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    }

    /// The exact product; `None` when it does not fit.
    pub fn times(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.checked_add(other.scale).filter(|s| *s <= 18)?;
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            scale,
        })
    }

    /// The nearest whole number, halves away from zero (2.5 → 3, -2.5 → -3).
    pub fn rounded_half_up(self) -> i64 {
        let unit = 10i128.pow(u32::from(self.scale));
        let m = i128::from(self.mantissa);
        let rounded = (m.abs() * 2 + unit) / (unit * 2) * m.signum();
        i64::try_from(rounded).unwrap_or(if m < 0 { i64::MIN } else { i64::MAX })
    }

    pub fn compare(self, other: Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: Decimal| i128::from(d.mantissa) * 10i128.pow(u32::from(scale - d.scale));
        widen(self).cmp(&widen(other))
    }
}

/// In definitions a plain JSON number (`18`, `0.5`).
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_whole() {
            Some(whole) => serializer.serialize_i64(whole),
            // Short decimals survive the trip through f64 exactly in their shortest form.
            None => serializer.serialize_f64(self.to_plain_string().parse().unwrap_or(0.0)),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_whole(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                i64::try_from(v)
                    .map(Decimal::from_whole)
                    .map_err(|_| E::custom("number too large"))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                Decimal::parse(&v.to_string(), Separators::DecimalPoint)
                    .ok_or_else(|| E::custom("not a plain decimal number"))
            }
        }

        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

// The app's codec (crate::json), by hand like the serde impls above.
impl FromJson for Decimal {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Number(n) => Decimal::parse(n, Separators::DecimalPoint)
                .ok_or(JsonError::new("expected a plain number")),
            _ => Err(JsonError::new("expected a number")),
        }
    }
}

impl ToJson for Decimal {
    fn to_json(&self) -> Json {
        Json::Number(self.to_plain_string())
    }
}

/// A whole number ("1.500" and "1500" alike).
pub fn parse_whole(text: &str) -> Option<i64> {
    Decimal::parse(text, Separators::GroupThousands)?.to_whole()
}

/// An amount of money in cents ("12,50", "12.50 €", "1.250" = 1 250 euros).
pub fn parse_money(text: &str) -> Option<i64> {
    Decimal::parse(text, Separators::GroupThousands)?.to_hundredths()
}

#[cfg(test)]
mod tests;
