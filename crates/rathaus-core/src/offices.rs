//! The city's offices: where a service is done in person, with address, opening hours,
//! contact and accessibility (`catalogue/offices.json`). Booking appointments (issue 18)
//! grows [`Appointments`]; the services an office does are named by the services.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::json::Wire;
use crate::text::{Locale, Text};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Office {
    pub id: String,
    pub name: Text,
    /// Street and house number.
    pub street: String,
    pub postcode: String,
    pub town: String,
    /// The week's opening hours; a day named in no entry is closed.
    pub hours: Vec<Opening>,
    /// What the hours do not say: "und nach Vereinbarung", "Letzter Einlass 15:30 Uhr".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_note: Option<Text>,
    /// As written for people ("0231 555-1000"); [`Office::tel_href`] makes the link.
    pub phone: String,
    pub email: String,
    /// The office's page on the city's website (https).
    pub web: String,
    /// How to get there by bus and train.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transit: Option<Text>,
    pub access: Access,
    /// Takes appointments; absent: citizens come during the opening hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointments: Option<Appointments>,
}

/// Open on `days` from `from` to `to` ("08:00", 24-hour clock, local time). Several
/// entries may name the same day (open in the morning and again in the afternoon).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Opening {
    pub days: Vec<Weekday>,
    pub from: String,
    pub to: String,
}

/// Stated for every office: `false` means "no", not "unknown".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Access {
    /// Entrance and counters reached without steps (ramp or lift).
    pub step_free: bool,
    /// An induction loop for hearing aids.
    pub hearing_loop: bool,
    pub accessible_toilet: bool,
    /// "Aufzug am Seiteneingang", "Gebärdensprache nach Anmeldung".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// How an office gives appointments. Booking in the app (issue 18) adds its members
/// here (slots, capacity per service).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Appointments {
    /// Where appointments are booked when not through the office's own page (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Wire,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Weekday {
    /// Monday first, as a German week starts.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mo,
        Weekday::Tu,
        Weekday::We,
        Weekday::Th,
        Weekday::Fr,
        Weekday::Sa,
        Weekday::Su,
    ];

    pub fn of(date: Date) -> Weekday {
        Weekday::ALL[usize::from(date.weekday())]
    }

    /// "Donnerstag" / "Thursday".
    pub fn label(self, locale: Locale) -> &'static str {
        locale.conventions().weekdays[self as usize]
    }

    fn next(self) -> Weekday {
        Weekday::ALL[(self as usize + 1) % 7]
    }
}

/// Minutes after midnight of "HH:MM" (00:00 to 23:59), or `None`.
pub fn minutes(time: &str) -> Option<u16> {
    let (h, m) = time.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// One day of an office's week as the info page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub day: Weekday,
    pub today: bool,
    /// "08:00–12:30 und 14:00–18:00 Uhr"; `None`: closed.
    pub hours: Option<String>,
}

impl Office {
    /// The times open on `day`, earliest first.
    pub fn open_on(&self, day: Weekday) -> Vec<(&str, &str)> {
        // Inserted in place rather than sorted: a day has two or three ranges, and a
        // sort would add its code to the app for them.
        let mut ranges: Vec<(&str, &str)> = Vec::new();
        for o in self.hours.iter().filter(|o| o.days.contains(&day)) {
            let at = ranges.partition_point(|(from, _)| minutes(from) <= minutes(&o.from));
            ranges.insert(at, (o.from.as_str(), o.to.as_str()));
        }
        ranges
    }

    /// The week as a citizen wants it: today first, then the six days after it.
    pub fn week(&self, today: Weekday, locale: Locale) -> Vec<DayHours> {
        std::iter::successors(Some(today), |d| Some(d.next()))
            .take(7)
            .map(|day| DayHours {
                day,
                today: day == today,
                hours: hours_text(&self.open_on(day), locale),
            })
            .collect()
    }

    /// A `tel:` link: digits only, a leading 0 (a German number) as +49.
    pub fn tel_href(&self) -> String {
        let digits: String = self.phone.chars().filter(char::is_ascii_digit).collect();
        match (
            self.phone.trim_start().starts_with('+'),
            digits.strip_prefix('0'),
        ) {
            (true, _) => format!("tel:+{digits}"),
            (false, Some(national)) if !national.starts_with('0') => format!("tel:+49{national}"),
            _ => format!("tel:{digits}"),
        }
    }

    /// What is wrong with this office, one line each (prefixed with its id by the
    /// catalogue's check).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !(self.name.has("de") && self.name.has("en")) {
            out.push("name needs German and English".to_owned());
        }
        for (what, text) in [
            ("hours_note", &self.hours_note),
            ("transit", &self.transit),
            ("access.note", &self.access.note),
        ] {
            if text.as_ref().is_some_and(|t| !(t.has("de") && t.has("en"))) {
                out.push(format!("{what} needs German and English"));
            }
        }
        if self.street.trim().is_empty() || self.town.trim().is_empty() {
            out.push("street and town are needed".to_owned());
        }
        if self.postcode.len() != 5 || !self.postcode.bytes().all(|b| b.is_ascii_digit()) {
            out.push(format!("postcode '{}' is not 5 digits", self.postcode));
        }
        for o in &self.hours {
            match (minutes(&o.from), minutes(&o.to)) {
                (Some(from), Some(to)) if from < to => {}
                (Some(_), Some(_)) => out.push(format!(
                    "hours {}–{}: must end after it starts",
                    o.from, o.to
                )),
                _ => out.push(format!(
                    "hours {}–{}: times are HH:MM, 00:00 to 23:59",
                    o.from, o.to
                )),
            }
            if o.days.is_empty() {
                out.push(format!("hours {}–{}: no days", o.from, o.to));
            }
        }
        for day in Weekday::ALL {
            let ranges: Vec<_> = self
                .open_on(day)
                .into_iter()
                .filter_map(|(f, t)| Some((minutes(f)?, minutes(t)?)))
                .collect();
            if ranges.windows(2).any(|w| w[1].0 < w[0].1) {
                out.push(format!("hours on '{}' overlap", day.name()));
            }
        }
        if self.hours.is_empty() && self.appointments.is_none() {
            out.push("no opening hours and no appointments".to_owned());
        }
        let phone_digits = self.phone.chars().filter(char::is_ascii_digit).count();
        if phone_digits < 6
            || !self
                .phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        {
            out.push(format!("phone '{}' is not a phone number", self.phone));
        }
        if !is_email(&self.email) {
            out.push(format!("email '{}' is not an address", self.email));
        }
        let booking = self.appointments.as_ref().and_then(|a| a.url.as_deref());
        for url in std::iter::once(self.web.as_str()).chain(booking) {
            if !url.starts_with("https://") || url.len() <= "https://".len() {
                out.push(format!("'{url}' is not an https address"));
            }
        }
        out
    }
}

/// "08:00–12:30 Uhr", "08:00–12:30 und 14:00–18:00 Uhr" / "08:00–12:30 and 14:00–18:00";
/// `None` when there is nothing (closed).
pub fn hours_text(ranges: &[(&str, &str)], locale: Locale) -> Option<String> {
    let c = locale.conventions();
    let (and, suffix) = (c.and, c.hours_suffix);
    let parts: Vec<String> = ranges.iter().map(|(f, t)| format!("{f}–{t}")).collect();
    let (last, rest) = parts.split_last()?;
    let head = rest.join(", ");
    let joined = if head.is_empty() {
        last.clone()
    } else {
        format!("{head}{and}{last}")
    };
    Some(format!("{joined}{suffix}"))
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}
