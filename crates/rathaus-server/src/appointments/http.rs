//! `/api/v1/appointments`: which offices book a service, their free times, and a
//! booking — made once per idempotency key, then looked up, moved or cancelled with its
//! number and access code. Whether a time is free is the core's one rule
//! (`BookingRules::check`), asked here with the office's clock and inside the database's
//! write transaction.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rathaus_core::api::{
    ApiErrorCode, AppointmentView, BookAppointment, BookableOffice, BookableOffices,
    ChangeAppointment, FreeDay, FreeTimes, APPOINTMENT_TEXT_MAX_CHARS, FREE_DAYS_MAX,
};
use rathaus_core::appointments::{LocalNow, Refusal};
use rathaus_core::date::{parse_time, time_of_day, Date, Timestamp};
use rathaus_core::validate::{ErrorCode, FieldError};
use serde::Deserialize;

use crate::cache::with_cache;
use crate::codes;
use crate::db::{Booking, Changed, Db, DbError, NewAppointment};
use crate::error::ApiError;
use crate::extract::{blocking, AccessCode, Client, IdempotencyKey, JsonBody};
use crate::AppState;

/// New bookings one client may make in a day: a family's, not a reseller's.
pub const BOOKINGS_PER_CLIENT: u32 = 10;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/appointments", post(book))
        .route("/appointments/services/{service}", get(offices_for))
        .route("/appointments/free", get(free_times))
        .route("/appointments/{number}", get(look_up).delete(cancel))
        .route("/appointments/{number}/change", post(change))
}

fn local_now(now: Timestamp) -> LocalNow {
    let (date, minute) = now.berlin_local();
    LocalNow { date, minute }
}

/// The offices booking `service`, in the order the city lists them; 404 for a service
/// no office books (its catalogue entry may say why).
async fn offices_for(
    State(state): State<AppState>,
    Path(service): Path<String>,
) -> Result<Response, ApiError> {
    let offices: Vec<BookableOffice> = state
        .bookings
        .for_service(&service)
        .filter_map(|(office, rules)| {
            let time = rules.services.get(&service)?;
            Some(BookableOffice {
                office: office.id.clone(),
                max_persons: time.most_persons(),
                minutes: time.minutes,
                days_ahead: rules.days_ahead,
            })
        })
        .collect();
    if offices.is_empty() {
        return Err(ApiError::NotFound);
    }
    let list = BookableOffices { offices };
    Ok(with_cache(Json(list).into_response(), "no-cache"))
}

#[derive(Deserialize)]
struct FreeQuery {
    office: String,
    service: String,
    #[serde(default = "one")]
    persons: u8,
    /// `YYYY-MM-DD`; today when absent.
    from: Option<String>,
    /// How many days from `from` on (at most [`FREE_DAYS_MAX`]).
    days: Option<u32>,
}

fn one() -> u8 {
    1
}

/// The free start times of the days from `from` that have any.
async fn free_times(
    State(state): State<AppState>,
    query: Result<Query<FreeQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|_| ApiError::BadRequest)?;
    let (office, rules) = state.bookings.office(&q.office).ok_or(ApiError::NotFound)?;
    let length = rules
        .length(&q.service, q.persons)
        .map_err(|r| refused(&r))?;
    let now = local_now(state.clock.now());
    let from = match q.from.as_deref() {
        None => now.date,
        Some(text) => Date::parse_iso(text).ok_or_else(|| field("from", ErrorCode::DateInvalid))?,
    }
    .max(now.date);
    let days = q.days.unwrap_or(FREE_DAYS_MAX).clamp(1, FREE_DAYS_MAX);
    let (office, rules) = (office.clone(), rules.clone());
    let db = state.db.clone();
    let office_id = q.office.clone();
    let free = blocking(move || -> Result<Vec<FreeDay>, ApiError> {
        let closed = db.closed_days(&office_id)?;
        let mut free = Vec::new();
        for offset in 0..days {
            let date = from.days_later(offset as i32);
            if rules.is_closed(&office, date, &closed) {
                continue;
            }
            let held = db.held(&office_id, date)?;
            let times: Vec<String> = rules
                .free_times(&office, date, length, now, &closed, &held)
                .into_iter()
                .map(|start| time_of_day(hm(start)))
                .collect();
            if !times.is_empty() {
                free.push(FreeDay {
                    date: date.to_string(),
                    times,
                });
            }
        }
        Ok(free)
    })
    .await??;
    let answer = FreeTimes {
        office: q.office,
        service: q.service,
        persons: q.persons,
        minutes: u32::from(length),
        days: free,
    };
    Ok(with_cache(Json(answer).into_response(), "no-store"))
}

