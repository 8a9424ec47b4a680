//! What every page does: name itself in the document title, and move focus to its
//! heading when the citizen arrives from another page.

use leptos::prelude::*;
use rathaus_core::date::Date;
use wasm_bindgen::JsCast;

use crate::i18n::{use_i18n, Key};

/// Sets `document.title` to "`title` – Rathaus – Stadt …", with "Fehler: " in front
/// while the page shows errors (GOV.UK pattern: the first thing a screen reader reads).
pub fn use_document_title(title: String, has_errors: Signal<bool>) {
    use_changing_document_title(Signal::stored(title), has_errors);
}

/// [`use_document_title`] for a page whose subject changes while it is shown (a case
/// that now needs an answer, a payment whose outcome has arrived).
pub fn use_changing_document_title(title: Signal<String>, has_errors: Signal<bool>) {
    let i18n = use_i18n();
    let suffix = format!(" – {} – {}", i18n.t(Key::AppName), i18n.t(Key::CityName));
    Effect::new(move |_| {
        let prefix = if has_errors.get() {
            i18n.t(Key::ErrorTitlePrefix)
        } else {
            ""
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{prefix}{}{suffix}", title.get()));
        }
    });
}

/// Moves focus to the page's `<h1>` (made focusable for this), so that keyboard and
/// screen reader users start reading at the new page's heading, as after a page load.
pub fn focus_main_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // An error summary, when a page opens with one, is where to start instead; an
    // address that names a part of the page (`…#answer`) leads there.
    let named = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .filter(|h| h.len() > 1)
        .and_then(|h| {
            doc.query_selector(&format!("main [id='{}']", &h[1..]))
                .ok()
                .flatten()
        });
    let target = doc
        .query_selector("main .error-summary")
        .ok()
        .flatten()
        .or(named)
        .or_else(|| doc.query_selector("main h1").ok().flatten());
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// Runs `f` before the next repaint. Every part of the app goes through this one
/// function: the wizard's code is loaded later as a separate wasm module, and calling
/// wasm-bindgen's generic closure conversion from there fails at run time (the
/// conversion exists, rewritten, in the first module only).
pub fn next_frame(f: impl FnOnce() + 'static) {
    next_frame_boxed(Box::new(f));
}

#[inline(never)]
fn next_frame_boxed(f: Box<dyn FnOnce()>) {
    request_animation_frame(f);
}

/// Runs `f` after `ms` milliseconds (one function for the whole app, as [`next_frame`]).
/// Straight to `setTimeout`: Leptos's own helper formats its error, which costs the
/// first module 2 KB of `Debug` code.
#[inline(never)]
pub fn after(ms: u64, f: Box<dyn FnOnce()>) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            ms.min(i32::MAX as u64) as i32,
        );
    }
}

thread_local! {
    static BEFORE_LEAVING: std::cell::RefCell<Option<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(None) };
}

/// What to do if the page is closed or reloaded now (a draft not yet written); `None`
/// once done. One at a time: the page being shown sets it.
pub fn before_leaving(f: Option<Box<dyn FnOnce()>>) {
    BEFORE_LEAVING.with(|b| *b.borrow_mut() = f);
}

/// Listens for the page being left (installed once by the app's frame).
pub fn install_leave_hook() {
    std::mem::forget(window_event_listener_untyped("pagehide", |_| {
        if let Some(f) = BEFORE_LEAVING.with(|b| b.borrow_mut().take()) {
            f();
        }
    }));
}

/// The citizen's civil date, from the device clock in its time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// "14:32": the device's local time of day at `ms` since 1970 (now if `None`).
pub fn time_of_day(ms: Option<u64>) -> String {
    let at = js_sys::Date::new_0();
    if let Some(ms) = ms {
        at.set_time(ms as f64);
    }
    format!("{:02}:{:02}", at.get_hours(), at.get_minutes())
}

/// "27.11.2026": the device's local date at `ms` since 1970.
pub fn local_date(ms: u64) -> String {
    let at = js_sys::Date::new_0();
    at.set_time(ms as f64);
    format!(
        "{:02}.{:02}.{}",
        at.get_date(),
        at.get_month() + 1,
        at.get_full_year()
    )
}

/// Counts the citizen's returns to the app: the tab shown again, the window focused.
/// Pages that show something the office may change (a case) refresh on it.
#[derive(Clone, Copy)]
pub struct Returns(RwSignal<u32>);

/// Listens for returns (installed once by the app's frame, so that the listeners live
/// in the first wasm module; see [`next_frame`]).
pub fn install_return_hook() {
    let count = RwSignal::new(0u32);
    provide_context(Returns(count));
    for event in ["focus", "visibilitychange"] {
        std::mem::forget(window_event_listener_untyped(event, move |_| {
            if !is_hidden() {
                count.update(|n| *n = n.wrapping_add(1));
            }
        }));
    }
}

/// Changes each time the citizen returns to the app.
pub fn use_returns() -> Signal<u32> {
    expect_context::<Returns>().0.into()
}

/// Whether the page is out of sight (another tab, minimised, screen off).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
