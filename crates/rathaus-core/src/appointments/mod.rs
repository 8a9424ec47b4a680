//! Booking appointments at the city's offices: how each office hands out times
//! (`catalogue/appointments.json`, a list of [`BookingRules`]) and the one rule for
//! which start times are free ([`BookingRules::check`]). The backend asks it with the
//! bookings it holds, inside the transaction that stores a booking, so that two
//! citizens never get the same last place; the app only shows what the backend says.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::json::Wire;

use crate::date::Date;
use crate::offices::{minutes, Office, Weekday};

#[cfg(test)]
mod tests;

/// How one office gives appointments booked in the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookingRules {
    /// The office (`catalogue/offices.json`); its opening hours are when times are given.
    pub office: String,
    /// Start times are on this grid from each opening, in minutes (5 to 120).
    pub slot_minutes: u32,
    /// How many citizens are seen at the same time (counters taking appointments).
    pub counters: u32,
    /// The services booked here, by catalogue id.
    pub services: BTreeMap<String, ServiceTime>,
    /// Days closed beyond the week's hours (public holidays, staff days), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<String>,
    /// How many days ahead times can be booked.
    pub days_ahead: u32,
    /// Until how many minutes before a time it can be booked, changed or cancelled.
    #[serde(default)]
    pub notice_minutes: u32,
}

/// How long one service takes at an office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceTime {
    /// Minutes for one person.
    pub minutes: u32,
    /// The most persons in one appointment (a family's passports); 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_persons: Option<u8>,
}

impl ServiceTime {
    /// The most persons in one appointment.
    pub fn most_persons(&self) -> u8 {
        self.max_persons.unwrap_or(1)
    }
}

/// A booking held for a day: from `start` (minutes after midnight) for `minutes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub start: u16,
    pub minutes: u16,
}

/// Why a time cannot be booked; each has its own message in the API's error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotOffered,
    TooManyPersons { max: u8 },
    TooSoon,
    TooFarAhead { days: u32 },
    ClosedDay,
    NotATime,
    Taken,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotOffered => f.write_str("this office does not book this service"),
            Refusal::TooManyPersons { max } => {
                write!(f, "at most {max} persons in one appointment")
            }
            Refusal::TooSoon => f.write_str("this time has passed or is too soon to book"),
            Refusal::TooFarAhead { days } => {
                write!(f, "times can be booked at most {days} days ahead")
            }
            Refusal::ClosedDay => f.write_str("the office is closed on this day"),
            Refusal::NotATime => f.write_str("this is not one of the office's appointment times"),
            Refusal::Taken => f.write_str("this time is taken"),
        }
    }
}

/// Now, as the office's clock reads it: the local date and minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalNow {
    pub date: Date,
    pub minute: u32,
}

impl BookingRules {
    /// Minutes a booking of `service` for `persons` takes: whole slots, so that the
    /// next booking starts on the grid.
    pub fn length(&self, service: &str, persons: u8) -> Result<u16, Refusal> {
        let time = self.services.get(service).ok_or(Refusal::NotOffered)?;
        if persons == 0 || persons > time.most_persons() {
            return Err(Refusal::TooManyPersons {
                max: time.most_persons(),
            });
        }
        let needed = time.minutes * u32::from(persons);
        let slot = self.slot_minutes.max(1);
        let whole = needed.div_ceil(slot) * slot;
        Ok(u16::try_from(whole).unwrap_or(u16::MAX))
    }

    /// The grid of start times in minutes (at least 1).
    fn grid(&self) -> u16 {
        u16::try_from(self.slot_minutes.clamp(1, 24 * 60)).unwrap_or(1)
    }

    /// Whether `date` is a day the office gives times on at all.
    pub fn is_closed(&self, office: &Office, date: Date, also_closed: &[Date]) -> bool {
        let iso = date.to_string();
        self.closed.contains(&iso)
            || also_closed.contains(&date)
            || office.open_on(Weekday::of(date)).is_empty()
    }

