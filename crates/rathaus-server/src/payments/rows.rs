//! The payments tables as the `Db` methods use them: a payment read with its history,
//! a change recorded, overdue payments failed.

use rathaus_core::date::Timestamp;
use rathaus_core::fee::Money;
use rathaus_core::payment::{PaymentEvent, PaymentMethod, PaymentState, REASON_TIMEOUT};
use rusqlite::{params, Connection};

use super::Payment;
use crate::db::timeline::event_rows;
use crate::db::DbError;

const COLUMNS: &str = "id, case_number, amount_cents, state, method, reference, failure_reason, \
                       return_url, created_at, expires_at";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Payment, String, Option<String>)> {
    Ok((
        Payment {
            id: r.get(0)?,
            case_number: r.get(1)?,
            amount: Money(r.get(2)?),
            state: PaymentState::Initial,
            method: None,
            reference: r.get(5)?,
            failure_reason: r.get(6)?,
            return_url: r.get(7)?,
            created_at: Timestamp(r.get(8)?),
            expires_at: Timestamp(r.get(9)?),
            events: Vec::new(),
        },
        r.get(3)?,
        r.get(4)?,
    ))
}

pub(super) fn load(conn: &Connection, sql_where: &str, arg: &str) -> Result<Vec<Payment>, DbError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM payments WHERE {sql_where} ORDER BY created_at, rowid"
    ))?;
    let rows = stmt
        .query_map(params![arg], read_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (mut p, state, method) in rows {
        p.state = PaymentState::from_name(&state)
            .ok_or_else(|| DbError::Corrupt(format!("payment state {state}")))?;
        p.method = match method {
            Some(m) => Some(
                PaymentMethod::from_name(&m)
                    .ok_or_else(|| DbError::Corrupt(format!("payment method {m}")))?,
            ),
            None => None,
        };
        p.events = event_rows(
            conn,
            "SELECT at, state, reason FROM payment_events WHERE payment_id = ?1 ORDER BY id",
            &p.id,
        )?
        .into_iter()
        .map(|(at, state, reason)| {
            Ok(PaymentEvent {
                at: Timestamp(at).to_rfc3339(),
                state: PaymentState::from_name(&state)
                    .ok_or_else(|| DbError::Corrupt(format!("payment state {state}")))?,
                reason,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        out.push(p);
    }
    Ok(out)
}

pub(super) fn record(
    conn: &Connection,
    id: &str,
    state: PaymentState,
    reason: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO payment_events (payment_id, at, state, reason) VALUES (?1, ?2, ?3, ?4)",
        params![id, now.0, state.name(), reason],
    )?;
    Ok(())
}

/// Open payments whose time is up become `FAILED` ("timeout"). Run before every read,
/// so nobody ever sees an open payment that can no longer be paid.
pub(super) fn expire(conn: &Connection, case_number: &str, now: Timestamp) -> Result<(), DbError> {
    let overdue: Vec<String> = conn
        .prepare(
            "SELECT id FROM payments WHERE case_number = ?1 AND state = 'INITIAL' AND expires_at <= ?2",
        )?
        .query_map(params![case_number, now.0], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in overdue {
        conn.execute(
            "UPDATE payments SET state = 'FAILED', failure_reason = ?2 WHERE id = ?1",
            params![id, REASON_TIMEOUT],
        )?;
        record(conn, &id, PaymentState::Failed, Some(REASON_TIMEOUT), now)?;
    }
    Ok(())
}
