//! A choice from a long list (a breed, a district) as a native drop-down.

use leptos::prelude::*;

use super::field::{describedby, invalid, ErrorMessage, FormGroup, Hint};
use super::radios::RadioOption;
use crate::i18n::{use_i18n, Key, Said};

#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    options: Vec<RadioOption>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let label_view = super::text_input::label(&id, label, is_page_heading);
    let describedby = describedby(&id, hint.is_some(), error);
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    let items = options
        .into_iter()
        .map(|o| {
            let v = o.value.clone();
            view! {
                <option value=o.value lang=o.label.lang prop:selected=move || value.with(|c| *c == v)>{o.label.text}</option>
            }
        })
        .collect_view();
    view! {
        <FormGroup error=error>
            {label_view}
            {hint_view}
            <ErrorMessage id=id.clone() error=error />
            <select
                id=id.clone()
                name=id
                class="input select"
                class:input--error=move || error.with(Option::is_some)
                aria-describedby=describedby
                aria-invalid=invalid(error)
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>
                    {i18n.t(Key::SelectPlaceholder)}
                </option>
                {items}
            </select>
        </FormGroup>
    }
}
