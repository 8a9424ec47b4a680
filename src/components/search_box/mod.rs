//! "Beschreiben Sie Ihr Anliegen": a search box whose results follow the typing, each
//! with why it matched. Label, hint and result count are wired for screen readers: the
//! count is announced (politely) as the results change.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, Channel};
use rathaus_core::search::Hit;

use crate::i18n::{fill, use_i18n, Key};

/// How an entry is done, in a few words.
pub fn channel_label(channel: Channel) -> Key {
    match channel {
        Channel::Wizard => Key::ChannelWizard,
        Channel::Online => Key::ChannelOnline,
        Channel::InPerson => Key::ChannelInPerson,
    }
}

#[derive(Clone, PartialEq)]
enum Results {
    /// Nothing typed yet.
    None,
    /// The engine is on its way (first search of the visit).
    Preparing,
    Hits(Vec<Hit>),
    /// The search's code could not be fetched (offline on a first visit).
    Failed(crate::api::ApiError),
}

#[component]
pub fn SearchBox(catalogue: Arc<Catalogue>) -> impl IntoView {
    let i18n = use_i18n();
    let results = RwSignal::new(Results::None);
    // The query the shown results answer (for the browser benchmark).
    let answered = RwSignal::new(String::new());
    // Which search is the latest: an older answer arriving late is dropped.
    let latest = StoredValue::new(0u32);
    let typed = StoredValue::new(String::new());
    let run = {
        let catalogue = catalogue.clone();
        move |query: String| {
            typed.set_value(query.clone());
            let round = latest.get_value().wrapping_add(1);
            latest.set_value(round);
            if query.trim().is_empty() {
                results.set(Results::None);
                return;
            }
            if results.get_untracked() == Results::None {
                results.set(Results::Preparing);
            }
            let catalogue = catalogue.clone();
            crate::spawn(async move {
                // Fetched first, so that a failed download can be retried (app.rs).
                if let Err(e) = crate::app::code_ready("catalogue_code").await {
                    if latest.try_get_value() == Some(round) {
                        results.set(Results::Failed(e));
                    }
                    return;
                }
                let task = crate::search::CatalogueTask::Search(catalogue, query.clone());
                if let crate::search::CatalogueDone::Hits(hits) =
                    crate::search::catalogue_code(task).await
                {
                    if latest.try_get_value() == Some(round) {
                        results.set(Results::Hits(hits));
                        answered.set(query);
                    }
                }
            });
        }
    };
    let on_input = {
        let run = run.clone();
        move |ev: leptos::ev::Event| run(event_target_value(&ev))
    };
    let on_submit = move |ev: SubmitEvent| ev.prevent_default();

    let list = move || {
        let Results::Hits(hits) = results.get() else {
            return ().into_any();
        };
        hits.into_iter()
            .filter_map(|hit| {
                let entry = catalogue.services.get(hit.service)?.clone();
                let why = fill(
                    i18n.t(Key::MatchedBy),
                    &[("words", &hit.reasons.join(", "))],
                );
                Some(view! {
                    <li class="search-results__item">
                        <h2 class="search-results__title">
                            <a href=crate::catalogue::href(&entry)>{i18n.text(&entry.name)}</a>
                        </h2>
                        <p class="search-results__summary">{i18n.text(&entry.summary)}</p>
                        <p class="search-results__meta">
                            <span class="tag">{i18n.t(channel_label(entry.channel))}</span>
                            " " <span class="search-results__why">{why}</span>
                        </p>
                    </li>
                })
            })
            .collect_view()
            .into_any()
    };
    let retry = {
        let run = run.clone();
        move |()| run(typed.get_value())
    };
    let failed = move || match results.get() {
        Results::Failed(e) => {
            let retry = retry.clone();
            Some(view! { <crate::components::LoadError error=e retry=retry /> })
        }
        _ => None,
    };
    let status = move || match results.get() {
        Results::None | Results::Failed(_) => String::new(),
        Results::Preparing => i18n.t(Key::SearchPreparing).to_owned(),
        Results::Hits(h) if h.is_empty() => i18n.t(Key::SearchNothing).to_owned(),
        Results::Hits(h) => fill(i18n.t(Key::SearchCount), &[("n", &h.len().to_string())]),
    };

    view! {
        <form class="search" role="search" on:submit=on_submit>
            <label class="label" for="search">{i18n.t(Key::SearchLabel)}</label>
            <div class="hint" id="search-hint">{i18n.t(Key::SearchHint)}</div>
            <input
                class="input search__input"
                id="search"
                name="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                aria-controls="search-results"
                on:input=on_input
            />
        </form>
        <p class="search__status" role="status">{status}</p>
        {failed}
        <ol class="search-results" id="search-results" data-answers=move || answered.get()>
            {list}
        </ol>
    }
}
