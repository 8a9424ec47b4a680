//! The app's addresses and a small router for them.
//!
//! A handful of routes do not need a routing framework: the address is parsed into a
//! [`Route`], the page for it is rendered, links are followed without reloading, and
//! the browser's back and forward buttons work. This costs a fraction of the bytes a
//! general router costs (docs/architecture.md, 'Size budget').

mod route;
#[cfg(test)]
mod tests;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use route::{urls, BrowseRoute, LegalRoute, Route, WizardRoute};

/// The current route, provided at the root of the app.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

pub fn use_router() -> Router {
    use_context::<Router>().expect("Router is provided at the root of the app")
}

fn current_route() -> Route {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Route::NotFound;
    };
    Route::parse(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    )
}

impl Router {
    /// Starts following the address bar: back/forward buttons and clicks on links.
    pub fn install() -> Router {
        let router = Router {
            route: RwSignal::new(current_route()),
        };
        let Some(window) = web_sys::window() else {
            return router;
        };
        let on_popstate = Closure::<dyn Fn()>::new(move || router.route.set(current_route()));
        let _ = window
            .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        on_popstate.forget();

        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                if let Some(href) = followable_link(&ev) {
                    ev.prevent_default();
                    router.navigate(&href);
                }
            });
        if let Some(doc) = window.document() {
            let _ =
                doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        }
        on_click.forget();
        router
    }

    /// Tracked.
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// Goes to `url` (a path in this app) as a new history entry.
    pub fn navigate(&self, url: &str) {
        self.go(url, false);
    }

    /// Goes to `url` in place of the current entry: for pages the citizen must not come
    /// back to with the back button (a sent form, a redirect).
    pub fn replace(&self, url: &str) {
        self.go(url, true);
    }

    fn go(&self, url: &str, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let result = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            };
            if result.is_err() {
                // History refused (a sandboxed frame, say): load the page instead.
                let _ = window.location().set_href(url);
                return;
            }
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
        self.route.set(current_route());
    }
}

/// The in-app address of the link this click follows, if the app should handle it:
/// a plain left click on a same-origin link that nothing else has handled.
fn followable_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let anchor: web_sys::HtmlAnchorElement = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let own_origin = web_sys::window()?.location().origin().ok()?;
    let raw = anchor.get_attribute("href")?;
    let opens_elsewhere = !matches!(anchor.target().as_str(), "" | "_self");
    if raw.starts_with('#')
        || opens_elsewhere
        || anchor.has_attribute("download")
        // Pages of the same origin that are not the app's (a payment provider's).
        || anchor.rel() == "external"
        || anchor.origin() != own_origin
    {
        return None;
    }
    // The hash too: a link to a part of a page (`…#answer`) takes focus there.
    Some(format!(
        "{}{}{}",
        anchor.pathname(),
        anchor.search(),
        anchor.hash()
    ))
}
