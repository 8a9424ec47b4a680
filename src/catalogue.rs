//! The city's catalogue, fetched once per visit (and kept by the service worker for
//! offline use), shared by the catalogue pages and the search.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, CatalogueEntry, Channel};

use crate::api;
use crate::components::{LoadError, Loading};
use crate::services::{fetch_into, Fetched};

#[derive(Clone, Copy)]
pub struct CatalogueData(Fetched<Arc<Catalogue>>);

impl CatalogueData {
    pub fn install() -> CatalogueData {
        let data = RwSignal::new(None);
        // The service worker took over after the catalogue was asked for (a first
        // visit; the answer may still be on its way): ask once more, through the worker
        // now, so that it keeps the catalogue for offline use.
        std::mem::forget(window_event_listener_untyped(
            "rathaus:controlled",
            move |_| {
                let asked = LOADING.with(|l| l.get()) || data.with_untracked(|d| d.is_some());
                if asked {
                    crate::spawn(async {
                        let _ = api::get_catalogue().await;
                    });
                }
            },
        ));
        CatalogueData(data)
    }
}

/// The catalogue, fetched on first use.
pub fn use_catalogue() -> Fetched<Arc<Catalogue>> {
    let data = expect_context::<CatalogueData>().0;
    if data.with_untracked(|d| !matches!(d, Some(Ok(_)))) && !LOADING.with(|l| l.get()) {
        load(data);
    }
    data
}

thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn load(data: Fetched<Arc<Catalogue>>) {
    LOADING.with(|l| l.set(true));
    fetch_into(data, async {
        let result = api::get_catalogue().await.map(Arc::new);
        LOADING.with(|l| l.set(false));
        result
    });
}

/// Renders `render(catalogue)` once it is there, with loading and retry states.
pub fn with_catalogue(
    render: impl Fn(Arc<Catalogue>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let data = use_catalogue();
    (move || match data.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(c)) => render(c),
        Some(Err(e)) => view! { <LoadError error=e retry=move |()| load(data) /> }.into_any(),
    })
    .into_any()
}

/// Where an entry's link goes: the wizard's start page, or the entry's own page.
pub fn href(entry: &CatalogueEntry) -> String {
    match (&entry.channel, &entry.wizard) {
        (Channel::Wizard, Some(wizard)) => crate::router::urls::start(wizard),
        _ => format!("/info/{}", entry.id),
    }
}
