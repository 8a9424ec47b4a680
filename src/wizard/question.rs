//! One question of a service definition, rendered by the component for its type.

use leptos::prelude::*;
use rathaus_core::answers::{Answer, Answers, DateInput as DateParts};
use rathaus_core::definition::{Field, FieldKind};

use crate::components::{DateInput, RadioOption, Radios, TextInput, TextInputKind};
use crate::i18n::{use_i18n, Key};

/// The text of a text-like answer exactly as typed.
pub fn raw_text(answers: &Answers, field: &str) -> String {
    match answers.get(field) {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

/// The answer to a text-like question as typed, and how to change it.
fn text_binding(
    answers: RwSignal<Answers>,
    id: &str,
    changed: impl Fn() + Clone + Send + Sync + 'static,
) -> (
    Signal<String>,
    impl Fn(String) + Clone + Send + Sync + 'static,
) {
    let read = id.to_owned();
    let write = id.to_owned();
    let value = Signal::derive(move || answers.with(|a| raw_text(a, &read)));
    let set = move |v: String| {
        answers.update(|a| a.set_text(write.clone(), v));
        changed();
    };
    (value, set)
}

#[component]
pub fn Question(
    field: Field,
    answers: RwSignal<Answers>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Called after every change, to drop an error the change has fixed.
    #[prop(into)]
    on_change: Callback<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field.id.clone();
    let label = if field.optional {
        format!("{} {}", i18n.text(&field.label), i18n.t(Key::Optional))
    } else {
        i18n.text(&field.label)
    };
    let hint = field.hint.as_ref().map(|h| i18n.text(h));
    let changed = {
        let id = id.clone();
        move || on_change.run(id.clone())
    };
    match field.kind {
        FieldKind::Date => {
            let value = {
                let id = id.clone();
                Signal::derive(move || {
                    answers.with(|a| match a.get(&id) {
                        Some(Answer::Date(d)) => d.clone(),
                        _ => DateParts::default(),
                    })
                })
            };
            let set = {
                let id = id.clone();
                move |d: DateParts| {
                    answers.update(|a| a.set(id.clone(), Answer::Date(d)));
                    changed();
                }
            };
            view! {
                <DateInput
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=error
                    value=value
                    on_input=set
                    is_page_heading=is_page_heading
                    nostrip:autocomplete=field.autocomplete.clone()
                />
            }
            .into_any()
        }
        FieldKind::SingleChoice => {
            let options = field
                .options
                .iter()
                .map(|o| RadioOption {
                    value: o.value.clone(),
                    label: i18n.text(&o.label),
                    hint: o.hint.as_ref().map(|h| i18n.text(h)),
                })
                .collect::<Vec<_>>();
            let (value, set) = text_binding(answers, &id, changed.clone());
            view! {
                <Radios
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=error
                    options=options
                    value=value
                    on_change=set
                    is_page_heading=is_page_heading
                />
            }
            .into_any()
        }
        kind => {
            let input_kind = match kind {
                FieldKind::LongText => TextInputKind::LongText,
                FieldKind::Email => TextInputKind::Email,
                FieldKind::Postcode => TextInputKind::Postcode,
                _ => TextInputKind::Text,
            };
            let (value, set) = text_binding(answers, &id, changed.clone());
            view! {
                <TextInput
                    id=id
                    label=label
                    nostrip:hint=hint
                    error=error
                    value=value
                    on_input=set
                    is_page_heading=is_page_heading
                    kind=input_kind
                    nostrip:autocomplete=field.autocomplete.clone()
                />
            }
            .into_any()
        }
    }
}
