//! Appointments over HTTP, as the app books them: the offices of a service, their free
//! times, a booking once per key however often it is sent, the last place given once,
//! the number and code to look it up, move and cancel it, and the field each refusal
//! concerns. The office's rules come from catalogue/appointments.json.

mod common;

use common::{response, Server};
use serde_json::{json, Value};

const OFFICE: &str = "buergerbuero-mitte";
const SERVICE: &str = "wohnsitz-ummelden";

fn counters() -> usize {
    let file = common::repo().join("catalogue/appointments.json");
    let rules: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    rules["offices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["office"] == OFFICE)
        .unwrap()["counters"]
        .as_u64()
        .unwrap() as usize
}

fn free(s: &Server, persons: u8) -> (u16, Value) {
    let path =
        format!("/api/v1/appointments/free?office={OFFICE}&service={SERVICE}&persons={persons}");
    response(ureq::get(&s.url(&path)).call())
}

/// The first free day and time.
fn first_free(s: &Server) -> (String, String) {
    let (status, body) = free(s, 1);
    assert_eq!(status, 200, "{body}");
    let day = &body["days"][0];
    (
        day["date"].as_str().unwrap().to_owned(),
        day["times"][0].as_str().unwrap().to_owned(),
    )
}

fn booking(date: &str, time: &str) -> Value {
    json!({
        "office": OFFICE, "service": SERVICE, "persons": 1,
        "date": date, "time": time,
        "name": "Ayşe Yılmaz", "contact": "ayse@example.org",
    })
}

fn book(s: &Server, key: &str, body: &Value) -> (u16, Value) {
    response(
        ureq::post(&s.url("/api/v1/appointments"))
            .set("Idempotency-Key", key)
            .send_json(body.clone()),
    )
}

fn with_code(req: ureq::Request, code: &str) -> ureq::Request {
    req.set("Authorization", &format!("AccessCode {code}"))
}

fn look_up(s: &Server, number: &str, code: &str) -> (u16, Value) {
    let req = ureq::get(&s.url(&format!("/api/v1/appointments/{number}")));
    response(with_code(req, code).call())
}

fn change(s: &Server, number: &str, code: &str, date: &str, time: &str) -> (u16, Value) {
    let req = ureq::post(&s.url(&format!("/api/v1/appointments/{number}/change")));
    response(with_code(req, code).send_json(json!({ "date": date, "time": time })))
}

fn cancel(s: &Server, number: &str, code: &str) -> (u16, Value) {
    let req = ureq::delete(&s.url(&format!("/api/v1/appointments/{number}")));
    response(with_code(req, code).call())
}

fn field_errors(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_service_lists_the_offices_that_book_it() {
    let s = Server::start();
    let (status, body) =
        response(ureq::get(&s.url(&format!("/api/v1/appointments/services/{SERVICE}"))).call());
    assert_eq!(status, 200, "{body}");
    let offices: Vec<&str> = body["offices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["office"].as_str().unwrap())
        .collect();
    assert!(offices.contains(&OFFICE), "{body}");
    let mitte = &body["offices"][offices.iter().position(|o| *o == OFFICE).unwrap()];
    assert_eq!(mitte["max_persons"], 6);

    let (status, _) =
        response(ureq::get(&s.url("/api/v1/appointments/services/no-such-service")).call());
    assert_eq!(status, 404);
}

#[test]
fn a_booking_sent_again_is_the_same_booking_and_its_code_opens_it() {
    let s = Server::start();
    let (date, time) = first_free(&s);
    let (status, first) = book(&s, "key-1", &booking(&date, &time));
    assert_eq!(status, 201, "{first}");
    let number = first["number"].as_str().unwrap();
    let code = first["access_code"].as_str().unwrap();
    assert_eq!(
        (first["date"].as_str(), first["time"].as_str()),
        (Some(&*date), Some(&*time))
    );
    assert_eq!(first["status"], "booked");

    // The answer was lost and the app sends it again: the same booking.
    let (status, again) = book(&s, "key-1", &booking(&date, &time));
    assert_eq!(status, 200);
    assert_eq!(again["number"], first["number"]);
    // The same key for another request is refused.
    let mut other = booking(&date, &time);
    other["name"] = json!("Someone Else");
    let (status, body) = book(&s, "key-1", &other);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );

    let (status, seen) = look_up(&s, number, code);
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["number"], first["number"]);
    assert!(
        seen.get("access_code").is_none(),
        "the code is only in the booking's answer"
    );
    let (status, _) = look_up(&s, number, "AAAA-BBBB-CCCC");
    assert_eq!(status, 404);
    let (status, _) = response(ureq::get(&s.url(&format!("/api/v1/appointments/{number}"))).call());
    assert_eq!(status, 401);
}

#[test]
fn the_last_place_at_a_time_is_given_once_and_the_time_leaves_the_free_list() {
    let s = Server::start();
    let (date, time) = first_free(&s);
    for i in 0..counters() {
        let (status, body) = book(&s, &format!("key-{i}"), &booking(&date, &time));
        assert_eq!(status, 201, "counter {i}: {body}");
    }
    let (status, body) = book(&s, "one-too-many", &booking(&date, &time));
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("slot_taken")),
        "{body}"
    );
    let (_, free) = free(&s, 1);
    let still_free = free["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == date.as_str())
        .is_some_and(|d| {
            d["times"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t == time.as_str())
        });
    assert!(!still_free, "{time} on {date} is still offered");
}

