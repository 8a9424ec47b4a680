//! A postal address as four boxes: street and number, an optional extra line, postcode
//! and town. One question, one error message; the box the error is about is marked.

use leptos::prelude::*;
use rathaus_core::AddressInput as AddressParts;

use super::radios::fieldset_question;
use crate::i18n::{use_i18n, Key, Said};

/// The box an address error is about (`street`, `postcode`, `town`), for marking it
/// and for the error summary's link.
pub fn address_part_id(id: &str, part: &str) -> String {
    format!("{id}-{part}")
}

#[component]
pub fn AddressInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Which box the error is about.
    #[prop(into)]
    error_part: Signal<Option<&'static str>>,
    #[prop(into)] value: Signal<AddressParts>,
    #[prop(into)] on_input: Callback<AddressParts>,
    #[prop(optional)] is_page_heading: bool,
    /// The autofill tokens of the four boxes (`rathaus_core::autocomplete::address_tokens`):
    /// a place that is nobody's saved address is not filled in.
    #[prop(default = ["off"; 4])]
    autocomplete: [&'static str; 4],
) -> impl IntoView {
    let i18n = use_i18n();
    let part = |name: &'static str, label: Key, token: &'static str, width: &'static str| {
        let input_id = address_part_id(&id, name);
        let marked = move || error.with(Option::is_some) && error_part.get() == Some(name);
        let current = move || {
            value.with(|v| {
                v.parts()
                    .into_iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, p)| p.clone())
                    .unwrap_or_default()
            })
        };
        let on_part = move |ev: leptos::ev::Event| {
            let mut next = value.get_untracked();
            if let Some(slot) = next.part_mut(name) {
                *slot = event_target_value(&ev);
            }
            on_input.run(next);
        };
        view! {
            <div class="address__item">
                <label class="label address__label" for=input_id.clone()>{i18n.t(label)}</label>
                <input
                    id=input_id.clone()
                    name=input_id
                    type="text"
                    class=format!("input {width}")
                    class:input--error=marked
                    aria-invalid=move || marked().then_some("true")
                    autocomplete=token
                    inputmode=(name == "postcode").then_some("numeric")
                    prop:value=current
                    on:input=on_part
                />
            </div>
        }
    };
    let inputs = view! {
        <div class="address">
            {part("street", Key::AddressStreet, autocomplete[0], "input--full")}
            {part("extra", Key::AddressExtra, autocomplete[1], "input--full")}
            {part("postcode", Key::AddressPostcode, autocomplete[2], "input--width-5")}
            {part("town", Key::AddressTown, autocomplete[3], "input--width-30")}
        </div>
    };
    fieldset_question(id, legend, hint, error, is_page_heading, true, inputs)
}
