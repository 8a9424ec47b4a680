//! Appointments at the city's offices: the booking rules of `catalogue/appointments.json`
//! ([`Bookings`]), read and checked at start against the offices and the catalogue —
//! every in-person service is booked at one of its offices or says why not.

use std::collections::BTreeMap;
use std::path::Path;

use rathaus_core::appointments::BookingRules;
use rathaus_core::catalogue::{Catalogue as City, Channel};
use rathaus_core::offices::Office;
use rathaus_core::text::Text;
use serde::Deserialize;

use crate::catalogue::Problem;

pub mod http;
#[cfg(test)]
mod tests;

/// `catalogue/appointments.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppointmentsFile {
    /// How each office books, in the order the app lists them.
    offices: Vec<BookingRules>,
    /// In-person services that take no appointment, with why (German and English):
    /// "come during opening hours", "same day, without appointment".
    #[serde(default)]
    without_booking: BTreeMap<String, Text>,
}

/// The offices that book in the app, with their rules and their place in the catalogue.
#[derive(Debug, Default)]
pub struct Bookings {
    rules: Vec<BookingRules>,
    offices: BTreeMap<String, Office>,
    without_booking: BTreeMap<String, Text>,
}

impl Bookings {
    /// The rules in `file` (no file: nothing is booked in the app), checked against
    /// `city`; every problem, named with the file, when there are any.
    pub fn load(file: &Path, city: &City) -> Result<Bookings, Vec<Problem>> {
        if !file.exists() {
            return Ok(Bookings::default());
        }
        let at = |message: String| Problem::new(file, message);
        let text = std::fs::read_to_string(file).map_err(|e| vec![at(e.to_string())])?;
        let read: AppointmentsFile =
            serde_json::from_str(&text).map_err(|e| vec![at(e.to_string())])?;
        let mut problems = Vec::new();
        let ids: Vec<&str> = city.services.iter().map(|e| e.id.as_str()).collect();
        for (i, rules) in read.offices.iter().enumerate() {
            for p in rules.problems(&city.offices, &ids) {
                problems.push(at(format!("offices[{i}] ({}): {p}", rules.office)));
            }
            if read.offices[..i].iter().any(|r| r.office == rules.office) {
                problems.push(at(format!(
                    "offices[{i}]: '{}' is named twice",
                    rules.office
                )));
            }
            for service in rules.services.keys() {
                let entry = city.services.iter().find(|e| &e.id == service);
                if let Some(entry) = entry.filter(|e| !e.offices.contains(&rules.office)) {
                    problems.push(at(format!(
                        "offices[{i}].services.{service}: the catalogue does not name '{}' \
                         among its offices ({})",
                        rules.office,
                        entry.offices.join(", ")
                    )));
                }
                if read.without_booking.contains_key(service) {
                    problems.push(at(format!(
                        "without_booking.{service}: it is booked at '{}'",
                        rules.office
                    )));
                }
            }
        }
        for (service, why) in &read.without_booking {
            if !ids.contains(&service.as_str()) {
                problems.push(at(format!(
                    "without_booking.{service}: not a service of the catalogue"
                )));
            }
            if !(why.has("de") && why.has("en")) {
                problems.push(at(format!(
                    "without_booking.{service}: needs German and English"
                )));
            }
        }
        for entry in city
            .services
            .iter()
            .filter(|e| e.channel == Channel::InPerson)
        {
            let booked = read
                .offices
                .iter()
                .any(|r| r.services.contains_key(&entry.id));
            if !booked && !read.without_booking.contains_key(&entry.id) {
                problems.push(at(format!(
                    "{}: an in-person service is booked at one of its offices ({}) or \
                     says why not in without_booking",
                    entry.id,
                    entry.offices.join(", ")
                )));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let offices = city
            .offices
            .iter()
            .filter(|o| read.offices.iter().any(|r| r.office == o.id))
            .map(|o| (o.id.clone(), o.clone()))
            .collect();
        Ok(Bookings {
            rules: read.offices,
            offices,
            without_booking: read.without_booking,
        })
    }

    /// The offices `file` books at, by id, read without the checks against the
    /// catalogue: for the office's commands, which must not close a day at an office
    /// that gives no appointments (a mistyped id would close nothing and say so).
    pub fn offices_in(file: &Path) -> Result<Vec<String>, Problem> {
        let at = |message: String| Problem::new(file, message);
        let text = std::fs::read_to_string(file).map_err(|e| at(e.to_string()))?;
        let read: AppointmentsFile = serde_json::from_str(&text).map_err(|e| at(e.to_string()))?;
        Ok(read.offices.into_iter().map(|r| r.office).collect())
    }

    /// The offices booking `service`, in the file's order, with their rules.
    pub fn for_service<'a>(
        &'a self,
        service: &'a str,
    ) -> impl Iterator<Item = (&'a Office, &'a BookingRules)> + 'a {
        self.rules
            .iter()
            .filter(move |r| r.services.contains_key(service))
            .filter_map(|r| Some((self.offices.get(&r.office)?, r)))
    }

    /// One office's rules and its catalogue entry.
    pub fn office(&self, office: &str) -> Option<(&Office, &BookingRules)> {
        let rules = self.rules.iter().find(|r| r.office == office)?;
        Some((self.offices.get(office)?, rules))
    }

    /// Why an in-person service takes no appointment, when it does not.
    pub fn why_not(&self, service: &str) -> Option<&Text> {
        self.without_booking.get(service)
    }
}
