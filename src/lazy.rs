//! The files of the lazy modules (docs/architecture.md, 'Wasm modules'): their code,
//! fetched before the split loader needs it so that a failed download shows a retry
//! instead of ending the app, and their stylesheet, added before the first lazy page
//! shows. Both are named by the release build in the page's `<meta>` elements; a debug
//! build does not split, names none, and links every style from index.html.

use std::cell::RefCell;

use wasm_bindgen_futures::JsFuture;

use crate::api::ApiError;

thread_local! {
    /// The split files fetched in this visit.
    static FETCHED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The later stylesheet's link once added, and the promise of its loading.
    static STYLES: RefCell<Option<(web_sys::Element, js_sys::Promise)>> = const { RefCell::new(None) };
}

/// Fetches the files of the lazy function `module` (`deferred`, `catalogue_code`,
/// `legal_code`) as the release build lists them in `<meta name="rathaus-deferred">`
/// (`deferred=/split_deferred-….wasm,/chunk-….wasm;…`), and the later stylesheet. Once
/// fetched, the split loader and the stylesheet's link find them in the cache.
pub async fn code_ready(module: &str) -> Result<(), ApiError> {
    let listed = meta("rathaus-deferred").unwrap_or_default();
    let files = listed
        .split(';')
        .find_map(|entry| entry.strip_prefix(module)?.strip_prefix('='))
        .unwrap_or_default();
    // The later stylesheet too: every module's pages need it, and once fetched with the
    // code, the service worker keeps it for the offline use of those pages.
    let styles = meta("rathaus-styles");
    for file in files
        .split(',')
        .filter(|f| !f.is_empty())
        .chain(styles.as_deref())
    {
        if FETCHED.with(|f| f.borrow().iter().any(|done| done == file)) {
            continue;
        }
        let (status, _) = crate::api::fetch_text("GET", file, None, &[]).await?;
        if !(200..300).contains(&status) {
            return Err(ApiError::Status { status, body: None });
        }
        FETCHED.with(|f| f.borrow_mut().push(file.to_owned()));
    }
    Ok(())
}

/// Makes a lazy page ready to show: its module's code and the later stylesheet.
pub async fn page_ready(module: &str) -> Result<(), ApiError> {
    code_ready(module).await?;
    styles_ready().await
}

/// Adds the stylesheet of the pages loaded later (`<meta name="rathaus-styles">`,
/// scripts/build/bundle-css.mjs) once, and waits until it applies, so that a lazy page
/// never shows unstyled. A link that failed to load is taken out again: the retry adds
/// it anew.
async fn styles_ready() -> Result<(), ApiError> {
    let added = STYLES.with(|s| s.borrow().as_ref().map(|(_, loaded)| loaded.clone()));
    let loaded = match added {
        Some(loaded) => loaded,
        None => {
            let Some(href) = meta("rathaus-styles") else {
                return Ok(());
            };
            let (link, loaded) = add_stylesheet(&href).ok_or(ApiError::Network)?;
            STYLES.with(|s| *s.borrow_mut() = Some((link, loaded.clone())));
            loaded
        }
    };
    if JsFuture::from(loaded).await.is_err() {
        if let Some((link, _)) = STYLES.with(|s| s.borrow_mut().take()) {
            link.remove();
        }
        return Err(ApiError::Network);
    }
    Ok(())
}

fn add_stylesheet(href: &str) -> Option<(web_sys::Element, js_sys::Promise)> {
    let document = web_sys::window()?.document()?;
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", href).ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    document
        .query_selector("head")
        .ok()??
        .append_child(&link)
        .ok()?;
    Some((link, loaded))
}

/// The content of the page's `<meta name="{name}">`, if there is one.
fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name={name}]"))
        .ok()??
        .get_attribute("content")
}
