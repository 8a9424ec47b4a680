//! An answer of the backend as a page shows it: loading, there, or failed (with the
//! [`ApiError`] to explain it and retry).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use super::{use_task, Task};
use crate::api::ApiError;

type Request<T> = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>> + Send + Sync>;

/// What `request` answered: `None` while the first answer is on its way.
pub struct Loader<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, ApiError>>>,
    task: Task,
    request: StoredValue<Request<T>>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loader<T> {}

/// A [`Loader`] of the current owner that asks at once.
pub fn use_loader<T, F>(request: impl Fn() -> F + Send + Sync + 'static) -> Loader<T>
where
    T: Send + Sync + 'static,
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    let loader = Loader::idle(request);
    loader.reload();
    loader
}

impl<T: Send + Sync + 'static> Loader<T> {
    /// A loader that asks only when told to ([`Loader::reload`], [`Loader::ask`]).
    pub fn idle<F>(request: impl Fn() -> F + Send + Sync + 'static) -> Loader<T>
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let request: Request<T> = Arc::new(move || Box::pin(request()));
        Loader {
            value: RwSignal::new(None),
            task: use_task(),
            request: StoredValue::new(request),
        }
    }

    /// Asks again, showing "loading" meanwhile; an answer of an earlier ask is dropped.
    pub fn reload(self) {
        self.value.try_set(None);
        self.refresh();
    }

    /// Asks again; what is shown stays until the new answer is in.
    pub fn refresh(self) {
        let Some(request) = self.request.try_get_value() else {
            return;
        };
        self.task.start(request(), move |answer| {
            self.value.try_set(Some(answer));
        });
    }

    /// Asks unless the answer is there or on its way (for data shared by pages).
    pub fn ask(self) -> Self {
        let answered = self.value.with_untracked(|v| matches!(v, Some(Ok(_))));
        if !answered && !self.task.is_running() {
            self.reload();
        }
        self
    }

    /// Whether it was asked at all (the answer may be on its way).
    pub fn asked(self) -> bool {
        self.task.is_running() || self.value.with_untracked(Option::is_some)
    }

    /// Whether an ask is on its way (read now, not tracked).
    pub fn loading(self) -> bool {
        self.task.is_running()
    }

    /// The state (tracked): `None` while loading.
    pub fn get(self) -> Option<Result<T, ApiError>>
    where
        T: Clone,
    {
        self.value.get()
    }

    /// The answer if it is there (tracked).
    pub fn current(self) -> Option<T>
    where
        T: Clone,
    {
        self.value
            .with(|v| v.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }

    /// Puts an answer in place (one the page learnt otherwise, e.g. from a POST).
    pub fn set(self, answer: Result<T, ApiError>) {
        self.task.cancel();
        self.value.set(Some(answer));
    }

    /// The state's signal, for pages that read it with `with`.
    pub fn signal(self) -> ReadSignal<Option<Result<T, ApiError>>> {
        self.value.read_only()
    }
}
