//! A single choice as radio buttons, with an optional hint per option.

use leptos::prelude::*;

use super::field::{describedby, ErrorMessage, FormGroup, Hint};
use crate::i18n::Said;

#[derive(Clone, Debug, PartialEq)]
pub struct RadioOption {
    pub value: String,
    pub label: Said,
    pub hint: Option<Said>,
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

/// The items of a choice question: radios, or checkboxes when `multiple`. Shared by
/// [`Radios`] and [`super::Checkboxes`], so the app carries this markup once.
pub(crate) fn choice_items(
    id: &str,
    options: Vec<RadioOption>,
    multiple: bool,
    is_checked: impl Fn(&str) -> bool + Clone + Send + Sync + 'static,
    on_toggle: Callback<(String, bool)>,
    // Before this option's value, a divider with the text ("oder").
    divider: Option<(String, &'static str)>,
) -> impl IntoView {
    let input_type = if multiple { "checkbox" } else { "radio" };
    options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let divider = divider
                .as_ref()
                .filter(|(before, _)| *before == option.value)
                .map(|(_, text)| view! { <div class="checkboxes__divider">{*text}</div> });
            let input_id = radio_id(id, i);
            let option_hint_id = format!("{input_id}-item-hint");
            let value = option.value.clone();
            let checked_value = option.value.clone();
            let is_checked = is_checked.clone();
            view! {
                {divider}
                <div class="choice radios__item">
                    <input
                        class="choice__input"
                        id=input_id.clone()
                        name=id.to_owned()
                        type=input_type
                        value=option.value.clone()
                        aria-describedby=option.hint.is_some().then(|| option_hint_id.clone())
                        prop:checked=move || is_checked(&checked_value)
                        on:change=move |ev| on_toggle.run((value.clone(), event_target_checked(&ev)))
                    />
                    <label class="label choice__label" for=input_id lang=option.label.lang>{option.label.text}</label>
                    {option.hint.map(|h| view! { <div id=option_hint_id class="hint radios__hint" lang=h.lang>{h.text}</div> })}
                </div>
            }
        })
        .collect_view()
}

/// A fieldset question: legend (the page's `<h1>` when alone), hint, error, and the
/// inputs, wired by the field contract.
pub(crate) fn fieldset_question(
    id: String,
    legend: Said,
    hint: Option<Said>,
    error: Signal<Option<String>>,
    is_page_heading: bool,
    role_group: bool,
    inputs: impl IntoView + 'static,
) -> impl IntoView {
    let describedby = describedby(&id, hint.is_some(), error);
    let legend_view = super::field::legend(legend, is_page_heading);
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    view! {
        <FormGroup error=error>
            <fieldset class="fieldset" role=role_group.then_some("group") aria-describedby=describedby>
                {legend_view}
                {hint_view}
                <ErrorMessage id=id error=error />
                {inputs}
            </fieldset>
        </FormGroup>
    }
}

#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] legend: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    options: Vec<RadioOption>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] is_page_heading: bool,
    /// Side by side, for two short options such as "Ja" and "Nein".
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let items = choice_items(
        &id,
        options,
        false,
        move |v| value.with(|current| current == v),
        Callback::new(move |(v, _)| on_change.run(v)),
        None,
    );
    let inputs = view! { <div class="radios" class:radios--inline=inline>{items}</div> };
    fieldset_question(id, legend, hint, error, is_page_heading, false, inputs)
}
