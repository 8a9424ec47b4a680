//! A database made by every earlier schema version (tests/fixtures/databases, one per
//! version) opens with today's server and keeps what it held: the case and its access
//! code, the timeline, the file, the payment, the office's open question.

mod common;

use std::path::Path;

use common::{get_json, valid_application, Server};
use rathaus_server::db::migrations;
use rusqlite::Connection;

const CASE: &str = "2025-7KQ4-M2XD";
const AUTH: &str = "AccessCode ABCD-EFGH-JKMN";
const FILE_ID: &str = "q3x8m1v0c7n2b5z4l9k6j3h0gf";

fn fixture(version: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/databases/v{version}.sql"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A server over a data folder holding the database of `version`.
fn server_on(version: usize, data: &tempfile::TempDir) -> Server {
    let conn = Connection::open(data.path().join("rathaus.sqlite3")).unwrap();
    conn.execute_batch(&fixture(version)).unwrap();
    drop(conn);
    let dir = data.path().to_owned();
    Server::start_adjusted(move |c| c.data_dir = dir)
}

fn version_of(data: &tempfile::TempDir) -> usize {
    let conn = Connection::open(data.path().join("rathaus.sqlite3")).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn there_is_a_fixture_for_every_version_up_to_this_one() {
    for version in 1..=migrations::latest() {
        assert!(
            fixture(version).contains(&format!("PRAGMA user_version = {version};")),
            "v{version}.sql"
        );
    }
}

#[test]
fn a_database_of_every_earlier_version_upgrades_without_losing_anything() {
    for version in 1..=migrations::latest() {
        let data = tempfile::tempdir().unwrap();
        let s = server_on(version, &data);
        assert_eq!(version_of(&data), migrations::latest(), "v{version}");

        // The case, found with its access code, with its whole timeline.
        let (status, case) = s.lookup(CASE, Some(AUTH));
        assert_eq!(status, 200, "v{version}: {case}");
        assert_eq!(case["service_id"], "fuehrungszeugnis", "v{version}");
        assert_eq!(case["fee"], 1300, "v{version}");
        let messages: Vec<_> = case["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["message"].as_str())
            .collect();
        assert!(
            messages.contains(&"Wir prüfen Ihren Antrag."),
            "v{version}: {case}"
        );
        if version >= 4 {
            assert_eq!(case["status"], "action_needed", "v{version}");
            assert_eq!(case["open_request"]["id"], "rq_1", "v{version}: {case}");
            assert_eq!(case["open_request"]["wants_document"], true, "v{version}");
        } else {
            assert_eq!(case["status"], "in_review", "v{version}");
        }
        // A wrong code still finds nothing.
        let (status, _) = s.lookup(CASE, Some("AccessCode ABCD-EFGH-JKMP"));
        assert_eq!(status, 404, "v{version}");

        // The payment, paid, with its amount.
        if version >= 3 {
            let (status, payments) =
                get_json(&s, &format!("/api/v1/applications/{CASE}/payments"), AUTH);
            assert_eq!(status, 200, "v{version}: {payments}");
            let list = payments["payments"]
                .as_array()
                .unwrap_or_else(|| panic!("{payments}"));
            assert_eq!(list.len(), 1, "v{version}: {payments}");
            assert_eq!(list[0]["state"], "PAYED", "v{version}");
            assert_eq!(list[0]["amount"], 1300, "v{version}");
        }

        // The file, byte for byte, still the case's.
        if version >= 2 {
            let conn = Connection::open(data.path().join("rathaus.sqlite3")).unwrap();
            let (bytes, owner): (Vec<u8>, String) = conn
                .query_row(
                    "SELECT data, case_number FROM attachments WHERE id = ?1",
                    [FILE_ID],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert!(bytes.starts_with(b"%PDF-1.4\n"), "v{version}");
            assert_eq!(owner, CASE, "v{version}");
        }

        // The case sent while logged in is still the account's.
        if version >= 7 {
            let account = rathaus_server::auth::account_of("http://127.0.0.1:8090", "erika");
            let db = rathaus_server::db::Db::open(data.path()).unwrap();
            let cases = db.account_cases(&account).unwrap();
            assert_eq!(cases.len(), 1, "v{version}");
            assert_eq!(cases[0].case_number, CASE, "v{version}");
        }

        // The appointment opens with its code, and the day closed stays closed.
        if version >= 8 {
            let db = rathaus_server::db::Db::open(data.path()).unwrap();
            let seen = db.appointment("T-7KQ4-M2XD", "ABCD-EFGH-JKMN").unwrap();
            let seen = seen.unwrap_or_else(|| panic!("v{version}: no appointment"));
            assert_eq!(
                (seen.persons, seen.time.as_str()),
                (2, "10:00"),
                "v{version}"
            );
            assert_eq!(
                db.closed_days("buergerbuero-nord").unwrap(),
                [rathaus_core::date::Date::new(2026, 1, 13).unwrap()],
                "v{version}"
            );
        }

        // And the upgraded database takes new cases.
        let (status, receipt) = s.submit(Some("after-upgrade"), &valid_application());
        assert_eq!(status, 201, "v{version}: {receipt}");
        assert_eq!(s.cases(), 2, "v{version}");
    }
}

#[test]
fn a_database_of_a_newer_version_is_not_opened() {
    let data = tempfile::tempdir().unwrap();
    let conn = Connection::open(data.path().join("rathaus.sqlite3")).unwrap();
    conn.execute_batch(&fixture(migrations::latest())).unwrap();
    conn.pragma_update(None, "user_version", migrations::latest() + 1)
        .unwrap();
    drop(conn);
    let error = rathaus_server::db::Db::open(data.path())
        .err()
        .expect("refused");
    assert!(
        error.to_string().contains("newer than this server"),
        "{error}"
    );
}
