//! The citizen's answer to the office's question while it is being written and sent.

use rathaus_core::json_struct;
use rathaus_core::FileRef;

use super::{keys, read, remove, write};

/// An answer to the office's question, while it is being written: kept on the device
/// so that a reload or a closed tab loses nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerDraft {
    pub text: String,
    pub files: Vec<FileRef>,
    /// The idempotency key of this answer, made when it is first sent and used for
    /// every retry (after a lost reply, a reload, a refresh of the page): the office
    /// gets it once. Gone with the draft once the backend has confirmed it.
    pub key: Option<String>,
}

json_struct!(AnswerDraft {
    text = default,
    files = default,
    key = default,
});

impl AnswerDraft {
    /// Something written or chosen that has not reached the office.
    pub fn has_content(&self) -> bool {
        !self.text.trim().is_empty() || !self.files.is_empty()
    }
}

fn answer_key(case_number: &str, request_id: &str) -> String {
    format!("answer.{case_number}.{request_id}")
}

pub fn load_answer(case_number: &str, request_id: &str) -> AnswerDraft {
    read(&answer_key(case_number, request_id)).unwrap_or_default()
}

/// Keeps the answer being written; `false` if the device refused (it is kept for this
/// visit only).
pub fn save_answer(case_number: &str, request_id: &str, draft: &AnswerDraft) -> bool {
    let key = answer_key(case_number, request_id);
    if draft == &AnswerDraft::default() {
        remove(&key);
        true
    } else {
        write(&key, draft)
    }
}

/// Forgets the answer once the office has it.
pub fn delete_answer(case_number: &str, request_id: &str) {
    remove(&answer_key(case_number, request_id));
}

/// The answers kept for a case, by the id of the question they answer.
pub fn answers_of(case_number: &str) -> Vec<(String, AnswerDraft)> {
    let prefix = answer_key(case_number, "");
    keys(&prefix)
        .into_iter()
        .filter_map(|k| {
            let request_id = k.strip_prefix(&prefix)?.to_owned();
            Some((request_id, read::<AnswerDraft>(&k)?))
        })
        .collect()
}
