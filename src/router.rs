//! The app's addresses and a small router for them.
//!
//! A handful of routes do not need a routing framework: the address is parsed into a
//! [`Route`], the page for it is rendered, links are followed without reloading, and
//! the browser's back and forward buttons work. This costs a fraction of the bytes a
//! general router costs (docs/architecture.md, 'Size budget').

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Every page of the app, by the wasm module its code is in (docs/architecture.md,
/// 'Modules'): each lazy entry point matches its own enum, so a route cannot land in a
/// module that has no page for it. Only ids go into addresses, never answers or codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The front page: search and topics, in the first module.
    Catalogue,
    NotFound,
    /// The wizard's module (src/pages/wizard/mod.rs `deferred`).
    Wizard(WizardRoute),
    /// The catalogue's module (src/search.rs `catalogue_code`).
    Browse(BrowseRoute),
    /// The legal pages' module (src/pages/legal/mod.rs `legal_code`).
    Legal(LegalRoute),
}

/// Applying, and following what was sent: the pages of the wizard's module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WizardRoute {
    ServiceStart {
        service: String,
    },
    Step {
        service: String,
        step: String,
        /// One item of a repeatable group (0-based; 1-based in the address).
        item: Option<usize>,
        from_check: bool,
    },
    /// Back into a draft: the wizard works out the page where the citizen left off.
    Resume {
        service: String,
    },
    Check {
        service: String,
    },
    /// One application: its confirmation, status, timeline, payment and the office's
    /// questions. Read from the device (or this tab, after a lookup).
    Case {
        case_number: String,
    },
    /// "Meine Anträge": the applications on this device.
    Applications,
    /// Where the payment provider sends the citizen back. It carries no outcome: the
    /// page asks the backend.
    PaymentReturn {
        case_number: String,
    },
    Status,
    /// What the app keeps on this device: drafts, applications sent, the outbox.
    Device,
}

/// Browsing the catalogue: the pages of the catalogue's module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrowseRoute {
    /// A life situation of the catalogue, and its services.
    Life { id: String },
    /// An area of the administration (a category of the catalogue).
    Area { id: String },
    /// A service of the catalogue without a wizard here: how it is done.
    Info { id: String },
}

/// The pages the law asks for: the legal pages' module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LegalRoute {
    /// The city's Impressum (§ 5 DDG).
    Imprint,
    /// The Datenschutzerklärung (Art. 13/14 DSGVO).
    Privacy,
    /// The Erklärung zur Barrierefreiheit (BITV 2.0 § 7).
    Accessibility,
    /// Its feedback mechanism: the form to report a barrier.
    BarrierReport,
}

impl Route {
    /// Reads a location's path and query (`?from=check`).
    pub fn parse(path: &str, query: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let from_check = query
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair == "from=check");
        let id = |s: &str| s.to_owned();
        match segments.as_slice() {
            [] => Route::Catalogue,
            ["services", service] => Route::Wizard(WizardRoute::ServiceStart {
                service: id(service),
            }),
            ["services", service, "apply"] => Route::Wizard(WizardRoute::Resume {
                service: id(service),
            }),
            ["services", service, "apply", step] => Route::Wizard(WizardRoute::Step {
                service: id(service),
                step: id(step),
                item: None,
                from_check,
            }),
            ["services", service, "apply", step, n] => match n.parse::<usize>() {
                Ok(n) if (1..=1000).contains(&n) => Route::Wizard(WizardRoute::Step {
                    service: id(service),
                    step: id(step),
                    item: Some(n - 1),
                    from_check,
                }),
                _ => Route::NotFound,
            },
            ["services", service, "check"] => Route::Wizard(WizardRoute::Check {
                service: id(service),
            }),
            ["applications"] => Route::Wizard(WizardRoute::Applications),
            ["applications", case_number] => Route::Wizard(WizardRoute::Case {
                case_number: id(case_number),
            }),
            ["applications", case_number, "payment"] => Route::Wizard(WizardRoute::PaymentReturn {
                case_number: id(case_number),
            }),
            ["status"] => Route::Wizard(WizardRoute::Status),
            ["life", id] => Route::Browse(BrowseRoute::Life { id: id.to_string() }),
            ["areas", id] => Route::Browse(BrowseRoute::Area { id: id.to_string() }),
            ["info", id] => Route::Browse(BrowseRoute::Info { id: id.to_string() }),
            ["device"] => Route::Wizard(WizardRoute::Device),
            // German addresses in every language: they are what citizens look for.
            ["impressum"] => Route::Legal(LegalRoute::Imprint),
            ["datenschutz"] => Route::Legal(LegalRoute::Privacy),
            ["barrierefreiheit"] => Route::Legal(LegalRoute::Accessibility),
            ["barrierefreiheit", "melden"] => Route::Legal(LegalRoute::BarrierReport),
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Catalogue => "/".into(),
            Route::Wizard(WizardRoute::ServiceStart { service }) => format!("/services/{service}"),
            Route::Wizard(WizardRoute::Step {
                service,
                step,
                item,
                from_check,
            }) => {
                let back = if *from_check { "?from=check" } else { "" };
                let item = item.map(|i| format!("/{}", i + 1)).unwrap_or_default();
                format!("/services/{service}/apply/{step}{item}{back}")
            }
            Route::Wizard(WizardRoute::Resume { service }) => format!("/services/{service}/apply"),
            Route::Wizard(WizardRoute::Check { service }) => format!("/services/{service}/check"),
            Route::Wizard(WizardRoute::Case { case_number }) => {
                format!("/applications/{case_number}")
            }
            Route::Wizard(WizardRoute::Applications) => "/applications".into(),
            Route::Wizard(WizardRoute::PaymentReturn { case_number }) => {
                format!("/applications/{case_number}/payment")
            }
            Route::Wizard(WizardRoute::Status) => "/status".into(),
            Route::Browse(BrowseRoute::Life { id }) => format!("/life/{id}"),
            Route::Browse(BrowseRoute::Area { id }) => format!("/areas/{id}"),
            Route::Browse(BrowseRoute::Info { id }) => format!("/info/{id}"),
            Route::Wizard(WizardRoute::Device) => "/device".into(),
            Route::Legal(LegalRoute::Imprint) => "/impressum".into(),
            Route::Legal(LegalRoute::Privacy) => "/datenschutz".into(),
            Route::Legal(LegalRoute::Accessibility) => "/barrierefreiheit".into(),
            Route::Legal(LegalRoute::BarrierReport) => "/barrierefreiheit/melden".into(),
            Route::NotFound => "/404".into(),
        }
    }
}

