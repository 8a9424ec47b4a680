//! The city's catalogue, fetched once per visit (and kept by the service worker for
//! offline use), shared by the catalogue pages and the search. The front page needs
//! only its overview (topics with their counts, the wizards): a first visit loads that,
//! and the whole catalogue comes with the first search or topic page.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::catalogue::{Catalogue, CatalogueEntry, Channel, Overview};

use crate::api::{self, ApiError};
use crate::components::{LoadError, Loading};
use crate::services::{fetch_into, Fetched};

type Request<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// One answer of the backend, asked for on first use and then shared by every page.
pub struct Shared<T: Send + Sync + 'static> {
    data: Fetched<Arc<T>>,
    loading: StoredValue<bool>,
    request: Request<T>,
}

impl<T: Send + Sync + 'static> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Shared<T> {}

impl<T: Send + Sync + 'static> Shared<T> {
    fn new(request: Request<T>) -> Shared<T> {
        Shared {
            data: RwSignal::new(None),
            loading: StoredValue::new(false),
            request,
        }
    }

    /// The answer's signal, without asking for it.
    pub fn signal(self) -> Fetched<Arc<T>> {
        self.data
    }

    /// The answer's signal; the answer is asked for unless it is there or on its way.
    pub fn ask(self) -> Fetched<Arc<T>> {
        if self.data.with_untracked(|d| !matches!(d, Some(Ok(_)))) && !self.loading.get_value() {
            self.load();
        }
        self.data
    }

    /// The answer if it is there, without asking for it.
    pub fn current(self) -> Option<Arc<T>> {
        self.data.with(|d| match d {
            Some(Ok(t)) => Some(t.clone()),
            _ => None,
        })
    }

    fn asked(self) -> bool {
        self.loading.get_value() || self.data.with_untracked(|d| d.is_some())
    }

    fn load(self) {
        self.loading.set_value(true);
        let request = (self.request)();
        fetch_into(self.data, async move {
            let result = request.await.map(Arc::new);
            self.loading.try_set_value(false);
            result
        });
    }

    /// Renders `render(answer)` once it is there, with loading and retry states.
    fn render(self, render: impl Fn(Arc<T>) -> AnyView + Send + Sync + 'static) -> AnyView {
        let data = self.ask();
        (move || match data.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Ok(c)) => render(c),
            Some(Err(e)) => view! { <LoadError error=e retry=move |()| self.load() /> }.into_any(),
        })
        .into_any()
    }
}

#[derive(Clone, Copy)]
pub struct CatalogueData {
    pub overview: Shared<Overview>,
    pub full: Shared<Catalogue>,
}

impl CatalogueData {
    pub fn install() -> CatalogueData {
        let data = CatalogueData {
            overview: Shared::new(|| Box::pin(api::get_overview())),
            full: Shared::new(|| Box::pin(load_full())),
        };
        // The service worker took over after these were asked for (a first visit; an
        // answer may still be on its way): ask once more, through the worker now, so
        // that it keeps them for offline use. The browser still has them, so the
        // backend answers "not modified" without the body.
        std::mem::forget(window_event_listener_untyped(
            "rathaus:controlled",
            move |_| {
                if data.overview.asked() {
                    crate::spawn(async {
                        let _ = api::get_overview().await;
                    });
                }
                if data.full.asked() {
                    crate::spawn(async {
                        let _ = load_full().await;
                    });
                }
            },
        ));
        data
    }
}

/// The whole catalogue, read by the catalogue's own module (src/search.rs).
async fn load_full() -> Result<Catalogue, ApiError> {
    crate::app::code_ready("catalogue_code").await?;
    match crate::search::catalogue_code(crate::search::CatalogueTask::Load).await {
        crate::search::CatalogueDone::Loaded(result) => result,
        // Not an answer to Load; never given.
        _ => Err(ApiError::Network),
    }
}

pub fn use_catalogue_data() -> CatalogueData {
    expect_context::<CatalogueData>()
}

/// The whole catalogue, fetched on first use.
pub fn use_catalogue() -> Fetched<Arc<Catalogue>> {
    use_catalogue_data().full.ask()
}

/// Renders `render(catalogue)` once it is there, with loading and retry states.
pub fn with_catalogue(
    render: impl Fn(Arc<Catalogue>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    use_catalogue_data().full.render(render)
}

/// Renders `render(overview)` (the front page's part) once it is there.
pub fn with_overview(render: impl Fn(Arc<Overview>) -> AnyView + Send + Sync + 'static) -> AnyView {
    use_catalogue_data().overview.render(render)
}

/// Where an entry's link goes: the wizard's start page, or the entry's own page.
pub fn href(entry: &CatalogueEntry) -> String {
    match (&entry.channel, &entry.wizard) {
        (Channel::Wizard, Some(wizard)) => crate::router::urls::start(wizard),
        _ => format!("/info/{}", entry.id),
    }
}