#[test]
fn a_booking_is_moved_and_cancelled_and_not_once_its_time_has_come() {
    let s = Server::start();
    let (date, time) = first_free(&s);
    let (_, booked) = book(&s, "key-1", &booking(&date, &time));
    let (number, code) = (
        booked["number"].as_str().unwrap().to_owned(),
        booked["access_code"].as_str().unwrap().to_owned(),
    );
    // Another free time of a later day.
    let (_, free) = free(&s, 1);
    let later = &free["days"][1];
    let (later_date, later_time) = (
        later["date"].as_str().unwrap(),
        later["times"][0].as_str().unwrap(),
    );
    let (status, moved) = change(&s, &number, &code, later_date, later_time);
    assert_eq!(status, 200, "{moved}");
    assert_eq!(
        (moved["date"].as_str(), moved["time"].as_str()),
        (Some(later_date), Some(later_time))
    );
    let (status, body) = change(&s, &number, &code, later_date, "03:17");
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        field_errors(&body),
        [("time".to_owned(), "not_an_option".to_owned())]
    );

    // The clock moves past the appointment: it is kept, no longer moved or cancelled.
    s.advance(60 * 86_400);
    let (status, body) = cancel(&s, &number, &code);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("appointment_passed")),
        "{body}"
    );
    let (status, seen) = look_up(&s, &number, &code);
    assert_eq!((status, seen["status"].as_str()), (200, Some("booked")));
}

#[test]
fn a_cancelled_booking_says_so_again_and_frees_its_place() {
    let s = Server::start();
    let (date, time) = first_free(&s);
    let (_, booked) = book(&s, "key-1", &booking(&date, &time));
    let (number, code) = (
        booked["number"].as_str().unwrap(),
        booked["access_code"].as_str().unwrap(),
    );
    for _ in 0..2 {
        let (status, body) = cancel(&s, number, code);
        assert_eq!(
            (status, body["status"].as_str()),
            (200, Some("cancelled")),
            "{body}"
        );
    }
    let (status, body) = change(&s, number, code, &date, &time);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("appointment_passed")),
        "{body}"
    );
    for i in 0..counters() {
        let (status, body) = book(&s, &format!("again-{i}"), &booking(&date, &time));
        assert_eq!(status, 201, "the cancelled place is free again: {body}");
    }
}

/// The first Sunday after `date`: the office has no hours then.
fn sunday_after(date: &str) -> String {
    let mut day = rathaus_core::date::Date::parse_iso(date)
        .unwrap()
        .days_later(1);
    while day.weekday() != 6 {
        day = day.days_later(1);
    }
    day.to_string()
}

