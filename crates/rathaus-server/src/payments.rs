//! Payments of a case's fee in the SQLite file: creation (idempotent by request id),
//! the state machine of [`rathaus_core::payment`], expiry, and every change recorded.

use rathaus_core::date::Timestamp;
use rathaus_core::fee::Money;
use rathaus_core::payment::{PaymentEvent, PaymentMethod, PaymentState, REASON_TIMEOUT};
use rusqlite::{params, Connection, OptionalExtension};

use crate::codes;
use crate::db::timeline::event_rows;
use crate::db::{Db, DbError};

/// A payment as stored (the API adds purpose and the provider's address).
#[derive(Clone, Debug, PartialEq)]
pub struct Payment {
    pub id: String,
    pub case_number: String,
    pub amount: Money,
    pub state: PaymentState,
    pub method: Option<PaymentMethod>,
    pub reference: String,
    pub failure_reason: Option<String>,
    pub return_url: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub events: Vec<PaymentEvent>,
}

pub enum Created {
    /// A new payment.
    New(Payment),
    /// The same request again, or a payment still open for the case: that one.
    Existing(Payment),
    /// The case is paid; there is nothing more to pay.
    AlreadyPaid,
    /// The request id came before with another request (another return address).
    KeyReused,
}

/// What a provider may report, refused when the payment is not `INITIAL` any more.
#[derive(Debug, thiserror::Error)]
pub enum SettleError {
    #[error("no such payment")]
    Unknown,
    #[error("payment is {0:?} already")]
    Illegal(PaymentState),
    #[error(transparent)]
    Db(#[from] DbError),
}

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

fn load(conn: &Connection, sql_where: &str, arg: &str) -> Result<Vec<Payment>, DbError> {
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

fn record(
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
fn expire(conn: &Connection, case_number: &str, now: Timestamp) -> Result<(), DbError> {
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

impl Db {
    /// A payment of `amount` for the case, unless the same request made one already,
    /// one is still open, or the case is paid. `request_hash` is the hash of the parsed
    /// request: the same request id with another request is refused.
    #[allow(clippy::too_many_arguments)]
    pub fn create_payment(
        &self,
        case_number: &str,
        request_id: &str,
        request_hash: &str,
        amount: Money,
        return_url: &str,
        now: Timestamp,
        time_to_pay_seconds: i64,
    ) -> Result<Created, DbError> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        expire(&tx, case_number, now)?;
        let all = load(&tx, "case_number = ?1", case_number)?;
        let same_request: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT id, request_hash FROM payments WHERE case_number = ?1 AND request_id = ?2",
                params![case_number, request_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, hash)) = same_request {
            // Payments made before hashes were kept (NULL) count as the same request.
            if hash.is_some_and(|h| !codes::constant_time_eq(&h, request_hash)) {
                return Ok(Created::KeyReused);
            }
            let p = all.into_iter().find(|p| p.id == id);
            return p
                .map(Created::Existing)
                .ok_or_else(|| DbError::Corrupt("payment vanished".into()));
        }
        if all.iter().any(|p| p.state == PaymentState::Payed) {
            return Ok(Created::AlreadyPaid);
        }
        if let Some(open) = all.into_iter().find(|p| p.state == PaymentState::Initial) {
            return Ok(Created::Existing(open));
        }
        let id = codes::new_attachment_id();
        let reference = format!("RH-{}", codes::new_access_code());
        tx.execute(
            "INSERT INTO payments (id, case_number, request_id, amount_cents, state, reference, \
             return_url, created_at, expires_at, request_hash) \
             VALUES (?1, ?2, ?3, ?4, 'INITIAL', ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                case_number,
                request_id,
                amount.0,
                reference,
                return_url,
                now.0,
                now.0 + time_to_pay_seconds,
                request_hash
            ],
        )?;
        record(&tx, &id, PaymentState::Initial, None, now)?;
        let created = load(&tx, "id = ?1", &id)?.pop();
        tx.commit()?;
        created
            .map(Created::New)
            .ok_or_else(|| DbError::Corrupt("payment vanished".into()))
    }

    /// The case's payments, oldest first (expired ones marked so).
    pub fn payments(&self, case_number: &str, now: Timestamp) -> Result<Vec<Payment>, DbError> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        expire(&tx, case_number, now)?;
        let all = load(&tx, "case_number = ?1", case_number)?;
        tx.commit()?;
        Ok(all)
    }

