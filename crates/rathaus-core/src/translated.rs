//! Translations laid onto a file the city edits in place (`legal.json`): the
//! translators' texts come as `{place: {"de": German, language: translation}}`, a
//! place named as the backend's translation files name it (crates/rathaus-server
//! `translations.rs`: members by key, list elements by their `id` or `value`, else
//! their position). A translation is used only where the German at its place is still
//! the German it was made from: changed German shows as German, not as an outdated
//! translation.

use crate::json::Json;

/// The element of a list a place's key names: by its `id` or `value`, else its position.
fn key_of(index: usize, element: &Json) -> String {
    ["id", "value"]
        .iter()
        .find_map(|k| element.get(k).and_then(|v| v.as_str().ok()))
        .map_or_else(|| index.to_string(), str::to_owned)
}

fn at_place<'a>(tree: &'a mut Json, place: &str) -> Option<&'a mut Json> {
    let mut here = tree;
    for key in place.split('/').filter(|k| !k.is_empty()) {
        here = match here {
            Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)?,
            Json::Array(list) => {
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

/// Puts the translations into `language` of `texts` into `tree`, each where the
/// German at its place is the German it was made from. Returns how many were put.
pub fn lay_onto(tree: &mut Json, texts: &Json, language: &str) -> usize {
    let Ok(entries) = texts.as_object() else {
        return 0;
    };
    let mut put = 0;
    for (place, pair) in entries {
        let (Some(Ok(from)), Some(Ok(translation))) = (
            pair.get("de").map(Json::as_str),
            pair.get(language).map(Json::as_str),
        ) else {
            continue;
        };
        let Some(Json::Object(text)) = at_place(tree, place) else {
            continue;
        };
        let german = text
            .iter()
            .find(|(k, _)| k == "de")
            .map(|(_, v)| v.as_str());
        if german != Some(Ok(from)) {
            continue;
        }
        let translation = Json::String(translation.to_owned());
        match text.iter_mut().find(|(k, _)| k == language) {
            Some((_, v)) => *v = translation,
            None => text.push((language.to_owned(), translation)),
        }
        put += 1;
    }
    put
}

#[cfg(test)]
mod tests;
