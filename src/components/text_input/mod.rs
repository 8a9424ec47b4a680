//! Single-line and multi-line text questions.

use leptos::prelude::*;

use super::field::{describedby, invalid, ErrorMessage, FormGroup, Hint};
use crate::i18n::Said;

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
    /// A whole number: numeric keyboard.
    Number,
    /// A number with decimals.
    Decimal,
    /// An amount in euros, with "€" after the box.
    Money,
    Phone,
    /// An IBAN: wide, upper case, no spellcheck.
    Iban,
    /// The 11-digit tax identification number.
    TaxId,
    /// A time of day, `14:30`: a narrow box; the keyboard with a separator.
    Time,
}

/// The label of a single input; the page's `<h1>` when it is the only question.
pub(crate) fn label(id: &str, text: Said, is_page_heading: bool) -> AnyView {
    let for_id = id.to_owned();
    let Said { text, lang } = text;
    if is_page_heading {
        view! {
            <h1 class="label-wrapper">
                <label class="label label--heading" for=for_id lang=lang>{text}</label>
            </h1>
        }
        .into_any()
    } else {
        view! { <label class="label" for=for_id lang=lang>{text}</label> }.into_any()
    }
}

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: Said,
    #[prop(optional, into)] hint: Option<Said>,
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
    let label_view = self::label(&id, label, is_page_heading);
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
            use TextInputKind as K;
            let (input_type, inputmode, width, no_spellcheck) = match kind {
                K::Email => ("email", None, "input--width-30", true),
                K::Postcode => ("text", Some("numeric"), "input--width-5", true),
                K::Code | K::TaxId => (
                    "text",
                    Some("numeric").filter(|_| kind == K::TaxId),
                    "input--width-20",
                    true,
                ),
                K::Number => ("text", Some("numeric"), "input--width-10", true),
                K::Decimal | K::Money => ("text", Some("decimal"), "input--width-10", true),
                K::Phone => ("tel", None, "input--width-20", true),
                K::Iban => ("text", None, "input--width-30", true),
                K::Time => ("text", Some("decimal"), "input--width-5", true),
                _ => ("text", None, "input--full", false),
            };
            let upper = matches!(kind, K::Code | K::Iban);
            let input = view! {
                <input
                    id=id.clone()
                    name=id.clone()
                    type=input_type
                    class=format!("input {width}")
                    class:input--error=move || error.with(Option::is_some)
                    inputmode=inputmode
                    spellcheck=no_spellcheck.then_some("false")
                    autocapitalize=upper.then_some("characters")
                    autocomplete=autocomplete
                    aria-describedby=describedby
                    aria-invalid=invalid
                    prop:value=value
                    on:input=on_input_ev
                />
            };
            if kind == K::Money {
                view! {
                    <div class="input__wrapper">
                        {input}
                        <span class="input__suffix" aria-hidden="true">"€"</span>
                    </div>
                }
                .into_any()
            } else {
                input.into_any()
            }
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
