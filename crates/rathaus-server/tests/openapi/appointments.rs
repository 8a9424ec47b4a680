//! The `/appointments` probes of `every_documented_status_is_answered`: each status the
//! operations document, reached by a request on the test's server (limits and blocked
//! numbers are set up first, as for cases), and the answers that need the clock moved,
//! on a server of their own.

use rathaus_server::appointments::http::BOOKINGS_PER_CLIENT;
use serde_json::{json, Value};

use super::common::Server;
use super::{example, http, json_body, send, stalled, Probe};

const OFFICE: &str = "buergerbuero-mitte";
const SERVICE: &str = "wohnsitz-ummelden";
const JSON: (&str, &str) = ("Content-Type", "application/json");

/// Free (date, time) pairs at the office, earliest first.
fn free_times(s: &Server) -> Vec<(String, String)> {
    let path = format!("/api/v1/appointments/free?office={OFFICE}&service={SERVICE}");
    let answer = send(s, "127.0.0.1", &http("GET", &path, &[], b""));
    assert_eq!(answer.status, 200);
    let body = answer.json();
    let mut pairs = Vec::new();
    for day in body["days"].as_array().unwrap() {
        for time in day["times"].as_array().unwrap() {
            pairs.push((
                day["date"].as_str().unwrap().to_owned(),
                time.as_str().unwrap().to_owned(),
            ));
        }
    }
    pairs
}

fn booking((date, time): &(String, String)) -> Vec<u8> {
    let mut body = example("bookAppointment");
    body["date"] = json!(date);
    body["time"] = json!(time);
    json_body(&body)
}

/// Books from `from`; the number and its access code.
fn book(s: &Server, from: &str, key: &str, at: &(String, String)) -> (String, String) {
    let request = http(
        "POST",
        "/api/v1/appointments",
        &[("Idempotency-Key", key), JSON],
        &booking(at),
    );
    let answer = send(s, from, &request);
    assert_eq!(answer.status, 201);
    let body: Value = answer.json();
    (
        body["number"].as_str().unwrap().to_owned(),
        body["access_code"].as_str().unwrap().to_owned(),
    )
}

fn code_header(code: &str) -> (&'static str, String) {
    ("Authorization", format!("AccessCode {code}"))
}