    /// One payment by its id alone: the provider's view (the id is the secret).
    pub fn payment(&self, id: &str, now: Timestamp) -> Result<Option<Payment>, DbError> {
        let case_number: Option<String> = self
            .conn()
            .query_row(
                "SELECT case_number FROM payments WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(case_number) = case_number else {
            return Ok(None);
        };
        Ok(self
            .payments(&case_number, now)?
            .into_iter()
            .find(|p| p.id == id))
    }

    /// What the provider reports: paid (with the method), cancelled, or failed.
    /// Anything but a move out of `INITIAL` is refused, also when time ran out first.
    pub fn settle_payment(
        &self,
        id: &str,
        to: PaymentState,
        method: Option<PaymentMethod>,
        reason: Option<&str>,
        now: Timestamp,
    ) -> Result<Payment, SettleError> {
        let current = self.payment(id, now)?.ok_or(SettleError::Unknown)?;
        if !current.state.can_become(to) {
            return Err(SettleError::Illegal(current.state));
        }
        let conn = self.conn();
        let tx = conn.unchecked_transaction().map_err(DbError::from)?;
        // Only from INITIAL, checked again under the lock: two reports, one wins.
        let changed = tx
            .execute(
                "UPDATE payments SET state = ?2, method = ?3, failure_reason = ?4 \
                 WHERE id = ?1 AND state = 'INITIAL'",
                params![id, to.name(), method.map(PaymentMethod::name), reason],
            )
            .map_err(DbError::from)?;
        if changed == 0 {
            return Err(SettleError::Illegal(current.state));
        }
        record(&tx, id, to, reason, now)?;
        let settled = load(&tx, "id = ?1", id)?
            .pop()
            .ok_or(SettleError::Unknown)?;
        tx.commit().map_err(DbError::from)?;
        Ok(settled)
    }
}

