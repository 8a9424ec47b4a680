//! The query kept with the front page's entry of the browser's history
//! (`history.state`), so that the back button from a result brings the query and its
//! results back. Never in the address: a citizen may type personal data.

use wasm_bindgen::JsValue;

const KEY: &str = "rathausSearch";

/// The query kept with the current history entry, or "".
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .filter(JsValue::is_object)
        .and_then(|state| js_sys::Reflect::get(&state, &KEY.into()).ok())
        .and_then(|q| q.as_string())
        .unwrap_or_default()
}

/// Keeps `query` with the current history entry (replaced, no new entry).
pub fn keep(query: &str) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = if query.trim().is_empty() {
        JsValue::NULL
    } else {
        let state = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&state, &KEY.into(), &query.into());
        state.into()
    };
    let _ = history.replace_state(&state, "");
}
