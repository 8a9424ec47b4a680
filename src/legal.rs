//! The city's legal file (`/legal.json`, which a city edits next to `config.json`
//! without rebuilding, docs/legal.md) as every module reads it: the file's text, once
//! per visit; the footer's links to the legal pages; and the short privacy notice on
//! a service's start page, which reads only the city's name, so that the wizard's
//! module does not carry the legal pages' code. The pages themselves, and the file
//! read as a whole, are the legal module (src/pages/legal/).

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::Text;

use crate::api::{self, ApiError};
use crate::i18n::{fill, use_i18n, I18n, Key};

/// Where the app reads the city's legal information (`public/legal.json` in the
/// repository, `dist/legal.json` once built).
pub const LEGAL_PATH: &str = "/legal.json";

thread_local! {
    /// Read once per visit: a reload reads the file again, so a city's change shows.
    static TEXT: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
}

/// The file as the city wrote it.
pub async fn text() -> Result<Arc<str>, ApiError> {
    if let Some(text) = TEXT.with(|t| t.borrow().clone()) {
        return Ok(text);
    }
    let (status, body) = api::fetch_text("GET", LEGAL_PATH, None, &[]).await?;
    if !(200..300).contains(&status) {
        return Err(ApiError::Status { status, body: None });
    }
    let text: Arc<str> = body.into();
    TEXT.with(|t| *t.borrow_mut() = Some(text.clone()));
    Ok(text)
}

/// The city's name alone, read from the file's JSON without its codec.
fn city_in(text: &str) -> Option<Text> {
    use rathaus_core::json::FromJson;
    Text::from_json(rathaus_core::json::parse(text).ok()?.get("city")?).ok()
}

/// A city's text in the reader's language, and `Some("de")` for the element's `lang`
/// when it falls back to German.
pub fn say(i18n: I18n, text: &Text) -> (String, Option<&'static str>) {
    (i18n.text(text), i18n.lang_of(text))
}

/// The links every page's footer carries to the three pages.
pub fn footer_links() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav aria-label=i18n.t(Key::LegalNavigation)>
            <ul class="footer__links">
                <li><a href="/impressum">{i18n.t(Key::ImprintTitle)}</a></li>
                <li><a href="/datenschutz">{i18n.t(Key::PrivacyTitle)}</a></li>
                <li><a href="/barrierefreiheit">{i18n.t(Key::AccessibilityTitle)}</a></li>
            </ul>
        </nav>
    }
}

/// The short notice before a wizard asks for personal data (Art. 13 DSGVO, first
/// layer): who is responsible, what for, and the link to the full statement. The
/// service's own sentence comes from its definition (`privacy`).
pub fn privacy_notice(service_sentence: Option<Text>) -> AnyView {
    let i18n = use_i18n();
    let known = TEXT.with(|t| t.borrow().as_deref().and_then(city_in));
    let city: RwSignal<Option<Text>> = RwSignal::new(known);
    if city.with_untracked(Option::is_none) {
        crate::spawn(async move {
            if let Ok(text) = text().await {
                city.try_set(city_in(&text));
            }
        });
    }
    // Until the file is read (or if it cannot be), the name the app was built with.
    let who = move || {
        let city = city
            .get()
            .map(|c| say(i18n, &c).0)
            .unwrap_or_else(|| i18n.t(Key::CityName).to_owned());
        fill(i18n.t(Key::PrivacyNoticeWho), &[("city", &city)])
    };
    let service = service_sentence.map(|t| {
        let (text, lang) = say(i18n, &t);
        view! { " " <span lang=lang>{text}</span> }
    });
    view! {
        <section class="privacy-notice" aria-labelledby="privacy-notice-title">
            <h2 class="heading-s" id="privacy-notice-title">{i18n.t(Key::PrivacyNoticeTitle)}</h2>
            <p>{who} {service} " " {i18n.t(Key::PrivacyNoticeDevice)}</p>
            <p><a href="/datenschutz">{i18n.t(Key::PrivacyNoticeLink)}</a></p>
        </section>
    }
    .into_any()
}
