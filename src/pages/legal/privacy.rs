//! Datenschutzerklärung (Art. 13/14 DSGVO). What the app itself guarantees — what
//! stays on the device and for how long, no cookies, no tracking, the rights — is
//! written here; who the city, its data protection officer and the supervisory
//! authority are, the legal bases and how long the offices keep cases come from the
//! city's `legal.json`; what each service asks for comes from its definition.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::json::{FromJson, Json};
use rathaus_core::Text;

use super::content::{city_contact, contact, date, paragraphs, sections, with_legal, Legal};
use crate::api;
use crate::components::{LoadError, Loading};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::legal::say;
use crate::page::use_document_title;
use crate::task::use_loader;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::PrivacyTitle).into(), false.into());
    with_legal(move |legal| statement(i18n, legal))
}

fn statement(i18n: I18n, legal: Arc<Legal>) -> AnyView {
    let p = &legal.privacy;
    let days = |n: u64| n.to_string();
    let dpo = p.dpo.is_named().then(|| {
        view! {
            <h2 class="heading-m">{i18n.t(Key::PrivacyDpo)}</h2>
            {contact(i18n, &p.dpo)}
        }
    });
    let complaint = p.authority.is_named().then(|| {
        view! {
            <p>{i18n.t(Key::PrivacyComplaint)}</p>
            {contact(i18n, &p.authority)}
        }
    });
    let updated = (!p.updated.trim().is_empty())
        .then(|| view! { <p class="hint">{fill(i18n.t(Key::UpdatedOn), &[("date", &date(i18n, &p.updated))])}</p> });
    view! {
        <h1 class="heading-xl">{i18n.t(Key::PrivacyTitle)}</h1>
        <p class="lead">{i18n.t(Key::PrivacyIntro)}</p>
        <h2 class="heading-m">{i18n.t(Key::PrivacyController)}</h2>
        {city_contact(i18n, &legal, true)}
        {dpo}
        <h2 class="heading-m">{i18n.t(Key::PrivacyPurposes)}</h2>
        <p>{i18n.t(Key::PrivacyPurposesText)}</p>
        {paragraphs(i18n, &p.legal_basis)}
        <h2 class="heading-m">{i18n.t(Key::PrivacyServices)}</h2>
        <p>{i18n.t(Key::PrivacyServicesText)}</p>
        <ServicesAsked />
        <h2 class="heading-m">{i18n.t(Key::PrivacyDevice)}</h2>
        <p>{i18n.t(Key::PrivacyDeviceIntro)}</p>
        <ul class="list list--bullet">
            <li>{fill(i18n.t(Key::PrivacyDeviceDrafts), &[("days", &days(crate::store::draft_days()))])}</li>
            <li>{i18n.t(Key::PrivacyDeviceOutbox)}</li>
            <li>{i18n.t(Key::PrivacyDeviceSent)}</li>
        </ul>
        <p>{i18n.t(Key::PrivacyDeviceControl)} " " <a href="/device">{i18n.t(Key::DeviceTitle)}</a></p>
        <h2 class="heading-m">{i18n.t(Key::PrivacyServer)}</h2>
        <p>{i18n.t(Key::PrivacyServerCases)}</p>
        <p>{fill(i18n.t(Key::PrivacyServerUploads), &[("days", &days(p.upload_days()))])}</p>
        {paragraphs(i18n, &p.retention)}
        <h2 class="heading-m">{i18n.t(Key::PrivacyPayment)}</h2>
        <p>{i18n.t(Key::PrivacyPaymentText)}</p>
        {paragraphs(i18n, &p.payment)}
        <h2 class="heading-m">{i18n.t(Key::PrivacyNoTracking)}</h2>
        <p>{i18n.t(Key::PrivacyNoTrackingText)}</p>
        {sections(i18n, &p.sections)}
        <h2 class="heading-m">{i18n.t(Key::PrivacyRights)}</h2>
        <p>{i18n.t(Key::PrivacyRightsIntro)}</p>
        <ul class="list list--bullet">
            <li>{i18n.t(Key::RightAccess)}</li>
            <li>{i18n.t(Key::RightRectification)}</li>
            <li>{i18n.t(Key::RightErasure)}</li>
            <li>{i18n.t(Key::RightRestriction)}</li>
            <li>{i18n.t(Key::RightObjection)}</li>
        </ul>
        <p>{i18n.t(Key::PrivacyRightsHow)}</p>
        {complaint}
        {updated}
    }
    .into_any()
}

