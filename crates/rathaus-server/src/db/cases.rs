//! Cases: each stored once per idempotency key, then read by the citizen (with the
//! access code) or by the office; demo cases seeded with a known number and code.

use rathaus_core::api::{ApplicationReceipt, CaseView};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rathaus_core::fee::Money;
use rathaus_core::text::Text;
use rusqlite::{params, Connection, OptionalExtension};

use super::{timeline, Db, DbError};
use crate::codes;

/// A new case to store.
pub struct NewCase<'a> {
    /// Uploaded files the answers refer to; they become the case's.
    pub attachments: &'a [String],
    pub service_id: &'a str,
    pub service_version: u32,
    pub answers_json: &'a str,
    pub fee: Money,
    pub locale: &'a str,
    pub now: Timestamp,
    /// The account the case belongs to (sent while logged in): crate::auth::Account.
    pub account: Option<&'a str>,
    /// The answers the login filled in.
    pub from_identity: &'a [String],
}

pub enum IdempotentOutcome {
    /// The key is new: the case was created now.
    Created(ApplicationReceipt),
    /// The key was seen with the same request: the first answer again.
    Repeated(ApplicationReceipt),
    /// The key was seen with a different request.
    KeyReused,
}

impl Db {
    /// Records older than this are forgotten.
    pub(super) fn oldest_idempotency_record(&self, now: Timestamp) -> i64 {
        now.0 - self.idempotency_seconds
    }

    /// The earlier outcome for `key`, if it was seen within the retention.
    pub fn replay(
        &self,
        key: &str,
        request_hash: &str,
        now: Timestamp,
    ) -> Result<Option<IdempotentOutcome>, DbError> {
        let conn = self.conn();
        replay_in(
            &conn,
            key,
            request_hash,
            self.oldest_idempotency_record(now),
        )
    }

