//! The city's legal information — Impressum, Datenschutzerklärung, Erklärung zur
//! Barrierefreiheit — read from the file (src/legal.rs), and what the pages make of
//! it. The pages render the structured parts (addresses, contacts, dates) themselves
//! and the city's own paragraphs as plain text, never as HTML.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::date::Date;
use rathaus_core::json::FromJson;
use rathaus_core::{format, json_struct, Locale, Text};

use crate::api::ApiError;
use crate::components::{LoadError, Loading};
use crate::i18n::{use_i18n, I18n, Key};
use crate::legal::{say, text};
use crate::task::Loader;

/// Everything the three pages say about the city.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legal {
    /// "Stadt Musterstadt": the provider (§ 5 DDG) and the controller (Art. 4 DSGVO).
    pub city: Text,
    /// "Körperschaft des öffentlichen Rechts".
    pub legal_form: Text,
    /// "Oberbürgermeisterin Dr. Maria Beispiel".
    pub representative: Text,
    /// Postal address, one line each.
    pub address: Vec<String>,
    pub phone: String,
    pub email: String,
    /// A contact form elsewhere (`https://…`), if the city has one.
    pub contact_form: String,
    /// Umsatzsteuer-Identifikationsnummer, if the city has one.
    pub vat_id: String,
    pub imprint: Imprint,
    pub privacy: Privacy,
    pub accessibility: Accessibility,
}

/// A person or body to write to. Every part but the name may be left empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub name: Text,
    pub address: Vec<String>,
    pub phone: String,
    pub email: String,
    /// `https://…`; anything else is not linked.
    pub web: String,
}

/// A part the city writes itself: a heading and its paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub heading: Text,
    pub paragraphs: Vec<Text>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imprint {
    /// Responsible for the content (§ 18 Abs. 2 MStV).
    pub content_responsible: Contact,
    /// The authority supervising the city (Kommunalaufsicht), if named.
    pub supervisory_authority: Contact,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Privacy {
    /// The data protection officer (Art. 37 DSGVO).
    pub dpo: Contact,
    /// The supervisory authority for complaints (Art. 77 DSGVO).
    pub authority: Contact,
    /// The legal bases: Art. 6 DSGVO with the city's service law.
    pub legal_basis: Vec<Text>,
    /// How long the offices keep cases, and what the server logs.
    pub retention: Vec<Text>,
    /// The payment provider and what it receives.
    pub payment: Vec<Text>,
    /// Days after which the backend deletes uploads no application claimed (30 in
    /// the reference backend).
    pub upload_days: u64,
    /// `2026-11-20`: when the statement was last changed.
    pub updated: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accessibility {
    /// `full`, `partial` or `none`.
    pub status: String,
    /// The law the app is measured against, as it fits "im Einklang mit …".
    pub law: Text,
    /// `2026-11-20`: when the statement was made, and last reviewed.
    pub made_on: String,
    pub reviewed_on: String,
    /// `self` (self-assessment) or `external` (a test by `assessor`).
    pub method: String,
    pub assessor: Text,
    /// What is known not to be accessible, each with its reason or alternative.
    pub barriers: Vec<Text>,
    /// Where to report barriers besides the form.
    pub contact: Contact,
    /// The enforcement body (Schlichtungsstelle, Ombudsstelle).
    pub enforcement: Contact,
    pub enforcement_text: Vec<Text>,
    pub sections: Vec<Section>,
}

json_struct!(Legal {
    city,
    legal_form = default,
    representative = default,
    address,
    phone = default,
    email,
    contact_form = default,
    vat_id = default,
    imprint = default,
    privacy = default,
    accessibility = default,
});
json_struct!(Contact {
    name,
    address = default,
    phone = default,
    email = default,
    web = default,
});
json_struct!(Section {
    heading,
    paragraphs = default,
});
json_struct!(Imprint {
    content_responsible = default,
    supervisory_authority = default,
    sections = default,
});
json_struct!(Privacy {
    dpo = default,
    authority = default,
    legal_basis = default,
    retention = default,
    payment = default,
    upload_days = default,
    updated = default,
    sections = default,
});
json_struct!(Accessibility {
    status = default,
    law = default,
    made_on = default,
    reviewed_on = default,
    method = default,
    assessor = default,
    barriers = default,
    contact = default,
    enforcement = default,
    enforcement_text = default,
    sections = default,
});

impl Contact {
    pub fn is_named(&self) -> bool {
        self.name.has(rathaus_core::text::REQUIRED_LANGUAGE)
    }
}

impl Privacy {
    /// Days unclaimed uploads are kept; the reference backend's 30 if not set.
    pub fn upload_days(&self) -> u64 {
        if self.upload_days == 0 {
            30
        } else {
            self.upload_days
        }
    }
}

thread_local! {
    /// Read once per visit and language, from the file [`text`] read.
    static LOADED: RefCell<Option<(Locale, Arc<Legal>)>> = const { RefCell::new(None) };
}

fn loaded(locale: Locale) -> Option<Arc<Legal>> {
    LOADED.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(l, _)| *l == locale)
            .map(|(_, legal)| legal.clone())
    })
}

