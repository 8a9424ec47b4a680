//! What the office does with a case — move it, write to the citizen, ask for
//! information or a document — and the citizen's answer to such a request. Every change
//! is an event of the case's timeline. The reference backend's `admin` command calls
//! these, so that demos and tests can play the office's part.

use rathaus_core::api::{AnswerRequest, EventKind};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::codes;
use crate::db::{Db, DbError};

#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    #[error("there is no case {0}")]
    UnknownCase(String),
    #[error("a case that is {} cannot become {}", .from.name(), .to.name())]
    Illegal { from: CaseStatus, to: CaseStatus },
    /// `action_needed` comes with a question: use `ask`.
    #[error("to ask the citizen for something, use `ask` with the question")]
    AskWithQuestion,
    #[error("the message is empty")]
    EmptyMessage,
    /// No open request with this id on this case (answered, withdrawn, or never).
    #[error("the request is not open")]
    RequestClosed,
    /// The idempotency key came before with another answer (or for another request).
    #[error("the key was used for another answer")]
    KeyReused,
    /// A file named in the answer is not an uploaded, unclaimed file.
    #[error("attachment {0} is not an uploaded file waiting for its case")]
    UnknownAttachment(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for OfficeError {
    fn from(e: rusqlite::Error) -> OfficeError {
        OfficeError::Db(DbError::Sqlite(e))
    }
}

/// How an answer was taken.
#[derive(Debug, PartialEq, Eq)]
pub enum Answered {
    Now,
    /// The same answer (same idempotency key) came before: nothing more was done.
    Before,
}

/// A case as the office sees it in a list.
#[derive(Debug, PartialEq, Eq)]
pub struct CaseLine {
    pub case_number: String,
    pub service_id: String,
    pub status: CaseStatus,
    pub submitted_at: Timestamp,
}

fn status_of(tx: &Connection, case_number: &str) -> Result<CaseStatus, OfficeError> {
    let name: Option<String> = tx
        .query_row(
            "SELECT status FROM cases WHERE case_number = ?1",
            params![case_number],
            |r| r.get(0),
        )
        .optional()?;
    let name = name.ok_or_else(|| OfficeError::UnknownCase(case_number.to_owned()))?;
    CaseStatus::from_name(&name)
        .ok_or_else(|| DbError::Corrupt(format!("unknown status '{name}'")).into())
}

/// Records an event and sets the case's status to `status`; the event's id.
fn record(
    tx: &Transaction<'_>,
    case_number: &str,
    status: CaseStatus,
    kind: EventKind,
    message: Option<&str>,
    now: Timestamp,
) -> Result<i64, OfficeError> {
    tx.execute(
        "UPDATE cases SET status = ?2 WHERE case_number = ?1",
        params![case_number, status.name()],
    )?;
    tx.execute(
        "INSERT INTO case_events (case_number, at, status, kind, message)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![case_number, now.0, status.name(), kind.name(), message],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A message as the citizen will read it: trimmed, `None` if nothing is left.
fn cleaned(message: Option<&str>) -> Option<&str> {
    message.map(str::trim).filter(|m| !m.is_empty())
}

impl Db {
    /// Moves a case on, with an optional message to the citizen. A request still open
    /// when the office moves the case on is closed (the office got its answer
    /// elsewhere, or no longer needs it).
    pub fn move_case(
        &self,
        case_number: &str,
        to: CaseStatus,
        message: Option<&str>,
        now: Timestamp,
    ) -> Result<(), OfficeError> {
        if to == CaseStatus::ActionNeeded {
            return Err(OfficeError::AskWithQuestion);
        }
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let from = status_of(&tx, case_number)?;
        if !from.can_move_to(to) {
            return Err(OfficeError::Illegal { from, to });
        }
        tx.execute(
            "UPDATE case_requests SET closed_at = ?2 WHERE case_number = ?1 AND closed_at IS NULL",
            params![case_number, now.0],
        )?;
        record(
            &tx,
            case_number,
            to,
            EventKind::Status,
            cleaned(message),
            now,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A message to the citizen; the status stays.
    pub fn add_message(
        &self,
        case_number: &str,
        message: &str,
        now: Timestamp,
    ) -> Result<(), OfficeError> {
        let message = cleaned(Some(message)).ok_or(OfficeError::EmptyMessage)?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let status = status_of(&tx, case_number)?;
        record(
            &tx,
            case_number,
            status,
            EventKind::Message,
            Some(message),
            now,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Asks the citizen for information (or, with `wants_document`, a document): the
    /// case becomes `action_needed` until the answer comes. The request's id.
    pub fn ask(
        &self,
        case_number: &str,
        message: &str,
        wants_document: bool,
        now: Timestamp,
    ) -> Result<String, OfficeError> {
        let message = cleaned(Some(message)).ok_or(OfficeError::EmptyMessage)?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let from = status_of(&tx, case_number)?;
        if !from.can_move_to(CaseStatus::ActionNeeded) {
            return Err(OfficeError::Illegal {
                from,
                to: CaseStatus::ActionNeeded,
            });
        }
        let id = codes::new_attachment_id();
        tx.execute(
            "INSERT INTO case_requests (id, case_number, message, wants_document, asked_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, case_number, message, wants_document, now.0],
        )?;
        record(
            &tx,
            case_number,
            CaseStatus::ActionNeeded,
            EventKind::Request,
            Some(message),
            now,
        )?;
        tx.commit()?;
        Ok(id)
    }

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
        // The answer as parsed: the same answer hashes the same however it was spaced.
        let answer_hash = codes::sha256_hex(&serde_json::to_vec(answer).expect("serialises"));
        let mut conn = self.conn();
        let tx = conn.transaction()?;
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

    /// The newest cases first, for the office's command line.
    pub fn recent_cases(&self, limit: u32) -> Result<Vec<CaseLine>, OfficeError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT case_number, service_id, status, submitted_at FROM cases
             ORDER BY submitted_at DESC, rowid DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map(params![limit], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?))
            })?
            .collect::<Result<Vec<(String, String, String, i64)>, _>>()?;
        rows.into_iter()
            .map(|(case_number, service_id, status, at)| {
                Ok(CaseLine {
                    status: CaseStatus::from_name(&status)
                        .ok_or_else(|| DbError::Corrupt(format!("unknown status '{status}'")))?,
                    case_number,
                    service_id,
                    submitted_at: Timestamp(at),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::timeline::{open_request, timeline};
    use crate::db::NewCase;
    use rathaus_core::fee::Money;

    fn db_with_case(dir: &std::path::Path) -> Db {
        let db = Db::open(dir).unwrap();
        db.seed_case(
            "2026-AAAA-BBBB",
            "AAAA-BBBB-CCCC",
            NewCase {
                attachments: &[],
                service_id: "x",
                service_version: 1,
                answers_json: "{}",
                fee: Money(0),
                locale: "de",
                now: Timestamp(1_000),
            },
        )
        .unwrap();
        db
    }

    const CASE: &str = "2026-AAAA-BBBB";

    fn status(db: &Db) -> CaseStatus {
        status_of(&db.conn(), CASE).unwrap()
    }

    #[test]
    fn the_office_can_only_make_the_moves_of_the_status_model() {
        let tmp = tempfile::tempdir().unwrap();
        let db = db_with_case(tmp.path());
        let now = Timestamp(2_000);
        // The seeded case is in review. Every move from every status: allowed ones
        // happen, the rest are refused and change nothing.
        for from in [CaseStatus::InReview] {
            for to in CaseStatus::ALL {
                let result = db.move_case(CASE, to, None, now);
                if to == CaseStatus::ActionNeeded {
                    assert!(matches!(result, Err(OfficeError::AskWithQuestion)));
                } else if from.can_move_to(to) {
                    assert!(result.is_ok(), "{from:?} → {to:?}");
                    break;
                } else {
                    assert!(
                        matches!(result, Err(OfficeError::Illegal { .. })),
                        "{from:?} → {to:?}"
                    );
                    assert_eq!(status(&db), from);
                }
            }
        }
        // InReview → Approved happened (first allowed in ALL order after ActionNeeded).
        assert_eq!(status(&db), CaseStatus::Approved);
        for to in CaseStatus::ALL {
            if to != CaseStatus::Completed {
                assert!(
                    db.move_case(CASE, to, None, now).is_err(),
                    "approved → {to:?}"
                );
            }
        }
        db.move_case(CASE, CaseStatus::Completed, Some("Erledigt."), now)
            .unwrap();
        for to in CaseStatus::ALL {
            assert!(
                db.move_case(CASE, to, None, now).is_err(),
                "completed → {to:?}"
            );
        }
        assert!(db.ask(CASE, "Noch etwas?", false, now).is_err());
        assert!(matches!(
            db.move_case("2026-ZZZZ-ZZZZ", CaseStatus::InReview, None, now),
            Err(OfficeError::UnknownCase(_))
        ));
        let kinds: Vec<_> = timeline(&db.conn(), CASE)
            .unwrap()
            .into_iter()
            .map(|e| (e.status, e.message))
            .collect();
        assert_eq!(
            kinds.last().unwrap(),
            &(CaseStatus::Completed, Some("Erledigt.".to_owned()))
        );
    }

    #[test]
    fn a_request_is_answered_once_and_moving_on_closes_it() {
        let tmp = tempfile::tempdir().unwrap();
        let db = db_with_case(tmp.path());
        let now = Timestamp(2_000);
        assert!(matches!(
            db.ask(CASE, "   ", false, now),
            Err(OfficeError::EmptyMessage)
        ));
        let first = db
            .ask(CASE, "Welche Farbe hat der Hund?", false, now)
            .unwrap();
        assert_eq!(status(&db), CaseStatus::ActionNeeded);
        // One question at a time.
        assert!(db.ask(CASE, "Und wie heißt er?", false, now).is_err());
        db.add_message(CASE, "Wir warten auf Ihre Antwort.", now)
            .unwrap();
        assert_eq!(
            status(&db),
            CaseStatus::ActionNeeded,
            "a message keeps the status"
        );
        let answer = AnswerRequest {
            request_id: first.clone(),
            text: "Braun".into(),
            attachments: vec![],
        };
        assert_eq!(db.answer(CASE, "k1", &answer, now).unwrap(), Answered::Now);
        assert_eq!(status(&db), CaseStatus::InReview);
        assert_eq!(
            db.answer(CASE, "k1", &answer, now).unwrap(),
            Answered::Before
        );
        // The same key with another answer is refused, not taken for the first.
        let other = AnswerRequest {
            text: "Schwarz".into(),
            ..answer.clone()
        };
        assert!(matches!(
            db.answer(CASE, "k1", &other, now),
            Err(OfficeError::KeyReused)
        ));
        assert!(matches!(
            db.answer(CASE, "k2", &answer, now),
            Err(OfficeError::RequestClosed)
        ));
        assert_eq!(open_request(&db.conn(), CASE).unwrap(), None);

        // The office asks again, then moves on without waiting: the request closes.
        let second = db.ask(CASE, "Noch ein Foto, bitte.", true, now).unwrap();
        assert_eq!(open_request(&db.conn(), CASE).unwrap().unwrap().id, second);
        db.move_case(CASE, CaseStatus::InReview, Some("Hat sich erledigt."), now)
            .unwrap();
        assert_eq!(open_request(&db.conn(), CASE).unwrap(), None);
        let late = AnswerRequest {
            request_id: second,
            text: "Hier".into(),
            attachments: vec![],
        };
        assert!(matches!(
            db.answer(CASE, "k3", &late, now),
            Err(OfficeError::RequestClosed)
        ));
        // A file that was never uploaded cannot come with an answer; nothing is kept.
        let third = db.ask(CASE, "Bitte den Vertrag.", true, now).unwrap();
        let ghost = AnswerRequest {
            request_id: third,
            text: String::new(),
            attachments: vec![rathaus_core::FileRef {
                id: "nope".into(),
                name: "x.pdf".into(),
                size: 1,
                media_type: "application/pdf".into(),
            }],
        };
        assert!(matches!(
            db.answer(CASE, "k4", &ghost, now),
            Err(OfficeError::UnknownAttachment(_))
        ));
        assert_eq!(status(&db), CaseStatus::ActionNeeded);
    }
}
