//! One checkbox that must be ticked, such as a declaration.

use leptos::prelude::*;

use super::field::{describedby, invalid, ErrorMessage, FormGroup};
use crate::i18n::Said;

#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: Said,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let describedby = describedby(&id, false, error);
    view! {
        <FormGroup error=error>
            <ErrorMessage id=id.clone() error=error />
            <div class="choice">
                <input
                    class="choice__input"
                    id=id.clone()
                    name=id.clone()
                    type="checkbox"
                    aria-describedby=describedby
                    aria-invalid=invalid(error)
                    prop:checked=checked
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <label class="label choice__label" for=id lang=label.lang>{label.text}</label>
            </div>
        </FormGroup>
    }
}