/// The probes; the server allows three wrong codes per number.
pub fn probes(s: &Server) -> Vec<Probe> {
    let free = free_times(s);
    assert!(free.len() > BOOKINGS_PER_CLIENT as usize + 6, "{free:?}");
    let mut times = free.iter();
    let mut next = || times.next().unwrap().clone();
    let local = "127.0.0.1";
    // One to cancel, one blocked by wrong codes, a client at its limit.
    let (to_cancel, cancel_code) = book(s, local, "ap-setup-1", &next());
    let (blocked, blocked_code) = book(s, local, "ap-setup-2", &next());
    let wrong = ("Authorization", "AccessCode AAAA-AAAA-AAAA");
    for _ in 0..3 {
        let request = http(
            "GET",
            &format!("/api/v1/appointments/{blocked}"),
            &[wrong],
            b"",
        );
        assert_eq!(send(s, "127.0.0.2", &request).status, 404);
    }
    for n in 0..BOOKINGS_PER_CLIENT {
        book(s, "127.0.0.5", &format!("ap-limit-{n}"), &next());
    }
    let first = next();
    let (moved_to, other) = (next(), next());
    // The first probe books `first` with this key; its number is known only then, so
    // the probes on a booked appointment use the one booked above.
    let (number, code) = book(s, local, "ap-setup-3", &next());
    let one = |path: &str| format!("/api/v1/appointments/{number}{path}");
    let stuck = |path: &str| format!("/api/v1/appointments/{blocked}{path}");
    let unknown = |n: char, path: &str| format!("/api/v1/appointments/T-AAAA-AAA{n}{path}");
    let (auth, cancel_auth, blocked_auth) = (
        code_header(&code),
        code_header(&cancel_code),
        code_header(&blocked_code),
    );
    let with = |header: &(&'static str, String)| [(header.0, header.1.clone())];
    let large = json_body(&json!({"date": "x".repeat(300 * 1024)}));
    let change = |at: &(String, String)| json_body(&json!({"date": at.0, "time": at.1}));
    let key = |k| ("Idempotency-Key", k);
    let probe = |operation, status, from, request| Probe {
        operation,
        status,
        from,
        request,
    };
    let refs =
        |headers: &[(&'static str, String)]| -> Vec<(&'static str, String)> { headers.to_vec() };
    let h = |headers: &[(&'static str, String)], extra: &[(&'static str, &'static str)]| {
        let mut all: Vec<(&str, String)> = refs(headers);
        all.extend(extra.iter().map(|(n, v)| (*n, (*v).to_owned())));
        all
    };
    let send_with = |method: &str, path: &str, headers: Vec<(&str, String)>, body: &[u8]| {
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        http(method, path, &headers, body)
    };
    let post = "/api/v1/appointments";
    vec![
        probe(
            "listAppointmentOffices",
            200,
            local,
            http(
                "GET",
                &format!("/api/v1/appointments/services/{SERVICE}"),
                &[],
                b"",
            ),
        ),
        probe(
            "listAppointmentOffices",
            404,
            local,
            http("GET", "/api/v1/appointments/services/nichts", &[], b""),
        ),
        probe(
            "listFreeTimes",
            200,
            local,
            http(
                "GET",
                &format!(
                    "/api/v1/appointments/free?office={OFFICE}&service={SERVICE}&persons=2&days=3"
                ),
                &[],
                b"",
            ),
        ),
        probe(
            "listFreeTimes",
            400,
            local,
            http(
                "GET",
                &format!("/api/v1/appointments/free?office={OFFICE}&persons=2"),
                &[],
                b"",
            ),
        ),
        probe(
            "listFreeTimes",
            404,
            local,
            http(
                "GET",
                &format!("/api/v1/appointments/free?office=rathaus-mond&service={SERVICE}"),
                &[],
                b"",
            ),
        ),
        probe(
            "listFreeTimes",
            422,
            local,
            http(
                "GET",
                &format!(
                    "/api/v1/appointments/free?office={OFFICE}&service={SERVICE}&from=2026-02-30"
                ),
                &[],
                b"",
            ),
        ),
        // Booking: made, repeated, its key used for another time, refused, malformed.
        probe(
            "bookAppointment",
            201,
            local,
            http("POST", post, &[key("ap-1"), JSON], &booking(&first)),
        ),
        probe(
            "bookAppointment",
            200,
            local,
            http("POST", post, &[key("ap-1"), JSON], &booking(&first)),
        ),
        probe(
            "bookAppointment",
            409,
            local,
            http("POST", post, &[key("ap-1"), JSON], &booking(&other)),
        ),
        probe(
            "bookAppointment",
            422,
            local,
            http(
                "POST",
                post,
                &[key("ap-2"), JSON],
                &json_body(&{
                    let mut body = example("bookAppointment");
                    body["name"] = json!(" ");
                    body
                }),
            ),
        ),
        probe(
            "bookAppointment",
            400,
            local,
            http("POST", post, &[key("ap-3"), JSON], b"{\"office\": 1}"),
        ),
        probe(
            "bookAppointment",
            408,
            local,
            stalled("POST", post, &[key("ap-4"), JSON]),
        ),
        probe(
            "bookAppointment",
            413,
            local,
            http("POST", post, &[key("ap-5"), JSON], &large),
        ),
        probe(
            "bookAppointment",
            429,
            "127.0.0.5",
            http("POST", post, &[key("ap-6"), JSON], &booking(&other)),
        ),
        // With the access code.
        probe(
            "getAppointment",
            200,
            local,
            send_with("GET", &one(""), with(&auth).to_vec(), b""),
        ),
        probe(
            "getAppointment",
            401,
            local,
            http("GET", &one(""), &[], b""),
        ),
        probe(
            "getAppointment",
            404,
            local,
            http("GET", &unknown('B', ""), &[wrong], b""),
        ),
        probe(
            "getAppointment",
            429,
            local,
            send_with("GET", &stuck(""), with(&blocked_auth).to_vec(), b""),
        ),
        probe(
            "changeAppointment",
            200,
            local,
            send_with(
                "POST",
                &one("/change"),
                h(&with(&auth), &[JSON]),
                &change(&moved_to),
            ),
        ),
        probe(
            "changeAppointment",
            422,
            local,
            send_with(
                "POST",
                &one("/change"),
                h(&with(&auth), &[JSON]),
                &change(&(moved_to.0.clone(), "03:17".to_owned())),
            ),
        ),
        probe(
            "changeAppointment",
            400,
            local,
            send_with(
                "POST",
                &one("/change"),
                h(&with(&auth), &[JSON]),
                b"{\"date\": 1}",
            ),
        ),
        probe(
            "changeAppointment",
            401,
            local,
            http("POST", &one("/change"), &[JSON], &change(&other)),
        ),
        probe(
            "changeAppointment",
            404,
            local,
            http(
                "POST",
                &unknown('C', "/change"),
                &[wrong, JSON],
                &change(&other),
            ),
        ),
        probe(
            "changeAppointment",
            408,
            local,
            stalled("POST", &one("/change"), &[(auth.0, auth.1.as_str()), JSON]),
        ),
        probe(
            "changeAppointment",
            413,
            local,
            send_with("POST", &one("/change"), h(&with(&auth), &[JSON]), &large),
        ),
        probe(
            "changeAppointment",
            429,
            local,
            send_with(
                "POST",
                &stuck("/change"),
                h(&with(&blocked_auth), &[JSON]),
                &change(&other),
            ),
        ),
        probe(
            "cancelAppointment",
            200,
            local,
            send_with(
                "DELETE",
                &format!("/api/v1/appointments/{to_cancel}"),
                with(&cancel_auth).to_vec(),
                b"",
            ),
        ),
        probe(
            "cancelAppointment",
            401,
            local,
            http("DELETE", &one(""), &[], b""),
        ),
        probe(
            "cancelAppointment",
            404,
            local,
            http("DELETE", &unknown('D', ""), &[wrong], b""),
        ),
        probe(
            "cancelAppointment",
            429,
            local,
            send_with("DELETE", &stuck(""), with(&blocked_auth).to_vec(), b""),
        ),
    ]
}

/// A change and a cancel once the appointment's time has come: 409 each.
pub fn passed_answers() -> Vec<(String, u16)> {
    let s = Server::start();
    let free = free_times(&s);
    let (at, later) = (free[0].clone(), free[1].clone());
    let (number, code) = book(&s, "127.0.0.1", "ap-passed", &at);
    s.advance(60 * 86_400);
    let auth = format!("AccessCode {code}");
    let path = format!("/api/v1/appointments/{number}");
    let mut answered = Vec::new();
    for (operation, request) in [
        (
            "changeAppointment",
            http(
                "POST",
                &format!("{path}/change"),
                &[("Authorization", &auth), JSON],
                &json_body(&json!({"date": later.0, "time": later.1})),
            ),
        ),
        (
            "cancelAppointment",
            http("DELETE", &path, &[("Authorization", &auth)], b""),
        ),
    ] {
        let answer = send(&s, "127.0.0.1", &request);
        let body = answer.json();
        assert_eq!(
            body["error"], "appointment_passed",
            "{operation} {}: {body}",
            answer.status
        );
        answered.push((operation.to_owned(), answer.status));
    }
    answered
}
