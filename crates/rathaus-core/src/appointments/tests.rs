use super::{BookingRules, Held, LocalNow, Refusal};
use crate::date::Date;
use crate::offices::Office;

/// Open Monday 08:00–12:00 and 14:00–16:00, Saturday 09:00–10:00.
fn office() -> Office {
    serde_json::from_str(
        r#"{"id":"mitte","name":{"de":"Mitte","en":"Centre"},"street":"Platz 1",
            "postcode":"44135","town":"Musterstadt",
            "hours":[{"days":["mo"],"from":"14:00","to":"16:00"},
                     {"days":["mo"],"from":"08:00","to":"12:00"},
                     {"days":["sa"],"from":"09:00","to":"10:00"}],
            "phone":"0231 555-1000","email":"mitte@musterstadt.de",
            "web":"https://www.musterstadt.de/mitte",
            "access":{"step_free":true,"hearing_loop":false,"accessible_toilet":false}}"#,
    )
    .unwrap()
}

fn rules(counters: u16) -> BookingRules {
    serde_json::from_str(&format!(
        r#"{{"office":"mitte","slot_minutes":15,"counters":{counters},"days_ahead":30,
            "notice_minutes":60,"closed":["2026-12-28"],
            "services":{{"personalausweis":{{"minutes":20,"max_persons":4}},
                        "meldebescheinigung":{{"minutes":10}}}}}}"#
    ))
    .unwrap()
}

/// Monday, 7 December 2026.
const MONDAY: Date = Date {
    year: 2026,
    month: 12,
    day: 7,
};

fn now_at(date: Date, hour: u32) -> LocalNow {
    LocalNow {
        date,
        minute: hour * 60,
    }
}

fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[test]
fn a_booking_takes_whole_slots_for_every_person() {
    let r = rules(1);
    assert_eq!(r.length("meldebescheinigung", 1), Ok(15));
    assert_eq!(r.length("personalausweis", 1), Ok(30));
    // A family of three: 60 minutes, four slots.
    assert_eq!(r.length("personalausweis", 3), Ok(60));
    assert_eq!(
        r.length("personalausweis", 5),
        Err(Refusal::TooManyPersons { max: 4 })
    );
    assert_eq!(
        r.length("meldebescheinigung", 2),
        Err(Refusal::TooManyPersons { max: 1 })
    );
    assert_eq!(r.length("bauantrag", 1), Err(Refusal::NotOffered));
}

#[test]
fn free_times_lie_on_the_grid_inside_each_opening_and_end_before_it_closes() {
    let r = rules(1);
    let next_monday = MONDAY.days_later(7);
    let times: Vec<String> = r
        .free_times(&office(), next_monday, 30, now_at(MONDAY, 9), &[], &[])
        .into_iter()
        .map(hhmm)
        .collect();
    assert_eq!(times.first().map(String::as_str), Some("08:00"));
    assert!(times.contains(&"11:30".to_owned()));
    // 11:45 + 30 minutes runs past 12:00; the afternoon starts again at 14:00.
    assert!(!times.contains(&"11:45".to_owned()));
    assert_eq!(times.last().map(String::as_str), Some("15:30"));
    assert_eq!(times.len(), 15 + 7);
}

#[test]
fn a_time_too_soon_too_far_on_a_closed_day_or_off_the_grid_is_refused() {
    let (r, o) = (rules(1), office());
    let now = now_at(MONDAY, 9);
    let at = |date: Date, h: u16, m: u16| r.check(&o, (date, h * 60 + m), 15, now, &[], &[]);
    // Within the hour's notice, and earlier today.
    assert_eq!(at(MONDAY, 9, 45), Err(Refusal::TooSoon));
    assert_eq!(at(MONDAY, 8, 0), Err(Refusal::TooSoon));
    assert_eq!(at(MONDAY, 10, 0), Ok(()));
    assert_eq!(at(MONDAY.days_later(-1), 10, 0), Err(Refusal::TooSoon));
    assert_eq!(
        at(MONDAY.days_later(35), 10, 0),
        Err(Refusal::TooFarAhead { days: 30 })
    );
    // A Tuesday (no hours), a closed Monday in the rules, one closed by the office.
    assert_eq!(at(MONDAY.days_later(1), 10, 0), Err(Refusal::ClosedDay));
    assert_eq!(
        at(Date::new(2026, 12, 28).unwrap(), 10, 0),
        Err(Refusal::ClosedDay)
    );
    let closed_now = [MONDAY.days_later(14)];
    assert_eq!(
        r.check(&o, (MONDAY.days_later(14), 600), 15, now, &closed_now, &[]),
        Err(Refusal::ClosedDay)
    );
    // Between the grid, in the lunch break, running past closing.
    assert_eq!(at(MONDAY, 10, 5), Err(Refusal::NotATime));
    assert_eq!(at(MONDAY, 12, 30), Err(Refusal::NotATime));
    assert_eq!(
        r.check(&o, (MONDAY, 11 * 60 + 30), 45, now, &[], &[]),
        Err(Refusal::NotATime)
    );
}

