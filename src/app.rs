//! The frame of every page, and which page a route shows.

use leptos::prelude::*;
use rathaus_core::Locale;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::components::LoadError;
use crate::i18n::loaded::ModuleTexts;
use crate::i18n::{use_i18n, I18n, Key};
use crate::outbox::Outbox;
use crate::page::focus_main_heading;
use crate::pages::wizard::{deferred, Deferred};
use crate::pages::{CataloguePage, NotFoundPage};
use crate::router::{urls, use_router, BrowseRoute, LegalRoute, Route, Router, WizardRoute};
use crate::services::ServiceCache;
use crate::store;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::new();
    provide_context(i18n);
    provide_context(ServiceCache::default());
    provide_context(crate::catalogue::CatalogueData::install(i18n));
    let router = Router::install();
    provide_context(router);
    let outbox = Outbox::install();
    provide_context(outbox);
    let set_aside = RwSignal::new(store::take_set_aside());
    // Reading everything once at start finds damaged data before a page needs it, and
    // deletes expired drafts. The code for it comes with the wizard's module, loaded
    // only if the device keeps something (never on a first visit).
    if store::keeps("applications") || store::keeps("draft.") {
        crate::spawn(async move {
            if crate::lazy::code_ready("deferred").await.is_ok() {
                deferred(Deferred::ReadStore).await;
                if store::take_set_aside() {
                    set_aside.set(true);
                }
            }
        });
    }
    let update_ready = RwSignal::new(
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .is_some_and(|e| e.has_attribute("data-update")),
    );
    // boot.js says when a new version is installed and waiting.
    std::mem::forget(window_event_listener_untyped("rathaus:update", move |_| {
        update_ready.set(true)
    }));

    // <html lang dir> follow the chosen language, for screen readers and hyphenation.
    Effect::new(move |_| {
        let locale = i18n.locale_tracked();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", locale.code());
            let _ = html.set_attribute("dir", if locale.is_rtl() { "rtl" } else { "ltr" });
        }
    });
    focus_heading_on_navigation();
    crate::page::install_leave_hook();
    crate::page::install_return_hook();

    // A change of language renders the frame and the page anew; see i18n.
    move || {
        i18n.locale_tracked();
        view! {
            <a
                class="skip-link"
                href="#main"
                on:click=|ev| {
                    ev.prevent_default();
                    focus_main_heading();
                }
            >
                {i18n.t(Key::SkipToContent)}
            </a>
            <Header />
            <div class="width-container">
                {move || update_ready.get().then(|| banner(Key::UpdateAvailable, false, Some((Key::UpdateReload, None))))}
                {move || set_aside.get().then(|| {
                    banner(Key::StorageSetAside, true, Some((Key::DeviceTitle, Some("/device".into()))))
                })}
                {move || {
                    let sent = outbox.sent.get()?;
                    let link = (Key::OutboxSentLink, Some(urls::case(&sent.case_number)));
                    let shown = !matches!(router.route(), Route::Wizard(WizardRoute::Case { .. }));
                    shown.then(|| banner(Key::OutboxSent, false, Some(link)))
                }}
                {move || {
                    // Given back by the outbox (refused, or waited too long): the check
                    // page says why and what to do.
                    let service = outbox.returned.get()?;
                    let shown = !matches!(router.route(), Route::Wizard(WizardRoute::Check { .. }));
                    let link = (Key::OutboxReturnedLink, Some(urls::check(&service)));
                    shown.then(|| banner(Key::OutboxReturned, true, Some(link)))
                }}
                <main id="main" class="main">
                    {move || page(router.route())}
                </main>
            </div>
            <footer class="footer">
                <div class="width-container">
                    <p>{i18n.t(Key::FooterText)}</p>
                    <p><a href="/device">{i18n.t(Key::DeviceTitle)}</a></p>
                    {crate::legal::footer_links()}
                </div>
            </footer>
        }
    }
}

/// A notice of the frame, above every page. Its action is a link, or (`None`) the button
/// that activates a new version of the app (handled by boot.js).
fn banner(text: Key, error: bool, action: Option<(Key, Option<String>)>) -> AnyView {
    let i18n = use_i18n();
    let action = action.map(|(label, href)| match href {
        Some(href) => view! { <a href=href>{i18n.t(label)}</a> }.into_any(),
        None => view! {
            <button type="button" class="link-button" data-action="apply-update">{i18n.t(label)}</button>
        }
        .into_any(),
    });
    view! {
        <div
            class=if error { "notice notice--error banner" } else { "notice banner" }
            role=if error { "alert" } else { "status" }
        >
            <p>{i18n.t(text)} " " {action}</p>
        </div>
    }
    .into_any()
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Catalogue => view! { <CataloguePage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
        Route::Wizard(route) => view! { <DeferredPage page=Lazy::Wizard(route) /> }.into_any(),
        Route::Browse(route) => view! { <DeferredPage page=Lazy::Browse(route) /> }.into_any(),
        Route::Legal(route) => view! { <DeferredPage page=Lazy::Legal(route) /> }.into_any(),
    }
}

/// A page in a module loaded on first use, by its module.
#[derive(Clone)]
enum Lazy {
    Wizard(WizardRoute),
    Browse(BrowseRoute),
    Legal(LegalRoute),
}

impl Lazy {
    /// The lazy function whose module has the page (`<meta name="rathaus-deferred">`).
    fn module(&self) -> &'static str {
        match self {
            Lazy::Wizard(_) => "deferred",
            Lazy::Browse(_) => "catalogue_code",
            Lazy::Legal(_) => "legal_code",
        }
    }

    /// The texts only its module's pages use (`i18n::loaded::ModuleTexts`).
    fn texts(&self) -> Option<ModuleTexts> {
        match self {
            Lazy::Wizard(_) => Some(ModuleTexts::Wizard),
            Lazy::Browse(_) => None,
            Lazy::Legal(_) => Some(ModuleTexts::Legal),
        }
    }
}

