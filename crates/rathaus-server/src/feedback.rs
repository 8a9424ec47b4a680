//! Citizens' reports of barriers in the app: the feedback mechanism an accessibility
//! statement must offer (BITV 2.0 § 7). `POST /feedback` keeps a report once per
//! idempotency key and a limited number per client; the office reads them with
//! `rathaus-server admin feedback`.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use rathaus_core::api::{FeedbackReceipt, FeedbackReport};
use rathaus_core::date::Timestamp;
use rathaus_core::Locale;
use rusqlite::{params, Connection, OptionalExtension};

use crate::cache::with_cache;
use crate::clock::now;
use crate::codes;
use crate::db::{Db, DbError};
use crate::error::ApiError;
use crate::extract::{blocking, Client, IdempotencyKey, JsonBody};
use crate::limit::{AttemptLimiter, Limits};
use crate::AppState;

/// How long a report is kept: time enough to answer it and fix the barrier, and no
/// longer, since it may name the citizen (docs/api.md).
pub const FEEDBACK_KEEP_SECONDS: i64 = 365 * 24 * 3600;
/// Reports one client may send per window; more are refused with 429 until it ends.
pub const REPORTS_PER_CLIENT: u32 = 10;
pub const REPORT_WINDOW_SECONDS: i64 = 3600;
/// Reports kept at most: beyond this new ones are refused (429), so that nobody can
/// fill the disk from many addresses.
pub const MAX_STORED_REPORTS: i64 = 100_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feedback", post(receive))
        .layer(Extension(Arc::new(ReportLimiter::new())))
}

/// Counts stored reports per client with the access-code limiter (crate::limit), the
/// client's address in place of a case number: an IPv6 client by its /64, which is
/// what one household or device usually holds.
struct ReportLimiter(AttemptLimiter);

impl ReportLimiter {
    fn new() -> ReportLimiter {
        ReportLimiter(AttemptLimiter::new(Limits {
            per_case: REPORTS_PER_CLIENT,
            per_client: 0,
            window_seconds: REPORT_WINDOW_SECONDS,
        }))
    }

    fn key(ip: IpAddr) -> String {
        match ip {
            IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map(|v4| v4.to_string())
                .unwrap_or_default(),
            IpAddr::V4(v4) => v4.to_string(),
        }
    }

    fn blocked(&self, client: Option<IpAddr>, now: i64) -> Option<u64> {
        self.0.blocked(&Self::key(client?), None, now)
    }

    fn stored(&self, client: Option<IpAddr>, now: i64) {
        if let Some(ip) = client {
            self.0.failed(&Self::key(ip), None, now);
        }
    }
}

async fn receive(
    State(state): State<AppState>,
    Extension(limiter): Extension<Arc<ReportLimiter>>,
    client: Client,
    IdempotencyKey(key): IdempotencyKey,
    JsonBody(report): JsonBody<FeedbackReport>,
) -> Result<Response, ApiError> {
    let problems = report.problems();
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let report = trimmed(report);
    let request_hash = codes::request_hash(&report);
    let at = now();
    let db = state.db.clone();
    let outcome = blocking(move || -> Result<Stored, ApiError> {
        // A repeat of a report already kept is answered even over the limit: it is the
        // same report, and the citizen is waiting for its receipt.
        if let Some(earlier) = db.replay_feedback(&key, &request_hash)? {
            return Ok(earlier);
        }
        if let Some(seconds) = limiter.blocked(client.0, at.0) {
            return Err(ApiError::Limited(seconds));
        }
        let stored = db.store_feedback(&key, &request_hash, &report, at)?;
        if matches!(stored, Stored::Created(_)) {
            limiter.stored(client.0, at.0);
        }
        Ok(stored)
    })
    .await??;
    let (status, receipt) = match outcome {
        Stored::Created(receipt) => (StatusCode::CREATED, receipt),
        Stored::Repeated(receipt) => (StatusCode::OK, receipt),
        Stored::KeyReused => return Err(ApiError::IdempotencyKeyReused),
        Stored::Full => return Err(ApiError::TooManyRequests),
    };
    Ok(with_cache(
        (status, Json(receipt)).into_response(),
        "no-store",
    ))
}

/// The report as kept: without the spaces around its texts.
fn trimmed(report: FeedbackReport) -> FeedbackReport {
    FeedbackReport {
        page: report.page.trim().to_owned(),
        description: report.description.trim().to_owned(),
        contact: report.contact.trim().to_owned(),
        locale: report.locale,
    }
}

