//! Translatable text in service definitions, and the locales the app speaks.

use std::collections::BTreeMap;

use crate::json::Wire;
use serde::{Deserialize, Serialize};

/// A language the app's own interface is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    De,
    /// Leichte Sprache: German in short sentences with the hard words explained, for
    /// readers who need it (BITV 2.0). A private-use tag: screen readers read it as
    /// German.
    #[serde(rename = "de-x-ls")]
    DeEasy,
    En,
    Tr,
    Ar,
    Uk,
    Ru,
    Pl,
}

impl Locale {
    pub const ALL: [Locale; 8] = [
        Locale::De,
        Locale::DeEasy,
        Locale::En,
        Locale::Tr,
        Locale::Ar,
        Locale::Uk,
        Locale::Ru,
        Locale::Pl,
    ];

    /// BCP 47 language tag, as used in `<html lang>` and in [`Text`].
    pub fn code(self) -> &'static str {
        self.name()
    }

    /// The locale of a language tag (a browser's, a saved choice's, a text's): the
    /// tag itself, else its primary language ("en-GB" is English, "de-AT" German).
    pub fn from_code(code: &str) -> Option<Locale> {
        let tag = code.trim().replace('_', "-").to_ascii_lowercase();
        if let Some(exact) = Locale::ALL.into_iter().find(|l| l.code() == tag) {
            return Some(exact);
        }
        let primary = tag.split('-').next()?;
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself, for the language chooser ("Türkçe").
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::De => "Deutsch",
            Locale::DeEasy => "Leichte Sprache",
            Locale::En => "English",
            Locale::Tr => "Türkçe",
            Locale::Ar => "العربية",
            Locale::Uk => "Українська",
            Locale::Ru => "Русский",
            Locale::Pl => "Polski",
        }
    }

    /// Right to left (Arabic): the page's `dir`; the layout is built on logical CSS
    /// properties, so nothing else changes.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }
}

/// The language every service definition must provide; the fallback for all others.
pub const REQUIRED_LANGUAGE: &str = "de";

