//! The front door: "Beschreiben Sie Ihr Anliegen" (search on the device), the services
//! this app's wizards handle, and the whole catalogue by life situation and by area.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::{Overview, TopicCount};

use crate::catalogue::{href, with_overview};
use crate::components::search_box::SearchBox;
use crate::i18n::{fill, use_i18n, Key};
use crate::page::use_document_title;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::CatalogueTitle).into(), false.into());
    // The search right under the heading and its results right under the box: on a
    // phone with the keyboard open there is room for little else. It fetches the
    // whole catalogue when the citizen starts to search; the rest of the page needs
    // only the overview.
    view! {
        <h1 class="heading-xl">{i18n.t(Key::CatalogueTitle)}</h1>
        <SearchBox />
        <p class="lead">{i18n.t(Key::CatalogueIntro)}</p>
        {with_overview(|o| view! { <Front overview=o /> }.into_any())}
    }
}

#[component]
fn Front(overview: Arc<Overview>) -> impl IntoView {
    let i18n = use_i18n();
    let online = overview
        .online
        .iter()
        .map(|e| {
            view! {
                <li class="service-list__item">
                    <h3 class="service-list__title"><a href=href(e) lang=i18n.lang_of(&e.name)>{i18n.text(&e.name)}</a></h3>
                    <p class="service-list__summary" lang=i18n.lang_of(&e.summary)>{i18n.text(&e.summary)}</p>
                    <p class="service-list__fee">{i18n.t(Key::FeeLabel)} ": " {i18n.text_view(&e.fee)}</p>
                </li>
            }
        })
        .collect_view();
    let topics = |list: &[TopicCount], base: &'static str| {
        list.iter()
            .map(|t| {
                view! {
                    <li class="topic-list__item">
                        <a href=format!("{base}/{}", t.id) lang=i18n.lang_of(&t.name)>{i18n.text(&t.name)}</a>
                        " " <span class="topic-list__count">"(" {t.count} ")"</span>
                    </li>
                }
            })
            .collect_view()
    };
    let life = topics(&overview.life_situations, "/life");
    let areas = topics(&overview.categories, "/areas");
    view! {
        <h2 class="heading-l">{i18n.t(Key::OnlineHere)}</h2>
        <ul class="service-list">{online}</ul>
        <p>{fill(i18n.t(Key::OnlineAll), &[("n", &overview.online_count.to_string())])}</p>
        <h2 class="heading-l">{i18n.t(Key::LifeSituations)}</h2>
        <ul class="topic-list">{life}</ul>
        <h2 class="heading-l">{i18n.t(Key::Areas)}</h2>
        <ul class="topic-list">{areas}</ul>
    }
}
