//! The database's schema, as numbered SQL files in `migrations/`: a database records the
//! number of the last file applied (`PRAGMA user_version`) and gets the newer ones at
//! start, each in its own transaction. A file once released is never edited; a change
//! is a new file. `tests/upgrades.rs` opens a database made by every earlier version.

use rusqlite::Connection;

use super::DbError;

/// One file of `migrations/`, `{version:04}_{name}.sql`.
pub struct Migration {
    pub version: usize,
    pub name: &'static str,
    pub sql: &'static str,
}

macro_rules! migrations {
    ($($version:literal $name:literal),* $(,)?) => {
        &[$(Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!("../../migrations/", $name, ".sql")),
        }),*]
    };
}

/// Every migration, oldest first; `version` is its place in the list, from 1.
pub const MIGRATIONS: &[Migration] = migrations![
    1 "0001_cases",
    2 "0002_attachments",
    3 "0003_payments",
    4 "0004_office_requests",
    5 "0005_request_hashes",
    6 "0006_feedback",
    7 "0007_accounts",
    8 "0008_appointments",
];

/// The schema version this build writes.
pub fn latest() -> usize {
    MIGRATIONS.len()
}

/// Applies the migrations `conn` has not had yet. A database written by a newer version
/// is refused rather than used by code that does not know its tables.
pub fn upgrade(conn: &Connection) -> Result<(), DbError> {
    let version: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > latest() {
        return Err(DbError::Corrupt(format!(
            "the database has schema version {version}, newer than this server's {}; \
             run the newer server or restore a backup",
            latest()
        )));
    }
    for migration in &MIGRATIONS[version..] {
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_listed_once_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{}.sql", m.name))
            .collect();
        assert_eq!(files, listed, "migrations/ and MIGRATIONS disagree");
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i + 1, "{}", m.name);
            assert!(
                m.name.starts_with(&format!("{:04}_", m.version)),
                "{}",
                m.name
            );
        }
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_as_it_is() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        let error = upgrade(&conn).unwrap_err();
        assert!(
            error.to_string().contains("newer than this server"),
            "{error}"
        );
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest() + 1);
    }

    #[test]
    fn a_failing_migration_leaves_the_database_at_the_last_good_version() {
        let conn = Connection::open_in_memory().unwrap();
        // A table the first migration would create makes it fail.
        conn.execute_batch("CREATE TABLE cases (x INTEGER);")
            .unwrap();
        assert!(upgrade(&conn).is_err());
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 0);
    }
}