/// What became of a report sent.
#[derive(Debug)]
pub enum Stored {
    /// Kept now.
    Created(FeedbackReceipt),
    /// This key came with this report before: the first receipt again.
    Repeated(FeedbackReceipt),
    /// This key came with a different report.
    KeyReused,
    /// As many reports are kept as there is room for.
    Full,
}

/// A report as the office reads it.
#[derive(Debug)]
pub struct StoredReport {
    pub reference: String,
    pub received_at: Timestamp,
    pub page: String,
    pub description: String,
    pub contact: String,
    pub locale: Locale,
}

fn replay_in(conn: &Connection, key: &str, request_hash: &str) -> Result<Option<Stored>, DbError> {
    let row: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT reference, request_hash, received_at FROM feedback WHERE idempotency_key = ?1",
            params![key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row.map(|(reference, hash, at)| {
        if codes::constant_time_eq(&hash, request_hash) {
            Stored::Repeated(FeedbackReceipt {
                reference,
                received_at: Timestamp(at).to_rfc3339(),
            })
        } else {
            Stored::KeyReused
        }
    }))
}

impl Db {
    /// The earlier outcome for `key`, if a report came with it.
    pub fn replay_feedback(
        &self,
        key: &str,
        request_hash: &str,
    ) -> Result<Option<Stored>, DbError> {
        replay_in(&self.conn(), key, request_hash)
    }

    /// Keeps a report unless `key` was seen before; see [`Stored`]. Reports past
    /// [`FEEDBACK_KEEP_SECONDS`] go first.
    pub fn store_feedback(
        &self,
        key: &str,
        request_hash: &str,
        report: &FeedbackReport,
        now: Timestamp,
    ) -> Result<Stored, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM feedback WHERE received_at < ?1",
            params![now.0 - FEEDBACK_KEEP_SECONDS],
        )?;
        if let Some(earlier) = replay_in(&tx, key, request_hash)? {
            return Ok(earlier);
        }
        let kept: i64 = tx.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))?;
        if kept >= MAX_STORED_REPORTS {
            return Ok(Stored::Full);
        }
        // 60 random bits, readable aloud: a collision is unlikely but must not lose a report.
        let reference = loop {
            let candidate = format!("BF-{}", codes::new_access_code());
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO feedback
                 (reference, idempotency_key, request_hash, page, description, contact, locale, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    candidate,
                    key,
                    request_hash,
                    report.page,
                    report.description,
                    report.contact,
                    report.locale.code(),
                    now.0
                ],
            )?;
            if inserted == 1 {
                break candidate;
            }
        };
        tx.commit()?;
        Ok(Stored::Created(FeedbackReceipt {
            reference,
            received_at: now.to_rfc3339(),
        }))
    }

    /// The newest reports first.
    pub fn recent_feedback(&self, limit: u32) -> Result<Vec<StoredReport>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT reference, received_at, page, description, contact, locale FROM feedback
             ORDER BY received_at DESC, rowid DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map(params![limit], |r| {
                let locale: String = r.get(5)?;
                Ok(StoredReport {
                    reference: r.get(0)?,
                    received_at: Timestamp(r.get(1)?),
                    page: r.get(2)?,
                    description: r.get(3)?,
                    contact: r.get(4)?,
                    locale: Locale::from_code(&locale).unwrap_or_default(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_counted_by_its_address_or_its_ipv6_network() {
        let v6: IpAddr = "2001:db8:1:2:aaaa:bbbb:cccc:dddd".parse().unwrap();
        let same_network: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        assert_eq!(ReportLimiter::key(v6), ReportLimiter::key(same_network));
        assert_eq!(ReportLimiter::key(v6), "2001:db8:1:2::/64");
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(ReportLimiter::key(mapped), "10.0.0.1");
        let limiter = ReportLimiter::new();
        let home = Some("10.0.0.1".parse().unwrap());
        for _ in 0..REPORTS_PER_CLIENT {
            assert_eq!(limiter.blocked(home, 0), None);
            limiter.stored(home, 0);
        }
        assert_eq!(limiter.blocked(home, 10), Some(3590));
        assert_eq!(limiter.blocked(Some("10.0.0.2".parse().unwrap()), 10), None);
        assert_eq!(limiter.blocked(home, REPORT_WINDOW_SECONDS), None);
    }
}
