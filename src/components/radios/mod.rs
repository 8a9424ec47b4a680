//! A single choice as radio buttons, with an optional hint per option.

use leptos::prelude::*;

use super::field::{describedby, ErrorMessage, FormGroup, Hint};

#[derive(Clone, Debug, PartialEq)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// The id of the n-th radio: the first takes the question's id, so that an error
/// summary link to the question lands on it.
pub fn radio_id(id: &str, index: usize) -> String {
    if index == 0 {
        id.to_owned()
    } else {
        format!("{id}-{}", index + 1)
    }
}

#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
    options: Vec<RadioOption>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describedby = describedby(&id, has_hint, error);
    let legend_view = super::field::legend(legend, is_page_heading);
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    let items = {
        let id = id.clone();
        options
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let input_id = radio_id(&id, i);
                    let option_hint_id = format!("{input_id}-item-hint");
                    let checked_value = option.value.clone();
                    let change_value = option.value.clone();
                    view! {
                        <div class="choice radios__item">
                            <input
                                class="choice__input"
                                id=input_id.clone()
                                name=id.clone()
                                type="radio"
                                value=option.value.clone()
                                aria-describedby=option.hint.is_some().then(|| option_hint_id.clone())
                                prop:checked=move || value.with(|v| *v == checked_value)
                                on:change=move |_| on_change.run(change_value.clone())
                            />
                            <label class="label choice__label" for=input_id>{option.label}</label>
                            {option.hint.map(|h| view! { <div id=option_hint_id class="hint radios__hint">{h}</div> })}
                        </div>
                    }
                })
                .collect_view()
    };
    view! {
        <FormGroup error=error>
            <fieldset class="fieldset" aria-describedby=describedby>
                {legend_view}
                {hint_view}
                <ErrorMessage id=id.clone() error=error />
                <div class="radios">{items}</div>
            </fieldset>
        </FormGroup>
    }
}
