//! "Beschreiben Sie Ihr Anliegen": a search box whose results follow the typing, each
//! with why it matched, and the life situation the query is about. Label, hint and
//! result count are wired for screen readers: the count is announced (politely) once
//! typing pauses, and Enter moves focus to it (closing a phone's keyboard). The query
//! stays with the page's history entry, so the back button from a result brings it
//! and its results back.

mod remembered;

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, Channel};
use rathaus_core::search::Hit;

use crate::i18n::{fill, use_i18n, Key};

/// How long typing must pause before the count is announced and the query kept: an
/// announcement per keystroke would drown what the citizen types.
const PAUSE_MS: u64 = 600;

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
    /// The services found, and the life situation the query is about.
    Hits(Vec<Hit>, Option<usize>),
    /// The search's code could not be fetched (offline on a first visit).
    Failed(crate::api::ApiError),
}

/// The search box. It asks for the whole catalogue (and the search's code) when the
/// citizen first focuses it or types, not when it is shown: a first visit that never
/// searches never carries either.
#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    let data = crate::catalogue::use_catalogue_data().full;
    let results = RwSignal::new(Results::None);
    // The query the shown results answer (for the browser benchmark).
    let answered = RwSignal::new(String::new());
    // What the live region says: the count, once typing pauses.
    let announced = RwSignal::new(String::new());
    // Which search is the latest: an older answer arriving late is dropped. And the
    // latest whose results are in, and whose pause has come.
    let latest = StoredValue::new(0u32);
    let done = StoredValue::new(0u32);
    let paused = StoredValue::new(0u32);
    // Enter was pressed before the results were in: focus them when they are.
    let focus_pending = StoredValue::new(false);
    let typed = StoredValue::new(String::new());
    // Typing paused: a new keystroke starts the pause again.
    let pause = crate::task::use_timer();

    let status = move |results: &Results| match results {
        Results::None | Results::Failed(_) => String::new(),
        Results::Preparing => i18n.t(Key::SearchPreparing).to_owned(),
        Results::Hits(h, _) if h.is_empty() => i18n.t(Key::SearchNothing).to_owned(),
        Results::Hits(h, _) => fill(i18n.t(Key::SearchCount), &[("n", &h.len().to_string())]),
    };
    let announce = move || announced.set(results.with_untracked(status));
    let focus_results = move || {
        announce();
        crate::page::next_frame(|| {
            crate::components::error_summary::focus_selector("#search-status")
        });
    };
    // Searches `query` in `catalogue`; the answer is dropped if another query came since.
    let search = move |catalogue: Arc<Catalogue>, query: String, round: u32| {
        crate::spawn(async move {
            // Fetched first, so that a failed download can be retried (src/lazy.rs).
            if let Err(e) = crate::lazy::code_ready("catalogue_code").await {
                if latest.try_get_value() == Some(round) {
                    results.set(Results::Failed(e));
                }
                return;
            }
            let task =
                crate::search::CatalogueTask::Search(catalogue, query.clone(), i18n.locale());
            if let crate::search::CatalogueDone::Hits(found) =
                crate::search::catalogue_code(task).await
            {
                if latest.try_get_value() != Some(round) {
                    return;
                }
                results.set(Results::Hits(found.hits, found.life));
                answered.set(query);
                done.set_value(round);
                if focus_pending.get_value() {
                    focus_pending.set_value(false);
                    focus_results();
                } else if paused.get_value() == round {
                    announce();
                }
            }
        });
    };
    // The latest query waits for the catalogue, if it was not there yet.
    // Another catalogue (the reader chose another language): the query shown is
    // searched again in it.
    let waiting = StoredValue::new(false);
    Effect::new(move |before: Option<usize>| {
        let arrived = data.get();
        let address = match &arrived {
            Some(Ok(catalogue)) => Arc::as_ptr(catalogue) as usize,
            _ => 0,
        };
        let replaced = before.is_some_and(|b| b != 0 && b != address);
        if !waiting.get_value() {
            if let (Some(Ok(catalogue)), true) = (arrived, replaced) {
                if !typed.get_value().trim().is_empty() {
                    search(catalogue, typed.get_value(), latest.get_value());
                }
            }
            return address;
        }
        match arrived {
            Some(Ok(catalogue)) => {
                waiting.set_value(false);
                search(catalogue, typed.get_value(), latest.get_value());
            }
            Some(Err(e)) => {
                waiting.set_value(false);
                results.set(Results::Failed(e));
            }
            None => {}
        }
        address
    });
    let run = move |query: String| {
        typed.set_value(query.clone());
        let round = latest.get_value().wrapping_add(1);
        latest.set_value(round);
        if query.trim().is_empty() {
            pause.cancel();
            waiting.set_value(false);
            results.set(Results::None);
            announced.set(String::new());
            remembered::keep("");
            return;
        }
        if results.get_untracked() == Results::None {
            results.set(Results::Preparing);
        }
        pause.start(PAUSE_MS, move || {
            paused.set_value(round);
            remembered::keep(&typed.get_value());
            if done.get_value() == round {
                announce();
            }
        });
        let arrived = data.ask().get_untracked().and_then(Result::ok);
        match arrived {
            Some(catalogue) => search(catalogue, query, round),
            None => waiting.set_value(true),
        }
    };
    // Back from a result: the query and its results again.
    let restored = remembered::query();
    if !restored.is_empty() {
        run(restored.clone());
    }
    let on_input = move |ev: leptos::ev::Event| run(event_target_value(&ev));
    // Focus alone starts the downloads, so that the first results are quick.
    let on_focus = move |_| {
        data.ask();
        crate::spawn(async {
            let _ = crate::lazy::code_ready("catalogue_code").await;
        });
    };
    // Enter: the results, with focus on their count.
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if typed.get_value().trim().is_empty() {
            return;
        }
        remembered::keep(&typed.get_value());
        if done.get_value() == latest.get_value() {
            focus_results();
        } else {
            focus_pending.set_value(true);
        }
    };
    // Leaving the box (for a result, say) keeps the query at once, pause or not.
    let on_blur = move |_| remembered::keep(&typed.get_value());

    let list = {
        move || {
            let Results::Hits(hits, _) = results.get() else {
                return ().into_any();
            };
            let Some(catalogue) = data.current() else {
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
                                <a href=crate::catalogue::href(&entry) lang=i18n.lang_of(&entry.name)>{i18n.text(&entry.name)}</a>
                            </h2>
                            <p class="search-results__summary" lang=i18n.lang_of(&entry.summary)>{i18n.text(&entry.summary)}</p>
                            <p class="search-results__meta">
                                <span class="tag">{i18n.t(channel_label(entry.channel))}</span>
                                " " <span class="search-results__why">{why}</span>
                            </p>
                        </li>
                    })
                })
                .collect_view()
                .into_any()
        }
    };
    let life = move || {
        let Results::Hits(_, Some(life)) = results.get() else {
            return None;
        };
        let catalogue = data.current()?;
        let topic = catalogue.life_situations.get(life)?;
        let count = catalogue
            .services
            .iter()
            .filter(|s| s.life_situations.contains(&topic.id))
            .count();
        let text = fill(
            i18n.t(Key::SearchLifeSituation),
            &[("name", &i18n.text(&topic.name)), ("n", &count.to_string())],
        );
        Some(view! {
            <p class="search__life">
                <a href=format!("/life/{}", topic.id)>{text}</a>
            </p>
        })
    };
    let retry = move |()| run(typed.get_value());
    let failed = move || match results.get() {
        Results::Failed(e) => Some(view! { <crate::components::LoadError error=e retry=retry /> }),
        _ => None,
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
                enterkeyhint="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                aria-controls="search-results"
                // A property of the same type as the split modules' text inputs
                // set (components/text_input): the wasm-bindgen conversion behind it
                // must be in the first module (src/page.rs, 'next_frame').
                prop:value=Signal::derive(move || restored.clone())
                on:input=on_input
                on:focus=on_focus
                on:blur=on_blur
            />
        </form>
        <p class="search__status" id="search-status" role="status" tabindex="-1">
            {move || announced.get()}
        </p>
        {failed}
        {life}
        <ol class="search-results" id="search-results" data-answers=move || answered.get()>
            {list}
        </ol>
    }
}
