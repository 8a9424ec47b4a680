//! The language chooser in the header of every page: each language named in itself
//! ("Türkçe", "العربية"), so that a reader finds theirs whatever the page is in now.
//! A disclosure (`<details>`), usable by keyboard and screen reader without script;
//! the choice is remembered on the device (`store::save_locale`).

use leptos::prelude::*;
use rathaus_core::Locale;

use super::{use_i18n, Key};

/// Where focus goes when the header is drawn anew in the chosen language.
const SUMMARY: &str = ".language__toggle";

#[component]
pub fn LanguageChooser() -> impl IntoView {
    let i18n = use_i18n();
    let now = i18n.locale();
    let choices = Locale::ALL
        .into_iter()
        .map(|locale| {
            let current = locale == now;
            view! {
                <li>
                    <button
                        type="button"
                        class="language__choice"
                        lang=locale.code()
                        dir=if locale.is_rtl() { "rtl" } else { "ltr" }
                        aria-current=current.then_some("true")
                        on:click=move |_| {
                            i18n.set_locale(locale);
                            // The header is drawn anew: keep focus on the chooser.
                            crate::page::next_frame(|| {
                                crate::components::error_summary::focus_selector(SUMMARY)
                            });
                        }
                    >
                        {locale.endonym()}
                    </button>
                </li>
            }
        })
        .collect_view();
    // Escape closes the open list and puts focus back on its toggle, as a menu does.
    let on_keydown = |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let details = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(details) = details.filter(|d| ev.key() == "Escape" && d.has_attribute("open")) {
            let _ = details.remove_attribute("open");
            crate::components::error_summary::focus_selector(SUMMARY);
        }
    };
    view! {
        <details class="language header__language" on:keydown=on_keydown>
            <summary class="language__toggle">
                <span class="language__label">{i18n.t(Key::Language)}</span>
                <span class="language__current" lang=now.code()>{now.endonym()}</span>
            </summary>
            <ul class="language__list" aria-label=i18n.t(Key::ChooseLanguage)>
                {choices}
            </ul>
        </details>
    }
}