/// Addresses of the wizard's pages, for links.
pub mod urls {
    use super::{Route, WizardRoute};

    pub fn start(service: &str) -> String {
        Route::Wizard(WizardRoute::ServiceStart {
            service: service.into(),
        })
        .href()
    }

    pub fn step(service: &str, step: &str, from_check: bool) -> String {
        item(service, step, None, from_check)
    }

    /// A page of a repeatable group: its list (`None`) or one of its items.
    pub fn item(service: &str, step: &str, item: Option<usize>, from_check: bool) -> String {
        Route::Wizard(WizardRoute::Step {
            service: service.into(),
            step: step.into(),
            item,
            from_check,
        })
        .href()
    }

    pub fn resume(service: &str) -> String {
        Route::Wizard(WizardRoute::Resume {
            service: service.into(),
        })
        .href()
    }

    pub fn check(service: &str) -> String {
        Route::Wizard(WizardRoute::Check {
            service: service.into(),
        })
        .href()
    }

    pub fn payment_return(case_number: &str) -> String {
        Route::Wizard(WizardRoute::PaymentReturn {
            case_number: case_number.into(),
        })
        .href()
    }

    pub fn case(case_number: &str) -> String {
        Route::Wizard(WizardRoute::Case {
            case_number: case_number.into(),
        })
        .href()
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_address() {
        let routes = [
            Route::Catalogue,
            Route::Wizard(WizardRoute::ServiceStart {
                service: "fuehrungszeugnis".into(),
            }),
            Route::Wizard(WizardRoute::Step {
                service: "fuehrungszeugnis".into(),
                step: "geburt".into(),
                item: None,
                from_check: false,
            }),
            Route::Wizard(WizardRoute::Step {
                service: "fuehrungszeugnis".into(),
                step: "geburt".into(),
                item: None,
                from_check: true,
            }),
            Route::Wizard(WizardRoute::Step {
                service: "hundesteuer".into(),
                step: "hunde".into(),
                item: Some(1),
                from_check: true,
            }),
            Route::Wizard(WizardRoute::Resume {
                service: "fuehrungszeugnis".into(),
            }),
            Route::Wizard(WizardRoute::Check {
                service: "fuehrungszeugnis".into(),
            }),
            Route::Wizard(WizardRoute::Case {
                case_number: "2026-7KQ4-M2XD".into(),
            }),
            Route::Wizard(WizardRoute::PaymentReturn {
                case_number: "2026-7KQ4-M2XD".into(),
            }),
            Route::Wizard(WizardRoute::Status),
            Route::Wizard(WizardRoute::Device),
            Route::Wizard(WizardRoute::Applications),
            Route::Browse(BrowseRoute::Life {
                id: "umzug-wohnen".into(),
            }),
            Route::Browse(BrowseRoute::Area { id: "bauen".into() }),
            Route::Browse(BrowseRoute::Info {
                id: "reisepass".into(),
            }),
            Route::Legal(LegalRoute::Imprint),
            Route::Legal(LegalRoute::Privacy),
            Route::Legal(LegalRoute::Accessibility),
            Route::Legal(LegalRoute::BarrierReport),
        ];
        for route in routes {
            let href = route.href();
            let (path, query) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(Route::parse(path, query), route, "{href}");
        }
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        assert_eq!(Route::parse("/services/a/b", ""), Route::NotFound);
        assert_eq!(Route::parse("/admin", ""), Route::NotFound);
        assert_eq!(Route::parse("/services/a/apply/b/c/d", ""), Route::NotFound);
        assert_eq!(Route::parse("//", ""), Route::Catalogue);
        assert_eq!(
            Route::parse("/status/", "?x=1"),
            Route::Wizard(WizardRoute::Status)
        );
        assert_eq!(
            Route::parse("/services/a/apply/b", "?utm=1&from=check"),
            Route::Wizard(WizardRoute::Step {
                service: "a".into(),
                step: "b".into(),
                item: None,
                from_check: true
            })
        );
        assert_eq!(
            Route::parse("/services/a/apply/b/2", ""),
            Route::Wizard(WizardRoute::Step {
                service: "a".into(),
                step: "b".into(),
                item: Some(1),
                from_check: false
            })
        );
        assert_eq!(Route::parse("/services/a/apply/b/0", ""), Route::NotFound);
        assert_eq!(Route::parse("/services/a/apply/b/x", ""), Route::NotFound);
    }
}
