//! The parts every question shares: hint, error message, and how they are wired.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Said};

pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// `aria-describedby` for a question: its hint, then its error, whichever exist.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    match (has_hint, has_error) {
        (false, false) => None,
        (true, false) => Some(hint_id(id)),
        (false, true) => Some(error_id(id)),
        (true, true) => Some(format!("{} {}", hint_id(id), error_id(id))),
    }
}

/// `aria-describedby` of a question, following its error as it comes and goes. One
/// function for every component, so the app carries this code once.
pub fn describedby(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let id = id.to_owned();
    move || described_by(&id, has_hint, error.with(Option::is_some))
}

/// `aria-invalid` of an input with this error.
pub fn invalid(
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<&'static str> + Clone + Send + Sync + 'static {
    move || error.with(Option::is_some).then_some("true")
}

#[component]
pub fn Hint(#[prop(into)] id: String, #[prop(into)] text: Said) -> impl IntoView {
    view! { <div id=hint_id(&id) class="hint" lang=text.lang>{text.text}</div> }
}

/// The message next to the field, with a hidden "Error:" for screen readers.
#[component]
pub fn ErrorMessage(
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|message| {
            view! {
                <p id=error_id(&id) class="error-message">
                    <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)} " "</span>
                    {message}
                </p>
            }
        })
    }
}

/// The legend of a fieldset question; the page's `<h1>` when it is the only question.
pub fn legend(text: Said, is_page_heading: bool) -> AnyView {
    let Said { text, lang } = text;
    if is_page_heading {
        view! {
            <legend class="fieldset__legend fieldset__legend--heading" lang=lang><h1>{text}</h1></legend>
        }
        .into_any()
    } else {
        view! { <legend class="fieldset__legend" lang=lang>{text}</legend> }.into_any()
    }
}

/// The wrapper of one question; marks it when it has an error.
#[component]
pub fn FormGroup(#[prop(into)] error: Signal<Option<String>>, children: Children) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describedby_lists_hint_then_error() {
        assert_eq!(described_by("a", false, false), None);
        assert_eq!(described_by("a", true, false).as_deref(), Some("a-hint"));
        assert_eq!(described_by("a", false, true).as_deref(), Some("a-error"));
        assert_eq!(
            described_by("a", true, true).as_deref(),
            Some("a-hint a-error")
        );
    }
}
