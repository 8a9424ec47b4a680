//! Run later, once: a debounce or a poll. A new start cancels the pending run, and so
//! does leaving the page that owns the timer.

use std::cell::Cell;

use leptos::prelude::*;

#[derive(Default)]
struct State {
    /// Which start is current: a run of an older one does nothing.
    generation: Cell<u32>,
    pending: Cell<bool>,
}

/// Runs one thing after a pause.
#[derive(Clone, Copy)]
pub struct Timer(StoredValue<State, LocalStorage>);

/// A [`Timer`] of the current owner.
pub fn use_timer() -> Timer {
    let timer = Timer(StoredValue::new_local(State::default()));
    on_cleanup(move || timer.cancel());
    timer
}

impl Timer {
    /// Runs `f` after `ms` milliseconds, unless started again or cancelled meanwhile.
    pub fn start(self, ms: u64, f: impl FnOnce() + 'static) {
        let Some(generation) = self.next() else {
            return;
        };
        self.0.with_value(|s| s.pending.set(true));
        crate::page::after(
            ms,
            Box::new(move || {
                let current = self.0.try_with_value(|s| {
                    let current = s.generation.get() == generation;
                    if current {
                        s.pending.set(false);
                    }
                    current
                });
                if current == Some(true) {
                    f();
                }
            }),
        );
    }

    /// Whether a run is waiting.
    pub fn is_pending(self) -> bool {
        self.0.try_with_value(|s| s.pending.get()).unwrap_or(false)
    }

    /// The pending run will not happen.
    pub fn cancel(self) {
        self.next();
    }

    fn next(self) -> Option<u32> {
        self.0.try_with_value(|s| {
            s.pending.set(false);
            let generation = s.generation.get().wrapping_add(1);
            s.generation.set(generation);
            generation
        })
    }
}
