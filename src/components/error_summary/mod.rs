//! The error summary at the top of a page: lists every problem as a link to its field
//! and takes focus, so screen reader users hear at once what went wrong.

use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[derive(Clone, Debug, PartialEq)]
pub struct SummaryError {
    /// `#element-id` on this page, or the address of the page to fix it on.
    pub href: String,
    pub message: String,
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus_selector(selector: &str) {
    if let Some(el) = element(selector) {
        let _ = el.focus();
    }
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focuses the element with `id` and brings its question into view. Used instead of
/// following `#id`, which the router would treat as navigation.
pub fn focus_by_id(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let _ = el.focus();
    // Show the label or legend too, not just the box.
    if let Ok(Some(group)) = el.closest(".form-group") {
        group.scroll_into_view();
    }
}

#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<SummaryError>>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            crate::page::next_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|e| {
                    let href = e.href.clone();
                    let on_click = move |ev: leptos::ev::MouseEvent| {
                        if let Some(id) = href.strip_prefix('#') {
                            ev.prevent_default();
                            focus_by_id(id);
                        }
                    };
                    view! { <li><a href=e.href on:click=on_click>{e.message}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" role="region" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                    <div role="alert">
                        <h2 class="error-summary__title" id="error-summary-title">
                            {i18n.t(Key::ErrorSummaryTitle)}
                        </h2>
                        <ul class="error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}
