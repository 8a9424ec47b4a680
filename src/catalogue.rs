//! The city's catalogue, fetched once per visit (and kept by the service worker for
//! offline use), shared by the catalogue pages and the search. The front page needs
//! only its overview (topics with their counts, the wizards): a first visit loads that,
//! and the whole catalogue comes with the first search or topic page.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, CatalogueEntry, Channel, Overview};

use crate::api::{self, ApiError};
use crate::components::{LoadError, Loading};
use crate::i18n::I18n;
use crate::task::Loader;
use rathaus_core::Locale;

/// Renders `render(answer)` once it is there, with loading and retry states.
fn render<T: Send + Sync + 'static>(
    data: Loader<Arc<T>>,
    render: impl Fn(Arc<T>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    data.ask();
    (move || match data.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(c)) => render(c),
        Some(Err(e)) => view! { <LoadError error=e retry=move |()| data.reload() /> }.into_any(),
    })
    .into_any()
}

#[derive(Clone, Copy)]
pub struct CatalogueData {
    pub overview: Loader<Arc<Overview>>,
    pub full: Loader<Arc<Catalogue>>,
}

impl CatalogueData {
    /// Its texts are the reader's language's: a new choice asks again for what was
    /// asked (keeping what is shown until the answer is there).
    pub fn install(i18n: I18n) -> CatalogueData {
        let data = CatalogueData {
            overview: Loader::idle(move || async move {
                api::get_overview(i18n.locale()).await.map(Arc::new)
            }),
            full: Loader::idle(move || async move { load_full(i18n.locale()).await.map(Arc::new) }),
        };
        Effect::new(move |before: Option<Locale>| {
            let locale = i18n.locale_tracked();
            if before.is_some_and(|b| b != locale) {
                if data.overview.asked() {
                    data.overview.refresh();
                }
                if data.full.asked() {
                    data.full.refresh();
                }
            }
            locale
        });
        // The service worker took over after these were asked for (a first visit; an
        // answer may still be on its way): ask once more, through the worker now, so
        // that it keeps them for offline use. The browser still has them, so the
        // backend answers "not modified" without the body.
        std::mem::forget(window_event_listener_untyped(
            "rathaus:controlled",
            move |_| {
                let locale = i18n.locale();
                if data.overview.asked() {
                    crate::spawn(async move {
                        let _ = api::get_overview(locale).await;
                    });
                }
                if data.full.asked() {
                    crate::spawn(async move {
                        let _ = load_full(locale).await;
                    });
                }
            },
        ));
        data
    }
}

/// The whole catalogue, read by the catalogue's own module (src/search.rs).
async fn load_full(locale: Locale) -> Result<Catalogue, ApiError> {
    crate::lazy::code_ready("catalogue_code").await?;
    match crate::search::catalogue_code(crate::search::CatalogueTask::Load(locale)).await {
        crate::search::CatalogueDone::Loaded(result) => result,
        // Not an answer to Load; never given.
        _ => Err(ApiError::Network),
    }
}

pub fn use_catalogue_data() -> CatalogueData {
    expect_context::<CatalogueData>()
}

/// Renders `render(catalogue)` once it is there, with loading and retry states.
pub fn with_catalogue(
    render: impl Fn(Arc<Catalogue>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    self::render(use_catalogue_data().full, render)
}

/// Renders `render(overview)` (the front page's part) once it is there.
pub fn with_overview(render: impl Fn(Arc<Overview>) -> AnyView + Send + Sync + 'static) -> AnyView {
    self::render(use_catalogue_data().overview, render)
}

/// Where an entry's link goes: the wizard's start page, or the entry's own page.
pub fn href(entry: &CatalogueEntry) -> String {
    match (&entry.channel, &entry.wizard) {
        (Channel::Wizard, Some(wizard)) => crate::router::urls::start(wizard),
        _ => format!("/info/{}", entry.id),
    }
}
