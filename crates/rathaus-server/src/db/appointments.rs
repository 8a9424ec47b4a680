//! Appointments: booked once per idempotency key, never over an office's counters, then
//! looked up, moved or cancelled with the number and access code. Whether a time is
//! free is the core's rule (rathaus_core::appointments); it is asked here inside the
//! write transaction with the bookings of that day, so that of two citizens taking the
//! last place exactly one gets it.

use rathaus_core::api::{AppointmentStatus, AppointmentView};
use rathaus_core::appointments::{Held, Refusal};
use rathaus_core::date::{time_of_day, Date, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Db, DbError};
use crate::codes;

/// A booking to store.
pub struct NewAppointment<'a> {
    pub office: &'a str,
    pub service: &'a str,
    pub persons: u8,
    pub day: Date,
    /// Minutes after midnight, local time.
    pub start: u16,
    pub minutes: u16,
    pub name: &'a str,
    pub contact: &'a str,
    /// Who booked, as crate::uploads::client_tag: for the limit per client.
    pub client_tag: Option<&'a str>,
    pub now: Timestamp,
}

/// What became of a booking request.
#[derive(Debug)]
pub enum Booking {
    /// Booked now; the view carries the access code.
    Created(AppointmentView),
    /// The key was seen with the same request: the first answer again.
    Repeated(AppointmentView),
    /// The key was seen with another request.
    KeyReused,
    /// The core's rule refused the time (taken, closed, …).
    Refused(Refusal),
    /// This client holds as many new bookings as it may for now.
    ClientLimit,
}

/// What became of a change or a cancel.
#[derive(Debug)]
pub enum Changed {
    Done(AppointmentView),
    /// No appointment with this number and code (the same answer for both).
    Unknown,
    Refused(Refusal),
    /// Its time has come: it is no longer moved or cancelled here.
    Passed,
}

/// The key under which a booking's idempotency record is kept: apart from cases'.
fn record_key(key: &str) -> String {
    format!("appointment {key}")
}

fn code_hash(number: &str, code: &str) -> String {
    codes::access_code_hash(number, code)
}

