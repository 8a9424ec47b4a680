//! An answer of the backend as a page shows it: loading, there, or failed (with the
//! [`ApiError`] to explain it and retry).

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use super::{use_task, Task};
use crate::api::ApiError;

/// An answer of any type: what every loader keeps, whatever it loads.
type AnyAnswer = Result<Arc<dyn Any + Send + Sync>, ApiError>;
type Request = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = AnyAnswer>>> + Send + Sync>;

/// The state and the asking of a loader, for every type of answer alike: the app's
/// first module carries one copy of this code instead of one per type loaded
/// (the service, the catalogue's overview, the whole catalogue; docs/size.md). Only
/// the [`Loader`] in front of it knows the type, and looks the answer up as that.
#[derive(Clone, Copy)]
struct Untyped {
    value: RwSignal<Option<AnyAnswer>>,
    task: Task,
    request: StoredValue<Request>,
}

/// What `request` answered: `None` while the first answer is on its way.
pub struct Loader<T> {
    untyped: Untyped,
    answer: PhantomData<fn() -> T>,
}

impl<T> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loader<T> {}

/// A [`Loader`] of the current owner that asks at once.
pub fn use_loader<T, F>(request: impl Fn() -> F + Send + Sync + 'static) -> Loader<T>
where
    T: Clone + Send + Sync + 'static,
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    let loader = Loader::idle(request);
    loader.reload();
    loader
}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// A loader that asks only when told to ([`Loader::reload`], [`Loader::ask`]).
    pub fn idle<F>(request: impl Fn() -> F + Send + Sync + 'static) -> Loader<T>
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let request: Request = Arc::new(move || {
            let answer = request();
            Box::pin(async move {
                answer
                    .await
                    .map(|t| Arc::new(t) as Arc<dyn Any + Send + Sync>)
            })
        });
        Loader {
            untyped: Untyped::new(request),
            answer: PhantomData,
        }
    }

    /// Asks again, showing "loading" meanwhile; an answer of an earlier ask is dropped.
    pub fn reload(self) {
        self.untyped.reload();
    }

    /// Asks again; what is shown stays until the new answer is in.
    pub fn refresh(self) {
        self.untyped.refresh();
    }

    /// Asks unless the answer is there or on its way (for data shared by pages).
    pub fn ask(self) -> Self {
        self.untyped.ask();
        self
    }

    /// Whether it was asked at all (the answer may be on its way).
    pub fn asked(self) -> bool {
        self.untyped.task.is_running() || self.untyped.value.with_untracked(Option::is_some)
    }

    /// Whether an ask is on its way (read now, not tracked).
    pub fn loading(self) -> bool {
        self.untyped.task.is_running()
    }

    /// The state (tracked): `None` while loading.
    pub fn get(self) -> Option<Result<T, ApiError>> {
        Self::typed(self.untyped.value.get())
    }

    /// The state now (not tracked).
    pub fn get_untracked(self) -> Option<Result<T, ApiError>> {
        Self::typed(self.untyped.value.get_untracked())
    }

    /// The answer if it is there (tracked).
    pub fn current(self) -> Option<T> {
        self.get().and_then(Result::ok)
    }

    /// Puts an answer in place (one the page learnt otherwise, e.g. from a POST).
    pub fn set(self, answer: Result<T, ApiError>) {
        self.untyped
            .set(answer.map(|t| Arc::new(t) as Arc<dyn Any + Send + Sync>));
    }

    fn typed(state: Option<AnyAnswer>) -> Option<Result<T, ApiError>> {
        // Only `idle` and `set` put answers in, both of type T.
        state.map(|answer| {
            answer.map(|any| {
                any.downcast_ref::<T>()
                    .cloned()
                    .expect("an answer of the loader's type")
            })
        })
    }
}

impl Untyped {
    fn new(request: Request) -> Untyped {
        Untyped {
            value: RwSignal::new(None),
            task: use_task(),
            request: StoredValue::new(request),
        }
    }

    fn reload(self) {
        self.value.try_set(None);
        self.refresh();
    }

    fn refresh(self) {
        let Some(request) = self.request.try_get_value() else {
            return;
        };
        self.task.start(request(), move |answer| {
            self.value.try_set(Some(answer));
        });
    }

    fn ask(self) {
        let answered = self.value.with_untracked(|v| matches!(v, Some(Ok(_))));
        if !answered && !self.task.is_running() {
            self.reload();
        }
    }

    fn set(self, answer: AnyAnswer) {
        self.task.cancel();
        self.value.set(Some(answer));
    }
}