#[test]
fn each_refusal_names_the_field_it_concerns_and_nothing_is_booked() {
    let s = Server::start();
    let (date, time) = first_free(&s);
    let cases: Vec<(Value, Vec<(&str, &str)>)> = vec![
        (json!({"name": "  "}), vec![("name", "required")]),
        (
            json!({"contact": "a\u{0007}b"}),
            vec![("contact", "invalid_characters")],
        ),
        (json!({"name": "x".repeat(201)}), vec![("name", "too_long")]),
        (json!({"persons": 7}), vec![("persons", "number_too_large")]),
        (json!({"persons": 0}), vec![("persons", "number_too_large")]),
        (
            json!({"service": "hundesteuer"}),
            vec![("service", "not_an_option")],
        ),
        (
            json!({"office": "rathaus-mond"}),
            vec![("office", "not_an_option")],
        ),
        (
            json!({"date": "2026-02-30"}),
            vec![("date", "date_invalid")],
        ),
        (json!({"time": "25:00"}), vec![("time", "invalid_time")]),
        (
            json!({"date": "2020-01-06"}),
            vec![("time", "date_too_early")],
        ),
        (
            json!({"date": "2099-01-05"}),
            vec![("date", "date_too_late")],
        ),
        (
            json!({"date": sunday_after(&date)}),
            vec![("date", "not_an_option")],
        ),
    ];
    for (i, (change, expected)) in cases.into_iter().enumerate() {
        let mut body = booking(&date, &time);
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, answer) = book(&s, &format!("bad-{i}"), &body);
        assert_eq!(status, 422, "{change}: {answer}");
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(field_errors(&answer), expected, "{change}");
    }
    let db = rathaus_server::db::Db::open(&s.data_dir).unwrap();
    let day = rathaus_core::date::Date::parse_iso(&date).unwrap();
    assert!(db.held(OFFICE, day).unwrap().is_empty());
}

/// The load test: many more citizens than places, all at once, each from its own
/// address (the per-client limit is not what stops them) — exactly as many bookings as
/// there are places, none over a counter, every other answer `slot_taken`.
#[test]
fn many_citizens_at_once_book_exactly_the_places_there_are() {
    const TIMES: usize = 4;
    const REQUESTS: usize = 160;
    let s = Server::start();
    let (_, body) = free(&s, 1);
    // Today may have fewer times left (the test runs at any hour).
    let day = body["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["times"].as_array().unwrap().len() >= TIMES)
        .unwrap();
    let date = day["date"].as_str().unwrap().to_owned();
    let times: Vec<String> = day["times"].as_array().unwrap()[..TIMES]
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    let statuses: Vec<(usize, u16, Value)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..REQUESTS)
            .map(|i| {
                let (s, date, time) = (&s, &date, &times[i % TIMES]);
                scope.spawn(move || {
                    let body = serde_json::to_vec(&booking(date, time)).unwrap();
                    let head = format!(
                        "POST /api/v1/appointments HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\
                         Content-Type: application/json\r\nIdempotency-Key: load-{i}\r\n\
                         Content-Length: {}\r\n\r\n",
                        body.len()
                    );
                    let mut request = head.into_bytes();
                    request.extend_from_slice(&body);
                    let from = format!("127.0.{}.{}", 1 + i / 200, 1 + i % 200);
                    let answer = s.raw_from(from.parse().unwrap(), &request);
                    (i % TIMES, answer.status, answer.json())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let places = counters();
    for (at, time) in times.iter().enumerate() {
        let made = statuses
            .iter()
            .filter(|(t, status, _)| *t == at && *status == 201)
            .count();
        assert_eq!(made, places, "bookings at {time}");
    }
    for (_, status, body) in &statuses {
        assert!(
            *status == 201 || (*status == 409 && body["error"] == "slot_taken"),
            "{status} {body}"
        );
    }
    let db = rathaus_server::db::Db::open(&s.data_dir).unwrap();
    let held = db
        .held(OFFICE, rathaus_core::date::Date::parse_iso(&date).unwrap())
        .unwrap();
    assert_eq!(held.len(), TIMES * places);
    println!(
        "load: {REQUESTS} requests at once for {TIMES} times of {places} places: {} booked, \
         {} slot_taken, 0 over capacity",
        held.len(),
        REQUESTS - held.len()
    );
}
