//! A multiple choice as checkboxes ("Wählen Sie alle zutreffenden aus").

use leptos::prelude::*;

use super::radios::{choice_items, fieldset_question, RadioOption};
use crate::i18n::Said;

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
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let order: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
    let on_toggle = Callback::new(move |(v, checked): (String, bool)| {
        let chosen = value.get_untracked();
        // Kept in the order of the options, whatever order they were ticked in.
        let next = order
            .iter()
            .filter(|o| {
                if **o == v {
                    checked
                } else {
                    chosen.contains(o)
                }
            })
            .cloned()
            .collect();
        on_change.run(next);
    });
    let items = choice_items(
        &id,
        options,
        true,
        move |v| value.with(|chosen| chosen.iter().any(|c| c == v)),
        on_toggle,
    );
    let inputs = view! { <div class="checkboxes">{items}</div> };
    fieldset_question(id, legend, hint, error, is_page_heading, false, inputs)
}
