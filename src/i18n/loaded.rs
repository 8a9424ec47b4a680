//! Texts of languages other than German, loaded when first chosen: one JSON list per
//! language (`/i18n/{code}.json`, in the order of [`Key::ALL`], generated from
//! `translations/ui/`), so that each costs only those who read it.

use std::cell::RefCell;

use rathaus_core::Locale;

use super::Key;

thread_local! {
    /// By the locale's place in [`Locale::ALL`]; loaded once per visit and kept.
    static LOADED: RefCell<[Option<&'static [String]>; Locale::ALL.len()]> =
        const { RefCell::new([None; Locale::ALL.len()]) };
}

fn slot(locale: Locale) -> usize {
    Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)
}

fn loaded(locale: Locale) -> Option<&'static [String]> {
    LOADED.with(|l| l.borrow()[slot(locale)])
}

/// The text of `key` in `locale` when it has one. `None` until the language is loaded
/// and for a text it lacks: the caller shows German then.
pub fn text(locale: Locale, key: Key) -> Option<&'static str> {
    // Natively (tests, tools) English is compiled in; other languages are loaded from
    // their files by the tests that check them.
    #[cfg(not(target_arch = "wasm32"))]
    if locale == Locale::En {
        return Some(key.english());
    }
    let at = Key::ALL.iter().position(|k| *k == key)?;
    loaded(locale)?
        .get(at)
        .map(String::as_str)
        .filter(|t| !t.is_empty())
}

/// Are the texts of `locale` here?
pub fn is_available(locale: Locale) -> bool {
    locale == Locale::De
        || (cfg!(not(target_arch = "wasm32")) && locale == Locale::En)
        || loaded(locale).is_some()
}

/// Keeps `texts` as texts of `locale`, if they are a whole list: with those kept
/// before, where these have none ("" marks a text of the language's other file).
pub fn keep(locale: Locale, mut texts: Vec<String>) -> bool {
    // Only a complete list: a stale file from another version must not mix texts.
    if texts.len() != Key::ALL.len() {
        return false;
    }
    if let Some(before) = loaded(locale) {
        for (new, old) in texts.iter_mut().zip(before) {
            if new.is_empty() {
                new.clone_from(old);
            }
        }
    }
    LOADED.with(|l| l.borrow_mut()[slot(locale)] = Some(Vec::leak(texts)));
    true
}

/// The texts that come with a lazy module's code rather than with the language
/// (`i18n::files::Part`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleTexts {
    Legal,
    Wizard,
}

impl ModuleTexts {
    const ALL: [ModuleTexts; 2] = [ModuleTexts::Legal, ModuleTexts::Wizard];

    fn at(self) -> usize {
        self as usize
    }

    fn suffix(self) -> &'static str {
        match self {
            ModuleTexts::Legal => "legal",
            ModuleTexts::Wizard => "wizard",
        }
    }
}

thread_local! {
    /// Per module's texts: asked for in this visit (a language chosen later brings
    /// them too), and here per language.
    static MODULE_TEXTS: RefCell<[(bool, [bool; Locale::ALL.len()]); 2]> =
        const { RefCell::new([(false, [false; Locale::ALL.len()]); 2]) };
}

/// Where the app finds the texts of `locale`.
pub fn path(locale: Locale) -> String {
    format!("/i18n/{}.json", locale.code())
}

/// The texts of `locale` that only a lazy module's pages use, loaded with that
/// module: German first, which the app does not carry for them (`messages.rs`) and
/// which shows where the language lacks a text. `false` if German could not be loaded
/// (the pages would have no words); without the language's own file, German shows.
pub async fn ensure_module(locale: Locale, texts: ModuleTexts) -> bool {
    MODULE_TEXTS.with(|m| m.borrow_mut()[texts.at()].0 = true);
    if !load_module(Locale::De, texts).await {
        return false;
    }
    if locale != Locale::De {
        load_module(locale, texts).await;
    }
    true
}

/// `/i18n/{code}.{module}.json` once per visit; whether its texts are here.
async fn load_module(locale: Locale, texts: ModuleTexts) -> bool {
    let here = MODULE_TEXTS.with(|m| m.borrow()[texts.at()].1[slot(locale)]);
    // Natively (tests, tools) German is compiled in whole.
    if here || (cfg!(not(target_arch = "wasm32")) && locale == Locale::De) {
        return true;
    }
    let path = format!("/i18n/{}.{}.json", locale.code(), texts.suffix());
    let kept = fetch_list(&path)
        .await
        .is_some_and(|list| keep(locale, list));
    MODULE_TEXTS.with(|m| m.borrow_mut()[texts.at()].1[slot(locale)] = kept);
    kept
}

/// Makes the texts of `locale` available, with those of every module whose texts
/// were asked for in this visit; `false` if they could not be loaded.
pub async fn ensure(locale: Locale) -> bool {
    // Without its main file the language is not there (a module's file alone would
    // make it look loaded).
    if !ensure_main(locale).await {
        return false;
    }
    for texts in ModuleTexts::ALL {
        if MODULE_TEXTS.with(|m| m.borrow()[texts.at()].0) {
            ensure_module(locale, texts).await;
        }
    }
    true
}

/// The language's own file (what every page may need).
async fn ensure_main(locale: Locale) -> bool {
    if is_available(locale) {
        return true;
    }
    fetch_list(&path(locale))
        .await
        .is_some_and(|texts| keep(locale, texts))
}

/// A texts file: its list of strings, or `None` if it did not arrive whole.
async fn fetch_list(path: &str) -> Option<Vec<String>> {
    let (status, body) = crate::api::fetch_text("GET", path, None, &[]).await.ok()?;
    if status != 200 {
        return None;
    }
    rathaus_core::json::from_str(&body).ok()
}
