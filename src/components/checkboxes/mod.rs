//! A multiple choice as checkboxes ("Wählen Sie alle zutreffenden aus").

use leptos::prelude::*;

use rathaus_core::definition::toggled_choices;

use super::radios::{choice_items, fieldset_question, RadioOption};
use crate::i18n::{use_i18n, Key, Said};

#[component]
pub fn Checkboxes(
    #[prop(into)] id: String,
    #[prop(into)] legend: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    options: Vec<RadioOption>,
    /// The chosen values, in the order of the options.
    #[prop(into)]
    value: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
    /// The value of the option chosen alone ("none of these"), shown after an "or".
    #[prop(optional)]
    exclusive: Option<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let order: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
    let divider = exclusive
        .clone()
        .map(|value| (value, use_i18n().t(Key::ChoiceOr)));
    let on_toggle = Callback::new(move |(v, checked): (String, bool)| {
        let chosen = value.get_untracked();
        on_change.run(toggled_choices(
            &order,
            &chosen,
            exclusive.as_deref(),
            &v,
            checked,
        ));
    });
    let items = choice_items(
        &id,
        options,
        true,
        move |v| value.with(|chosen| chosen.iter().any(|c| c == v)),
        on_toggle,
        divider,
    );
    let inputs = view! { <div class="checkboxes">{items}</div> };
    fieldset_question(id, legend, hint, error, is_page_heading, false, inputs)
}
