//! The wizard: service definitions turned into pages, with answers kept on the device.

pub mod account;
pub mod messages;
pub mod navigation;
pub mod question;
pub mod saving;

use crate::i18n::Key;

pub use crate::page::today;

/// An answer as the check-your-answers page shows it: option labels instead of values,
/// dates written out, `None` for "not provided".
pub fn display_answer(
    field: &rathaus_core::Field,
    answer: Option<&rathaus_core::Answer>,
    locale: rathaus_core::Locale,
) -> Option<String> {
    use rathaus_core::Answer;
    let answer = answer.filter(|a| !a.is_blank())?;
    let option_label = |value: &str| {
        field
            .options
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.label.get(locale).to_owned())
            .unwrap_or_else(|| value.to_owned())
    };
    use rathaus_core::definition::FieldKind;
    let yes_no = |v: &str| {
        let key = if v == "yes" { Key::Yes } else { Key::No };
        key.text(locale).to_owned()
    };
    Some(match answer {
        Answer::Text(t) if field.kind.has_options() => option_label(t.trim()),
        Answer::Text(t) if matches!(field.kind, FieldKind::YesNo | FieldKind::Declaration) => {
            yes_no(t.trim())
        }
        // A number as it was read, so the citizen sees what the office will see.
        Answer::Text(t) if field.kind.is_numeric() => match field.read_number(t) {
            Some(value) => rathaus_core::format::number(value, field.kind, locale),
            None => t.trim().to_owned(),
        },
        Answer::Text(t) if field.kind == FieldKind::Time => rathaus_core::date::parse_time(t)
            .map_or_else(|| t.trim().to_owned(), rathaus_core::date::time_of_day),
        Answer::Text(t) => t.trim().to_owned(),
        // A ranking in its order: "1. Kita am Park, 2. …".
        Answer::Choices(values) if field.kind == FieldKind::Ranking => values
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(i, v)| format!("{}. {}", i + 1, option_label(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Choices(values) => values
            .iter()
            .map(|v| option_label(v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Date(d) => match d.to_date() {
            Some(date) => rathaus_core::format::date(date, locale),
            None => format!("{}.{}.{}", d.day.trim(), d.month.trim(), d.year.trim()),
        },
        Answer::Address(a) => {
            let town = format!("{} {}", a.postcode.trim(), a.town.trim());
            [a.street.trim(), a.extra.trim(), town.trim()]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        Answer::Files(files) => files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        // Items are shown one by one under their group.
        Answer::Items(items) => items.len().to_string(),
    })
}

/// This service's draft on the device, fitted to the definition as it is now. When the
/// service has changed since the draft began, every answer that still fits is kept and
/// the questions to answer again are noted (and named on the wizard's pages until
/// answered): never a silent loss. A draft already on its way is left as sent.
pub fn draft_for(def: &rathaus_core::definition::ServiceDefinition) -> crate::store::Draft {
    use crate::store::{self, Draft};
    let mut draft = store::load_draft(&def.id).unwrap_or_else(|| Draft::new(&def.id, def.version));
    let unsent = draft.pending.is_none() && draft.submitted_case.is_none();
    if draft.service_version != def.version && unsent {
        let fitted = rathaus_core::migrate::migrate(&draft.answers, def, today());
        draft.answers = fitted.answers;
        draft.answer_again.extend(fitted.answer_again);
        draft.service_version = def.version;
        // Errors the server found in the old version's answers no longer apply.
        draft.server_errors.clear();
        store::save_draft(&draft);
    }
    draft.service_title = Some(def.title.clone());
    draft
}

/// The labels of the questions still to answer again after a change of the service.
pub fn answer_again_labels(
    def: &rathaus_core::definition::ServiceDefinition,
    draft: &crate::store::Draft,
    locale: rathaus_core::Locale,
) -> Vec<String> {
    let mut labels: Vec<String> = draft
        .answer_again
        .iter()
        .filter(|path| {
            // Answered since: no longer to do.
            let (top, rest) = path.split_once('.').unwrap_or((path, ""));
            match draft.answers.get(top) {
                Some(rathaus_core::Answer::Items(items)) => {
                    let mut parts = rest.splitn(2, '.');
                    let item = parts.next().and_then(|n| n.parse::<usize>().ok());
                    let field = parts.next().unwrap_or("");
                    item.and_then(|i| items.get(i))
                        .and_then(|a| a.get(field))
                        .is_none_or(rathaus_core::Answer::is_blank)
                }
                other => other.is_none_or(rathaus_core::Answer::is_blank),
            }
        })
        .filter_map(|path| {
            let field = path.rsplit('.').next().unwrap_or(path);
            def.field(field).map(|f| f.label.get(locale).to_owned())
        })
        .collect();
    labels.dedup();
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::{Answer, DateInput, Field, Locale};

    #[test]
    fn answers_are_shown_in_words() {
        let choice: Field = rathaus_core::json::from_str(
            r#"{"id":"k","type":"single_choice","label":{"de":"K"},
                "options":[{"value":"private","label":{"de":"Für mich","en":"For me"}},
                           {"value":"o","label":{"de":"Behörde"}}]}"#,
        )
        .unwrap();
        let text = |s: &str| Answer::Text(s.into());
        assert_eq!(
            display_answer(&choice, Some(&text("private")), Locale::En).as_deref(),
            Some("For me")
        );
        assert_eq!(display_answer(&choice, Some(&text(" ")), Locale::De), None);
        assert_eq!(display_answer(&choice, None, Locale::De), None);
        let date: Field =
            rathaus_core::json::from_str(r#"{"id":"d","type":"date","label":{"de":"D"}}"#).unwrap();
        let typed = Answer::Date(DateInput {
            day: "7".into(),
            month: "3".into(),
            year: "1990".into(),
        });
        assert_eq!(
            display_answer(&date, Some(&typed), Locale::De).as_deref(),
            Some("7.\u{a0}März\u{a0}1990")
        );
        // A number is shown as its field read it.
        let weight: Field = rathaus_core::json::from_str(
            r#"{"id":"w","type":"decimal","label":{"de":"W"},"constraints":{"decimals":3}}"#,
        )
        .unwrap();
        assert_eq!(
            display_answer(&weight, Some(&text("7.490")), Locale::De).as_deref(),
            Some("7,490")
        );
        let count: Field =
            rathaus_core::json::from_str(r#"{"id":"n","type":"number","label":{"de":"N"}}"#)
                .unwrap();
        assert_eq!(
            display_answer(&count, Some(&text("7.490")), Locale::De).as_deref(),
            Some("7490")
        );
        let plain: Field =
            rathaus_core::json::from_str(r#"{"id":"t","type":"text","label":{"de":"T"}}"#).unwrap();
        assert_eq!(
            display_answer(&plain, Some(&text("  <b>Köln</b> ")), Locale::De).as_deref(),
            Some("<b>Köln</b>")
        );
        let money: Field =
            rathaus_core::json::from_str(r#"{"id":"m","type":"money","label":{"de":"M"}}"#)
                .unwrap();
        assert_eq!(
            display_answer(&money, Some(&text("250.000")), Locale::De).as_deref(),
            Some("250.000,00\u{a0}€")
        );
        let yes_no: Field =
            rathaus_core::json::from_str(r#"{"id":"y","type":"yes_no","label":{"de":"Y"}}"#)
                .unwrap();
        assert_eq!(
            display_answer(&yes_no, Some(&text("no")), Locale::De).as_deref(),
            Some("Nein")
        );
        let address: Field =
            rathaus_core::json::from_str(r#"{"id":"a","type":"address","label":{"de":"A"}}"#)
                .unwrap();
        let typed = Answer::Address(rathaus_core::AddressInput {
            street: "Markt 1 ".into(),
            extra: String::new(),
            postcode: "44135".into(),
            town: "Dortmund".into(),
        });
        assert_eq!(
            display_answer(&address, Some(&typed), Locale::De).as_deref(),
            Some("Markt 1, 44135 Dortmund")
        );
    }
}
