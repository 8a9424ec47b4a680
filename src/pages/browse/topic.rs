//! One life situation ("Umzug & Wohnen") or one area of the administration: its
//! intro, and its services with what matters most first
//! (`rathaus_core::catalogue::Catalogue::services_in`).

use leptos::prelude::*;
use rathaus_core::catalogue::TopicKind;

use crate::catalogue::{href, with_catalogue};
use crate::components::search_box::channel_label;
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;

/// `life`: a life situation; otherwise an area (category).
#[component]
pub fn TopicPage(id: String, life: bool) -> impl IntoView {
    with_catalogue(move |catalogue| {
        let i18n = use_i18n();
        let kind = if life {
            TopicKind::LifeSituation
        } else {
            TopicKind::Category
        };
        let Some(topic) = catalogue.topics(kind).iter().find(|t| t.id == id) else {
            return view! { <crate::pages::NotFoundPage /> }.into_any();
        };
        let name = i18n.text(&topic.name);
        use_document_title(name.clone(), false.into());
        let intro = topic
            .intro
            .as_ref()
            .map(|t| view! { <p class="lead" lang=i18n.lang_of(t)>{i18n.text(t)}</p> });
        let entries = catalogue.services_in(kind, &id, i18n.locale());
        let items = entries
            .into_iter()
            .map(|e| {
                view! {
                    <li class="service-list__item">
                        <h2 class="service-list__title"><a href=href(e) lang=i18n.lang_of(&e.name)>{i18n.text(&e.name)}</a></h2>
                        <p class="service-list__summary" lang=i18n.lang_of(&e.summary)>{i18n.text(&e.summary)}</p>
                        <p class="service-list__fee"><span class="tag">{i18n.t(channel_label(e.channel))}</span></p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="no-print"><a href="/">{i18n.t(Key::BackToOverview)}</a></p>
            <h1 class="heading-xl" lang=i18n.lang_of(&topic.name)>{name}</h1>
            {intro}
            <ul class="service-list">{items}</ul>
        }
        .into_any()
    })
}
