//! Ranked preferences (1st, 2nd, 3rd choice) as a fieldset of native drop-downs, one
//! per place: typed and read like any `<select>`, by keyboard and screen reader alike,
//! rather than a drag widget. A value put at one place leaves any other
//! (`rathaus_core::definition::ranked_choices`).

use leptos::prelude::*;
use rathaus_core::definition::ranked_choices;

use super::radios::{fieldset_question, radio_id, RadioOption};
use crate::i18n::{use_i18n, Key, Said};

#[component]
pub fn Ranking(
    #[prop(into)] id: String,
    #[prop(into)] legend: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    options: Vec<RadioOption>,
    /// The label of each place ("1. Wahl", …), one drop-down per label.
    place_labels: Vec<String>,
    /// The values by place, first choice first; an empty string is an empty place.
    #[prop(into)]
    value: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = place_labels
        .into_iter()
        .enumerate()
        .map(|(place, label)| {
            // The first takes the question's id: an error summary link lands on it.
            let select_id = radio_id(&id, place);
            let at = move || value.with(|v| v.get(place).cloned().unwrap_or_default());
            let items = options
                .iter()
                .map(|o| {
                    let v = o.value.clone();
                    view! {
                        <option value=o.value.clone() lang=o.label.lang prop:selected=move || at() == v>
                            {o.label.text.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <div class="ranking__place">
                    <label class="label" for=select_id.clone()>{label}</label>
                    <select
                        id=select_id.clone()
                        name=select_id
                        class="input select"
                        class:input--error=move || error.with(Option::is_some)
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            on_change.run(value.with(|v| ranked_choices(v, place, &chosen)));
                        }
                    >
                        <option value="" prop:selected=move || at().is_empty()>
                            {i18n.t(Key::SelectPlaceholder)}
                        </option>
                        {items}
                    </select>
                </div>
            }
        })
        .collect_view();
    let inputs = view! { <div class="ranking">{rows}</div> };
    fieldset_question(id, legend, hint, error, is_page_heading, false, inputs)
}