    /// Whether a booking of `length` minutes may start at `start` on `date`, with
    /// `held` the bookings already kept for that day at this office: on the grid within
    /// one opening, not too soon and not too far ahead, not on a closed day, and with a
    /// counter free for every minute of it.
    pub fn check(
        &self,
        office: &Office,
        (date, start): (Date, u16),
        length: u16,
        now: LocalNow,
        also_closed: &[Date],
        held: &[Held],
    ) -> Result<(), Refusal> {
        let soonest = self.notice_minutes + now.minute;
        if date < now.date || (date == now.date && u32::from(start) < soonest) {
            return Err(Refusal::TooSoon);
        }
        let last_day = now
            .date
            .days_later(i32::try_from(self.days_ahead).unwrap_or(i32::MAX));
        if date > last_day {
            return Err(Refusal::TooFarAhead {
                days: self.days_ahead,
            });
        }
        if self.is_closed(office, date, also_closed) {
            return Err(Refusal::ClosedDay);
        }
        let slot = self.grid();
        let on_grid = office
            .open_on(Weekday::of(date))
            .into_iter()
            .filter_map(|(from, to)| Some((minutes(from)?, minutes(to)?)))
            .any(|(from, to)| {
                start >= from
                    && (start - from) % slot == 0
                    && u32::from(start) + u32::from(length) <= u32::from(to)
            });
        if !on_grid {
            return Err(Refusal::NotATime);
        }
        if busiest(held, start, start.saturating_add(length)) >= self.counters as usize {
            return Err(Refusal::Taken);
        }
        Ok(())
    }

    /// The free start times on `date` for a booking of `length` minutes, earliest first.
    pub fn free_times(
        &self,
        office: &Office,
        date: Date,
        length: u16,
        now: LocalNow,
        also_closed: &[Date],
        held: &[Held],
    ) -> Vec<u16> {
        let slot = self.grid();
        office
            .open_on(Weekday::of(date))
            .into_iter()
            .filter_map(|(from, to)| Some((minutes(from)?, minutes(to)?)))
            .flat_map(|(from, to)| (from..to).step_by(usize::from(slot)))
            .filter(|&start| {
                self.check(office, (date, start), length, now, also_closed, held)
                    .is_ok()
            })
            .collect()
    }

    /// What is wrong with these rules, one line each, given the offices and the
    /// catalogue's service ids.
    pub fn problems(&self, offices: &[Office], services: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        match offices.iter().find(|o| o.id == self.office) {
            None => out.push(format!("office '{}' is not in offices.json", self.office)),
            Some(office) if office.hours.is_empty() => {
                out.push("the office has no opening hours to give times in".to_owned())
            }
            Some(_) => {}
        }
        if !(5..=120).contains(&self.slot_minutes) {
            out.push(format!(
                "slot_minutes {} is not between 5 and 120",
                self.slot_minutes
            ));
        }
        if self.counters == 0 {
            out.push("counters: at least 1".to_owned());
        }
        if self.days_ahead == 0 || self.days_ahead > 366 {
            out.push(format!(
                "days_ahead {} is not between 1 and 366",
                self.days_ahead
            ));
        }
        if self.services.is_empty() {
            out.push("services: names no service".to_owned());
        }
        for (id, time) in &self.services {
            if !services.contains(&id.as_str()) {
                out.push(format!("services.{id}: not a service of the catalogue"));
            }
            if time.minutes == 0 || time.most_persons() == 0 {
                out.push(format!(
                    "services.{id}: minutes and max_persons are at least 1"
                ));
            }
        }
        for day in &self.closed {
            if Date::parse_iso(day).is_none() {
                out.push(format!("closed: '{day}' is not a date YYYY-MM-DD"));
            }
        }
        out
    }
}

/// The most bookings of `held` running at once at any minute from `from` to `to`: the
/// count can only rise where the range starts or where a booking starts inside it.
fn busiest(held: &[Held], from: u16, to: u16) -> usize {
    let runs_at = |minute: u16| {
        held.iter()
            .filter(|h| h.start <= minute && minute < h.start.saturating_add(h.minutes))
            .count()
    };
    std::iter::once(from)
        .chain(held.iter().map(|h| h.start).filter(|&s| from < s && s < to))
        .map(runs_at)
        .max()
        .unwrap_or(0)
}
