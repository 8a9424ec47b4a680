//! Service definitions fetched once per visit and shared by all pages of a wizard, so
//! that moving between steps never waits for the network.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;

use crate::api::{self, ApiError};
use crate::components::{LoadError, Loading};

#[derive(Clone, Copy, Default)]
pub struct ServiceCache(StoredValue<Vec<Arc<ServiceDefinition>>>);

impl ServiceCache {
    pub fn get(&self, id: &str) -> Option<Arc<ServiceDefinition>> {
        self.0
            .with_value(|all| all.iter().find(|d| d.id == id).cloned())
    }

    fn insert(&self, def: Arc<ServiceDefinition>) {
        self.0.update_value(|all| {
            all.retain(|d| d.id != def.id);
            all.push(def);
        });
    }
}

pub fn use_service_cache() -> ServiceCache {
    use_context::<ServiceCache>().expect("ServiceCache is provided at the root of the app")
}

/// The result of a request started by a page, `None` while it runs.
pub type Fetched<T> = RwSignal<Option<Result<T, ApiError>>>;

/// Runs `request` and puts its result into `into`; a page left in the meantime simply
/// drops the result.
pub fn fetch_into<T: Send + Sync + 'static>(
    into: Fetched<T>,
    request: impl std::future::Future<Output = Result<T, ApiError>> + 'static,
) {
    into.set(None);
    crate::spawn(async move {
        let result = request.await;
        into.try_set(Some(result));
    });
}

/// Renders `render(definition)` for service `id`, from the cache at once or after
/// fetching it, with loading, not-found and retry states.
pub fn with_service<V: IntoView + 'static>(
    id: String,
    render: impl Fn(Arc<ServiceDefinition>) -> V + Send + Sync + 'static,
) -> AnyView {
    // One copy of the loading machinery for every page, not one per page type.
    with_service_erased(id, Arc::new(move |def| render(def).into_any()))
}

type Render = Arc<dyn Fn(Arc<ServiceDefinition>) -> AnyView + Send + Sync>;

fn with_service_erased(id: String, render: Render) -> AnyView {
    let cache = use_service_cache();
    if let Some(def) = cache.get(&id) {
        return render(def);
    }
    let fetched: Fetched<Arc<ServiceDefinition>> = RwSignal::new(None);
    let load = move || {
        let id = id.clone();
        fetch_into(fetched, async move {
            let def = Arc::new(api::get_service(&id).await?);
            cache.insert(def.clone());
            Ok(def)
        })
    };
    load();
    (move || match fetched.get() {
        None => view! { <Loading heading=true /> }.into_any(),
        Some(Ok(def)) => render(def),
        Some(Err(e)) if e.is_not_found() => view! {
            <crate::pages::NotFoundPage />
        }
        .into_any(),
        Some(Err(e)) => {
            let load = load.clone();
            view! { <LoadError error=e retry=move |()| load() heading=true /> }.into_any()
        }
    })
    .into_any()
}
