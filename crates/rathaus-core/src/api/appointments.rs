//! `/appointments`: free times at the city's offices, and booking, looking up, moving
//! and cancelling an appointment with its number and access code (the code in the
//! `Authorization` header, as for cases). The backend decides what is free
//! (crate::appointments).

use serde::{Deserialize, Serialize};

use crate::json::Wire;

/// Longest name or contact an appointment keeps.
pub const APPOINTMENT_TEXT_MAX_CHARS: usize = 200;
/// Most days one `GET /appointments/free` answers for.
pub const FREE_DAYS_MAX: u32 = 31;

/// `GET /appointments/services/{service}`: the offices that book this service in the
/// app, in the order of `catalogue/appointments.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookableOffices {
    pub offices: Vec<BookableOffice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookableOffice {
    /// The office's id in the catalogue (its address and hours are there).
    pub office: String,
    /// The most persons one appointment may be for.
    pub max_persons: u8,
    /// Minutes for one person.
    pub minutes: u32,
    /// How many days ahead times are given.
    pub days_ahead: u32,
}

/// `GET /appointments/free?office=&service=&persons=&from=YYYY-MM-DD&days=N`: the free
/// start times of each day from `from` on that has any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FreeTimes {
    pub office: String,
    pub service: String,
    pub persons: u8,
    /// How long the appointment takes, in minutes.
    pub minutes: u32,
    pub days: Vec<FreeDay>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FreeDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, local time, earliest first.
    pub times: Vec<String>,
}

/// `POST /appointments` (with an `Idempotency-Key`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookAppointment {
    pub office: String,
    pub service: String,
    pub persons: u8,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    /// Who comes (for the office's list of the day).
    pub name: String,
    /// An e-mail address or a phone number, for when the office must call it off.
    pub contact: String,
}

/// `POST /appointments/{number}/change`: another time for the same appointment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeAppointment {
    pub date: String,
    pub time: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Booked,
    /// Cancelled by the citizen.
    Cancelled,
    /// The office closed that day; the citizen is to book another time.
    CalledOff,
}

/// An appointment as its citizen sees it: the answer to booking (201, or 200 for a
/// repeated key, with the access code), to a look-up, a change and a cancel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppointmentView {
    /// `T-7KQ4-M2XD`.
    pub number: String,
    /// Only in the answer to booking: the backend keeps a hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_code: Option<String>,
    pub office: String,
    pub service: String,
    pub persons: u8,
    pub date: String,
    pub time: String,
    pub minutes: u32,
    pub name: String,
    pub status: AppointmentStatus,
}
