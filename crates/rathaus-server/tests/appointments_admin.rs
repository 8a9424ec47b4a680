//! The office's commands for appointments, run as the binary on the database the
//! server writes: the day's list (citizens' text escaped), and closing a day, which
//! calls off its bookings and only for that office and day.

use std::path::Path;
use std::process::Command;

use rathaus_core::api::AppointmentStatus;
use rathaus_core::date::{Date, Timestamp};
use rathaus_server::db::{Booking, Db, NewAppointment};

const DAY: Date = Date {
    year: 2026,
    month: 12,
    day: 14,
};
const NOW: Timestamp = Timestamp(1_796_000_000);
const CATALOGUE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalogue");

fn book(db: &Db, key: &str, office: &str, day: Date, start: u16, name: &str) -> String {
    let new = NewAppointment {
        office,
        service: "personalausweis",
        persons: 1,
        day,
        start,
        minutes: 15,
        name,
        contact: "ayse@example.org",
        client_tag: None,
        now: NOW,
    };
    match db
        .book_appointment(key, key, new, 100, |_, _| Ok(()))
        .unwrap()
    {
        Booking::Created(view) => view.number,
        other => panic!("not booked: {other:?}"),
    }
}

fn admin(data_dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rathaus-server"))
        .arg("admin")
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .args(["--catalogue", CATALOGUE])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn status(db: &Db, number: &str) -> AppointmentStatus {
    let list = db.day_list("buergerbuero-mitte", DAY).unwrap();
    let other = db.day_list("buergerbuero-nord", DAY).unwrap();
    let next = db
        .day_list("buergerbuero-mitte", DAY.days_later(1))
        .unwrap();
    list.into_iter()
        .chain(other)
        .chain(next)
        .find(|(a, _)| a.number == number)
        .map(|(a, _)| a.status)
        .expect("the appointment is listed")
}

#[test]
fn the_day_list_is_in_time_order_with_the_citizens_text_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let late = book(&db, "k1", "buergerbuero-mitte", DAY, 11 * 60, "Late Person");
    let early = book(
        &db,
        "k2",
        "buergerbuero-mitte",
        DAY,
        9 * 60,
        "Ayşe\u{202e}gnp.exe",
    );
    let (ok, out, err) = admin(
        dir.path(),
        &["appointments", "buergerbuero-mitte", "2026-12-14"],
    );
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&early) && lines[0].contains("09:00"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&late) && lines[1].contains("11:00"),
        "{out}"
    );
    assert!(
        !out.contains('\u{202e}'),
        "a bidi override reaches the office: {out}"
    );
    assert!(lines[0].contains("Ayşe"), "{out}");

    let (ok, out, _) = admin(
        dir.path(),
        &["appointments", "buergerbuero-mitte", "2026-12-15"],
    );
    assert!(ok);
    assert!(out.contains("no appointments"), "{out}");
}

#[test]
fn closing_a_day_calls_off_that_office_and_day_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let that = book(&db, "k1", "buergerbuero-mitte", DAY, 9 * 60, "A");
    let elsewhere = book(&db, "k2", "buergerbuero-nord", DAY, 9 * 60, "B");
    let next_day = book(
        &db,
        "k3",
        "buergerbuero-mitte",
        DAY.days_later(1),
        9 * 60,
        "C",
    );

    let (ok, out, err) = admin(
        dir.path(),
        &["close-day", "buergerbuero-mitte", "2026-12-14"],
    );
    assert!(ok, "{err}");
    assert!(out.contains("1 appointment(s) called off"), "{out}");
    assert_eq!(status(&db, &that), AppointmentStatus::CalledOff);
    assert_eq!(status(&db, &elsewhere), AppointmentStatus::Booked);
    assert_eq!(status(&db, &next_day), AppointmentStatus::Booked);
    assert!(db.closed_days("buergerbuero-mitte").unwrap().contains(&DAY));
}

#[test]
fn an_office_without_appointments_or_a_day_not_a_date_is_refused_and_nothing_closes() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let number = book(&db, "k1", "buergerbuero-mitte", DAY, 9 * 60, "A");
    for args in [
        ["close-day", "buergerbuero-mite", "2026-12-14"],
        ["close-day", "buergerbuero-mitte", "2026-02-30"],
        ["close-day", "buergerbuero-mitte", "14.12.2026"],
    ] {
        let (ok, _, err) = admin(dir.path(), &args);
        assert!(!ok, "{args:?} was taken");
        assert!(err.contains(args[1]) || err.contains(args[2]), "{err}");
    }
    let (_, _, err) = admin(
        dir.path(),
        &["close-day", "buergerbuero-mite", "2026-12-14"],
    );
    assert!(
        err.contains("buergerbuero-mitte"),
        "the offices are named: {err}"
    );
    assert_eq!(status(&db, &number), AppointmentStatus::Booked);
    assert!(db.closed_days("buergerbuero-mitte").unwrap().is_empty());
}
