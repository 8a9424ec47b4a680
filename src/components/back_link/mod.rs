use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// "Back" at the top of a page; a real link, so it works like the browser's back.
#[component]
pub fn BackLink(#[prop(into)] href: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="back-link" href=href>{i18n.t(Key::Back)}</a> }
}
