use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};

use rathaus_core::api::AppointmentStatus;
use rathaus_core::appointments::{Held, Refusal};
use rathaus_core::date::{Date, Timestamp};

use crate::db::{Booking, Changed, Db, NewAppointment};

const DAY: Date = Date {
    year: 2026,
    month: 12,
    day: 14,
};
const NOW: Timestamp = Timestamp(1_796_000_000);

/// One counter: a time is free while no booking runs at any minute of it.
/// One counter, open on DAY unless the office closed it.
fn one_counter(start: u16, minutes: u16) -> impl Fn(&[Held], &[Date]) -> Result<(), Refusal> {
    move |held, closed| {
        if closed.contains(&DAY) {
            return Err(Refusal::ClosedDay);
        }
        let overlaps = held
            .iter()
            .any(|h| h.start < start + minutes && start < h.start + h.minutes);
        if overlaps {
            Err(Refusal::Taken)
        } else {
            Ok(())
        }
    }
}

fn new(start: u16, tag: Option<&str>) -> NewAppointment<'_> {
    NewAppointment {
        office: "buergerbuero-mitte",
        service: "personalausweis",
        persons: 1,
        day: DAY,
        start,
        minutes: 15,
        name: "Ayşe Yılmaz",
        contact: "ayse@example.org",
        client_tag: tag,
        now: NOW,
    }
}

fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    (dir, db)
}

fn created(outcome: Booking) -> rathaus_core::api::AppointmentView {
    match outcome {
        Booking::Created(view) => view,
        other => panic!("not created: {other:?}"),
    }
}

#[test]
fn a_repeated_key_answers_with_the_first_booking_and_another_request_is_refused() {
    let (_dir, db) = db();
    let first = created(
        db.book_appointment("k1", "h1", new(600, None), 10, one_counter(600, 15))
            .unwrap(),
    );
    assert!(first.number.starts_with("T-"));
    assert!(first.access_code.is_some());
    assert_eq!(
        (first.date.as_str(), first.time.as_str()),
        ("2026-12-14", "10:00")
    );
    // The answer was lost; the retry must not book a second time, nor be refused as
    // taken by its own booking.
    match db
        .book_appointment("k1", "h1", new(600, None), 10, one_counter(600, 15))
        .unwrap()
    {
        Booking::Repeated(again) => assert_eq!(again, first),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        db.book_appointment("k1", "h2", new(615, None), 10, one_counter(615, 15))
            .unwrap(),
        Booking::KeyReused
    ));
    assert_eq!(db.held("buergerbuero-mitte", DAY).unwrap().len(), 1);
}

#[test]
fn of_many_citizens_taking_few_times_at_once_exactly_one_gets_each() {
    let (_dir, db) = db();
    let times: [u16; 4] = [600, 615, 630, 645];
    let tries = 48;
    let barrier = Arc::new(Barrier::new(tries));
    let booked = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..tries)
        .map(|i| {
            let (db, barrier, booked) = (db.clone(), barrier.clone(), booked.clone());
            std::thread::spawn(move || {
                let start = times[i % times.len()];
                barrier.wait();
                let key = format!("key-{i}");
                match db
                    .book_appointment(&key, "h", new(start, None), 100, one_counter(start, 15))
                    .unwrap()
                {
                    Booking::Created(_) => {
                        booked.fetch_add(1, Ordering::SeqCst);
                    }
                    Booking::Refused(Refusal::Taken) => {}
                    other => panic!("{other:?}"),
                }
            })
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().unwrap());
    assert_eq!(booked.load(Ordering::SeqCst), times.len());
    let mut starts: Vec<u16> = db
        .held("buergerbuero-mitte", DAY)
        .unwrap()
        .iter()
        .map(|h| h.start)
        .collect();
    starts.sort_unstable();
    assert_eq!(starts, times);
}

