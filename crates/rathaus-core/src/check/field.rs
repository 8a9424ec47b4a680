//! One question: its options, which constraints fit its kind, the upload limits of the
//! backend, and which error messages it can ever show.

use std::collections::HashSet;

use super::suggest::{did_you_mean, nearest};
use super::Checker;
use crate::autocomplete::{address_tokens, is_field_token, ADDRESS_PURPOSES};
use crate::definition::{Field, FieldKind};
use crate::upload::{self, ACCEPTED_MEDIA_TYPES, MAX_UPLOAD_BYTES};
use crate::validate::ErrorCode;

impl Checker {
    pub(super) fn field(&mut self, at: &str, field: &Field) {
        if let Some(hint) = &field.hint {
            self.text(&format!("{at}.hint"), hint);
        }
        let kind = field.kind;
        self.options(at, field);
        // A declaration may be optional: a consent the citizen may leave unticked.
        if field.optional && kind.is_shown_only() {
            self.push(
                &format!("{at}.optional"),
                format!(
                    "{} fields take no answer and cannot be optional",
                    kind.name()
                ),
            );
        }
        self.constraints(at, field);
        self.files(at, field);
        self.messages(at, field);
        self.autocomplete(at, field);
    }

    /// A browser fills in only what the token tells it; an address says whose it is.
    fn autocomplete(&mut self, at: &str, field: &Field) {
        let Some(token) = field.autocomplete.as_deref() else {
            return;
        };
        let at = format!("{at}.autocomplete");
        if field.kind == FieldKind::Address {
            if address_tokens(Some(token)).is_none() {
                self.push(
                    &at,
                    format!(
                        "'{token}': an address says whose it is: {}",
                        ADDRESS_PURPOSES.join(", ")
                    ),
                );
            }
        } else if field.kind.is_shown_only() || field.kind == FieldKind::File {
            self.push(
                &at,
                format!(
                    "{} fields are not filled in by a browser",
                    field.kind.name()
                ),
            );
        } else if !is_field_token(token) {
            self.push(
                &at,
                format!("'{token}' is not an HTML autofill token (given-name, email, tel, …)"),
            );
        }
    }

    fn options(&mut self, at: &str, field: &Field) {
        let kind = field.kind;
        if !kind.has_options() {
            if !field.options.is_empty() {
                self.push(
                    &format!("{at}.options"),
                    "only single_choice, multiple_choice, select and ranking fields have options"
                        .into(),
                );
            }
            return;
        }
        let least = if kind == FieldKind::MultipleChoice {
            1
        } else {
            2
        };
        if field.options.len() < least {
            self.push(
                &format!("{at}.options"),
                format!("a {} field needs at least {least} options", kind.name()),
            );
        }
        if field.options.iter().filter(|o| o.exclusive).count() > 1 {
            self.push(
                &format!("{at}.options"),
                "at most one option can be exclusive (\"none of these\")".into(),
            );
        }
        if field.exclusive_option().is_some() && field.constraints.min_count.is_some_and(|n| n > 1)
        {
            self.push(
                &format!("{at}.constraints.min_count"),
                "an exclusive option is chosen alone, so min_count above 1 would refuse it".into(),
            );
        }
        let mut seen = HashSet::new();
        for (oi, option) in field.options.iter().enumerate() {
            if option.value.trim().is_empty() || !seen.insert(option.value.as_str()) {
                self.push(
                    &format!("{at}.options[{oi}].value"),
                    format!("option value '{}' is empty or used twice", option.value),
                );
            }
            if option.exclusive && kind != FieldKind::MultipleChoice {
                self.push(
                    &format!("{at}.options[{oi}].exclusive"),
                    format!(
                        "only an option of a multiple_choice field can be exclusive, not of a {} field",
                        kind.name()
                    ),
                );
            }
            self.text(&format!("{at}.options[{oi}].label"), &option.label);
            if let Some(hint) = &option.hint {
                self.text(&format!("{at}.options[{oi}].hint"), hint);
            }
        }
    }

