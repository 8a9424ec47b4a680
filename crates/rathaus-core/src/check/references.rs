//! What a question reads from others or from its own shape: date limits counted from
//! another date, computed values, a pattern, the postcodes of an area, and a requirement
//! for the first item only.

use super::{Asked, Checker, Known};
use crate::date::Date;
use crate::definition::{DateBound, Field, FieldKind};
use crate::pattern::Pattern;

impl Checker {
    pub(super) fn references(&mut self, at: &str, field: &Field, known: &Known, in_group: bool) {
        let c = &field.constraints;
        let kind = field.kind;
        for (name, bound) in [("earliest", &c.earliest), ("latest", &c.latest)] {
            let Some(bound) = bound else { continue };
            let path = format!("{at}.constraints.{name}");
            if kind != FieldKind::Date {
                self.push(
                    &path,
                    format!("{name} does not apply to a {} field", kind.name()),
                );
            } else if let Some(id) = &bound.field {
                self.date_question(&path, id, known);
            }
        }
        if let (Some(earliest), Some(latest)) = (&c.earliest, &c.latest) {
            if earliest.field == latest.field && after(earliest, latest) {
                self.push(
                    &format!("{at}.constraints"),
                    "earliest is after latest: no date could be given".into(),
                );
            }
        }
        if let Some(pattern) = &c.pattern {
            let path = format!("{at}.constraints.pattern");
            if kind != FieldKind::Text {
                self.push(
                    &path,
                    format!("a pattern does not apply to a {} field", kind.name()),
                );
            } else if let Err(e) = Pattern::parse(pattern) {
                self.push(&path, format!("'{pattern}': {e}"));
            } else if field.hint.is_none() {
                self.push(
                    &path,
                    "a question with a pattern needs a hint with an example of the shape".into(),
                );
            }
        }
        for (i, entry) in c.postcodes.iter().enumerate() {
            if let Err(e) = crate::postcodes::parse_range(entry) {
                self.push(
                    &format!("{at}.constraints.postcodes[{i}]"),
                    format!("'{entry}': {e}"),
                );
            }
        }
        match (&field.compute, kind) {
            (None, FieldKind::Computed) => {
                self.push(at, "a computed field needs 'compute'".into());
            }
            (Some(computation), FieldKind::Computed) => {
                for id in computation.inputs() {
                    self.date_question(&format!("{at}.compute"), id, known);
                }
            }
            (Some(_), _) => self.push(
                &format!("{at}.compute"),
                "'compute' belongs to computed fields only".into(),
            ),
            (None, _) => {}
        }
        if field.optional_after_first {
            let path = format!("{at}.optional_after_first");
            if !in_group {
                self.push(&path, "applies inside a repeatable group only".into());
            } else if field.optional {
                self.push(
                    &path,
                    "'optional' already leaves it out of every item".into(),
                );
            }
        }
    }

    /// `id` must be a date question asked before (or earlier on the same page).
    fn date_question(&mut self, path: &str, id: &str, known: &Known) {
        match known.get(id).map(|s| s.asked) {
            Some(Asked::Field(f)) if f.kind == FieldKind::Date => {}
            Some(Asked::Field(f)) => self.push(
                path,
                format!("'{id}' is a {} field, not a date", f.kind.name()),
            ),
            _ => self.push(
                path,
                format!("'{id}' is not a question asked before this one"),
            ),
        }
    }
}

/// Whether `earliest` comes after `latest` when both count from the same day (tried
/// on days at the ends of months, where months are shortest and longest).
fn after(earliest: &DateBound, latest: &DateBound) -> bool {
    let day = |d: &DateBound, from: Date| {
        from.months_later(d.years.saturating_mul(12).saturating_add(d.months))
            .days_later(d.days)
    };
    [(2026, 1, 31), (2026, 2, 28), (2026, 6, 15)]
        .into_iter()
        .filter_map(|(y, m, d)| Date::new(y, m, d))
        .all(|from| day(earliest, from) > day(latest, from))
}