#[test]
fn a_time_is_taken_when_every_counter_is_busy_at_any_minute_of_it() {
    let o = office();
    let now = now_at(MONDAY, 7);
    let held = [Held {
        start: 10 * 60 + 15,
        minutes: 30,
    }];
    let one = rules(1);
    // 10:00 for 30 minutes runs into the booking from 10:15.
    assert_eq!(
        one.check(&o, (MONDAY, 600), 30, now, &[], &held),
        Err(Refusal::Taken)
    );
    assert_eq!(one.check(&o, (MONDAY, 600), 15, now, &[], &held), Ok(()));
    assert_eq!(
        one.check(&o, (MONDAY, 630), 15, now, &[], &held),
        Err(Refusal::Taken)
    );
    assert_eq!(one.check(&o, (MONDAY, 645), 15, now, &[], &held), Ok(()));
    // With two counters the same times are free until two bookings overlap.
    let two = rules(2);
    assert_eq!(two.check(&o, (MONDAY, 600), 30, now, &[], &held), Ok(()));
    let both = [
        held[0],
        Held {
            start: 600,
            minutes: 30,
        },
    ];
    assert_eq!(
        two.check(&o, (MONDAY, 615), 15, now, &[], &both),
        Err(Refusal::Taken)
    );
    // At 10:30 the first has ended.
    assert_eq!(two.check(&o, (MONDAY, 630), 15, now, &[], &both), Ok(()));
}

#[test]
fn the_rules_name_an_unknown_office_or_service_and_impossible_numbers() {
    let mut r = rules(0);
    r.slot_minutes = 3;
    r.closed.push("2026-02-30".into());
    let problems = r.problems(&[office()], &["personalausweis"]);
    let joined = problems.join("\n");
    for expected in [
        "slot_minutes 3",
        "counters: at least 1",
        "services.meldebescheinigung: not a service",
        "closed: '2026-02-30'",
    ] {
        assert!(joined.contains(expected), "{expected} in {joined}");
    }
    assert_eq!(problems.len(), 4);
    r.office = "nord".into();
    assert!(r
        .problems(&[office()], &[])
        .iter()
        .any(|p| p.contains("office 'nord'")));
    assert!(rules(1)
        .problems(&[office()], &["personalausweis", "meldebescheinigung"])
        .is_empty());
}

proptest::proptest! {
    /// However bookings were taken one after another through `check`, no minute has
    /// more of them running than there are counters.
    #[test]
    fn bookings_taken_through_check_never_exceed_the_counters(
        counters in 1u16..3,
        tries in proptest::collection::vec((0u16..16, 1u8..4), 1..60),
    ) {
        let (r, o) = (rules(counters), office());
        let now = now_at(MONDAY, 7);
        let mut held: Vec<Held> = Vec::new();
        for (slot, persons) in tries {
            let length = r.length("personalausweis", persons).unwrap();
            let start = 8 * 60 + slot * 15;
            if r.check(&o, (MONDAY, start), length, now, &[], &held).is_ok() {
                held.push(Held { start, minutes: length });
            }
        }
        for minute in 8 * 60..12 * 60 {
            let running = held
                .iter()
                .filter(|h| h.start <= minute && minute < h.start + h.minutes)
                .count();
            proptest::prop_assert!(running <= usize::from(counters));
        }
    }
}
