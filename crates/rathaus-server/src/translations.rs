//! Translations of the service definitions (docs/translations.md): a definition holds
//! its texts in German (and English); every other language is a PO file
//! `{translations}/services/{language}/{service}.po`, merged into the definition when it
//! is loaded. A text's `msgctxt` is its place in the definition, by ids rather than
//! positions (`steps/halter/fields/vornamen/hint`), so that adding a question moves no
//! other text's translation.

use std::path::{Path, PathBuf};

use rathaus_core::po::{self, Catalog, Coverage, Entry};
use rathaus_core::Locale;
use serde_json::{Map, Value};

/// Whether `value` is a translatable text: an object of strings keyed by the app's
/// languages, German among them.
fn is_text(value: &Value) -> bool {
    value.as_object().is_some_and(is_text_map)
}

/// [`is_text`] for an object.
pub fn is_text_map(map: &Map<String, Value>) -> bool {
    map.contains_key("de")
        && map
            .iter()
            .all(|(k, v)| v.is_string() && Locale::from_code(k).is_some_and(|l| l.code() == k))
}

/// An element of a list by its `id` (steps, questions) or `value` (options), else its
/// position.
fn key_of(index: usize, element: &Value) -> String {
    ["id", "value"]
        .iter()
        .find_map(|k| element.get(k).and_then(Value::as_str))
        .map_or_else(|| index.to_string(), str::to_owned)
}

fn walk<'a>(value: &'a Value, path: &str, out: &mut Vec<(String, &'a Map<String, Value>)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}/{key}")
        }
    };
    match value {
        Value::Object(map) if is_text(value) => out.push((path.to_owned(), map)),
        Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, &join(k), out)),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .for_each(|(i, v)| walk(v, &join(&key_of(i, v)), out)),
        _ => {}
    }
}

/// Every text of a definition (as JSON), with its place.
pub fn texts(definition: &Value) -> Vec<(String, &Map<String, Value>)> {
    let mut out = Vec::new();
    walk(definition, "", &mut out);
    out
}

fn german(text: &Map<String, Value>) -> &str {
    text.get("de").and_then(Value::as_str).unwrap_or_default()
}

/// The PO file for translating `definition` into `locale`: every text, its German, the
/// English as a note, and the translation it has (from the definition or `existing`).
/// A kept translation of German that has changed since is marked fuzzy, with the
/// German it was made from as a note, as `msgmerge` does: a translator's tool asks for
/// it to be confirmed, and until then it is not shown.
pub fn export(definition: &Value, locale: Locale, existing: Option<&Catalog>) -> Catalog {
    let entries = texts(definition)
        .into_iter()
        .map(|(path, text)| {
            let inline = text.get(locale.code()).and_then(Value::as_str);
            let kept = existing.and_then(|c| c.get(&path));
            let changed =
                kept.filter(|e| !e.translation.trim().is_empty() && e.source != german(text));
            let mut notes: Vec<String> = text
                .get("en")
                .and_then(Value::as_str)
                .map(|en| vec![format!("en: {en}")])
                .unwrap_or_default();
            if let Some(before) = changed {
                notes.push(format!(
                    "translated from the earlier German: {}",
                    before.source
                ));
            }
            Entry {
                translation: kept
                    .map(|e| e.translation.clone())
                    .or(inline.map(str::to_owned))
                    .unwrap_or_default(),
                fuzzy: kept.is_some_and(|e| e.fuzzy) || changed.is_some(),
                notes,
                source: german(text).to_owned(),
                context: path,
            }
        })
        .collect();
    Catalog {
        language: locale.code().to_owned(),
        entries,
    }
}

/// What `catalog` lacks for `definition`.
pub fn coverage(definition: &Value, catalog: &Catalog) -> Coverage {
    let texts = texts(definition);
    po::coverage(texts.iter().map(|(p, t)| (p.as_str(), german(t))), catalog)
}

/// Puts the translations of `catalog` into `definition` (a stale one too: shown until
/// a translator has looked at it, and reported by the checker).
pub fn apply(definition: &mut Value, locale: Locale, catalog: &Catalog) {
    let places: Vec<String> = texts(definition).into_iter().map(|(p, _)| p).collect();
    for path in places {
        let Some(translation) = po::translation(catalog, &path) else {
            continue;
        };
        if let Some(Value::Object(text)) = pointer_mut(definition, &path) {
            text.insert(
                locale.code().to_owned(),
                Value::String(translation.to_owned()),
            );
        }
    }
}

/// The value at a text's place (the inverse of [`walk`]'s paths).
fn pointer_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut here = value;
    for key in path.split('/').filter(|k| !k.is_empty()) {
        here = match here {
            Value::Object(map) => map.get_mut(key)?,
            Value::Array(list) => {
                let at = list
                    .iter()
                    .enumerate()
                    .position(|(i, v)| key_of(i, v) == key)?;
                &mut list[at]
            }
            _ => return None,
        };
    }
    Some(here)
}

/// `{translations}/services/{language}/{service}.po`.
pub fn po_path(translations: &Path, locale: Locale, service: &str) -> PathBuf {
    translations
        .join("services")
        .join(locale.code())
        .join(format!("{service}.po"))
}

/// The languages translated by PO files (German is the source; English is written in
/// the definition beside it).
pub fn translated() -> impl Iterator<Item = Locale> {
    Locale::ALL
        .into_iter()
        .filter(|l| !matches!(l, Locale::De | Locale::En))
}

/// A definition's translations as read: each language's catalog, or why its file could
/// not be read. A language without a file is absent.
pub fn read_all(translations: &Path, service: &str) -> Vec<(Locale, Result<Catalog, String>)> {
    read_each(|locale| po_path(translations, locale, service))
}

/// Each translated language's PO file at `path_of(language)`, as [`read_all`] reads
/// them.
pub fn read_each(path_of: impl Fn(Locale) -> PathBuf) -> Vec<(Locale, Result<Catalog, String>)> {
    translated()
        .filter_map(|locale| {
            let path = path_of(locale);
            let text = std::fs::read_to_string(&path).ok()?;
            let read = Catalog::parse(&text).map_err(|e| format!("{}: {e}", path.display()));
            Some((locale, read))
        })
        .collect()
}

#[cfg(test)]
mod tests;