#[test]
fn only_the_right_code_opens_moves_or_cancels_an_appointment() {
    let (_dir, db) = db();
    let a = created(
        db.book_appointment("a", "h", new(600, None), 10, one_counter(600, 15))
            .unwrap(),
    );
    let code = a.access_code.clone().unwrap();
    created(
        db.book_appointment("b", "h", new(630, None), 10, one_counter(630, 15))
            .unwrap(),
    );
    assert!(db
        .appointment(&a.number, "AAAA-BBBB-CCCC")
        .unwrap()
        .is_none());
    assert!(db.appointment("T-AAAA-BBBB", &code).unwrap().is_none());
    let seen = db.appointment(&a.number, &code).unwrap().unwrap();
    assert_eq!(
        (seen.access_code, seen.status),
        (None, AppointmentStatus::Booked)
    );

    let never = |_: &rathaus_core::api::AppointmentView| false;
    let free_at = |start: u16| {
        move |_: &rathaus_core::api::AppointmentView, held: &[Held], closed: &[Date]| {
            one_counter(start, 15)(held, closed)
        }
    };
    let wrong = db.move_appointment(
        (&a.number, "AAAA-BBBB-CCCC"),
        (DAY, 700),
        never,
        free_at(700),
        NOW,
    );
    assert!(matches!(wrong.unwrap(), Changed::Unknown));
    // 10:30 is the other booking's; 10:15 overlaps only itself, which does not count.
    let taken = db.move_appointment((&a.number, &code), (DAY, 630), never, free_at(630), NOW);
    assert!(matches!(taken.unwrap(), Changed::Refused(Refusal::Taken)));
    match db
        .move_appointment((&a.number, &code), (DAY, 605), never, free_at(605), NOW)
        .unwrap()
    {
        Changed::Done(moved) => assert_eq!(moved.time, "10:05"),
        other => panic!("{other:?}"),
    }
    // Moved again to where it is (a retry): the same answer, nothing checked.
    let refuse =
        |_: &rathaus_core::api::AppointmentView, _: &[Held], _: &[Date]| Err(Refusal::Taken);
    assert!(matches!(
        db.move_appointment((&a.number, &code), (DAY, 605), never, refuse, NOW)
            .unwrap(),
        Changed::Done(_)
    ));

    let came = |_: &rathaus_core::api::AppointmentView| true;
    assert!(matches!(
        db.cancel_appointment((&a.number, &code), came, NOW)
            .unwrap(),
        Changed::Passed
    ));
    for _ in 0..2 {
        match db
            .cancel_appointment((&a.number, &code), never, NOW)
            .unwrap()
        {
            Changed::Done(view) => assert_eq!(view.status, AppointmentStatus::Cancelled),
            other => panic!("{other:?}"),
        }
    }
    // A cancelled appointment frees its time.
    assert_eq!(db.held("buergerbuero-mitte", DAY).unwrap().len(), 1);
}

#[test]
fn closing_a_day_calls_off_its_bookings_and_a_client_is_limited() {
    let (_dir, db) = db();
    let a = created(
        db.book_appointment("a", "h", new(600, Some("tag")), 2, one_counter(600, 15))
            .unwrap(),
    );
    created(
        db.book_appointment("b", "h", new(615, Some("tag")), 2, one_counter(615, 15))
            .unwrap(),
    );
    assert!(matches!(
        db.book_appointment("c", "h", new(630, Some("tag")), 2, one_counter(630, 15))
            .unwrap(),
        Booking::ClientLimit
    ));
    // Another client is not.
    created(
        db.book_appointment("d", "h", new(630, Some("other")), 2, one_counter(630, 15))
            .unwrap(),
    );

    assert_eq!(db.close_day("buergerbuero-mitte", DAY, NOW).unwrap(), 3);
    assert_eq!(db.closed_days("buergerbuero-mitte").unwrap(), [DAY]);
    assert!(db.held("buergerbuero-mitte", DAY).unwrap().is_empty());
    let code = a.access_code.unwrap();
    let view = db.appointment(&a.number, &code).unwrap().unwrap();
    assert_eq!(view.status, AppointmentStatus::CalledOff);
    let list = db.day_list("buergerbuero-mitte", DAY).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].1, "ayse@example.org");
    // The check is given the closed day: no new booking lands on it.
    assert!(matches!(
        db.book_appointment("e", "h", new(700, None), 2, one_counter(700, 15))
            .unwrap(),
        Booking::Refused(Refusal::ClosedDay)
    ));
}