/// A text written by a service author in several languages, keyed by language tag.
/// German (`de`) is every text's fallback: definitions and the catalogue always carry
/// it; the overview asked in another language (`?lang=`) carries only that language
/// where it has a translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[serde(transparent)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minProperties" = 1)))]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    pub fn new(de: &str, en: &str) -> Text {
        let mut map = BTreeMap::new();
        map.insert("de".to_owned(), de.to_owned());
        map.insert("en".to_owned(), en.to_owned());
        Text(map)
    }

    /// The text in `locale`, falling back to German, then to any language there is.
    pub fn get(&self, locale: Locale) -> &str {
        self.language(locale)
            .and_then(|l| self.0.get(l))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The language [`Text::get`] answers in for `locale` (for the element's `lang`
    /// when it is not the page's); `None` for an empty text.
    pub fn language(&self, locale: Locale) -> Option<&str> {
        [locale.code(), REQUIRED_LANGUAGE]
            .into_iter()
            .find(|l| self.has(l))
            .or_else(|| self.0.keys().next().map(String::as_str))
    }

    pub fn has(&self, language: &str) -> bool {
        self.0.get(language).is_some_and(|t| !t.trim().is_empty())
    }
}

/// For comparing and sorting as people read: lowercase, umlauts and ß folded (ä, ae → a; ß → ss), accents dropped; anything
/// that is not a letter or digit becomes a space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            match lower {
                'ä' | 'á' | 'à' | 'â' | 'å' | 'ã' => out.push('a'),
                'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => out.push('o'),
                'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'í' | 'ì' | 'î' | 'ï' => out.push('i'),
                'ß' => out.push_str("ss"),
                'ç' | 'ć' | 'č' => out.push('c'),
                'ñ' | 'ń' => out.push('n'),
                // Turkish and Polish typed without their letters ("sehir" for "şehir",
                // "zglosic" for "zgłosić").
                'ş' | 'ś' | 'š' => out.push('s'),
                'ğ' => out.push('g'),
                'ı' => out.push('i'),
                'ą' => out.push('a'),
                'ę' => out.push('e'),
                'ł' => out.push('l'),
                'ź' | 'ż' | 'ž' => out.push('z'),
                // The dot of "İ" lowercased ("i̇"): the letter is "i".
                '\u{307}' => {}
                'ё' => out.push('е'),
                // Arabic as it is typed: with or without hamza and madda on alif, final
                // yeh as alif maqsura, teh marbuta as heh; vowel marks and the
                // stretching tatweel are not letters.
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                'ى' => out.push('ي'),
                'ة' => out.push('ه'),
                '\u{64B}'..='\u{652}' | '\u{670}' | '\u{640}' => {}
                c if c.is_alphanumeric() => out.push(c),
                _ => out.push(' '),
            }
        }
    }
    // "ae", "oe", "ue" are how umlauts are typed without them: fold them the same way
    // (on both sides, so "Steuer" and "steuer" still meet).
    out.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_german() {
        let only_german: Text = serde_json::from_str(r#"{"de":"Hallo"}"#).unwrap();
        assert_eq!(only_german.get(Locale::En), "Hallo");
        let both = Text::new("Hallo", "Hello");
        assert_eq!(both.get(Locale::En), "Hello");
        assert_eq!(both.get(Locale::De), "Hallo");
        assert_eq!(Text::default().get(Locale::De), "");
    }

    #[test]
    fn language_is_the_one_shown() {
        let only_german: Text = serde_json::from_str(r#"{"de":"Hallo"}"#).unwrap();
        assert_eq!(only_german.language(Locale::En), Some("de"));
        assert_eq!(only_german.language(Locale::De), Some("de"));
        assert_eq!(Text::new("Hallo", "Hello").language(Locale::En), Some("en"));
        let only_english: Text = serde_json::from_str(r#"{"en":"Hello"}"#).unwrap();
        assert_eq!(only_english.language(Locale::De), Some("en"));
        assert_eq!(Text::default().language(Locale::En), None);
    }

    #[test]
    fn turkish_and_polish_typed_without_their_letters_meet_the_written_word() {
        assert_eq!(fold("Şehir İçi Çöp"), fold("sehir ici cop"));
        assert_eq!(fold("Köpek kaydı"), fold("kopek kaydi"));
        assert_eq!(
            fold("Zgłoś psa, źródło, żółw"),
            fold("zglos psa, zrodlo, zolw")
        );
        assert_eq!(fold("Ağaç"), "agac");
        // Cyrillic and Arabic letters are letters: kept, lowercased.
        assert_eq!(fold("Собака"), "собака");
        assert_eq!(fold("كلب!"), "كلب ");
    }

    #[test]
    fn locale_from_browser_tags() {
        assert_eq!(Locale::from_code("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_code("de_AT"), Some(Locale::De));
        assert_eq!(Locale::from_code("DE"), Some(Locale::De));
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!(Locale::from_code(""), None);
        assert_eq!(Locale::from_code("tr-TR"), Some(Locale::Tr));
        assert_eq!(Locale::from_code("ar"), Some(Locale::Ar));
        assert_eq!(Locale::from_code("uk-UA"), Some(Locale::Uk));
        // Leichte Sprache by its own tag only; any other German is German.
        assert_eq!(Locale::from_code("de-x-ls"), Some(Locale::DeEasy));
        assert_eq!(Locale::from_code("de-DE"), Some(Locale::De));
    }

    #[test]
    fn every_locale_reads_back_from_its_code_and_only_arabic_is_rtl() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
            assert_eq!(locale.is_rtl(), locale == Locale::Ar);
        }
        let only_german: Text = serde_json::from_str(r#"{"de":"Hallo","tr":" "}"#).unwrap();
        // A blank translation is none.
        assert_eq!(only_german.get(Locale::Tr), "Hallo");
        assert_eq!(only_german.language(Locale::DeEasy), Some("de"));
    }
}
