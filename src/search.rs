//! The catalogue's own code in a wasm module of its own in release builds: the search
//! engine (rathaus_core::search) and the pages of a life situation, an area and a
//! service done elsewhere. A first visit does not carry it; it is loaded on the first
//! search or the first of those pages, and kept by the service worker.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::Catalogue;
use rathaus_core::search::{Hit, SearchIndex};
use rathaus_core::Locale;

use crate::pages::browse::{InfoPage, TopicPage};
use crate::router::BrowseRoute;

thread_local! {
    /// The index of the catalogue it was built from (compared by address) for a
    /// reader's language: built once per catalogue and language, on the first search.
    static INDEX: RefCell<Option<(usize, Locale, SearchIndex)>> = const { RefCell::new(None) };
}

pub enum CatalogueTask {
    Page(BrowseRoute),
    /// The whole catalogue from the backend, with the texts of a reader of this
    /// language: its reading is code a first visit (which shows only the overview)
    /// does not need.
    Load(Locale),
    /// The best services for a query by a reader of the language, best first.
    /// Everything happens on the device.
    Search(Arc<Catalogue>, String, Locale),
}

pub enum CatalogueDone {
    Page(AnyView),
    Loaded(Result<Catalogue, crate::api::ApiError>),
    Hits(Found),
}

/// The services found for a query, and the life situation it is about (its index in
/// the catalogue), if any.
pub struct Found {
    pub hits: Vec<Hit>,
    pub life: Option<usize>,
}

#[cfg_attr(rathaus_split, lazy)]
pub async fn catalogue_code(task: CatalogueTask) -> CatalogueDone {
    match task {
        CatalogueTask::Load(locale) => {
            CatalogueDone::Loaded(crate::api::get_catalogue(locale).await)
        }
        CatalogueTask::Search(catalogue, query, locale) => {
            CatalogueDone::Hits(search(&catalogue, &query, locale))
        }
        CatalogueTask::Page(route) => CatalogueDone::Page(match route {
            BrowseRoute::Life { id } => view! { <TopicPage id=id life=true /> }.into_any(),
            BrowseRoute::Area { id } => view! { <TopicPage id=id life=false /> }.into_any(),
            BrowseRoute::Info { id } => view! { <InfoPage id=id /> }.into_any(),
        }),
    }
}

fn search(catalogue: &Arc<Catalogue>, query: &str, locale: Locale) -> Found {
    let address = Arc::as_ptr(catalogue) as usize;
    INDEX.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell
            .as_ref()
            .is_none_or(|(a, l, _)| (*a, *l) != (address, locale))
        {
            *cell = Some((address, locale, SearchIndex::build_in(catalogue, locale)));
        }
        let index = cell.as_ref().map(|(_, _, index)| index);
        Found {
            hits: index.map(|i| i.search(query, 8)).unwrap_or_default(),
            life: index.and_then(|i| i.life_situation(query)),
        }
    })
}
