//! Rathaus, the citizen service app: find a service, apply, pay, follow the case.
//!
//! Layout: [`app`] (frame and routes), [`pages`] (one file per page), [`wizard`]
//! (definitions turned into pages), [`components`] (GOV.UK-style building blocks),
//! [`api`] (the backend client), [`store`] (what stays on the device), [`outbox`]
//! (applications waiting for a connection), [`task`] (loading and waiting), [`i18n`].

pub mod api;
pub mod app;
pub mod catalogue;
pub mod components;
pub mod config;
pub mod file_store;
pub mod i18n;
pub mod lazy;
pub mod legal;
pub mod outbox;
pub mod page;
pub mod pages;
pub mod router;
pub mod search;
pub mod services;
pub mod store;
pub mod task;
pub mod wizard;

/// Runs a future on the browser's event loop. One boxed entry point, so that the
/// task machinery exists once in the app rather than once per future type.
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    let boxed: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> = Box::pin(future);
    wasm_bindgen_futures::spawn_local(boxed);
}

/// Loads the runtime configuration, then replaces the static shell with the app.
pub fn start() {
    // Development builds explain panics in the console; release builds abort quietly.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    spawn(async {
        let config = config::load().await;
        api::set_base_url(&config.api_base_url);
        store::set_draft_days(config.draft_days);
        store::set_outbox_days(config.outbox_days);
        if let Some(locale) = store::load_locale() {
            i18n::loaded::ensure(locale).await;
        }
        if let Some(shell) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("shell"))
        {
            shell.remove();
        }
        leptos::mount::mount_to_body(app::App);
    });
}
