//! The app's own words in every language, and the chosen locale.
//!
//! Texts of services come from their definitions (`rathaus_core::Text`); everything the
//! app itself says is a [`Key`] here, written in German and English side by side so
//! that no string can exist in one language only.
//!
//! Texts are plain strings in the views, not reactive nodes: a change of language
//! renders the page anew (see `app.rs`). Answers and drafts live in the store, so
//! nothing is lost, and the app saves the code a reactive node per text would cost.

mod chooser;
pub(crate) mod loaded;
mod messages;

pub use chooser::LanguageChooser;
use leptos::prelude::*;
/// Keeps a language's texts as the app would once their file is loaded (for tests in
/// the browser, which have no server to load them from).
pub use loaded::keep as keep_texts;
pub use messages::Key;
pub use rathaus_core::Locale;
use rathaus_core::Text;

use crate::store;

/// The citizen's language, provided at the root of the app.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Reads the saved choice; German unless the citizen chose otherwise.
    pub fn new() -> I18n {
        // The saved language, if its texts could be loaded at start (see `crate::start`).
        let locale = store::load_locale()
            .filter(|l| loaded::is_available(*l))
            .unwrap_or_default();
        I18n {
            locale: RwSignal::new(locale),
        }
    }

    /// Tracked: only the root of the app follows a change of language.
    pub fn locale_tracked(&self) -> Locale {
        self.locale.get()
    }

    /// The language now.
    pub fn locale(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches the language, once its texts are there (English is loaded on first
    /// use; if that fails the switch waits for the next try and German stays).
    pub fn set_locale(&self, locale: Locale) {
        let signal = self.locale;
        crate::spawn(async move {
            if loaded::ensure(locale).await {
                store::save_locale(locale);
                signal.set(locale);
            }
        });
    }

    /// The app's text for `key` in the current language.
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale())
    }

    /// A service author's text in the current language.
    pub fn text(&self, text: &Text) -> String {
        text.get(self.locale()).to_owned()
    }

    /// The language of [`I18n::text`]'s answer when it is not the page's: `Some("de")`
    /// for an author's text without the reader's language, shown in German. For the
    /// `lang` of the element that shows it, so that a screen reader pronounces it right.
    pub fn lang_of(&self, text: &Text) -> Option<&'static str> {
        lang_of(self.locale(), text)
    }

    /// [`I18n::text`] with its [`I18n::lang_of`], for a component's label or hint.
    pub fn said(&self, text: &Text) -> Said {
        Said {
            text: self.text(text),
            lang: self.lang_of(text),
        }
    }

    /// [`I18n::text`] as element content, in a `<span lang>` when it falls back. Where
    /// the text is an element's whole content, `lang=i18n.lang_of(..)` on that element
    /// says the same without the span.
    pub fn text_view(&self, text: &Text) -> AnyView {
        self.said(text).view()
    }
}

fn lang_of(locale: Locale, text: &Text) -> Option<&'static str> {
    let shown = text.language(locale)?;
    // The definition checker admits only the app's languages, so one shown is a locale.
    Locale::from_code(shown)
        .filter(|l| *l != locale)
        .map(Locale::code)
}

/// A text and, when it is not in the page's language, the language it is in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Said {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Said {
    /// The text, in a `<span lang>` when it needs one.
    pub fn view(self) -> AnyView {
        match self.lang {
            Some(lang) => view! { <span lang=lang>{self.text}</span> }.into_any(),
            None => self.text.into_any(),
        }
    }
}

/// The app's own words are always in the page's language.
impl From<String> for Said {
    fn from(text: String) -> Said {
        Said { text, lang: None }
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Said {
        Said::from(text.to_owned())
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod files;

impl Default for I18n {
    fn default() -> Self {
        I18n::new()
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("I18n is provided at the root of the app")
}

/// Fills `{name}` placeholders; unknown ones stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        match close.and_then(|c| {
            values
                .iter()
                .find(|(n, _)| *n == &after[..c])
                .map(|(_, v)| (c, v))
        }) {
            Some((c, value)) => {
                out.push_str(value);
                rest = &after[c + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use leptos::prelude::RwSignal;
    use rathaus_core::{Locale, Text};

    use super::I18n;

    fn in_locale(locale: Locale) -> I18n {
        I18n {
            locale: RwSignal::new(locale),
        }
    }

    #[test]
    fn german_fallback_is_marked() {
        let only_german: Text = rathaus_core::json::from_str(r#"{"de":"Anmeldung"}"#).unwrap();
        let both = Text::new("Anmeldung", "Registration");
        let english = in_locale(Locale::En);
        assert_eq!(english.lang_of(&only_german), Some("de"));
        assert_eq!(english.text(&only_german), "Anmeldung");
        assert_eq!(english.lang_of(&both), None);
        assert_eq!(english.said(&both).text, "Registration");
        let german = in_locale(Locale::De);
        assert_eq!(german.lang_of(&only_german), None);
        assert_eq!(german.lang_of(&both), None);
        assert_eq!(english.lang_of(&Text::default()), None);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            super::fill("Schritt {n} von {total}", &[("n", "3"), ("total", "7")]),
            "Schritt 3 von 7"
        );
        assert_eq!(super::fill("{a}{b}{", &[("a", "x")]), "x{b}{");
        assert_eq!(super::fill("ä{x}ö", &[("x", "ü")]), "äüö");
    }
}
