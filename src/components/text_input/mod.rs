//! Single-line and multi-line text questions.

use leptos::prelude::*;

use super::field::{describedby, invalid, ErrorMessage, FormGroup, Hint};

/// What kind of text is asked for; decides the keyboard phones show and the width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextInputKind {
    #[default]
    Text,
    LongText,
    Email,
    /// Five digits: a narrow box and the numeric keyboard.
    Postcode,
    /// A code of letters and digits, typed as printed: no spellcheck, no autocorrect.
    Code,
}

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// The label is the page's `<h1>` (a page with one question).
    #[prop(optional)]
    is_page_heading: bool,
    #[prop(optional)] kind: TextInputKind,
    #[prop(optional, into)] autocomplete: Option<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describedby = describedby(&id, has_hint, error);
    let invalid = invalid(error);
    let label_view = if is_page_heading {
        view! {
            <h1 class="label-wrapper">
                <label class="label label--heading" for=id.clone()>{label}</label>
            </h1>
        }
        .into_any()
    } else {
        view! { <label class="label" for=id.clone()>{label}</label> }.into_any()
    };
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    let on_input_ev = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = match kind {
        TextInputKind::LongText => view! {
            <textarea
                id=id.clone()
                name=id.clone()
                class="textarea"
                class:input--error=move || error.with(Option::is_some)
                rows="5"
                aria-describedby=describedby
                aria-invalid=invalid
                autocomplete=autocomplete
                prop:value=value
                on:input=on_input_ev
            ></textarea>
        }
        .into_any(),
        _ => {
            let (input_type, inputmode, width, no_spellcheck) = match kind {
                TextInputKind::Email => ("email", None, "input--width-30", true),
                TextInputKind::Postcode => ("text", Some("numeric"), "input--width-5", true),
                TextInputKind::Code => ("text", None, "input--width-20", true),
                _ => ("text", None, "input--full", false),
            };
            view! {
                <input
                    id=id.clone()
                    name=id.clone()
                    type=input_type
                    class=format!("input {width}")
                    class:input--error=move || error.with(Option::is_some)
                    inputmode=inputmode
                    spellcheck=no_spellcheck.then_some("false")
                    autocapitalize=(kind == TextInputKind::Code).then_some("characters")
                    autocomplete=autocomplete
                    aria-describedby=describedby
                    aria-invalid=invalid
                    prop:value=value
                    on:input=on_input_ev
                />
            }
            .into_any()
        }
    };
    view! {
        <FormGroup error=error>
            {label_view}
            {hint_view}
            <ErrorMessage id=id.clone() error=error />
            {control}
        </FormGroup>
    }
}
