//! The app's one way to wait (src/task/): each behaviour a page relies on, in a real
//! browser's event loop.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use rathaus::api::ApiError;
use rathaus::task::{use_loader, use_task, use_timer, Loader};
use wasm_bindgen_test::*;

use super::gloo_timers_sleep;

fn counter() -> Rc<Cell<u32>> {
    Rc::new(Cell::new(0))
}

/// A future that waits `ms`, then gives `value`.
async fn later(ms: i32, value: u32) -> u32 {
    gloo_timers_sleep(ms).await;
    value
}

#[wasm_bindgen_test]
async fn a_new_start_cancels_the_pending_timer() {
    let owner = Owner::new();
    let timer = owner.with(use_timer);
    let (first, second) = (counter(), counter());
    let f = first.clone();
    timer.start(30, move || f.set(f.get() + 1));
    assert!(timer.is_pending());
    let s = second.clone();
    timer.start(30, move || s.set(s.get() + 1));
    gloo_timers_sleep(80).await;
    assert_eq!((first.get(), second.get()), (0, 1));
    assert!(!timer.is_pending());
}

#[wasm_bindgen_test]
async fn leaving_the_page_cancels_its_timer() {
    let owner = Owner::new();
    let timer = owner.with(use_timer);
    let ran = counter();
    let r = ran.clone();
    timer.start(20, move || r.set(1));
    owner.cleanup();
    gloo_timers_sleep(60).await;
    assert_eq!(ran.get(), 0);
}

#[wasm_bindgen_test]
async fn only_the_latest_run_of_a_task_is_heard() {
    let owner = Owner::new();
    let task = owner.with(use_task);
    let heard = Rc::new(Cell::new(Vec::<u32>::new()));
    for (ms, value) in [(60, 1), (10, 2)] {
        let h = heard.clone();
        task.start(later(ms, value), move |v| {
            let mut all = h.take();
            all.push(v);
            h.set(all);
        });
    }
    assert!(task.is_running());
    gloo_timers_sleep(120).await;
    assert_eq!(heard.take(), vec![2]);
    assert!(!task.is_running());
}

#[wasm_bindgen_test]
async fn a_cancelled_task_and_a_left_page_hear_nothing() {
    let owner = Owner::new();
    let task = owner.with(use_task);
    let heard = counter();
    let h = heard.clone();
    task.start(later(20, 1), move |v| h.set(v));
    task.cancel();
    assert!(!task.is_running());
    let h = heard.clone();
    task.start(later(20, 2), move |v| h.set(v));
    owner.cleanup();
    gloo_timers_sleep(60).await;
    assert_eq!(heard.get(), 0);
}

#[wasm_bindgen_test]
async fn a_loader_asks_at_once_and_again_on_reload() {
    let owner = Owner::new();
    // Each ask answers with its number.
    let loader: Loader<u32> = owner.with(|| {
        let asks = StoredValue::new(0u32);
        use_loader(move || {
            asks.update_value(|n| *n += 1);
            let n = asks.get_value();
            async move { Ok::<u32, ApiError>(later(10, n).await) }
        })
    });
    assert_eq!(loader.get(), None);
    assert!(loader.loading());
    gloo_timers_sleep(40).await;
    assert_eq!(loader.get(), Some(Ok(1)));
    loader.reload();
    assert_eq!(loader.get(), None, "loading again");
    gloo_timers_sleep(40).await;
    assert_eq!(loader.get(), Some(Ok(2)));
    // What is shown stays while a refresh is on its way.
    loader.refresh();
    assert_eq!(loader.get(), Some(Ok(2)));
    // An answer put in place ends the ask on its way.
    loader.set(Err(ApiError::Network));
    gloo_timers_sleep(40).await;
    assert_eq!(loader.get(), Some(Err(ApiError::Network)));
}
