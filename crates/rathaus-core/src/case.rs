//! A case: what an application becomes once the office has it.

use crate::json::Wire;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Eingegangen.
    Received,
    /// In Bearbeitung.
    InReview,
    /// Rückfrage: the office needs something from the citizen.
    ActionNeeded,
    /// Entschieden: bewilligt.
    Approved,
    /// Entschieden: abgelehnt.
    Rejected,
    /// Abgeschlossen.
    Completed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Received,
        CaseStatus::InReview,
        CaseStatus::ActionNeeded,
        CaseStatus::Approved,
        CaseStatus::Rejected,
        CaseStatus::Completed,
    ];

    /// The transitions the office may make.
    pub fn can_move_to(self, next: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, next),
            (Received, InReview)
                | (InReview, ActionNeeded)
                | (ActionNeeded, InReview)
                | (InReview, Approved)
                | (InReview, Rejected)
                | (Approved, Completed)
                | (Rejected, Completed)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_forward_transitions_and_the_action_needed_loop() {
        use CaseStatus::*;
        assert!(Received.can_move_to(InReview));
        assert!(InReview.can_move_to(ActionNeeded));
        assert!(ActionNeeded.can_move_to(InReview));
        assert!(!Received.can_move_to(Approved));
        assert!(!Completed.can_move_to(InReview));
        assert!(!Approved.can_move_to(Rejected));
        for s in CaseStatus::ALL {
            assert!(!s.can_move_to(s), "{s:?} to itself");
            assert_eq!(CaseStatus::from_name(s.name()), Some(s));
        }
    }
}

/// Crockford's base 32: no I, L, O or U, so codes survive being read aloud and retyped.
pub const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Reads what a citizen typed as a code: case-insensitive, spaces and dashes ignored,
/// O read as 0 and I/L as 1. Returns the bare characters, or `None` if any is foreign.
fn code_characters(typed: &str) -> Option<String> {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => Some('0'),
            'I' | 'L' => Some('1'),
            c if c.is_ascii() && CODE_ALPHABET.contains(&(c as u8)) => Some(c),
            _ => None,
        })
        .collect()
}

fn group(chars: &str) -> String {
    let mut out = String::with_capacity(chars.len() + chars.len() / 4);
    for (i, c) in chars.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// A case number as written: a four-digit year and eight code characters,
/// `2026-7KQ4-M2XD`.
pub fn normalize_case_number(typed: &str) -> Option<String> {
    let chars = code_characters(typed)?;
    let (year, rest) = chars.split_at_checked(4)?;
    (year.bytes().all(|b| b.is_ascii_digit()) && rest.len() == 8)
        .then(|| format!("{year}-{}", group(rest)))
}

/// An appointment's number as written: `T` and eight code characters, `T-7KQ4-M2XD`.
pub fn normalize_appointment_number(typed: &str) -> Option<String> {
    let chars = code_characters(typed)?;
    let rest = chars.strip_prefix('T')?;
    (rest.len() == 8).then(|| format!("T-{}", group(rest)))
}

/// An access code as written: twelve code characters, `K7PQ-M2XD-3RTA`.
pub fn normalize_access_code(typed: &str) -> Option<String> {
    let chars = code_characters(typed)?;
    (chars.len() == 12).then(|| group(&chars))
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn codes_forgive_how_they_were_typed() {
        assert_eq!(
            normalize_case_number("2026-7kq4-m2xd").as_deref(),
            Some("2026-7KQ4-M2XD")
        );
        assert_eq!(
            normalize_case_number(" 2026 7KQ4 M2XD ").as_deref(),
            Some("2026-7KQ4-M2XD")
        );
        assert_eq!(
            normalize_access_code("k7pq m2xd 3rta").as_deref(),
            Some("K7PQ-M2XD-3RTA")
        );
        assert_eq!(
            normalize_access_code("K7PQ-M2XD-3RTO").as_deref(),
            Some("K7PQ-M2XD-3RT0")
        );
        assert_eq!(
            normalize_access_code("il00-0000-0000").as_deref(),
            Some("1100-0000-0000")
        );
    }

    #[test]
    fn codes_refuse_what_cannot_be_one() {
        assert_eq!(normalize_case_number("ABCD-7KQ4-M2XD"), None);
        assert_eq!(normalize_case_number("2026-7KQ4"), None);
        assert_eq!(normalize_access_code("K7PQ-M2XD-3RT"), None);
        assert_eq!(normalize_access_code("K7PQ-M2XD-3RTU"), None);
        assert_eq!(normalize_access_code("K7PQ-M2XD-3RTÄ"), None);
        assert_eq!(normalize_access_code("' OR 1=1 --"), None);
    }
}
