//! Service definitions fetched once per visit and shared by all pages of a wizard, so
//! that moving between steps never waits for the network.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;

use crate::api;
use crate::components::{LoadError, Loading};
use crate::task::use_loader;

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
    let fetched = use_loader(move || {
        let id = id.clone();
        async move {
            let def = Arc::new(api::get_service(&id).await?);
            cache.insert(def.clone());
            Ok(def)
        }
    });
    (move || match fetched.get() {
        None => view! { <Loading heading=true /> }.into_any(),
        Some(Ok(def)) => render(def),
        Some(Err(e)) if e.is_not_found() => view! {
            <crate::pages::NotFoundPage />
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <LoadError error=e retry=move |()| fetched.reload() heading=true /> }.into_any()
        }
    })
    .into_any()
}