    /// Creates a case unless `key` was seen before; see [`IdempotentOutcome`].
    pub fn create_case_idempotent(
        &self,
        key: &str,
        request_hash: &str,
        case: NewCase<'_>,
    ) -> Result<IdempotentOutcome, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let oldest = self.oldest_idempotency_record(case.now);
        tx.execute(
            "DELETE FROM idempotency_keys WHERE created_at < ?1",
            params![oldest],
        )?;
        if let Some(outcome) = replay_in(&tx, key, request_hash, oldest)? {
            return Ok(outcome);
        }
        let (date, _) = case.now.berlin_local();
        let access_code = codes::new_access_code();
        let status = CaseStatus::Received;
        // 40 random bits: a collision is unlikely but must not fail a citizen's submit.
        let case_number = loop {
            let candidate = codes::new_case_number(date.year);
            if insert_case(&tx, &candidate, &access_code, status, &case)? {
                break candidate;
            }
        };
        tx.execute(
            "INSERT INTO case_events (case_number, at, status) VALUES (?1, ?2, ?3)",
            params![case_number, case.now.0, status.name()],
        )?;
        for id in case.attachments {
            let claimed = tx.execute(
                "UPDATE attachments SET case_number = ?1, client_tag = NULL
                 WHERE id = ?2 AND case_number IS NULL",
                params![case_number, id],
            )?;
            // Another application took it since it was checked: store nothing.
            if claimed != 1 {
                return Err(DbError::AttachmentTaken(id.clone()));
            }
        }
        let receipt = ApplicationReceipt {
            case_number,
            access_code,
            service_id: case.service_id.to_owned(),
            status,
            fee: case.fee,
            submitted_at: case.now.to_rfc3339(),
        };
        let response = serde_json::to_string(&receipt).expect("receipt serialises");
        tx.execute(
            "INSERT INTO idempotency_keys (key, request_hash, response, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![key, request_hash, response, case.now.0],
        )?;
        tx.commit()?;
        Ok(IdempotentOutcome::Created(receipt))
    }

    /// The service a case was made for.
    pub fn case_service(&self, case_number: &str) -> Result<Option<String>, DbError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT service_id FROM cases WHERE case_number = ?1",
                params![case_number],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The case, if `access_code` (normalised) is its code. Unknown case and wrong code
    /// both give `None`, after the same work.
    pub fn case_for_citizen(
        &self,
        case_number: &str,
        access_code: &str,
        title_of: impl Fn(&str) -> Text,
    ) -> Result<Option<CaseView>, DbError> {
        let conn = self.conn();
        let row = case_row(&conn, case_number)?;
        let offered = codes::access_code_hash(case_number, access_code);
        let stored = row.as_ref().map(|r| r.access_code_hash.as_str()).unwrap_or(
            // Compare against something of the same length so both paths cost the same.
            "0000000000000000000000000000000000000000000000000000000000000000",
        );
        let matches = codes::constant_time_eq(stored, &offered);
        match row.filter(|_| matches) {
            Some(row) => case_view(&conn, case_number, row, title_of).map(Some),
            None => Ok(None),
        }
    }

    /// The case, if it belongs to `account` (sent while logged in): no code needed.
    pub fn case_for_account(
        &self,
        case_number: &str,
        account: &str,
        title_of: impl Fn(&str) -> Text,
    ) -> Result<Option<CaseView>, DbError> {
        let conn = self.conn();
        let owner: Option<Option<String>> = conn
            .query_row(
                "SELECT account FROM cases WHERE case_number = ?1",
                params![case_number],
                |r| r.get(0),
            )
            .optional()?;
        if owner.flatten().as_deref() != Some(account) {
            return Ok(None);
        }
        match case_row(&conn, case_number)? {
            Some(row) => case_view(&conn, case_number, row, title_of).map(Some),
            None => Ok(None),
        }
    }

    /// A case's answers as stored (JSON) and the ids of those the login filled in: for
    /// the office.
    pub fn case_answers(
        &self,
        case_number: &str,
    ) -> Result<Option<(String, Vec<String>)>, DbError> {
        let conn = self.conn();
        let row: Option<(String, Option<String>)> = conn
            .query_row(
                "SELECT answers, from_identity FROM cases WHERE case_number = ?1",
                params![case_number],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(answers, from)| {
            let from = from
                .and_then(|f| serde_json::from_str(&f).ok())
                .unwrap_or_default();
            (answers, from)
        }))
    }

    /// The case, without its code: for the office.
    pub fn case_for_office(&self, case_number: &str) -> Result<Option<CaseView>, DbError> {
        let conn = self.conn();
        match case_row(&conn, case_number)? {
            Some(row) => case_view(&conn, case_number, row, |id| Text::new(id, id)).map(Some),
            None => Ok(None),
        }
    }

    /// Stores a case with a known number and code, for demos. Does nothing if it exists.
    pub fn seed_case(
        &self,
        case_number: &str,
        access_code: &str,
        case: NewCase<'_>,
    ) -> Result<(), DbError> {
        let conn = self.conn();
        let inserted = insert_case(&conn, case_number, access_code, CaseStatus::InReview, &case)?;
        if inserted {
            for (offset, status, message) in [
                (0, CaseStatus::Received, None),
                (
                    3600,
                    CaseStatus::InReview,
                    Some("Wir haben Ihren Antrag an das Bundesamt für Justiz weitergeleitet."),
                ),
            ] {
                conn.execute(
                    "INSERT INTO case_events (case_number, at, status, message) VALUES (?1, ?2, ?3, ?4)",
                    params![case_number, case.now.0 + offset, status.name(), message],
                )?;
            }
        }
        Ok(())
    }

    pub fn count_cases(&self) -> Result<i64, DbError> {
        Ok(self
            .conn()
            .query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?)
    }
}

struct CaseRow {
    service_id: String,
    access_code_hash: String,
    fee_cents: i64,
    status: String,
    submitted_at: i64,
}

fn case_row(conn: &Connection, case_number: &str) -> Result<Option<CaseRow>, DbError> {
    Ok(conn
        .query_row(
            "SELECT service_id, access_code_hash, fee_cents, status, submitted_at
             FROM cases WHERE case_number = ?1",
            params![case_number],
            |r| {
                Ok(CaseRow {
                    service_id: r.get(0)?,
                    access_code_hash: r.get(1)?,
                    fee_cents: r.get(2)?,
                    status: r.get(3)?,
                    submitted_at: r.get(4)?,
                })
            },
        )
        .optional()?)
}

