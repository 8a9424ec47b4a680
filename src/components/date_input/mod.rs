//! The GOV.UK date input: three boxes for day, month and year, kept exactly as typed.

use leptos::prelude::*;
use rathaus_core::DateInput as DateParts;

use super::field::{describedby, invalid, ErrorMessage, FormGroup, Hint};
use crate::i18n::{use_i18n, Key, Said};

#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] value: Signal<DateParts>,
    #[prop(into)] on_input: Callback<DateParts>,
    #[prop(optional)] is_page_heading: bool,
    /// `bday` makes the boxes `bday-day`, `bday-month`, `bday-year`.
    #[prop(optional, into)]
    autocomplete: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_hint = hint.is_some();
    let describedby = describedby(&id, has_hint, error);
    let legend_view = super::field::legend(legend, is_page_heading);
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    let part = {
        let id = id.clone();
        move |name: &'static str, label: Key, width: &'static str| {
            let input_id = format!("{id}-{name}");
            let autocomplete = autocomplete.as_ref().map(|a| format!("{a}-{name}"));
            let current = move || {
                value.with(|v| match name {
                    "day" => v.day.clone(),
                    "month" => v.month.clone(),
                    _ => v.year.clone(),
                })
            };
            let on_part = move |ev: leptos::ev::Event| {
                let mut next = value.get_untracked();
                let typed = event_target_value(&ev);
                match name {
                    "day" => next.day = typed,
                    "month" => next.month = typed,
                    _ => next.year = typed,
                }
                on_input.run(next);
            };
            view! {
                <div class="date-input__item">
                    <label class="date-input__label" for=input_id.clone()>{i18n.t(label)}</label>
                    <input
                        id=input_id.clone()
                        name=input_id
                        type="text"
                        inputmode="numeric"
                        class=format!("input date-input__input {width}")
                        class:input--error=move || error.with(Option::is_some)
                        aria-invalid=invalid(error)
                        autocomplete=autocomplete
                        prop:value=current
                        on:input=on_part
                    />
                </div>
            }
        }
    };
    view! {
        <FormGroup error=error>
            <fieldset class="fieldset" role="group" aria-describedby=describedby>
                {legend_view}
                {hint_view}
                <ErrorMessage id=id.clone() error=error />
                <div class="date-input" id=id.clone()>
                    {part("day", Key::DateDay, "date-input__input--2")}
                    {part("month", Key::DateMonth, "date-input__input--2")}
                    {part("year", Key::DateYear, "date-input__input--4")}
                </div>
            </fieldset>
        </FormGroup>
    }
}
