//! Uploaded files in the SQLite file: kept until an application (or an answer to the
//! office) claims them, within a room that no single client can fill.

use rathaus_core::date::Timestamp;
use rathaus_core::FileRef;
use rusqlite::{params, OptionalExtension};

use crate::codes;
use crate::db::{Db, DbError};

/// How long an uploaded file waits for its application: as long as a draft is kept on
/// the device (`draft_days` in the app's config, 30).
pub const ATTACHMENT_KEEP_SECONDS: i64 = 30 * 24 * 3600;

/// Room for uploaded files that no application has claimed yet: beyond this, uploads
/// are refused until files are claimed or expire, so nobody can fill the disk.
pub const MAX_UNCLAIMED_BYTES: i64 = 2 * 1024 * 1024 * 1024;

/// What one client (crate::limit::client_key) may have waiting at once: its unclaimed
/// uploads made within `window_seconds`. `0` switches a limit off (behind a reverse
/// proxy every citizen has the proxy's address).
#[derive(Clone, Copy, Debug)]
pub struct ClientUploadLimits {
    pub files: u32,
    pub bytes: u64,
    pub window_seconds: i64,
}

impl ClientUploadLimits {
    pub const OFF: ClientUploadLimits = ClientUploadLimits {
        files: 0,
        bytes: 0,
        window_seconds: 0,
    };
}

/// A file to keep, as checked by crate::uploads.
pub struct NewUpload<'a> {
    pub name: &'a str,
    pub media_type: &'a str,
    pub data: &'a [u8],
    /// Who sent it (a salted hash of the client's address), when known.
    pub client_tag: Option<&'a str>,
    pub now: Timestamp,
}

/// Whether the client may have one more file of `size` bytes waiting; see
/// [`ClientUploadLimits`].
fn client_room(
    conn: &rusqlite::Connection,
    tag: Option<&str>,
    size: i64,
    now: i64,
    limits: ClientUploadLimits,
) -> Result<(), DbError> {
    let Some(tag) = tag.filter(|_| limits.files > 0 || limits.bytes > 0) else {
        return Ok(());
    };
    // Files older than the window (or expired) no longer count.
    let window = limits.window_seconds.clamp(1, ATTACHMENT_KEEP_SECONDS);
    let (files, bytes, oldest): (i64, i64, Option<i64>) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(size), 0), MIN(created_at) FROM attachments
         WHERE case_number IS NULL AND client_tag = ?1 AND created_at > ?2",
        params![tag, now - window],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let over_files = limits.files > 0 && files >= i64::from(limits.files);
    let over_bytes = limits.bytes > 0 && (bytes + size) as u64 > limits.bytes;
    if over_files || over_bytes {
        let retry_after = oldest.map_or(window, |at| at + window - now).max(1);
        return Err(DbError::ClientUploadsFull {
            retry_after: retry_after as u64,
        });
    }
    Ok(())
}

impl Db {
    /// Whether the client may upload a file of `size` bytes now (checked again when
    /// the file is stored): so that a client over its share costs no checking.
    pub fn check_client_uploads(
        &self,
        tag: Option<&str>,
        size: usize,
        now: Timestamp,
        limits: ClientUploadLimits,
    ) -> Result<(), DbError> {
        client_room(&self.conn(), tag, size as i64, now.0, limits)
    }

