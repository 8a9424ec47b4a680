//! The `/appointments` operations (crate::appointments::http).

use rathaus_core::api::{
    AppointmentView, BookAppointment, BookableOffices, ChangeAppointment, FreeTimes,
};
use serde_json::{json, Value};

use super::{schema, Input, Operation};

pub fn operations() -> Vec<Operation> {
    vec![
        Operation {
            method: "get",
            path: "/appointments/services/{service}",
            id: "listAppointmentOffices",
            summary: "The offices that book this service in the app, with how many persons \
                      one appointment may be for and how far ahead times are given.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The offices, in the order the city lists them.")],
            body: schema::<BookableOffices>,
            errors: &[404],
        },
        Operation {
            method: "get",
            path: "/appointments/free",
            id: "listFreeTimes",
            summary: "The free start times at an office for a service and a number of \
                      persons, for each day from `from` on that has any.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(
                200,
                "The days with free times (a day without any is left out).",
            )],
            body: schema::<FreeTimes>,
            errors: &[400, 404, 422],
        },
        Operation {
            method: "post",
            path: "/appointments",
            id: "bookAppointment",
            summary: "Book a time. The backend checks it against the office's rules and \
                      the bookings it holds, in one transaction: of two citizens taking the \
                      last place one gets it, the other 409 `slot_taken`. The access code \
                      is in this answer only.",
            input: Input::Json(schema::<BookAppointment>, example_booking),
            idempotent: true,
            access_code: false,
            ok: &[
                (201, "The appointment is booked."),
                (
                    200,
                    "A repeat of an earlier request: the same appointment again.",
                ),
            ],
            body: schema::<AppointmentView>,
            errors: &[400, 408, 409, 413, 422, 429],
        },
        Operation {
            method: "get",
            path: "/appointments/{number}",
            id: "getAppointment",
            summary: "An appointment, with the access code from its booking.",
            input: Input::None,
            idempotent: false,
            access_code: true,
            ok: &[(
                200,
                "The appointment as it is now (booked, cancelled or called off).",
            )],
            body: schema::<AppointmentView>,
            errors: &[401, 404, 429],
        },
        Operation {
            method: "delete",
            path: "/appointments/{number}",
            id: "cancelAppointment",
            summary: "Cancel an appointment before its time; cancelling again answers the \
                      same.",
            input: Input::None,
            idempotent: false,
            access_code: true,
            ok: &[(200, "The appointment, cancelled.")],
            body: schema::<AppointmentView>,
            errors: &[401, 404, 409, 429],
        },
        Operation {
            method: "post",
            path: "/appointments/{number}/change",
            id: "changeAppointment",
            summary: "Move an appointment to another free time, by the same rules as a \
                      booking; the time it has already answers as a change done.",
            input: Input::Json(
                schema::<ChangeAppointment>,
                || json!({"date": "2027-01-11", "time": "09:30"}),
            ),
            idempotent: false,
            access_code: true,
            ok: &[(200, "The appointment at its new time.")],
            body: schema::<AppointmentView>,
            errors: &[400, 401, 404, 408, 409, 413, 422, 429],
        },
    ]
}

/// A booking as the app sends it; tests/openapi.rs sends it with a time that is free
/// on the day it runs.
fn example_booking() -> Value {
    json!({
        "office": "buergerbuero-mitte",
        "service": "wohnsitz-ummelden",
        "persons": 1,
        "date": "2027-01-11",
        "time": "09:30",
        "name": "Ayşe Yılmaz",
        "contact": "ayse@example.org",
    })
}
