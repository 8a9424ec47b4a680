//! Drafts are written to the device while the citizen types: at most half a second
//! after the last change, at once when they leave the page or close it.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::page::{after, before_leaving, time_of_day};
use crate::store::{self, Draft};

/// What the save line says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Nothing,
    Saving,
    /// Saved at this time of day.
    Saved(String),
    /// The device refused (storage full or disabled): kept in this page only.
    Failed,
}

const DEBOUNCE_MS: u64 = 400;

thread_local! {
    /// The draft waiting to be written, and whom to tell when it is.
    static WAITING: RefCell<Option<(Draft, RwSignal<SaveState>)>> = const { RefCell::new(None) };
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The draft has changed: write it soon.
pub fn draft_changed(draft: Draft, state: RwSignal<SaveState>) {
    let _ = state.try_set(SaveState::Saving);
    WAITING.with(|w| *w.borrow_mut() = Some((draft, state)));
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    before_leaving(Some(Box::new(write_waiting)));
    after(
        DEBOUNCE_MS,
        Box::new(move || {
            if GENERATION.with(|g| g.get()) == generation {
                if let Some((saved, state)) = write() {
                    let _ = state.try_set(if saved {
                        SaveState::Saved(time_of_day(None))
                    } else {
                        SaveState::Failed
                    });
                }
            }
        }),
    );
}

/// What the save line says when a page opens: "Gespeichert" only if the draft as last
/// saved is on the device — one the device refused lives in this visit only.
pub fn state_on_arrival(service_id: &str, saved_at: u64) -> SaveState {
    match saved_at {
        0 => SaveState::Nothing,
        _ if !store::draft_on_device(service_id) => SaveState::Failed,
        ms => SaveState::Saved(time_of_day(Some(ms))),
    }
}

/// Writes the waiting draft now, if there is one: when the page is left or closed. The
/// save line is not touched, it is going away (and signals must not change while a
/// page is being taken down).
pub fn write_waiting() {
    write();
}

fn write() -> Option<(bool, RwSignal<SaveState>)> {
    let (draft, state) = WAITING.with(|w| w.borrow_mut().take())?;
    before_leaving(None);
    let saved = store::save_draft(&draft);
    crate::wizard::account::keep_in_account(&draft);
    Some((saved, state))
}

/// The save line under a wizard page's form.
#[component]
pub fn SaveStatus(state: RwSignal<SaveState>) -> impl IntoView {
    let i18n = use_i18n();
    move || match state.get() {
        SaveState::Nothing => ().into_any(),
        SaveState::Saving => view! { <p class="save-status">{i18n.t(Key::Saving)}</p> }.into_any(),
        SaveState::Saved(time) => view! {
            <p class="save-status" data-testid="save-status">
                {crate::i18n::fill(i18n.t(Key::SavedAt), &[("time", &time)])}
            </p>
        }
        .into_any(),
        SaveState::Failed => view! {
            <div class="notice notice--error" role="alert"><p>{i18n.t(Key::SaveFailed)}</p></div>
        }
        .into_any(),
    }
}
