//! Run later, once: a debounce or a poll. A new start cancels the pending run, and so
//! does leaving the page that owns the timer.

use leptos::prelude::*;

use super::Runs;

/// Runs one thing after a pause.
#[derive(Clone, Copy)]
pub struct Timer(StoredValue<Runs, LocalStorage>);

/// A [`Timer`] of the current owner.
pub fn use_timer() -> Timer {
    let timer = Timer(StoredValue::new_local(Runs::default()));
    on_cleanup(move || timer.cancel());
    timer
}

impl Timer {
    /// Runs `f` after `ms` milliseconds, unless started again or cancelled meanwhile.
    pub fn start(self, ms: u64, f: impl FnOnce() + 'static) {
        let Some(run) = self.0.try_with_value(Runs::begin) else {
            return;
        };
        crate::page::after(
            ms,
            Box::new(move || {
                if self.0.try_with_value(|r| r.finish(run)) == Some(true) {
                    f();
                }
            }),
        );
    }

    /// Whether a run is waiting.
    pub fn is_pending(self) -> bool {
        self.0.try_with_value(|r| r.going.get()).unwrap_or(false)
    }

    /// The pending run will not happen.
    pub fn cancel(self) {
        self.0.try_with_value(Runs::stop);
    }
}