fn case_view(
    conn: &Connection,
    case_number: &str,
    row: CaseRow,
    title_of: impl Fn(&str) -> Text,
) -> Result<CaseView, DbError> {
    Ok(CaseView {
        case_number: case_number.to_owned(),
        service_title: title_of(&row.service_id),
        status: parse_status(&row.status)?,
        fee: Money(row.fee_cents),
        submitted_at: Timestamp(row.submitted_at).to_rfc3339(),
        events: timeline::timeline(conn, case_number)?,
        open_request: timeline::open_request(conn, case_number)?,
        service_id: row.service_id,
    })
}

/// Stores a case; `false` if its number is taken.
fn insert_case(
    conn: &Connection,
    case_number: &str,
    access_code: &str,
    status: CaseStatus,
    case: &NewCase<'_>,
) -> Result<bool, DbError> {
    let inserted = conn.execute(
        "INSERT OR IGNORE INTO cases (case_number, service_id, service_version, answers,
             fee_cents, access_code_hash, status, locale, submitted_at, account, from_identity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            case_number,
            case.service_id,
            case.service_version,
            case.answers_json,
            case.fee.cents(),
            codes::access_code_hash(case_number, access_code),
            status.name(),
            case.locale,
            case.now.0,
            case.account,
            (!case.from_identity.is_empty())
                .then(|| serde_json::to_string(case.from_identity).expect("ids serialise")),
        ],
    )?;
    Ok(inserted == 1)
}

/// The outcome recorded for `key`, unless it is older than `oldest`.
fn replay_in(
    conn: &Connection,
    key: &str,
    request_hash: &str,
    oldest: i64,
) -> Result<Option<IdempotentOutcome>, DbError> {
    let seen: Option<(String, String)> = conn
        .query_row(
            "SELECT request_hash, response FROM idempotency_keys
             WHERE key = ?1 AND created_at >= ?2",
            params![key, oldest],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((hash, response)) = seen else {
        return Ok(None);
    };
    if !codes::constant_time_eq(&hash, request_hash) {
        return Ok(Some(IdempotentOutcome::KeyReused));
    }
    let receipt = serde_json::from_str(&response)
        .map_err(|e| DbError::Corrupt(format!("idempotency record: {e}")))?;
    Ok(Some(IdempotentOutcome::Repeated(receipt)))
}

fn parse_status(name: &str) -> Result<CaseStatus, DbError> {
    CaseStatus::from_name(name).ok_or_else(|| DbError::Corrupt(format!("unknown status '{name}'")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(now: i64) -> NewCase<'static> {
        NewCase {
            attachments: &[],
            service_id: "bauantrag",
            service_version: 1,
            answers_json: "{}",
            fee: Money(0),
            locale: "de",
            now: Timestamp(now),
            account: None,
            from_identity: &[],
        }
    }

    fn receipt(outcome: IdempotentOutcome) -> (bool, ApplicationReceipt) {
        match outcome {
            IdempotentOutcome::Created(r) => (true, r),
            IdempotentOutcome::Repeated(r) => (false, r),
            IdempotentOutcome::KeyReused => panic!("key reused"),
        }
    }

    #[test]
    fn a_key_is_kept_for_the_retention_and_then_forgotten() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(tmp.path())
            .unwrap()
            .keeping_idempotency_keys_for(10);
        let t = 1_800_000_000;
        let (created, first) = receipt(db.create_case_idempotent("k", "h", case(t)).unwrap());
        assert!(created);
        for days in [1, 2, 9] {
            let at = t + days * 86_400;
            let (created, again) = receipt(db.create_case_idempotent("k", "h", case(at)).unwrap());
            assert!(!created, "day {days}");
            assert_eq!(again, first);
            assert!(db.replay("k", "h", Timestamp(at)).unwrap().is_some());
        }
        // Forgotten after ten days, by the lookup even before anything purged it.
        let after = Timestamp(t + 10 * 86_400 + 1);
        assert!(db.replay("k", "h", after).unwrap().is_none());
        let (created, _) = receipt(db.create_case_idempotent("k", "h", case(after.0)).unwrap());
        assert!(created);
        assert_eq!(db.count_cases().unwrap(), 2);
    }
}