impl Db {
    /// Books unless `key` was seen before, or `check` (given the day's bookings at this
    /// office and its closed days, read in the same transaction) refuses, or this client is at `per_client` bookings made in the last
    /// day; see [`Booking`].
    pub fn book_appointment(
        &self,
        key: &str,
        request_hash: &str,
        new: NewAppointment<'_>,
        per_client: u32,
        check: impl FnOnce(&[Held], &[Date]) -> Result<(), Refusal>,
    ) -> Result<Booking, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let oldest = self.oldest_idempotency_record(new.now);
        let recorded: Option<(String, String)> = tx
            .query_row(
                "SELECT request_hash, response FROM idempotency_keys
                 WHERE key = ?1 AND created_at >= ?2",
                params![record_key(key), oldest],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((hash, response)) = recorded {
            if hash != request_hash {
                return Ok(Booking::KeyReused);
            }
            let view = serde_json::from_str(&response)
                .map_err(|e| DbError::Corrupt(format!("appointment record: {e}")))?;
            return Ok(Booking::Repeated(view));
        }
        if let Some(tag) = new.client_tag {
            let made: u32 = tx.query_row(
                "SELECT COUNT(*) FROM appointments
                 WHERE client_tag = ?1 AND created_at > ?2 AND status = 'booked'",
                params![tag, new.now.0 - 86_400],
                |r| r.get(0),
            )?;
            if made >= per_client {
                return Ok(Booking::ClientLimit);
            }
        }
        let day = new.day.to_string();
        let closed = closed_days_in(&tx, new.office)?;
        if let Err(refusal) = check(&held_in(&tx, new.office, &day, None)?, &closed) {
            return Ok(Booking::Refused(refusal));
        }
        let code = codes::new_access_code();
        let number = loop {
            let candidate = codes::new_appointment_number();
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO appointments (number, code_hash, office, service,
                   persons, day, start, minutes, name, contact, client_tag, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    candidate,
                    code_hash(&candidate, &code),
                    new.office,
                    new.service,
                    new.persons,
                    day,
                    new.start,
                    new.minutes,
                    new.name,
                    new.contact,
                    new.client_tag,
                    new.now.0
                ],
            )?;
            if inserted == 1 {
                break candidate;
            }
        };
        let mut view = view_in(&tx, &number)?
            .ok_or_else(|| DbError::Corrupt("appointment just stored".into()))?;
        view.access_code = Some(code);
        let response = serde_json::to_string(&view).expect("appointment serialises");
        tx.execute(
            "INSERT INTO idempotency_keys (key, request_hash, response, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![record_key(key), request_hash, response, new.now.0],
        )?;
        tx.commit()?;
        Ok(Booking::Created(view))
    }

    /// The bookings kept for `office` on `day`.
    pub fn held(&self, office: &str, day: Date) -> Result<Vec<Held>, DbError> {
        held_in(&self.conn(), office, &day.to_string(), None)
    }

    /// The appointment, if `code` (normalised) is its access code. An unknown number
    /// and a wrong code both give `None`, after the same work.
    pub fn appointment(
        &self,
        number: &str,
        code: &str,
    ) -> Result<Option<AppointmentView>, DbError> {
        let conn = self.conn();
        if !code_matches(&conn, number, code)? {
            return Ok(None);
        }
        view_in(&conn, number)
    }

    /// Moves the appointment to `start` on `day` if `check` (given the bookings of that
    /// day without this one, and the office's closed days) allows; the same time again changes nothing.
    pub fn move_appointment(
        &self,
        (number, code): (&str, &str),
        (day, start): (Date, u16),
        passed: impl Fn(&AppointmentView) -> bool,
        check: impl FnOnce(&AppointmentView, &[Held], &[Date]) -> Result<(), Refusal>,
        now: Timestamp,
    ) -> Result<Changed, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !code_matches(&tx, number, code)? {
            return Ok(Changed::Unknown);
        }
        let Some(view) = view_in(&tx, number)? else {
            return Ok(Changed::Unknown);
        };
        let (day_text, time) = (day.to_string(), time_of_day(hm(start)));
        if view.status == AppointmentStatus::Booked && view.date == day_text && view.time == time {
            return Ok(Changed::Done(view));
        }
        if view.status != AppointmentStatus::Booked || passed(&view) {
            return Ok(Changed::Passed);
        }
        let held = held_in(&tx, &view.office, &day_text, Some(number))?;
        if let Err(refusal) = check(&view, &held, &closed_days_in(&tx, &view.office)?) {
            return Ok(Changed::Refused(refusal));
        }
        tx.execute(
            "UPDATE appointments SET day = ?1, start = ?2, changed_at = ?3 WHERE number = ?4",
            params![day_text, start, now.0, number],
        )?;
        let view = view_in(&tx, number)?.ok_or_else(|| DbError::Corrupt(number.into()))?;
        tx.commit()?;
        Ok(Changed::Done(view))
    }

    /// Cancels the appointment unless its time has come; cancelling again answers the
    /// same.
    pub fn cancel_appointment(
        &self,
        (number, code): (&str, &str),
        passed: impl Fn(&AppointmentView) -> bool,
        now: Timestamp,
    ) -> Result<Changed, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !code_matches(&tx, number, code)? {
            return Ok(Changed::Unknown);
        }
        let Some(view) = view_in(&tx, number)? else {
            return Ok(Changed::Unknown);
        };
        match view.status {
            AppointmentStatus::Cancelled | AppointmentStatus::CalledOff => {
                return Ok(Changed::Done(view))
            }
            AppointmentStatus::Booked if passed(&view) => return Ok(Changed::Passed),
            AppointmentStatus::Booked => {}
        }
        tx.execute(
            "UPDATE appointments SET status = 'cancelled', changed_at = ?1 WHERE number = ?2",
            params![now.0, number],
        )?;
        let view = view_in(&tx, number)?.ok_or_else(|| DbError::Corrupt(number.into()))?;
        tx.commit()?;
        Ok(Changed::Done(view))
    }

    /// Closes `office` on `day`: no more times are given, and the day's bookings are
    /// called off (their citizens see it when they look). Returns how many were.
    pub fn close_day(&self, office: &str, day: Date, now: Timestamp) -> Result<usize, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let day = day.to_string();
        tx.execute(
            "INSERT OR IGNORE INTO closed_days (office, day, closed_at) VALUES (?1, ?2, ?3)",
            params![office, day, now.0],
        )?;
        let called_off = tx.execute(
            "UPDATE appointments SET status = 'called_off', changed_at = ?1
             WHERE office = ?2 AND day = ?3 AND status = 'booked'",
            params![now.0, office, day],
        )?;
        tx.commit()?;
        Ok(called_off)
    }

    /// The days `office` was closed on after its hours were written.
    pub fn closed_days(&self, office: &str) -> Result<Vec<Date>, DbError> {
        closed_days_in(&self.conn(), office)
    }

    /// The day's appointments at `office`, earliest first, with their contacts: the
    /// office's list.
    pub fn day_list(
        &self,
        office: &str,
        day: Date,
    ) -> Result<Vec<(AppointmentView, String)>, DbError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT number, contact FROM appointments WHERE office = ?1 AND day = ?2
             ORDER BY start, number",
        )?;
        let rows: Vec<(String, String)> = stmt
            .query_map(params![office, day.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .filter_map(|(number, contact)| match view_in(&conn, &number) {
                Ok(Some(view)) => Some(Ok((view, contact))),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            })
            .collect()
    }
}

