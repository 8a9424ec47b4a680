//! The one way the app waits: [`Task`] (one piece of work at a time for a page — a new
//! start makes the old one void and aborts its requests, and so does leaving the page),
//! [`Loader`] (an answer of the backend with its loading and error state, reloadable)
//! and [`Timer`] (run later; a new start cancels the pending one).
//!
//! All three belong to the reactive owner that made them (a page, or the app's root):
//! when it is disposed, pending work is aborted and late results are dropped, so no
//! page is ever written to after it was left. Their generic parts touch only signals
//! and the two non-generic bridges [`crate::spawn`] and [`crate::page::after`], so they
//! may be used from every wasm module (docs/architecture.md, 'Wasm modules').

mod loader;
mod timer;

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use leptos::prelude::*;
use web_sys::AbortController;

pub use loader::{use_loader, Loader};
pub use timer::{use_timer, Timer};

/// The HTTP requests started by one run of a task, aborted together.
#[derive(Clone, Default)]
struct Requests(Rc<RefCell<Vec<AbortController>>>);

impl Requests {
    fn abort(&self) {
        for controller in self.0.borrow_mut().drain(..) {
            controller.abort();
        }
    }
}

thread_local! {
    /// The requests of the task being polled right now. Set only for the duration of
    /// one poll (the way a task-local works), so a request knows whose it is.
    static POLLING: RefCell<Option<Requests>> = const { RefCell::new(None) };
}

/// Called by [`crate::api`] for every request it starts: aborted with its task.
pub(crate) fn belongs_to_current_task(controller: &AbortController) {
    POLLING.with(|p| {
        if let Some(requests) = &*p.borrow() {
            requests.0.borrow_mut().push(controller.clone());
        }
    });
}

/// A task's future, whose requests belong to `requests`. Not generic: one `poll` for
/// every task in the app.
struct InTask {
    requests: Requests,
    future: Pin<Box<dyn Future<Output = ()>>>,
}

impl Future for InTask {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let outer = POLLING.with(|p| p.replace(Some(this.requests.clone())));
        let polled = this.future.as_mut().poll(cx);
        POLLING.with(|p| *p.borrow_mut() = outer);
        polled
    }
}

/// Which run of a task or timer is current, and whether it is still going: the result
/// (or the wake-up) of an older run is dropped.
#[derive(Default)]
struct Runs {
    current: Cell<u32>,
    going: Cell<bool>,
}

impl Runs {
    /// Makes every earlier run void; the new one is going.
    fn begin(&self) -> u32 {
        let run = self.current.get().wrapping_add(1);
        self.current.set(run);
        self.going.set(true);
        run
    }

    /// Makes every run void.
    fn stop(&self) {
        self.current.set(self.current.get().wrapping_add(1));
        self.going.set(false);
    }

    /// Whether `run` is still the current one; if so, it is over now.
    fn finish(&self, run: u32) -> bool {
        let current = self.current.get() == run;
        if current {
            self.going.set(false);
        }
        current
    }
}

/// What a task keeps: one value in the owner's arena.
#[derive(Default)]
struct State {
    runs: Runs,
    requests: RefCell<Requests>,
}

/// One piece of asynchronous work at a time, owned by the page that made it.
#[derive(Clone, Copy)]
pub struct Task(StoredValue<State, LocalStorage>);

/// A [`Task`] of the current owner; leaving it (the page) aborts the work.
pub fn use_task() -> Task {
    let task = Task(StoredValue::new_local(State::default()));
    on_cleanup(move || task.cancel());
    task
}

impl Task {
    /// Runs `work`, then `done` with its result — unless the task was started again or
    /// cancelled meanwhile, or its owner is gone. A run still going is cancelled first.
    pub fn start<T: 'static>(
        self,
        work: impl Future<Output = T> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        let requests = Requests::default();
        let run = self.0.try_with_value(|s| {
            s.requests.replace(requests.clone()).abort();
            s.runs.begin()
        });
        let Some(run) = run else {
            return;
        };
        crate::spawn(InTask {
            requests,
            future: Box::pin(async move {
                let out = work.await;
                if self.0.try_with_value(|s| s.runs.finish(run)) == Some(true) {
                    done(out);
                }
            }),
        });
    }

    /// Stops the current run: its requests are aborted and its result dropped.
    pub fn cancel(self) {
        self.0.try_with_value(|s| {
            s.requests.borrow().abort();
            s.runs.stop();
        });
    }

    /// Whether a run is going.
    pub fn is_running(self) -> bool {
        self.0
            .try_with_value(|s| s.runs.going.get())
            .unwrap_or(false)
    }
}
