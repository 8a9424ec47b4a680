//! One life situation ("Umzug & Wohnen") or one area of the administration: its
//! services, by name.

use leptos::prelude::*;

use crate::catalogue::{href, with_catalogue};
use crate::components::search_box::channel_label;
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;

/// `life`: a life situation; otherwise an area (category).
#[component]
pub fn TopicPage(id: String, life: bool) -> impl IntoView {
    with_catalogue(move |catalogue| {
        let i18n = use_i18n();
        let topics = if life {
            &catalogue.life_situations
        } else {
            &catalogue.categories
        };
        let Some(topic) = topics.iter().find(|t| t.id == id) else {
            return view! { <crate::pages::NotFoundPage /> }.into_any();
        };
        let name = i18n.text(&topic.name);
        use_document_title(name.clone(), false.into());
        let locale = i18n.locale();
        let mut entries: Vec<_> = catalogue
            .services
            .iter()
            .filter(|e| {
                if life {
                    e.life_situations.contains(&id)
                } else {
                    e.category == id
                }
            })
            .collect();
        entries.sort_by_key(|e| rathaus_core::search::fold(e.name.get(locale)));
        let items = entries
            .into_iter()
            .map(|e| {
                view! {
                    <li class="service-list__item">
                        <h2 class="service-list__title"><a href=href(e)>{i18n.text(&e.name)}</a></h2>
                        <p class="service-list__summary">{i18n.text(&e.summary)}</p>
                        <p class="service-list__fee"><span class="tag">{i18n.t(channel_label(e.channel))}</span></p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="no-print"><a href="/">{i18n.t(Key::BackToOverview)}</a></p>
            <h1 class="heading-xl">{name}</h1>
            <ul class="service-list">{items}</ul>
        }
        .into_any()
    })
}