/// The file, with the city's texts in `locale` where its translators' file
/// (`/i18n/{code}.city.json`, docs/translations.md) has them for the German there now.
async fn load(locale: Locale) -> Result<Arc<Legal>, ApiError> {
    if let Some(legal) = loaded(locale) {
        return Ok(legal);
    }
    let mut tree = rathaus_core::json::parse(&text().await?).map_err(|_| ApiError::Decode)?;
    if !matches!(locale, Locale::De | Locale::En) {
        // Without it (offline, not kept yet) the texts show in German, marked so.
        let path = format!("/i18n/{}.city.json", locale.code());
        if let Ok((200, body)) = crate::api::fetch_text("GET", &path, None, &[]).await {
            if let Ok(texts) = rathaus_core::json::parse(&body) {
                rathaus_core::translated::lay_onto(&mut tree, &texts, locale.code());
            }
        }
    }
    let read = Legal::from_json(&tree);
    let legal: Arc<Legal> = Arc::new(read.map_err(|_| ApiError::Decode)?);
    LOADED.with(|l| *l.borrow_mut() = Some((locale, legal.clone())));
    Ok(legal)
}

/// The city's legal information in the reader's language, fetched on first use and
/// again when the language changes (what is shown stays until then); `None` while on
/// its way.
pub fn use_legal() -> Loader<Arc<Legal>> {
    let i18n = use_i18n();
    let loader = Loader::idle(move || load(i18n.locale()));
    match loaded(i18n.locale()) {
        Some(legal) => loader.set(Ok(legal)),
        None => loader.reload(),
    }
    Effect::new(move |before: Option<Locale>| {
        let locale = i18n.locale_tracked();
        if before.is_some_and(|b| b != locale) {
            loader.refresh();
        }
        locale
    });
    loader
}

/// Renders `render(legal)` once it is there, with loading and retry states (the page's
/// `<h1>` until then).
pub fn with_legal(render: impl Fn(Arc<Legal>) -> AnyView + Send + Sync + 'static) -> AnyView {
    let data = use_legal();
    (move || match data.get() {
        None => view! { <Loading heading=true /> }.into_any(),
        Some(Ok(legal)) => {
            // The router focused "Wird geladen …" on arrival; the page's own heading
            // replaces it, so focus moves on to that.
            if loading_heading_focused() {
                crate::page::next_frame(crate::page::focus_main_heading);
            }
            render(legal)
        }
        Some(Err(error)) => view! {
            <LoadError error=error retry=move |()| data.reload() heading=true />
        }
        .into_any(),
    })
    .into_any()
}

fn loading_heading_focused() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|e| e.matches("main h1.loading").unwrap_or(false))
}

/// The city's paragraphs, as text.
pub fn paragraphs(i18n: I18n, texts: &[Text]) -> AnyView {
    texts
        .iter()
        .map(|t| {
            let (text, lang) = say(i18n, t);
            view! { <p lang=lang>{text}</p> }
        })
        .collect_view()
        .into_any()
}

/// The city's own sections, each under its heading.
pub fn sections(i18n: I18n, sections: &[Section]) -> AnyView {
    sections
        .iter()
        .map(|s| {
            let (heading, lang) = say(i18n, &s.heading);
            view! {
                <h2 class="heading-m" lang=lang>{heading}</h2>
                {paragraphs(i18n, &s.paragraphs)}
            }
        })
        .collect_view()
        .into_any()
}

/// "20. November 2026" for an ISO date; as written if it is not one.
pub fn date(i18n: I18n, iso: &str) -> String {
    Date::parse_iso(iso.trim())
        .map(|d| format::date(d, i18n.locale()))
        .unwrap_or_else(|| iso.to_owned())
}

/// A web address from the configuration, if it is one to link (never `javascript:`).
pub fn web_link(url: &str) -> Option<String> {
    let url = url.trim();
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_owned())
}

