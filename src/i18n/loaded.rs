//! Texts of languages other than German, loaded when first chosen.

use std::cell::Cell;

use rathaus_core::Locale;

use super::Key;

thread_local! {
    static ENGLISH: Cell<Option<&'static [String]>> = const { Cell::new(None) };
}

/// The English text of `key`; German until the English texts are loaded.
#[cfg(target_arch = "wasm32")]
pub fn english(key: Key) -> &'static str {
    let at = Key::ALL.iter().position(|k| *k == key).unwrap_or(0);
    ENGLISH
        .with(Cell::get)
        .and_then(|texts| texts.get(at))
        .map_or_else(|| key.german(), String::as_str)
}

/// Natively (tests, tools) the texts are compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub fn english(key: Key) -> &'static str {
    key.english()
}

/// Are the texts of `locale` here?
pub fn is_available(locale: Locale) -> bool {
    locale == Locale::De || cfg!(not(target_arch = "wasm32")) || ENGLISH.with(Cell::get).is_some()
}

/// Makes the texts of `locale` available; `false` if they could not be loaded.
pub async fn ensure(locale: Locale) -> bool {
    if is_available(locale) {
        return true;
    }
    let answer = crate::api::fetch_text("GET", "/i18n/en.json", None, &[]).await;
    let texts: Option<Vec<String>> = answer
        .ok()
        .filter(|(status, _)| *status == 200)
        .and_then(|(_, body)| rathaus_core::json::from_str(&body).ok());
    match texts {
        // Only a complete list: a stale file from another version must not mix texts.
        Some(texts) if texts.len() == Key::ALL.len() => {
            // Loaded once per visit and kept for its whole length.
            ENGLISH.with(|e| e.set(Some(Vec::leak(texts))));
            true
        }
        _ => false,
    }
}