/// Books the time unless it is taken, refused by the office's rules, or this client has
/// booked [`BOOKINGS_PER_CLIENT`] in the last day. The same key with the same request
/// answers as the first time did (200 instead of 201), so a lost answer retried books
/// once.
async fn book(
    State(state): State<AppState>,
    client: Client,
    IdempotencyKey(key): IdempotencyKey,
    JsonBody(request): JsonBody<BookAppointment>,
) -> Result<Response, ApiError> {
    let request_hash = codes::request_hash(&request);
    let mut errors = Vec::new();
    let name = citizen_text(&request.name, "name", &mut errors);
    let contact = citizen_text(&request.contact, "contact", &mut errors);
    let when = when(&request.date, &request.time, &mut errors);
    let (office, rules) = match state.bookings.office(&request.office) {
        Some(found) => found,
        None => {
            errors.push(field_error("office", ErrorCode::NotAnOption));
            return Err(ApiError::Validation(errors));
        }
    };
    let length = match rules.length(&request.service, request.persons) {
        Ok(length) => length,
        Err(refusal) => {
            errors.extend(refusal_errors(&refusal));
            return Err(ApiError::Validation(errors));
        }
    };
    let (Some((day, start)), true) = (when, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let (office, rules) = (office.clone(), rules.clone());
    let tag = client
        .address()
        .map(|ip| crate::uploads::client_tag(state.upload_salt.as_slice(), ip));
    let db = state.db.clone();
    let now = state.clock.now();
    let outcome = blocking(move || {
        let new = NewAppointment {
            office: &office.id,
            service: &request.service,
            persons: request.persons,
            day,
            start,
            minutes: length,
            name: &name,
            contact: &contact,
            client_tag: tag.as_deref(),
            now,
        };
        let check = |held: &[_], closed: &[_]| {
            rules.check(&office, (day, start), length, local_now(now), closed, held)
        };
        db.book_appointment(&key, &request_hash, new, BOOKINGS_PER_CLIENT, check)
    })
    .await??;
    match outcome {
        Booking::Created(view) => Ok(answer(StatusCode::CREATED, view)),
        Booking::Repeated(view) => Ok(answer(StatusCode::OK, view)),
        Booking::KeyReused => Err(ApiError::IdempotencyKeyReused),
        Booking::Refused(refusal) => Err(refused(&refusal)),
        Booking::ClientLimit => Err(ApiError::TooManyRequests),
    }
}

/// The appointment, with its access code in `Authorization`; one 404 for an unknown
/// number and a wrong code, and wrong codes count towards the attempts limit.
async fn look_up(
    State(state): State<AppState>,
    Path(number): Path<String>,
    client: Client,
    code: AccessCode,
) -> Result<Response, ApiError> {
    let number_and_code = authorised(&state, &number, &client, &code)?;
    let number = number_and_code.0.clone();
    match on_appointment(&state, number_and_code, |db, held| {
        db.appointment(held.0, held.1)
    })
    .await?
    {
        Some(view) => Ok(answer(StatusCode::OK, view)),
        None => Err(wrong(&state, &number, &client)),
    }
}

/// Another time for the same appointment, by the same rule as a booking; the time it
/// has answers as a change done.
async fn change(
    State(state): State<AppState>,
    Path(number): Path<String>,
    client: Client,
    code: AccessCode,
    JsonBody(request): JsonBody<ChangeAppointment>,
) -> Result<Response, ApiError> {
    let number_and_code = authorised(&state, &number, &client, &code)?;
    let number = number_and_code.0.clone();
    let mut errors = Vec::new();
    let Some((day, start)) = when(&request.date, &request.time, &mut errors) else {
        return Err(ApiError::Validation(errors));
    };
    let bookings = state.bookings.clone();
    let now = state.clock.now();
    let outcome = on_appointment(&state, number_and_code, move |db, held| {
        let check = |view: &AppointmentView, booked: &[_], closed: &[_]| {
            let (office, rules) = bookings.office(&view.office).ok_or(Refusal::NotOffered)?;
            let length = rules.length(&view.service, view.persons)?;
            rules.check(office, (day, start), length, local_now(now), closed, booked)
        };
        db.move_appointment(held, (day, start), |view| has_come(view, now), check, now)
    })
    .await?;
    changed(&state, &number, &client, outcome)
}

/// Cancels the appointment unless its time has come; a cancelled one answers the same.
async fn cancel(
    State(state): State<AppState>,
    Path(number): Path<String>,
    client: Client,
    code: AccessCode,
) -> Result<Response, ApiError> {
    let number_and_code = authorised(&state, &number, &client, &code)?;
    let number = number_and_code.0.clone();
    let now = state.clock.now();
    let outcome = on_appointment(&state, number_and_code, move |db, held| {
        db.cancel_appointment(held, |view| has_come(view, now), now)
    })
    .await?;
    changed(&state, &number, &client, outcome)
}

/// Runs `work` on the database, off the async threads, with the number and code that
/// [`authorised`] let through.
async fn on_appointment<T: Send + 'static>(
    state: &AppState,
    (number, code): (String, String),
    work: impl FnOnce(&Db, (&str, &str)) -> Result<T, DbError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    Ok(blocking(move || work(&db, (&number, &code))).await??)
}

