//! Translations of the city's catalogue (docs/translations.md): its files hold German
//! and English; every other language is one PO file per catalogue file,
//! `{translations}/catalogue/{language}/{part}.po` — `topics`, `offices`, and one per
//! `services/*.json` (`bauen`, `steuern`, …) — merged in when the catalogue is loaded.
//! Texts are named by ids as in definitions (`hundesteuer/summary`,
//! `life_situations/umzug-wohnen/intro`). A list of keywords is one text: its German
//! (and English) words joined by ", ", translated by the words a reader of the language
//! would type; those go to `keywords_by_language`, beside the German ones.

use std::path::{Path, PathBuf};

use rathaus_core::po::{Catalog, Coverage};
use rathaus_core::Locale;
use serde_json::{Map, Value};

use crate::translations;

/// How a keyword list is written as one text, and read back.
pub const KEYWORD_SEPARATOR: &str = ", ";

/// One file of the catalogue: its PO name and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub file: PathBuf,
}

/// The catalogue's files in `dir` that hold texts, in order: topics, offices, then the
/// services files. A missing offices file is left out (the catalogue's check says
/// what that means).
pub fn parts(dir: &Path) -> std::io::Result<Vec<Part>> {
    let mut parts = Vec::new();
    for name in ["topics", "offices"] {
        let file = dir.join(format!("{name}.json"));
        if file.exists() {
            parts.push(Part {
                name: name.to_owned(),
                file,
            });
        }
    }
    let mut services: Vec<PathBuf> = std::fs::read_dir(dir.join("services"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    services.sort();
    for file in services {
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        parts.push(Part { name, file });
    }
    Ok(parts)
}

/// `{translations}/catalogue/{language}/{part}.po`.
pub fn po_path(translations: &Path, locale: Locale, part: &str) -> PathBuf {
    translations
        .join("catalogue")
        .join(locale.code())
        .join(format!("{part}.po"))
}

/// Where [`keywords_as_texts`] keeps each list as it was, to put it back unchanged.
const KEPT_KEYWORDS: &str = "keywords (as written)";

/// `value` with each `keywords` list written as a text (`{"de": "a, b"}`), so that
/// the definitions' walk (crate::translations) names and translates it like any other.
/// An empty list is no text.
fn keywords_as_texts(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("keywords", Value::Array(list)) if !list.is_empty() => {
                        let words: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                        let mut text = Map::new();
                        text.insert("de".into(), words.join(KEYWORD_SEPARATOR).into());
                        out.insert(k.clone(), Value::Object(text));
                        out.insert(KEPT_KEYWORDS.into(), v.clone());
                    }
                    _ => {
                        out.insert(k.clone(), keywords_as_texts(v));
                    }
                }
            }
            Value::Object(out)
        }
        Value::Array(list) => Value::Array(list.iter().map(keywords_as_texts).collect()),
        other => other.clone(),
    }
}

/// The PO file of one part in `locale`, keeping the translations of `existing`.
pub fn export(part: &Value, locale: Locale, existing: Option<&Catalog>) -> Catalog {
    let mut catalog = translations::export(&keywords_as_texts(part), locale, existing);
    for entry in &mut catalog.entries {
        if entry.context.ends_with("/keywords") {
            // A list whose German has changed keeps its words and its earlier German
            // (stale, still searched): a reader's words only help, and hidden until
            // confirmed they would take the service out of that language's search.
            let before = existing.and_then(|e| e.get(&entry.context));
            if let Some(before) = before.filter(|_| entry.fuzzy && !before.is_some_and(|b| b.fuzzy))
            {
                entry.fuzzy = false;
                entry
                    .notes
                    .retain(|n| !n.starts_with("translated from the earlier German"));
                entry.notes.push(format!("German now: {}", entry.source));
                entry.source.clone_from(&before.source);
            }
            entry.notes.push(
                "The words people type to find this service (German and English here). \
                 Write the words a reader of this language would type, separated by commas."
                    .into(),
            );
        }
    }
    catalog
}

/// What `catalog` lacks for one part.
pub fn coverage(part: &Value, catalog: &Catalog) -> Coverage {
    translations::coverage(&keywords_as_texts(part), catalog)
}

/// Puts the translations of `catalog` into one part: texts get the language, each
/// `keywords` list gets a `keywords_by_language` beside it.
pub fn apply(part: &mut Value, locale: Locale, catalog: &Catalog) {
    let mut translated = keywords_as_texts(part);
    translations::apply(&mut translated, locale, catalog);
    keywords_back(&mut translated, locale.code());
    *part = translated;
}

/// Each keyword text back to its list as it was written, and its translation into
/// `keywords_by_language`.
fn keywords_back(value: &mut Value, language: &str) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(text)) = map.get("keywords") {
                let own = text
                    .get(language)
                    .and_then(Value::as_str)
                    .map(split_keywords);
                let written = map.remove(KEPT_KEYWORDS).unwrap_or_default();
                map.insert("keywords".into(), written);
                if let Some(own) = own.filter(|w| !w.is_empty()) {
                    let by = map
                        .entry("keywords_by_language")
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(by) = by {
                        by.insert(language.to_owned(), own.into());
                    }
                }
            }
            for (k, v) in map.iter_mut() {
                if k != "keywords" {
                    keywords_back(v, language);
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(|v| keywords_back(v, language)),
        _ => {}
    }
}

/// A translated keyword text as its list: split at commas (also Arabic ones), trimmed,
/// empty ones dropped.
pub fn split_keywords(text: &str) -> Vec<String> {
    text.split([',', '،', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a reader is given besides their own language and German (every text's
/// fallback).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Besides {
    /// English too: the whole catalogue is searched, and many residents type English.
    English,
    /// Nothing else, and German only where the reader's language lacks the text: the
    /// overview is only read (and is part of every first visit).
    Nothing,
}

/// `value` (the catalogue or its overview, as served) with only the texts a reader of
/// `locale` needs.
pub fn for_reader(value: &mut Value, locale: Locale, besides: Besides) {
    let english = if besides == Besides::English {
        "en"
    } else {
        "de"
    };
    let keep = |k: &str| ["de", english, locale.code()].contains(&k);
    match value {
        Value::Object(map) if translations::is_text_map(map) => {
            map.retain(|k, _| keep(k));
            let own = map.get(locale.code()).and_then(Value::as_str);
            if besides == Besides::Nothing && own.is_some_and(|t| !t.trim().is_empty()) {
                map.retain(|k, _| k == locale.code());
            }
        }
        Value::Object(map) => {
            if let Some(Value::Object(by)) = map.get_mut("keywords_by_language") {
                by.retain(|k, _| k == locale.code());
                if by.is_empty() {
                    map.remove("keywords_by_language");
                }
            }
            map.values_mut()
                .for_each(|v| for_reader(v, locale, besides));
        }
        Value::Array(list) => list.iter_mut().for_each(|v| for_reader(v, locale, besides)),
        _ => {}
    }
}

/// One part's translations as read: each language's catalog, or why its file could not
/// be read. A language without a file is absent.
pub fn read_all(translations: &Path, part: &str) -> Vec<(Locale, Result<Catalog, String>)> {
    translations::read_each(|locale| po_path(translations, locale, part))
}

#[cfg(test)]
mod tests;
