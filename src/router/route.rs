//! The app's addresses: every page as a [`Route`], parsed from and written to an
//! address, and [`urls`] for links.

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
    /// Where the backend sends the citizen when a login failed: why (a code of
    /// `rathaus_core::api::LoginFailure`) and the page they came from.
    Login {
        failed: Option<String>,
        return_to: Option<String>,
    },
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
            ["login"] => Route::Wizard(WizardRoute::Login {
                failed: query_value(query, "failed"),
                return_to: query_value(query, "return").filter(|r| is_app_path(r)),
            }),
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
            Route::Wizard(WizardRoute::Login { .. }) => "/login".into(),
            Route::Legal(LegalRoute::Imprint) => "/impressum".into(),
            Route::Legal(LegalRoute::Privacy) => "/datenschutz".into(),
            Route::Legal(LegalRoute::Accessibility) => "/barrierefreiheit".into(),
            Route::Legal(LegalRoute::BarrierReport) => "/barrierefreiheit/melden".into(),
            Route::NotFound => "/404".into(),
        }
    }
}

/// The value of `name` in a query (`?a=1&b=%2Fx`), percent-decoded; `None` when absent
/// or not UTF-8.
fn query_value(query: &str, name: &str) -> Option<String> {
    let raw = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)?
        .1;
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = |h: u8| (h as char).to_digit(16);
        match (b, tail) {
            (b'%', [h, l, more @ ..]) if hex(*h).is_some() && hex(*l).is_some() => {
                bytes.push((hex(*h)? * 16 + hex(*l)?) as u8);
                rest = more;
                continue;
            }
            (b'+', _) => bytes.push(b' '),
            _ => bytes.push(b),
        }
        rest = tail;
    }
    String::from_utf8(bytes).ok()
}

/// A path of this app (never another site): where a page may send the citizen back.
pub fn is_app_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 512
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
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
