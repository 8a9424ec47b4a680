//! The postcodes a question accepts (`constraints.postcodes`), for places that must lie
//! in the city: the tree to be felled, the flat in a parking zone, the new business
//! premises. Each entry is one postcode (`"44135"`) or an inclusive range
//! (`"44135-44388"`); an empty list accepts every German postcode.

use std::fmt;

/// Why an entry of `postcodes` cannot be read, for the definition check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostcodesError {
    /// Not five digits, or two of them joined by `-`.
    Malformed,
    /// A range whose first postcode is after its last.
    Backwards,
}

impl fmt::Display for PostcodesError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            PostcodesError::Malformed => {
                "a postcode is five digits ('44135'), a range two joined by '-' ('44135-44388')"
            }
            PostcodesError::Backwards => "the range's first postcode is after its last",
        })
    }
}

/// Five digits as a number; `None` for anything else.
fn five_digits(s: &str) -> Option<u32> {
    (s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// The first and last postcode of one entry, both included.
pub fn parse_range(entry: &str) -> Result<(u32, u32), PostcodesError> {
    let (first, last) = entry.split_once('-').unwrap_or((entry, entry));
    match (five_digits(first.trim()), five_digits(last.trim())) {
        (Some(first), Some(last)) if first <= last => Ok((first, last)),
        (Some(_), Some(_)) => Err(PostcodesError::Backwards),
        _ => Err(PostcodesError::Malformed),
    }
}

/// Whether `postcode` (five digits, already checked) is one of `area`'s. An entry the
/// check refused takes nothing; an empty area takes everything.
pub fn in_area(area: &[String], postcode: &str) -> bool {
    let Some(code) = five_digits(postcode) else {
        return false;
    };
    area.is_empty()
        || area
            .iter()
            .filter_map(|entry| parse_range(entry).ok())
            .any(|(first, last)| (first..=last).contains(&code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn a_range_includes_both_ends_and_nothing_outside() {
        let city = area(&["44135-44388"]);
        for inside in ["44135", "44263", "44388"] {
            assert!(in_area(&city, inside), "{inside}");
        }
        for outside in ["44134", "44389", "10115", "4413", "441350"] {
            assert!(!in_area(&city, outside), "{outside}");
        }
    }

    #[test]
    fn single_postcodes_and_ranges_combine() {
        let city = area(&["44135-44149", "44225", "58239"]);
        assert!(in_area(&city, "44140"));
        assert!(in_area(&city, "44225"));
        assert!(in_area(&city, "58239"));
        assert!(!in_area(&city, "44226"));
    }

    #[test]
    fn an_empty_area_takes_every_postcode() {
        assert!(in_area(&[], "10115"));
    }

    #[test]
    fn misspelt_entries_are_named_and_take_nothing() {
        assert_eq!(parse_range("4413"), Err(PostcodesError::Malformed));
        assert_eq!(parse_range("44135–44388"), Err(PostcodesError::Malformed));
        assert_eq!(parse_range("44135-"), Err(PostcodesError::Malformed));
        assert_eq!(parse_range("44388-44135"), Err(PostcodesError::Backwards));
        assert_eq!(parse_range(" 44135 - 44388 "), Ok((44135, 44388)));
        assert!(!in_area(&area(&["4413x"]), "44135"));
    }
}
