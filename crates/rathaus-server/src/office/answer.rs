//! The citizen's answer to the office's open request: taken once per idempotency key,
//! its files claimed for the case, the case back to review.

use rathaus_core::api::{AnswerRequest, EventKind};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rusqlite::{params, OptionalExtension};

use super::{cleaned, record, status_of, OfficeError};
use crate::codes;
use crate::db::Db;

/// How an answer was taken.
#[derive(Debug, PartialEq, Eq)]
pub enum Answered {
    Now,
    /// The same answer (same idempotency key) came before: nothing more was done.
    Before,
}

impl Db {
    /// The citizen's answer to an open request (checked by the caller with
    /// [`AnswerRequest::problems`]): its files become the case's, the answer goes into
    /// the timeline and the case back to review. Repeating the same `key` with the same
    /// answer changes nothing and succeeds again; with another answer it is refused.
    pub fn answer(
        &self,
        case_number: &str,
        key: &str,
        answer: &AnswerRequest,
        now: Timestamp,
    ) -> Result<Answered, OfficeError> {
        let answer_hash = codes::request_hash(answer);
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let earlier: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT id, answer_hash FROM case_requests
                 WHERE case_number = ?1 AND answer_key = ?2 LIMIT 1",
                params![case_number, key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((request_id, hash)) = earlier {
            // Answers recorded before hashes were kept (NULL) count as the same.
            let same = request_id == answer.request_id
                && hash.is_none_or(|h| codes::constant_time_eq(&h, &answer_hash));
            return if same {
                Ok(Answered::Before)
            } else {
                Err(OfficeError::KeyReused)
            };
        }
        let closed: Option<Option<i64>> = tx
            .query_row(
                "SELECT closed_at FROM case_requests WHERE id = ?1 AND case_number = ?2",
                params![answer.request_id, case_number],
                |r| r.get(0),
            )
            .optional()?;
        if !matches!(closed, Some(None)) {
            return Err(OfficeError::RequestClosed);
        }
        let from = status_of(&tx, case_number)?;
        if !from.can_move_to(CaseStatus::InReview) {
            return Err(OfficeError::Illegal {
                from,
                to: CaseStatus::InReview,
            });
        }
        let text = cleaned(Some(&answer.text));
        let event = record(
            &tx,
            case_number,
            CaseStatus::InReview,
            EventKind::Answer,
            text,
            now,
        )?;
        for file in &answer.attachments {
            let claimed = tx.execute(
                "UPDATE attachments SET case_number = ?1, event_id = ?2, client_tag = NULL
                 WHERE id = ?3 AND case_number IS NULL AND created_at >= ?4",
                params![
                    case_number,
                    event,
                    file.id,
                    now.0 - crate::attachments::ATTACHMENT_KEEP_SECONDS
                ],
            )?;
            if claimed != 1 {
                return Err(OfficeError::UnknownAttachment(file.id.clone()));
            }
        }
        tx.execute(
            "UPDATE case_requests SET closed_at = ?3, answer_key = ?4, answer_hash = ?5
             WHERE id = ?1 AND case_number = ?2",
            params![answer.request_id, case_number, now.0, key, answer_hash],
        )?;
        tx.commit()?;
        Ok(Answered::Now)
    }
}