/// `tel:` wants digits and a leading `+`, whatever spacing the city writes.
pub fn tel_link(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// Phone, email and web lines of a contact.
fn reach(i18n: I18n, phone: &str, email: &str, web: &str) -> AnyView {
    let phone = (!phone.trim().is_empty()).then(|| {
        view! {
            <span>{i18n.t(Key::PhoneLabel)} ": " <a href=tel_link(phone)>{phone.to_owned()}</a></span>
        }
    });
    let email = (!email.trim().is_empty()).then(|| {
        view! {
            <span>{i18n.t(Key::EmailLabel)} ": " <a href=format!("mailto:{}", email.trim())>{email.trim().to_owned()}</a></span>
        }
    });
    let web = web_link(web).map(|url| {
        let shown = url.clone();
        view! {
            <span>{i18n.t(Key::WebLabel)} ": " <a href=url rel="external noopener">{shown}</a></span>
        }
    });
    view! { {phone} {email} {web} }.into_any()
}

/// A contact as an `<address>`: name, postal lines, phone, email, web.
pub fn contact(i18n: I18n, c: &Contact) -> AnyView {
    let (name, lang) = say(i18n, &c.name);
    let lines = c
        .address
        .iter()
        .map(|l| view! { <span>{l.clone()}</span> })
        .collect_view();
    view! {
        <address class="contact">
            <span lang=lang>{name}</span>
            {lines}
            {reach(i18n, &c.phone, &c.email, &c.web)}
        </address>
    }
    .into_any()
}

/// The city itself as a contact: name and address, with phone and email if `reach`.
pub fn city_contact(i18n: I18n, legal: &Legal, reach: bool) -> AnyView {
    let (phone, email) = if reach {
        (legal.phone.clone(), legal.email.clone())
    } else {
        Default::default()
    };
    contact(
        i18n,
        &Contact {
            name: legal.city.clone(),
            address: legal.address.clone(),
            phone,
            email,
            web: String::new(),
        },
    )
}

/// Only the ways to reach someone (phone, email, web), as an `<address>`.
pub fn reach_only(i18n: I18n, phone: &str, email: &str, web: &str) -> AnyView {
    view! { <address class="contact">{reach(i18n, phone, email, web)}</address> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_has_every_part_the_pages_need() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/legal.json"))
                .unwrap();
        let legal: Legal = rathaus_core::json::from_str(&text).unwrap();
        for t in [&legal.city, &legal.legal_form, &legal.representative] {
            assert!(t.has("de") && t.has("en"), "{t:?}");
        }
        assert!(!legal.address.is_empty() && !legal.email.is_empty() && !legal.phone.is_empty());
        assert!(legal.imprint.content_responsible.is_named());
        assert!(legal.privacy.dpo.is_named() && legal.privacy.authority.is_named());
        assert!(!legal.privacy.legal_basis.is_empty());
        let a = &legal.accessibility;
        assert!(["full", "partial", "none"].contains(&a.status.as_str()));
        assert!(Date::parse_iso(&a.made_on).is_some());
        assert!(Date::parse_iso(&legal.privacy.updated).is_some());
        assert!(a.enforcement.is_named() && !a.contact.email.is_empty());
        // Honest: the known gaps are listed.
        assert!(a.status != "partial" || !a.barriers.is_empty());
    }

    // Reads the repository's files (and the native-only list of languages).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_shipped_language_has_the_citys_texts_where_the_pages_read_them() {
        let root = env!("CARGO_MANIFEST_DIR");
        let text = std::fs::read_to_string(format!("{root}/public/legal.json")).unwrap();
        for locale in crate::i18n::files::translated() {
            let path = format!("{root}/public/i18n/{}.city.json", locale.code());
            let texts = rathaus_core::json::parse(&std::fs::read_to_string(&path).unwrap());
            let texts = texts.unwrap();
            let mut tree = rathaus_core::json::parse(&text).unwrap();
            let put = rathaus_core::translated::lay_onto(&mut tree, &texts, locale.code());
            // Every translation found its text, with the German it was made from.
            assert_eq!(put, texts.as_object().unwrap().len(), "{path}");
            let legal = Legal::from_json(&tree).unwrap();
            for t in [&legal.city, &legal.privacy.legal_basis[0]] {
                assert!(t.has(locale.code()), "{path}: {t:?}");
            }
        }
    }

    #[test]
    fn a_city_file_with_only_the_essentials_reads() {
        let legal: Legal = rathaus_core::json::from_str(
            r#"{"city":{"de":"Gemeinde Beispiel"},"address":["Markt 1","12345 Beispiel"],"email":"post@beispiel.de"}"#,
        )
        .unwrap();
        assert_eq!(legal.privacy.upload_days(), 30);
        assert!(!legal.imprint.supervisory_authority.is_named());
        // Without the essentials it is not the city's file.
        assert!(rathaus_core::json::from_str::<Legal>(r#"{"city":{"de":"X"}}"#).is_err());
    }

    #[test]
    fn links_from_the_configuration_cannot_run_script() {
        assert_eq!(
            web_link(" https://www.ldi.nrw.de "),
            Some("https://www.ldi.nrw.de".into())
        );
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("//evil.example"), None);
        assert_eq!(tel_link("+49 555 1234-0"), "tel:+4955512340");
        assert_eq!(tel_link("0555 / 12 34"), "tel:05551234");
        assert_eq!(tel_link("javascript:1+1"), "tel:11");
    }
}