/// The module's code, then its texts in the reader's language: German at least, which
/// the app does not carry for them (`i18n/messages.rs`).
async fn lazy_ready(page: &Lazy, locale: Locale) -> Result<(), ApiError> {
    crate::lazy::page_ready(page.module()).await?;
    match page.texts() {
        Some(texts) if !crate::i18n::loaded::ensure_module(locale, texts).await => {
            Err(ApiError::Network)
        }
        _ => Ok(()),
    }
}

/// A page whose code is loaded on first use. The files are fetched first: a failed
/// fetch here shows an error with a retry, where a failure inside the split loader
/// would end the app. Once fetched, the loader finds them in the cache.
#[component]
fn DeferredPage(page: Lazy) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let locale = use_i18n().locale();
    move || {
        attempt.track();
        let page = page.clone();
        Suspend::new(async move {
            let ready = send_wrapper::SendWrapper::new(lazy_ready(&page, locale)).await;
            match (ready, page) {
                (Ok(()), Lazy::Browse(route)) => {
                    let task = crate::search::CatalogueTask::Page(route);
                    // The module also fetches (Load), which only the browser's thread can.
                    match send_wrapper::SendWrapper::new(crate::search::catalogue_code(task)).await {
                        crate::search::CatalogueDone::Page(view) => view,
                        // Not an answer to Page; never given.
                        _ => view! { <NotFoundPage /> }.into_any(),
                    }
                }
                (Ok(()), Lazy::Legal(route)) => crate::pages::legal::legal_code(route).await,
                (Ok(()), Lazy::Wizard(route)) => deferred(Deferred::Page(route)).await,
                (Err(error), _) => view! {
                    <LoadError error=error retry=move |()| attempt.update(|n| *n += 1) heading=true />
                }
                .into_any(),
            }
        })
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="header">
            <div class="width-container header__inner">
                <a class="header__logo" href="/">
                    <span class="header__city">{i18n.t(Key::CityName)}</span>
                    <span class="header__app">{i18n.t(Key::AppName)}</span>
                </a>
                <nav class="header__nav" aria-label=i18n.t(Key::MainNavigation)>
                    <a href="/">{i18n.t(Key::NavServices)}</a>
                    <a href="/applications">{i18n.t(Key::NavApplications)}</a>
                    <a href="/status">{i18n.t(Key::NavStatus)}</a>
                </nav>
                <crate::i18n::LanguageChooser />
            </div>
        </header>
    }
}

/// After every change of page, focus goes to the new page's heading (or its error
/// summary): what a page load does for screen readers, done for in-app navigation.
fn focus_heading_on_navigation() {
    let router = use_router();
    Effect::new(move |previous: Option<Route>| {
        let route = router.route();
        if previous.is_some_and(|p| p != route) {
            let navigation = NAVIGATION.with(|n| {
                n.set(n.get().wrapping_add(1));
                n.get()
            });
            let pending = PendingFocus {
                navigation,
                given_up_at: js_sys::Date::now() + FOCUS_WAIT_MS,
                was_on: active_element(),
                focused: None,
            };
            focus_when_rendered(pending);
        }
        route
    });
}

thread_local! {
    /// Counts changes of page, so that a late focus never lands on a page left since.
    static NAVIGATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How long a new page may take to show its heading (its code and data loading on a
/// slow connection) and still get the focus.
const FOCUS_WAIT_MS: f64 = 15_000.0;

struct PendingFocus {
    navigation: u32,
    given_up_at: f64,
    /// Where focus was when the page changed (a link of the header, say).
    was_on: Option<web_sys::Element>,
    /// The heading (or error summary) given the focus so far.
    focused: Option<web_sys::Element>,
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// The new page may still be loading its code or data: look again on every frame
/// until its heading is there, and then on, for as long as [`FOCUS_WAIT_MS`]: a heading
/// replaced as the page finishes rendering takes the focus with it to `<body>`, and
/// the new one gets it. Stops when the citizen moves on to another page or moves the
/// focus themselves (also by clicking the page, which puts it on `<body>`).
fn focus_when_rendered(mut pending: PendingFocus) {
    crate::page::next_frame(move || {
        if NAVIGATION.with(|n| n.get()) != pending.navigation {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let body: Option<web_sys::Element> = doc.body().map(|b| b.unchecked_into());
        let now_on = doc.active_element();
        let keep_watching = |pending: PendingFocus| {
            if js_sys::Date::now() < pending.given_up_at {
                focus_when_rendered(pending);
            }
        };
        if let Some(focused) = &pending.focused {
            if focused.is_connected() {
                // Held: watch on, as the page may still replace its heading (data
                // arriving); if focus left it, the citizen moved it: stop.
                if now_on.as_ref() == Some(focused) {
                    keep_watching(pending);
                }
                return;
            }
            // Replaced as the page finished rendering: the focus went to <body>.
        }
        let moved_by_citizen = now_on.as_ref().is_some_and(|el| {
            Some(el) != pending.was_on.as_ref()
                && Some(el) != body.as_ref()
                && Some(el) != pending.focused.as_ref()
        });
        if moved_by_citizen {
            return;
        }
        if doc.query_selector("main h1").ok().flatten().is_some() {
            focus_main_heading();
            pending.focused = doc.active_element();
        }
        keep_watching(pending);
    });
}
