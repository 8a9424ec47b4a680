//! A service of the catalogue that this app has no wizard for: what it is, how it is
//! done (online elsewhere, or in person with what to bring), the fee and the office.

use leptos::prelude::*;
use rathaus_core::catalogue::Channel;

use crate::catalogue::with_catalogue;
use crate::components::search_box::channel_label;
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::router::urls;

#[component]
pub fn InfoPage(id: String) -> impl IntoView {
    with_catalogue(move |catalogue| {
        let i18n = use_i18n();
        let Some(entry) = catalogue.service(&id).cloned() else {
            return view! { <crate::pages::NotFoundPage /> }.into_any();
        };
        let name = i18n.text(&entry.name);
        use_document_title(name.clone(), false.into());
        let how = match (entry.channel, &entry.wizard, &entry.url) {
            (Channel::Wizard, Some(wizard), _) => view! {
                <p><a class="button" href=urls::start(wizard)>{i18n.t(Key::ApplyOnline)}</a></p>
            }
            .into_any(),
            (Channel::Online, _, Some(url)) => view! {
                <p><a class="button" href=url.clone() rel="external noopener">{i18n.t(Key::GoOnline)}</a></p>
                <p class="hint">{i18n.t(Key::GoOnlineNote)}</p>
            }
            .into_any(),
            _ => {
                let bring = entry
                    .bring
                    .iter()
                    .map(|b| view! { <li>{i18n.text(b)}</li> })
                    .collect_view();
                view! {
                    <p>{i18n.t(Key::InPersonText)}</p>
                    {(!entry.bring.is_empty()).then(|| view! {
                        <h3 class="heading-s">{i18n.t(Key::Bring)}</h3>
                        <ul class="list list--bullet">{bring}</ul>
                    })}
                }
                .into_any()
            }
        };
        let topics = entry
            .life_situations
            .iter()
            .filter_map(|l| catalogue.life_situations.iter().find(|t| &t.id == l))
            .map(|t| view! { <li><a href=format!("/life/{}", t.id)>{i18n.text(&t.name)}</a></li> })
            .collect_view();
        view! {
            <p class="no-print"><a href="/">{i18n.t(Key::BackToOverview)}</a></p>
            <h1 class="heading-xl">{name}</h1>
            <p class="lead">{i18n.text(&entry.summary)}</p>
            <p><span class="tag">{i18n.t(channel_label(entry.channel))}</span></p>
            <h2 class="heading-m">{i18n.t(Key::HowTo)}</h2>
            {how}
            <dl class="facts">
                <div class="facts__row">
                    <dt>{i18n.t(Key::FeeLabel)}</dt>
                    <dd>{i18n.text(&entry.fee)}</dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::Responsible)}</dt>
                    <dd>{i18n.text(&entry.office)}</dd>
                </div>
            </dl>
            <h2 class="heading-m">{i18n.t(Key::LifeSituations)}</h2>
            <ul class="list list--bullet">{topics}</ul>
        }
        .into_any()
    })
}