    /// Keeps an uploaded file until an application claims it; what was recorded.
    pub fn store_attachment(
        &self,
        upload: &NewUpload<'_>,
        limits: ClientUploadLimits,
    ) -> Result<FileRef, DbError> {
        let conn = self.conn();
        let now = upload.now.0;
        let size = upload.data.len() as i64;
        conn.execute(
            "DELETE FROM attachments WHERE case_number IS NULL AND created_at < ?1",
            params![now - ATTACHMENT_KEEP_SECONDS],
        )?;
        client_room(&conn, upload.client_tag, size, now, limits)?;
        let waiting: i64 = conn.query_row(
            "SELECT COALESCE(SUM(size), 0) FROM attachments WHERE case_number IS NULL",
            [],
            |r| r.get(0),
        )?;
        if waiting + size > MAX_UNCLAIMED_BYTES {
            return Err(DbError::UploadsFull);
        }
        let id = codes::new_attachment_id();
        conn.execute(
            "INSERT INTO attachments (id, name, media_type, size, data, created_at, client_tag)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                upload.name,
                upload.media_type,
                size,
                upload.data,
                now,
                upload.client_tag
            ],
        )?;
        Ok(FileRef {
            id,
            name: upload.name.to_owned(),
            size: size as u64,
            media_type: upload.media_type.to_owned(),
        })
    }

    /// What was recorded for an uploaded file not yet claimed by a case, unless it has
    /// expired (whether or not it was deleted yet).
    pub fn unclaimed_attachment(
        &self,
        id: &str,
        now: Timestamp,
    ) -> Result<Option<FileRef>, DbError> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT id, name, size, media_type FROM attachments
                 WHERE id = ?1 AND case_number IS NULL AND created_at >= ?2",
                params![id, now.0 - ATTACHMENT_KEEP_SECONDS],
                |r| {
                    Ok(FileRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        size: r.get::<_, i64>(2)? as u64,
                        media_type: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// The files of a case: name, type and content (for the office; tests).
    pub fn case_attachments(
        &self,
        case_number: &str,
    ) -> Result<Vec<(String, String, Vec<u8>)>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT name, media_type, data FROM attachments WHERE case_number = ?1 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map(params![case_number], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{IdempotentOutcome, NewCase};
    use rathaus_core::fee::Money;

    fn case<'a>(attachments: &'a [String], now: Timestamp) -> NewCase<'a> {
        NewCase {
            attachments,
            service_id: "bauantrag",
            service_version: 1,
            answers_json: "{}",
            fee: Money(0),
            locale: "de",
            now,
            account: None,
            from_identity: &[],
        }
    }

    fn store(
        db: &Db,
        tag: Option<&str>,
        size: usize,
        now: i64,
        limits: ClientUploadLimits,
    ) -> Result<FileRef, DbError> {
        let data = vec![b'x'; size];
        db.store_attachment(
            &NewUpload {
                name: "plan.pdf",
                media_type: "application/pdf",
                data: &data,
                client_tag: tag,
                now: Timestamp(now),
            },
            limits,
        )
    }

    #[test]
    fn a_file_claimed_meanwhile_stores_no_second_case() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(tmp.path()).unwrap();
        let now = Timestamp(1_800_000_000);
        let file = store(&db, None, 5, now.0, ClientUploadLimits::OFF).unwrap();
        let ids = vec![file.id.clone()];
        assert!(matches!(
            db.create_case_idempotent("a", "h1", case(&ids, now))
                .unwrap(),
            IdempotentOutcome::Created(_)
        ));
        // Both applications checked the file while it was free; the second one to be
        // stored finds it taken, and nothing of it is kept.
        let second = db.create_case_idempotent("b", "h2", case(&ids, now));
        assert!(matches!(second, Err(DbError::AttachmentTaken(id)) if id == file.id));
        assert_eq!(db.count_cases().unwrap(), 1);
        assert!(
            db.replay("b", "h2", now).unwrap().is_none(),
            "no idempotency record either"
        );
    }

    #[test]
    fn unclaimed_files_expire_after_30_days_and_claimed_ones_stay() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(tmp.path()).unwrap();
        let then = 1_800_000_000;
        let old = store(&db, None, 5, then, ClientUploadLimits::OFF).unwrap();
        let kept = store(&db, None, 5, then, ClientUploadLimits::OFF).unwrap();
        let ids = vec![kept.id.clone()];
        // 29 days on, an unclaimed file is still there.
        store(&db, None, 5, then + 29 * 86_400, ClientUploadLimits::OFF).unwrap();
        let day29 = Timestamp(then + 29 * 86_400);
        assert!(db.unclaimed_attachment(&old.id, day29).unwrap().is_some());
        // Expired is gone, even before anything deleted it.
        let day31 = Timestamp(then + 31 * 86_400);
        assert!(db.unclaimed_attachment(&old.id, day31).unwrap().is_none());
        let IdempotentOutcome::Created(receipt) = db
            .create_case_idempotent("k", "h", case(&ids, Timestamp(then)))
            .unwrap()
        else {
            panic!("a new case")
        };
        store(
            &db,
            None,
            5,
            then + ATTACHMENT_KEEP_SECONDS + 1,
            ClientUploadLimits::OFF,
        )
        .unwrap();
        assert_eq!(db.unclaimed_attachment(&old.id, day31).unwrap(), None);
        assert_eq!(db.case_attachments(&receipt.case_number).unwrap().len(), 1);
    }

    #[test]
    fn one_client_fills_only_its_own_share() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(tmp.path()).unwrap();
        let limits = ClientUploadLimits {
            files: 3,
            bytes: 1000,
            window_seconds: 3600,
        };
        let t = 1_800_000_000;
        for i in 0..3 {
            store(&db, Some("a"), 10, t + i, limits).unwrap();
        }
        // The fourth file waits until the first leaves the window.
        assert!(matches!(
            store(&db, Some("a"), 10, t + 100, limits),
            Err(DbError::ClientUploadsFull { retry_after: 3500 })
        ));
        store(&db, Some("b"), 10, t + 100, limits).unwrap();
        store(&db, Some("a"), 10, t + 3600, limits).unwrap();
        // Bytes count too; a claimed file no longer does.
        let big = store(&db, Some("c"), 900, t, limits).unwrap();
        assert!(matches!(
            store(&db, Some("c"), 200, t + 1, limits),
            Err(DbError::ClientUploadsFull { .. })
        ));
        let ids = vec![big.id];
        db.create_case_idempotent("k", "h", case(&ids, Timestamp(t + 2)))
            .unwrap();
        store(&db, Some("c"), 200, t + 3, limits).unwrap();
        // Switched off, only the room counts.
        for i in 0..10 {
            store(&db, Some("d"), 10, t + i, ClientUploadLimits::OFF).unwrap();
        }
    }
}