fn changed(
    state: &AppState,
    number: &str,
    client: &Client,
    outcome: Changed,
) -> Result<Response, ApiError> {
    match outcome {
        Changed::Done(view) => Ok(answer(StatusCode::OK, view)),
        Changed::Unknown => Err(wrong(state, number, client)),
        Changed::Refused(refusal) => Err(refused(&refusal)),
        Changed::Passed => Err(ApiError::Conflict(ApiErrorCode::AppointmentPassed)),
    }
}

/// The number as written and the code, or 401 (no code) / 429 (too many wrong ones) /
/// 404 (not a number's shape), before anything is looked up.
fn authorised(
    state: &AppState,
    number: &str,
    client: &Client,
    code: &AccessCode,
) -> Result<(String, String), ApiError> {
    let Some(code) = code.0.clone() else {
        return Err(ApiError::Unauthorized);
    };
    if let Some(seconds) = state
        .attempts
        .blocked(number, client.0, state.clock.now().0)
    {
        return Err(ApiError::Limited(seconds));
    }
    let number = rathaus_core::case::normalize_appointment_number(number)
        .ok_or_else(|| wrong(state, number, client))?;
    Ok((number, code))
}

fn wrong(state: &AppState, number: &str, client: &Client) -> ApiError {
    state.attempts.failed(number, client.0, state.clock.now().0);
    ApiError::NotFound
}

/// Whether the appointment's time has come (by the office's clock): no longer moved or
/// cancelled in the app.
fn has_come(view: &AppointmentView, now: Timestamp) -> bool {
    let now = local_now(now);
    let Some(date) = Date::parse_iso(&view.date) else {
        return true;
    };
    let start = parse_time(&view.time).map_or(0, |(h, m)| u32::from(h) * 60 + u32::from(m));
    (date, start) <= (now.date, now.minute)
}

fn answer(status: StatusCode, view: AppointmentView) -> Response {
    with_cache((status, Json(view)).into_response(), "no-store")
}

/// A refusal as the API says it: a taken time is 409 (another time is to be chosen),
/// the others are the field they concern.
fn refused(refusal: &Refusal) -> ApiError {
    match refusal {
        Refusal::Taken => ApiError::Conflict(ApiErrorCode::SlotTaken),
        other => ApiError::Validation(refusal_errors(other)),
    }
}

fn refusal_errors(refusal: &Refusal) -> Vec<FieldError> {
    let (field, code, limit) = match refusal {
        Refusal::NotOffered => ("service", ErrorCode::NotAnOption, None),
        Refusal::TooManyPersons { max } => {
            ("persons", ErrorCode::NumberTooLarge, Some(max.to_string()))
        }
        Refusal::TooSoon => ("time", ErrorCode::DateTooEarly, None),
        Refusal::TooFarAhead { days } => ("date", ErrorCode::DateTooLate, Some(days.to_string())),
        Refusal::ClosedDay => ("date", ErrorCode::NotAnOption, None),
        Refusal::NotATime | Refusal::Taken => ("time", ErrorCode::NotAnOption, None),
    };
    vec![FieldError {
        field: field.to_owned(),
        code,
        limit,
    }]
}

fn field_error(field: &str, code: ErrorCode) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code,
        limit: None,
    }
}

fn field(field: &str, code: ErrorCode) -> ApiError {
    ApiError::Validation(vec![field_error(field, code)])
}

/// The day and start minute of `date` and `time`, or their errors.
fn when(date: &str, time: &str, errors: &mut Vec<FieldError>) -> Option<(Date, u16)> {
    let day = Date::parse_iso(date);
    if day.is_none() {
        errors.push(field_error("date", ErrorCode::DateInvalid));
    }
    let start = parse_time(time).map(|(h, m)| u16::from(h) * 60 + u16::from(m));
    if start.is_none() {
        errors.push(field_error("time", ErrorCode::InvalidTime));
    }
    Some((day?, start?))
}

/// A name or contact as the office will read it: trimmed, required, at most
/// [`APPOINTMENT_TEXT_MAX_CHARS`], without control characters.
fn citizen_text(text: &str, name: &str, errors: &mut Vec<FieldError>) -> String {
    let text = text.trim();
    if text.is_empty() {
        errors.push(field_error(name, ErrorCode::Required));
    } else if text.chars().count() > APPOINTMENT_TEXT_MAX_CHARS {
        errors.push(FieldError {
            field: name.to_owned(),
            code: ErrorCode::TooLong,
            limit: Some(APPOINTMENT_TEXT_MAX_CHARS.to_string()),
        });
    } else if text.chars().any(char::is_control) {
        errors.push(field_error(name, ErrorCode::InvalidCharacters));
    }
    text.to_owned()
}

fn hm(start: u16) -> (u8, u8) {
    ((start / 60) as u8, (start % 60) as u8)
}
