//! A draft kept on two devices: what a citizen logged in on both typed on each, merged
//! so that no answer is lost — a question answered on one side only keeps its answer,
//! one answered differently on both takes the answer changed last (each answer carries
//! the time it was last changed), and the questions whose answer changed are named so
//! the citizen can look at them.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};

/// When each answer was last changed (ms since 1970, by the clock of the device that
/// changed it), by question id.
pub type EditTimes = BTreeMap<String, u64>;

/// One device's side of a merge.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub answers: &'a Answers,
    pub edited: &'a EditTimes,
    /// When the draft was saved: the time of an answer without one of its own (a draft
    /// saved before answers carried times).
    pub saved_at: u64,
}

impl Side<'_> {
    fn edited_at(&self, id: &str) -> u64 {
        self.edited.get(id).copied().unwrap_or(self.saved_at)
    }
}

/// The merge of this device's draft with another's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub answers: Answers,
    /// The answers' times after the merge: an answer taken from the other device keeps
    /// the time it was changed there.
    pub edited: EditTimes,
    /// The questions whose answer here is now the other device's.
    pub changed: Vec<String>,
}

fn answered(answers: &Answers, id: &str) -> Option<Answer> {
    answers.0.get(id).filter(|a| !a.is_blank()).cloned()
}

/// `mine` merged with `theirs`.
pub fn merge(mine: Side<'_>, theirs: Side<'_>) -> Merged {
    let mut answers = mine.answers.clone();
    let mut edited = mine.edited.clone();
    let mut changed = Vec::new();
    for id in theirs.answers.0.keys() {
        let Some(their) = answered(theirs.answers, id) else {
            continue;
        };
        let take = match answered(mine.answers, id) {
            None => true,
            Some(own) => own != their && theirs.edited_at(id) > mine.edited_at(id),
        };
        if take {
            answers.0.insert(id.clone(), their);
            edited.insert(id.clone(), theirs.edited_at(id));
            changed.push(id.clone());
        }
    }
    Merged {
        answers,
        edited,
        changed,
    }
}

/// Records in `edited` that the answers which differ between `before` (the draft as
/// last saved, with its times `before_edited`) and `after` changed at `now` — unless
/// `edited` already holds a time of its own for that answer (one taken from another
/// device). Answers no longer there lose their time.
pub fn stamp_changes(
    before: &Answers,
    before_edited: &EditTimes,
    after: &Answers,
    edited: &mut EditTimes,
    now: u64,
) {
    for (id, time) in before_edited {
        let mine = edited.entry(id.clone()).or_insert(*time);
        *mine = (*mine).max(*time);
    }
    for (id, answer) in &after.0 {
        if before.0.get(id) == Some(answer) {
            continue;
        }
        let own_time = edited
            .get(id)
            .is_some_and(|t| before_edited.get(id) != Some(t));
        if !own_time {
            edited.insert(id.clone(), now);
        }
    }
    edited.retain(|id, _| after.0.contains_key(id));
}

#[cfg(test)]
mod tests;
