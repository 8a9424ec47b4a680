//! The primary action of a page.

use leptos::prelude::*;

/// A submit button. While `busy`, presses are ignored (not disabled: a disabled button
/// drops keyboard focus) and `busy_label` is shown and announced.
#[component]
pub fn Button(
    #[prop(into)] label: String,
    #[prop(optional, into)] busy: Option<Signal<bool>>,
    #[prop(optional, into)] busy_label: Option<String>,
    #[prop(optional)] secondary: bool,
    #[prop(optional)] warning: bool,
    #[prop(optional, into)] on_click: Option<Callback<()>>,
    #[prop(optional, into)] button_type: Option<&'static str>,
) -> impl IntoView {
    let busy = busy.unwrap_or_else(|| Signal::stored(false));
    let text = move || match (busy.get(), &busy_label) {
        (true, Some(l)) => l.clone(),
        _ => label.clone(),
    };
    view! {
        <button
            type=button_type.unwrap_or("submit")
            class="button"
            class:button--secondary=secondary
            class:button--warning=warning
            aria-disabled=move || busy.get().then_some("true")
            on:click=move |ev| {
                if busy.get_untracked() {
                    ev.prevent_default();
                } else if let Some(cb) = on_click {
                    cb.run(());
                }
            }
        >
            {text}
        </button>
    }
}

/// "Drucken": the browser's print dialog, for confirmations and receipts the citizen
/// may want on paper (the print stylesheet hides the frame and `.no-print`).
#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <button
            type="button"
            class="button button--secondary"
            on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
        >
            {i18n.t(crate::i18n::Key::Print)}
        </button>
    }
}
