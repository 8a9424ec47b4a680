//! The SQLite file: cases, their events, and idempotency records. Its schema is
//! `migrations/` ([`migrations`]).

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

mod appointments;
mod cases;
pub mod migrations;
pub mod sessions;
pub mod timeline;

pub use appointments::{Booking, Changed, NewAppointment};
pub use cases::{IdempotentOutcome, NewCase};

/// How long a repeated idempotency key returns the first answer, unless configured
/// (`--idempotency-days`). It must be at least as long as the app may retry a
/// submission (its outbox gives up after `outbox_days`, 30): a retry after the key was
/// forgotten would make a second case. The record holds the receipt with the access
/// code, so the database must be protected like the cases it holds.
pub const DEFAULT_IDEMPOTENCY_DAYS: u32 = 90;

/// One connection behind a mutex: SQLite writes one at a time anyway, and holding the
/// lock across "look up key, create case, store key" makes idempotency race-free.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    idempotency_seconds: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// An uploaded file became part of another case meanwhile; nothing was stored.
    #[error("attachment {0} belongs to another case")]
    AttachmentTaken(String),
    /// Uploaded files waiting for their applications fill the space set aside.
    #[error("no room for more uploaded files")]
    UploadsFull,
    /// This client's files waiting for their applications reached its limit; the
    /// oldest of them stops counting after this many seconds.
    #[error("this client's uploads are at their limit")]
    ClientUploadsFull { retry_after: u64 },
}

impl Db {
    pub fn open(data_dir: &Path) -> Result<Db, DbError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| DbError::Corrupt(format!("{}: {e}", data_dir.display())))?;
        let conn = Connection::open(data_dir.join("rathaus.sqlite3"))?;
        // Before anything that takes a lock: the server and the admin command share the
        // file, and whichever comes second waits rather than failing.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::upgrade(&conn)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
            idempotency_seconds: i64::from(DEFAULT_IDEMPOTENCY_DAYS) * 86_400,
        })
    }

    /// The same database, remembering idempotency keys for `days` (see
    /// [`DEFAULT_IDEMPOTENCY_DAYS`]).
    pub fn keeping_idempotency_keys_for(mut self, days: u32) -> Db {
        self.idempotency_seconds = i64::from(days.max(1)) * 86_400;
        self
    }

    pub(crate) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (transactions roll
        // back), so a poisoned lock is safe to keep using.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}
