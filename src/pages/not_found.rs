use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::NotFoundTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::NotFoundTitle)}</h1>
        <p>{i18n.t(Key::NotFoundText)}</p>
        <p><a href="/">{i18n.t(Key::ToCatalogue)}</a></p>
    }
}