fn hm(start: u16) -> (u8, u8) {
    ((start / 60) as u8, (start % 60) as u8)
}

fn code_matches(conn: &Connection, number: &str, code: &str) -> Result<bool, DbError> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT code_hash FROM appointments WHERE number = ?1",
            params![number],
            |r| r.get(0),
        )
        .optional()?;
    let offered = code_hash(number, code);
    // Compared against something of the same length when there is none, so that both
    // paths cost the same.
    let stored = stored.unwrap_or_else(|| "0".repeat(offered.len()));
    Ok(codes::constant_time_eq(&stored, &offered))
}

fn held_in(
    conn: &Connection,
    office: &str,
    day: &str,
    except: Option<&str>,
) -> Result<Vec<Held>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT start, minutes FROM appointments
         WHERE office = ?1 AND day = ?2 AND status = 'booked' AND number != ?3",
    )?;
    let held = stmt
        .query_map(params![office, day, except.unwrap_or_default()], |r| {
            Ok(Held {
                start: r.get(0)?,
                minutes: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(held)
}

fn view_in(conn: &Connection, number: &str) -> Result<Option<AppointmentView>, DbError> {
    let row = conn
        .query_row(
            "SELECT office, service, persons, day, start, minutes, name, status
             FROM appointments WHERE number = ?1",
            params![number],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u8>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, u16>(4)?,
                    r.get::<_, u32>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((office, service, persons, date, start, minutes, name, status)) = row else {
        return Ok(None);
    };
    let status = match status.as_str() {
        "booked" => AppointmentStatus::Booked,
        "cancelled" => AppointmentStatus::Cancelled,
        "called_off" => AppointmentStatus::CalledOff,
        other => return Err(DbError::Corrupt(format!("appointment status '{other}'"))),
    };
    Ok(Some(AppointmentView {
        number: number.to_owned(),
        access_code: None,
        office,
        service,
        persons,
        date,
        time: time_of_day(hm(start)),
        minutes,
        name,
        status,
    }))
}

#[cfg(test)]
mod tests;

/// The office's closed days, on a connection the caller may hold in a transaction.
fn closed_days_in(conn: &Connection, office: &str) -> Result<Vec<Date>, DbError> {
    let mut stmt = conn.prepare("SELECT day FROM closed_days WHERE office = ?1")?;
    let days = stmt
        .query_map(params![office], |r| r.get::<_, String>(0))?
        .filter_map(|d| d.ok().and_then(|d| Date::parse_iso(&d)))
        .collect();
    Ok(days)
}
