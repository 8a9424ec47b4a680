//! The list of services a citizen can apply for.

use leptos::prelude::*;
use rathaus_core::format;

use crate::api;
use crate::components::{LoadError, Loading};
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::router::urls;
use crate::services::{fetch_into, Fetched};

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::CatalogueTitle).into(), false.into());
    let services: Fetched<_> = RwSignal::new(None);
    let load = move || fetch_into(services, api::list_services());
    load();
    let list = move || match services.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e retry=move |()| load() /> }.into_any(),
        Some(Ok(list)) => view! {
            <ul class="service-list">
                {list
                    .services
                    .into_iter()
                    .map(|s| {
                        let fee = s.fee;
                        view! {
                            <li class="service-list__item">
                                <h2 class="service-list__title">
                                    <a href=urls::start(&s.id)>{i18n.text(&s.title)}</a>
                                </h2>
                                <p class="service-list__summary">{i18n.text(&s.summary)}</p>
                                <p class="service-list__fee">
                                    {i18n.t(Key::FeeLabel)} ": "
                                    {match fee {
                                        Some(m) if m.cents() == 0 => i18n.t(Key::NoFee).to_owned(),
                                        Some(m) => format::money(m, i18n.locale()),
                                        None => i18n.t(Key::FeeDependsOnAnswers).to_owned(),
                                    }}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <h1 class="heading-xl">{i18n.t(Key::CatalogueTitle)}</h1>
        <p class="lead">{i18n.t(Key::CatalogueIntro)}</p>
        {list}
    }
}
