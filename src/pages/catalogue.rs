//! The front door: "Beschreiben Sie Ihr Anliegen" (search on the device), the services
//! this app's wizards handle, and the whole catalogue by life situation and by area.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, Channel, Topic};

use crate::catalogue::{href, with_catalogue};
use crate::components::search_box::SearchBox;
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::CatalogueTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::CatalogueTitle)}</h1>
        {with_catalogue(|c| view! { <Front catalogue=c /> }.into_any())}
    }
}

#[component]
fn Front(catalogue: Arc<Catalogue>) -> impl IntoView {
    let i18n = use_i18n();
    let online = catalogue
        .services
        .iter()
        .filter(|e| e.channel == Channel::Wizard)
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
    let count = |ids: &dyn Fn(&rathaus_core::catalogue::CatalogueEntry) -> bool| {
        catalogue.services.iter().filter(|e| ids(e)).count()
    };
    let topics = |list: &[Topic], base: &'static str, life: bool| {
        list.iter()
            .map(|t| {
                let n = count(&|e| {
                    if life {
                        e.life_situations.contains(&t.id)
                    } else {
                        e.category == t.id
                    }
                });
                view! {
                    <li class="topic-list__item">
                        <a href=format!("{base}/{}", t.id) lang=i18n.lang_of(&t.name)>{i18n.text(&t.name)}</a>
                        " " <span class="topic-list__count">"(" {n} ")"</span>
                    </li>
                }
            })
            .collect_view()
    };
    let life = topics(&catalogue.life_situations, "/life", true);
    let areas = topics(&catalogue.categories, "/areas", false);
    // The search right under the heading and its results right under the box: on a
    // phone with the keyboard open there is room for little else.
    view! {
        <SearchBox catalogue=catalogue.clone() />
        <p class="lead">{i18n.t(Key::CatalogueIntro)}</p>
        <h2 class="heading-l">{i18n.t(Key::OnlineHere)}</h2>
        <ul class="service-list">{online}</ul>
        <h2 class="heading-l">{i18n.t(Key::LifeSituations)}</h2>
        <ul class="topic-list">{life}</ul>
        <h2 class="heading-l">{i18n.t(Key::Areas)}</h2>
        <ul class="topic-list">{areas}</ul>
    }
}
