//! A draft kept on two devices: what a citizen logged in on both typed on each, merged
//! so that no answer is lost — a question answered on one side only keeps its answer,
//! one answered differently on both takes the answer of the draft saved later, and
//! the questions whose answer changed are named so the citizen can look at them.

use crate::answers::{Answer, Answers};

/// The merge of this device's draft with another's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub answers: Answers,
    /// The questions whose answer here is now the other device's.
    pub changed: Vec<String>,
}

fn answered(answers: &Answers, id: &str) -> Option<Answer> {
    answers.0.get(id).filter(|a| !a.is_blank()).cloned()
}

/// `mine` (saved at `mine_saved`, ms) merged with `theirs` (saved at `theirs_saved`).
pub fn merge(mine: &Answers, mine_saved: u64, theirs: &Answers, theirs_saved: u64) -> Merged {
    let mut answers = mine.clone();
    let mut changed = Vec::new();
    for id in theirs.0.keys() {
        let Some(their) = answered(theirs, id) else {
            continue;
        };
        let take = match answered(mine, id) {
            None => true,
            Some(own) => own != their && theirs_saved > mine_saved,
        };
        if take {
            answers.0.insert(id.clone(), their);
            changed.push(id.clone());
        }
    }
    Merged { answers, changed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Answer::Text(v.to_string())))
                .collect(),
        )
    }

    #[test]
    fn nothing_answered_on_either_side_is_lost() {
        let mine = answers(&[("kind", "private"), ("purpose", "")]);
        let theirs = answers(&[("purpose", "Bewerbung"), ("street", "Markt 1")]);
        let merged = merge(&mine, 10, &theirs, 5);
        assert_eq!(
            merged.answers,
            answers(&[
                ("kind", "private"),
                ("purpose", "Bewerbung"),
                ("street", "Markt 1")
            ])
        );
        assert_eq!(merged.changed, ["purpose", "street"]);
    }

    #[test]
    fn a_question_answered_differently_takes_the_later_draft() {
        let mine = answers(&[("purpose", "Ehrenamt")]);
        let theirs = answers(&[("purpose", "Bewerbung")]);
        assert_eq!(merge(&mine, 5, &theirs, 10).answers, theirs);
        assert_eq!(merge(&mine, 5, &theirs, 10).changed, ["purpose"]);
        let kept = merge(&mine, 10, &theirs, 5);
        assert_eq!(kept.answers, mine);
        assert!(kept.changed.is_empty());
        // The same answer on both sides is no change.
        assert!(merge(&mine, 5, &mine, 10).changed.is_empty());
    }
}
