//! The running server and the office's admin command share one SQLite file: whichever
//! writes second waits for the other instead of failing with "database is locked".

mod common;

use std::time::Duration;

use common::{valid_application, Server};
use rathaus_core::case::CaseStatus;
use rathaus_server::db::Db;
use rusqlite::{Connection, TransactionBehavior};

#[test]
fn the_admin_command_waits_for_a_write_in_progress() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_owned();
    let server = Server::start_adjusted(move |c| c.data_dir = dir);
    let (status, receipt) = server.submit(Some("shared-db-1"), &valid_application());
    assert_eq!(status, 201, "{receipt}");
    let case = receipt["case_number"].as_str().unwrap().to_owned();

    // Another writer (the server, in production) holds the write lock for a moment…
    let file = data.path().join("rathaus.sqlite3");
    let (locked, release) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let mut conn = Connection::open(file).unwrap();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .unwrap();
        tx.execute_batch("CREATE TABLE IF NOT EXISTS held (x)")
            .unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(600));
        tx.commit().unwrap();
    });
    release.recv().unwrap();
    // …while the admin command opens the database and writes to it.
    let admin = Db::open(data.path()).expect("opens while another writes");
    let now = server.now();
    admin
        .add_message(&case, "Wir haben Ihren Antrag erhalten.", now)
        .expect("waits for the other writer, then writes");
    admin
        .move_case(&case, CaseStatus::InReview, None, now)
        .expect("a second write as well");
    holder.join().unwrap();
}
