//! Erklärung zur Barrierefreiheit, in the order of the EU model statement
//! (Durchführungsbeschluss (EU) 2018/1523): the commitment and what the statement
//! covers, the compliance status with the known barriers, when and how it was made,
//! the feedback mechanism (the form and the city's contacts) and the enforcement body.
//! The city's facts and texts come from `legal.json`.

use std::sync::Arc;

use leptos::prelude::*;

use super::content::{contact, date, paragraphs, sections, with_legal, Legal};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::legal::say;
use crate::page::use_document_title;
use crate::router::{LegalRoute, Route};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::AccessibilityTitle).into(), false.into());
    with_legal(move |legal| statement(i18n, legal))
}

/// Where this app is served: the statement names what it covers.
fn own_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn statement(i18n: I18n, legal: Arc<Legal>) -> AnyView {
    let a = &legal.accessibility;
    let city = say(i18n, &legal.city).0;
    let law = say(i18n, &a.law).0;
    let status = match a.status.as_str() {
        "full" => Key::A11yFull,
        "none" => Key::A11yNone,
        // Anything else claims nothing more than partial compliance.
        _ => Key::A11yPartial,
    };
    let barriers = (!a.barriers.is_empty()).then(|| {
        let items = a
            .barriers
            .iter()
            .map(|b| {
                let (text, lang) = say(i18n, b);
                view! { <li lang=lang>{text}</li> }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">{i18n.t(Key::A11yBarriers)}</h2>
            <ul class="list list--bullet">{items}</ul>
        }
    });
    let made_on = fill(
        i18n.t(Key::A11yMadeOn),
        &[("date", &date(i18n, &a.made_on))],
    );
    let reviewed = (!a.reviewed_on.trim().is_empty()).then(|| {
        fill(
            i18n.t(Key::A11yReviewedOn),
            &[("date", &date(i18n, &a.reviewed_on))],
        )
    });
    let method = if a.method == "external" {
        fill(
            i18n.t(Key::A11yExternal),
            &[("assessor", &say(i18n, &a.assessor).0)],
        )
    } else {
        i18n.t(Key::A11ySelf).to_owned()
    };
    let city_contact = a.contact.is_named().then(|| contact(i18n, &a.contact));
    let enforcement = a.enforcement.is_named().then(|| {
        view! {
            <h2 class="heading-m">{i18n.t(Key::A11yEnforcement)}</h2>
            <p>{i18n.t(Key::A11yEnforcementText)}</p>
            {contact(i18n, &a.enforcement)}
            {paragraphs(i18n, &a.enforcement_text)}
        }
    });
    view! {
        <h1 class="heading-xl">{i18n.t(Key::AccessibilityTitle)}</h1>
        <p class="lead">{fill(i18n.t(Key::A11yIntro), &[("city", &city), ("law", &law)])}</p>
        <p>{fill(i18n.t(Key::A11yScope), &[("address", &own_address())])}</p>
        <h2 class="heading-m">{i18n.t(Key::A11yStatus)}</h2>
        <p>{i18n.t(status)}</p>
        {barriers}
        <h2 class="heading-m">{i18n.t(Key::A11yMade)}</h2>
        <p>{made_on} " " {reviewed} " " {method}</p>
        <h2 class="heading-m">{i18n.t(Key::A11yFeedback)}</h2>
        <p>{i18n.t(Key::A11yFeedbackText)}</p>
        <p><a class="button" href=Route::Legal(LegalRoute::BarrierReport).href()>{i18n.t(Key::FeedbackTitle)}</a></p>
        {city_contact}
        {enforcement}
        {sections(i18n, &a.sections)}
    }
    .into_any()
}
