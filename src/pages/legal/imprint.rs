//! Impressum (§ 5 DDG, § 18 MStV): the city as provider, its legal form and
//! representative, how to reach it fast, and who answers for the content; all from
//! the city's `legal.json`.

use leptos::prelude::*;

use super::content::{city_contact, contact, reach_only, sections, web_link, with_legal};
use crate::i18n::{use_i18n, Key};
use crate::legal::say;
use crate::page::use_document_title;

#[component]
pub fn ImprintPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::ImprintTitle).into(), false.into());
    with_legal(move |legal| {
        let (legal_form, form_lang) = say(i18n, &legal.legal_form);
        let (representative, rep_lang) = say(i18n, &legal.representative);
        let form = web_link(&legal.contact_form).map(|url| {
            view! { <p><a href=url rel="external noopener">{i18n.t(Key::ContactFormLink)}</a></p> }
        });
        let vat = (!legal.vat_id.trim().is_empty()).then(|| {
            view! {
                <h2 class="heading-m">{i18n.t(Key::ImprintVat)}</h2>
                <p>{legal.vat_id.trim().to_owned()}</p>
            }
        });
        let imprint = &legal.imprint;
        let supervisory = imprint.supervisory_authority.is_named().then(|| {
            view! {
                <h2 class="heading-m">{i18n.t(Key::ImprintSupervisory)}</h2>
                {contact(i18n, &imprint.supervisory_authority)}
            }
        });
        let responsible = imprint.content_responsible.is_named().then(|| {
            view! {
                <h2 class="heading-m">{i18n.t(Key::ImprintResponsible)}</h2>
                {contact(i18n, &imprint.content_responsible)}
            }
        });
        view! {
            <h1 class="heading-xl">{i18n.t(Key::ImprintTitle)}</h1>
            <p class="lead">{i18n.t(Key::ImprintIntro)}</p>
            <h2 class="heading-m">{i18n.t(Key::ImprintProvider)}</h2>
            {city_contact(i18n, &legal, false)}
            <p lang=form_lang>{legal_form}</p>
            <h2 class="heading-m">{i18n.t(Key::ImprintRepresented)}</h2>
            <p lang=rep_lang>{representative}</p>
            <h2 class="heading-m">{i18n.t(Key::ImprintContact)}</h2>
            {reach_only(i18n, &legal.phone, &legal.email, "")}
            {form}
            {vat}
            {supervisory}
            {responsible}
            {sections(i18n, &imprint.sections)}
        }
        .into_any()
    })
}