/// What one service asks for, read from its definition.
#[derive(Clone, Debug, PartialEq)]
struct Asked {
    title: Text,
    /// Its `privacy` sentence: what it does with the data, and on which law.
    privacy: Option<Text>,
    labels: Vec<Text>,
}

/// Every service with a wizard, what it does with the data and the questions it asks:
/// read from the definitions themselves, so the list is never out of date.
#[component]
fn ServicesAsked() -> impl IntoView {
    let i18n = use_i18n();
    let fetched = use_loader(definitions);
    move || {
        match fetched.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => view! { <LoadError error=error retry=move |()| fetched.reload() /> }.into_any(),
        Some(Ok(services)) => services
            .into_iter()
            .map(|service| {
                let purpose = service.privacy.as_ref().map(|t| {
                    let (text, lang) = say(i18n, t);
                    view! { <p lang=lang>{text}</p> }
                });
                let asked = service
                    .labels
                    .iter()
                    .map(|label| view! { <li lang=i18n.lang_of(label)>{i18n.text(label)}</li> })
                    .collect_view();
                view! {
                    <details class="details">
                        <summary class="details__summary" lang=i18n.lang_of(&service.title)>{i18n.text(&service.title)}</summary>
                        <div class="details__text">
                            {purpose}
                            <ul class="list list--bullet">{asked}</ul>
                        </div>
                    </details>
                }
            })
            .collect_view()
            .into_any(),
    }
    }
}

async fn definitions() -> Result<Vec<Asked>, api::ApiError> {
    let list = api::list_services().await?;
    let mut services = Vec::with_capacity(list.services.len());
    for service in list.services {
        let def = api::get_service_json(&service.id).await?;
        services.push(asked(&def).ok_or(api::ApiError::Decode)?);
    }
    Ok(services)
}

/// A definition's title, privacy sentence and the questions that take an answer, each
/// once, in the order asked (member names as in docs/services.md).
fn asked(def: &Json) -> Option<Asked> {
    let text = |v: Option<&Json>| v.and_then(|v| Text::from_json(v).ok());
    let list = |v: Option<&Json>| match v {
        Some(Json::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut labels: Vec<Text> = Vec::new();
    for step in list(def.get("steps")) {
        for field in list(step.get("fields")) {
            let kind = field
                .get("type")
                .and_then(|k| k.as_str().ok())
                .unwrap_or("");
            let answers = !matches!(kind, "info" | "declaration");
            if let (true, Some(label)) = (answers, text(field.get("label"))) {
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
        }
    }
    Some(Asked {
        title: text(def.get("title"))?,
        privacy: text(def.get("privacy")),
        labels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::Locale;

    #[test]
    fn a_service_lists_each_question_that_takes_an_answer_once() {
        let def =
            rathaus_core::json::parse(include_str!("../../../services/fuehrungszeugnis.json"))
                .unwrap();
        let found = asked(&def).unwrap();
        assert_eq!(found.title.get(Locale::De), "Führungszeugnis beantragen");
        assert!(found
            .privacy
            .unwrap()
            .get(Locale::De)
            .contains("Bundesamt für Justiz"));
        let labels: Vec<&str> = found.labels.iter().map(|t| t.get(Locale::De)).collect();
        assert!(labels.contains(&"Familienname"), "{labels:?}");
        assert!(labels.contains(&"Geburtsort"), "{labels:?}");
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), labels.len());
        // Every question of the definition that takes an answer is there.
        let typed: rathaus_core::ServiceDefinition =
            rathaus_core::json::from_str(include_str!("../../../services/fuehrungszeugnis.json"))
                .unwrap();
        for field in typed.steps.iter().flat_map(|s| &s.fields) {
            if !matches!(
                field.kind,
                rathaus_core::FieldKind::Info | rathaus_core::FieldKind::Declaration
            ) {
                assert!(found.labels.contains(&field.label), "{:?}", field.label);
            }
        }
    }
}
