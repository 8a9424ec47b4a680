//! What the office does with a case — move it, write to the citizen, ask for
//! information or a document — and the citizen's answer to such a request. Every change
//! is an event of the case's timeline. The reference backend's `admin` command calls
//! these, so that demos and tests can play the office's part.

use rathaus_core::api::EventKind;
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::codes;
use crate::db::{Db, DbError};

mod answer;
#[cfg(test)]
mod tests;

pub use answer::Answered;

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
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
