//! The catalogue's own code in a wasm module of its own in release builds: the search
//! engine (rathaus_core::search) and the pages of a life situation, an area and a
//! service done elsewhere. A first visit does not carry it; it is loaded on the first
//! search or the first of those pages, and kept by the service worker.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::Catalogue;
use rathaus_core::search::{Hit, SearchIndex};

use crate::pages::browse::{InfoPage, TopicPage};
use crate::router::BrowseRoute;

thread_local! {
    /// The index of the catalogue it was built from (compared by address): built once
    /// per catalogue, on the first search.
    static INDEX: RefCell<Option<(usize, SearchIndex)>> = const { RefCell::new(None) };
}

pub enum CatalogueTask {
    Page(BrowseRoute),
    /// The whole catalogue from the backend: its reading is code a first visit (which
    /// shows only the overview) does not need.
    Load,
    /// The best services for a query, best first. Everything happens on the device.
    Search(Arc<Catalogue>, String),
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
        CatalogueTask::Load => CatalogueDone::Loaded(crate::api::get_catalogue().await),
        CatalogueTask::Search(catalogue, query) => CatalogueDone::Hits(search(&catalogue, &query)),
        CatalogueTask::Page(route) => CatalogueDone::Page(match route {
            BrowseRoute::Life { id } => view! { <TopicPage id=id life=true /> }.into_any(),
            BrowseRoute::Area { id } => view! { <TopicPage id=id life=false /> }.into_any(),
            BrowseRoute::Info { id } => view! { <InfoPage id=id /> }.into_any(),
        }),
    }
}

fn search(catalogue: &Arc<Catalogue>, query: &str) -> Found {
    let address = Arc::as_ptr(catalogue) as usize;
    INDEX.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|(a, _)| *a != address) {
            *cell = Some((address, SearchIndex::build(catalogue)));
        }
        let index = cell.as_ref().map(|(_, index)| index);
        Found {
            hits: index.map(|i| i.search(query, 8)).unwrap_or_default(),
            life: index.and_then(|i| i.life_situation(query)),
        }
    })
}
