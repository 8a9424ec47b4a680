//! The wizard: service definitions turned into pages, with answers kept on the device.

pub mod messages;
pub mod question;

use rathaus_core::date::Date;

/// The citizen's civil date, from the device clock in its time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

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
    Some(match answer {
        Answer::Text(t) if field.kind.has_options() => option_label(t.trim()),
        Answer::Text(t) => t.trim().to_owned(),
        Answer::Choices(values) => values
            .iter()
            .map(|v| option_label(v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Date(d) => match d.to_date() {
            Some(date) => rathaus_core::format::date(date, locale),
            None => format!("{}.{}.{}", d.day.trim(), d.month.trim(), d.year.trim()),
        },
    })
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
            Some("7. März 1990")
        );
        let plain: Field =
            rathaus_core::json::from_str(r#"{"id":"t","type":"text","label":{"de":"T"}}"#).unwrap();
        assert_eq!(
            display_answer(&plain, Some(&text("  <b>Köln</b> ")), Locale::De).as_deref(),
            Some("<b>Köln</b>")
        );
    }
}