/// A stored payment as the app sees it: what it is for, and where to pay while open.
pub fn payment_view(
    p: Payment,
    service_title: &rathaus_core::Text,
    provider_url: &str,
) -> rathaus_core::payment::PaymentView {
    use rathaus_core::payment::PaymentState;
    rathaus_core::payment::PaymentView {
        purpose: rathaus_core::Text::new(
            &format!(
                "Gebühr {}, Vorgang {}",
                service_title.get(rathaus_core::Locale::De),
                p.case_number
            ),
            &format!(
                "Fee {}, case {}",
                service_title.get(rathaus_core::Locale::En),
                p.case_number
            ),
        ),
        redirect_url: (p.state == PaymentState::Initial)
            .then(|| format!("{provider_url}/{}", p.id)),
        id: p.id,
        case_number: p.case_number,
        state: p.state,
        amount: p.amount,
        method: p.method,
        reference: p.reference,
        failure_reason: p.failure_reason,
        created_at: p.created_at.to_rfc3339(),
        expires_at: p.expires_at.to_rfc3339(),
        events: p.events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::NewCase;
    use PaymentState::*;

    const CASE: &str = "2026-PAYT-0001";
    const NINETY_MINUTES: i64 = 90 * 60;

    fn db_with_case() -> (tempfile::TempDir, Db) {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(tmp.path()).unwrap();
        db.seed_case(
            CASE,
            "AAAA-BBBB-CCCC",
            NewCase {
                attachments: &[],
                service_id: "fuehrungszeugnis",
                service_version: 1,
                answers_json: "{}",
                fee: Money(1300),
                locale: "de",
                now: Timestamp(1_800_000_000),
            },
        )
        .unwrap();
        (tmp, db)
    }

    fn create(db: &Db, request: &str, now: i64) -> Created {
        db.create_payment(
            CASE,
            request,
            "hash of /back",
            Money(1300),
            "/back",
            Timestamp(now),
            NINETY_MINUTES,
        )
        .unwrap()
    }

    fn new_payment(db: &Db, request: &str, now: i64) -> Payment {
        match create(db, request, now) {
            Created::New(p) => p,
            _ => panic!("expected a new payment"),
        }
    }

    #[test]
    fn the_same_request_or_an_open_payment_gives_that_payment_again() {
        let (_tmp, db) = db_with_case();
        let first = new_payment(&db, "r1", 1_800_000_100);
        assert_eq!((first.state, first.amount), (Initial, Money(1300)));
        assert_eq!(first.events.len(), 1);
        for request in ["r1", "r2"] {
            match create(&db, request, 1_800_000_200) {
                Created::Existing(p) => assert_eq!(p.id, first.id),
                _ => panic!("{request}: expected the open payment"),
            }
        }
        assert_eq!(
            db.payments(CASE, Timestamp(1_800_000_300)).unwrap().len(),
            1
        );
        // The same request id with another request is refused.
        let other = db
            .create_payment(
                CASE,
                "r1",
                "hash of /elsewhere",
                Money(1300),
                "/elsewhere",
                Timestamp(1_800_000_400),
                NINETY_MINUTES,
            )
            .unwrap();
        assert!(matches!(other, Created::KeyReused));
    }

    #[test]
    fn cancelled_then_paid_then_nothing_more_to_pay() {
        let (_tmp, db) = db_with_case();
        let first = new_payment(&db, "r1", 1_800_000_100);
        let cancelled = db
            .settle_payment(&first.id, Canceled, None, None, Timestamp(1_800_000_200))
            .unwrap();
        assert_eq!(cancelled.state, Canceled);
        let second = new_payment(&db, "r2", 1_800_000_300);
        assert_ne!(second.id, first.id);
        let paid = db
            .settle_payment(
                &second.id,
                Payed,
                Some(PaymentMethod::SepaDirectDebit),
                None,
                Timestamp(1_800_000_400),
            )
            .unwrap();
        assert_eq!(
            (paid.state, paid.method),
            (Payed, Some(PaymentMethod::SepaDirectDebit))
        );
        let states: Vec<_> = paid.events.iter().map(|e| e.state).collect();
        assert_eq!(states, [Initial, Payed]);
        assert!(matches!(
            create(&db, "r3", 1_800_000_500),
            Created::AlreadyPaid
        ));
        // The same request as the paid one still answers with it.
        assert!(
            matches!(create(&db, "r2", 1_800_000_500), Created::Existing(p) if p.state == Payed)
        );
    }

    #[test]
    fn every_move_out_of_a_final_state_is_refused() {
        let (_tmp, db) = db_with_case();
        let mut at = 1_800_000_000;
        for end in [Payed, Canceled, Failed] {
            at += 100;
            let p = new_payment(&db, &format!("r{at}"), at);
            db.settle_payment(&p.id, end, None, Some("test"), Timestamp(at + 1))
                .unwrap();
            for next in PaymentState::ALL {
                let refused = db.settle_payment(&p.id, next, None, None, Timestamp(at + 2));
                assert!(
                    matches!(refused, Err(SettleError::Illegal(s)) if s == end),
                    "{end:?} -> {next:?}"
                );
            }
            if end == Payed {
                break; // a paid case takes no new payment
            }
        }
        // Back to INITIAL is no move either, nor is an unknown payment.
        let (_tmp2, db2) = db_with_case();
        let p = new_payment(&db2, "x", 1_800_000_100);
        assert!(matches!(
            db2.settle_payment(&p.id, Initial, None, None, Timestamp(1_800_000_200)),
            Err(SettleError::Illegal(Initial))
        ));
        assert!(matches!(
            db2.settle_payment("nope", Payed, None, None, Timestamp(1_800_000_200)),
            Err(SettleError::Unknown)
        ));
    }

    #[test]
    fn an_open_payment_fails_with_timeout_when_its_time_is_up() {
        let (_tmp, db) = db_with_case();
        let p = new_payment(&db, "r1", 1_800_000_000);
        let still = db
            .payment(&p.id, Timestamp(1_800_000_000 + NINETY_MINUTES - 1))
            .unwrap();
        assert_eq!(still.unwrap().state, Initial);
        let late = db
            .payment(&p.id, Timestamp(1_800_000_000 + NINETY_MINUTES))
            .unwrap()
            .unwrap();
        assert_eq!(
            (late.state, late.failure_reason.as_deref()),
            (Failed, Some("timeout"))
        );
        assert_eq!(
            late.events.last().unwrap().reason.as_deref(),
            Some("timeout")
        );
        // Too late to pay it; a new attempt is a new payment.
        assert!(matches!(
            db.settle_payment(&p.id, Payed, None, None, Timestamp(1_800_010_000)),
            Err(SettleError::Illegal(Failed))
        ));
        assert!(matches!(create(&db, "r2", 1_800_010_000), Created::New(_)));
    }
}
