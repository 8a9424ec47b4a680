//! Reading a case's and a payment's history: the rows the citizen's view, the office
//! and the payment provider all show. Only SQL over a connection, so every repository
//! (crate::db, crate::office, crate::payments) reads them the same way.

use rathaus_core::api::{CaseEvent, EventKind, OpenRequest};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rusqlite::{params, Connection, OptionalExtension};

use super::DbError;

/// The events of one case or payment, oldest first: `(at, state, text)` rows of `sql`,
/// which selects exactly those three columns for the key `?1`.
pub(crate) fn event_rows(
    conn: &Connection,
    sql: &str,
    key: &str,
) -> Result<Vec<(i64, String, Option<String>)>, DbError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map(params![key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The timeline of a case, oldest first, with the names of the files of each answer.
pub(crate) fn timeline(conn: &Connection, case_number: &str) -> Result<Vec<CaseEvent>, DbError> {
    let mut files = conn.prepare(
        "SELECT event_id, name FROM attachments
         WHERE case_number = ?1 AND event_id IS NOT NULL ORDER BY created_at, id",
    )?;
    let files: Vec<(i64, String)> = files
        .query_map(params![case_number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, at, status, kind, message FROM case_events WHERE case_number = ?1 ORDER BY id",
    )?;
    let rows: Vec<(i64, i64, String, String, Option<String>)> = stmt
        .query_map(params![case_number], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, at, status, kind, message)| {
            Ok(CaseEvent {
                at: Timestamp(at).to_rfc3339(),
                status: CaseStatus::from_name(&status)
                    .ok_or_else(|| DbError::Corrupt(format!("unknown status '{status}'")))?,
                kind: EventKind::from_name(&kind)
                    .ok_or_else(|| DbError::Corrupt(format!("unknown event kind '{kind}'")))?,
                message,
                attachments: files
                    .iter()
                    .filter(|(event, _)| *event == id)
                    .map(|(_, name)| name.clone())
                    .collect(),
            })
        })
        .collect()
}

/// The office's question still waiting for the citizen, if any.
pub(crate) fn open_request(
    conn: &Connection,
    case_number: &str,
) -> Result<Option<OpenRequest>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, message, wants_document, asked_at FROM case_requests
             WHERE case_number = ?1 AND closed_at IS NULL ORDER BY asked_at DESC LIMIT 1",
            params![case_number],
            |r| {
                Ok(OpenRequest {
                    id: r.get(0)?,
                    message: r.get(1)?,
                    wants_document: r.get(2)?,
                    asked_at: Timestamp(r.get(3)?).to_rfc3339(),
                })
            },
        )
        .optional()?)
}
