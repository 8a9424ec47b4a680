//! Payments of a case's fee in the SQLite file: creation (idempotent by request id),
//! the state machine of [`rathaus_core::payment`], expiry, and every change recorded.

use rathaus_core::date::Timestamp;
use rathaus_core::fee::Money;
use rathaus_core::payment::{PaymentEvent, PaymentMethod, PaymentState};
use rusqlite::{params, OptionalExtension};

use crate::codes;
use crate::db::{Db, DbError};

mod rows;
#[cfg(test)]
mod tests;

use rows::{expire, load, record};

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
        let tx =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Immediate)?;
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
        let tx =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Immediate)?;
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
        let tx =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Immediate)
                .map_err(DbError::from)?;
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
