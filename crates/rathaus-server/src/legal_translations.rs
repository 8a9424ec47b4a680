//! Translations of the city's own texts (`public/legal.json`: the Impressum, the
//! privacy statement, the accessibility statement; docs/translations.md). The file
//! holds German and English and is edited by the city in place, so the other
//! languages cannot be merged into it by the backend: each is a PO file
//! `{translations}/legal/{language}.po`, and from it a file the app loads beside
//! `legal.json`, `public/i18n/{language}.city.json` — per text its place, its German
//! and its translation. The app uses a translation only where the German at that place
//! is still the German it was made from: a legal text the city has changed since shows
//! in German (marked as such) rather than in an outdated translation.

use std::path::{Path, PathBuf};

use rathaus_core::po::{self, Catalog};
use rathaus_core::Locale;
use serde_json::{Map, Value};

use crate::translations;

/// `{translations}/legal/{language}.po`.
pub fn po_path(translations: &Path, locale: Locale) -> PathBuf {
    translations
        .join("legal")
        .join(format!("{}.po", locale.code()))
}

/// `{public}/i18n/{language}.city.json`.
pub fn app_path(public: &Path, locale: Locale) -> PathBuf {
    public
        .join("i18n")
        .join(format!("{}.city.json", locale.code()))
}

/// What the app loads for `locale`: `{place: {"de": German, language: translation}}`
/// for every text with a confirmed translation, in the order of the file.
pub fn for_app(legal: &Value, locale: Locale, catalog: &Catalog) -> String {
    let mut out = Map::new();
    for (path, text) in translations::texts(legal) {
        let Some(translation) = po::translation(catalog, &path) else {
            continue;
        };
        let german = text.get("de").and_then(Value::as_str).unwrap_or_default();
        // Made from other German: not shown (the app would not use it either).
        if catalog.get(&path).is_some_and(|e| e.source != german) {
            continue;
        }
        let mut pair = Map::new();
        pair.insert("de".into(), german.into());
        pair.insert(locale.code().into(), translation.into());
        out.insert(path, Value::Object(pair));
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(out)).expect("JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_app_gets_confirmed_translations_of_the_german_there_now() {
        let legal = json!({
            "city": {"de": "Stadt Musterstadt", "en": "City of Musterstadt"},
            "sections": [{"heading": {"de": "Cookies neu"}}, {"heading": {"de": "Links"}}]
        });
        let mut catalog = translations::export(&legal, Locale::Tr, None);
        for entry in &mut catalog.entries {
            entry.translation = format!("tr {}", entry.source);
        }
        catalog.entries[1].source = "Cookies".into(); // made from earlier German
        catalog.entries[2].fuzzy = true; // not confirmed
        let app: Value = serde_json::from_str(&for_app(&legal, Locale::Tr, &catalog)).unwrap();
        assert_eq!(
            app,
            json!({"city": {"de": "Stadt Musterstadt", "tr": "tr Stadt Musterstadt"}})
        );
    }
}