    fn constraints(&mut self, at: &str, field: &Field) {
        let kind = field.kind;
        let c = &field.constraints;
        let at_c = format!("{at}.constraints");
        let mut only = |applies: bool, set: bool, name: &str| {
            if set && !applies {
                self.push(
                    &at_c,
                    format!("{name} does not apply to a {} field", kind.name()),
                );
            }
        };
        let is_date = kind == FieldKind::Date;
        let counted = matches!(
            kind,
            FieldKind::MultipleChoice | FieldKind::File | FieldKind::Ranking
        );
        only(
            kind.is_text_like(),
            c.min_length.is_some() || c.max_length.is_some(),
            "a length",
        );
        only(
            is_date,
            c.not_in_future || c.not_in_past,
            "not_in_future / not_in_past",
        );
        only(
            is_date,
            c.min_years_ago.is_some() || c.max_years_ago.is_some(),
            "years ago",
        );
        only(
            kind.is_numeric(),
            c.min.is_some() || c.max.is_some(),
            "min / max",
        );
        only(kind == FieldKind::Decimal, c.decimals.is_some(), "decimals");
        only(
            counted,
            c.min_count.is_some() || c.max_count.is_some(),
            "min_count / max_count",
        );
        only(
            kind == FieldKind::File,
            !c.accept.is_empty() || c.max_file_bytes.is_some(),
            "accept / max_file_bytes",
        );
        only(
            matches!(kind, FieldKind::Postcode | FieldKind::Address),
            !c.postcodes.is_empty(),
            "postcodes",
        );
        // A file question takes one file unless it says otherwise.
        let max_count = match kind {
            FieldKind::File => Some(c.max_count.unwrap_or(1)),
            _ => c.max_count,
        };
        let backwards = [
            (
                c.min_length.map(i64::from),
                c.max_length.map(i64::from),
                "min_length",
            ),
            (
                c.min_years_ago.map(i64::from),
                c.max_years_ago.map(i64::from),
                "min_years_ago",
            ),
            (
                c.min_count.map(i64::from),
                max_count.map(i64::from),
                "min_count",
            ),
        ];
        for (min, max, name) in backwards {
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    self.push(&at_c, format!("{name} is above its maximum"));
                }
            }
        }
        if kind == FieldKind::Ranking
            && !field.options.is_empty()
            && field.ranking_places() > field.options.len()
        {
            self.push(
                &format!("{at_c}.max_count"),
                format!(
                    "{} places to rank, but only {} options",
                    field.ranking_places(),
                    field.options.len()
                ),
            );
        }
        if field.kind.takes_several()
            && c.min_count
                .is_some_and(|n| n as usize > field.options.len())
        {
            self.push(
                &format!("{at_c}.min_count"),
                "asks for more choices than there are options".into(),
            );
        }
        if let (Some(min), Some(max)) = (c.min, c.max) {
            if min.compare(max).is_gt() {
                self.push(&at_c, "min is above max".into());
            }
        }
        if c.not_in_future && c.not_in_past {
            self.push(
                &at_c,
                "not_in_future and not_in_past leave only today: ask no question".into(),
            );
        }
    }

    /// `accept` and `max_file_bytes` may only narrow down what the backend takes
    /// ([`crate::upload`]): anything else makes the question impossible to answer.
    fn files(&mut self, at: &str, field: &Field) {
        if field.kind != FieldKind::File {
            return;
        }
        let c = &field.constraints;
        for (i, media_type) in c.accept.iter().enumerate() {
            if !upload::is_accepted(media_type) {
                let hint = media_type_meant(media_type)
                    .map(|m| format!(" (did you mean '{m}'?)"))
                    .unwrap_or_default();
                self.push(
                    &format!("{at}.constraints.accept[{i}]"),
                    format!(
                        "the backend never takes '{media_type}' files, only {}{hint}",
                        ACCEPTED_MEDIA_TYPES.join(", ")
                    ),
                );
            }
        }
        match c.max_file_bytes {
            Some(0) => self.push(
                &format!("{at}.constraints.max_file_bytes"),
                "0 bytes: no file could be uploaded".into(),
            ),
            Some(bytes) if bytes > MAX_UPLOAD_BYTES => self.push(
                &format!("{at}.constraints.max_file_bytes"),
                format!(
                    "{bytes} bytes is above the backend's limit of {MAX_UPLOAD_BYTES} bytes ({} MiB) per file",
                    MAX_UPLOAD_BYTES / (1024 * 1024)
                ),
            ),
            _ => {}
        }
    }

    /// A message keyed by a code the question can never report is never shown.
    fn messages(&mut self, at: &str, field: &Field) {
        let kind = field.kind;
        for (name, text) in &field.messages {
            let path = format!("{at}.messages.{name}");
            match ErrorCode::from_name(name) {
                None => self.push(
                    &path,
                    format!(
                        "unknown error code '{name}'{}",
                        did_you_mean(name, kind.error_codes().map(ErrorCode::name))
                    ),
                ),
                Some(code) if !kind.can_report(code) => {
                    let reported: Vec<&str> = kind.error_codes().map(ErrorCode::name).collect();
                    self.push(
                        &path,
                        format!(
                            "a {} field never reports '{name}'; it reports: {}",
                            kind.name(),
                            if reported.is_empty() {
                                "nothing".to_owned()
                            } else {
                                reported.join(", ")
                            }
                        ),
                    );
                }
                Some(ErrorCode::Required) if field.optional => self.push(
                    &path,
                    "an optional question never reports 'required'".into(),
                ),
                Some(_) => {}
            }
            self.text(&path, text);
        }
    }
}

/// What an author most likely meant by a media type the backend does not take:
/// `image/jpg`, `pdf`, `.png`, `Application/PDF`.
fn media_type_meant(written: &str) -> Option<&'static str> {
    let lower = written.trim().to_ascii_lowercase();
    let bare = lower.trim_start_matches('.');
    let bare = bare.rsplit('/').next().unwrap_or(bare);
    let bare = if bare == "jpg" || bare == "pjpeg" {
        "jpeg"
    } else {
        bare
    };
    ACCEPTED_MEDIA_TYPES
        .into_iter()
        .find(|t| t.rsplit('/').next() == Some(bare))
        .or_else(|| nearest(&lower, ACCEPTED_MEDIA_TYPES))
}
