//! "Did you mean …?": the known name nearest to what an author typed.

/// The name in `known` that `typed` most likely means: the same after writing it the
/// format's way (lowercase, `_` between words, so `show-if`, `minLength` and `EN` are
/// recognised), or within a few typing mistakes (a third of the name's length).
pub(crate) fn nearest<'a>(
    typed: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let typed = normalise(typed);
    known
        .into_iter()
        .map(|name| (edit_distance(&typed, name), name))
        .filter(|(distance, name)| *distance <= (name.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// ` (did you mean 'x'?)`, or nothing when no known name is near.
pub(crate) fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    nearest(typed, known)
        .map(|name| format!(" (did you mean '{name}'?)"))
        .unwrap_or_default()
}

/// The names an author may write instead of an unknown one, for "(sections: a, b)":
/// `none` when there are none.
pub(crate) fn known_names<'a>(known: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = known.into_iter().collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

fn normalise(typed: &str) -> String {
    let mut out = String::with_capacity(typed.len() + 4);
    let mut previous_lower = false;
    for c in typed.trim().chars() {
        if c.is_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_lowercase();
        match c {
            '-' | ' ' => out.push('_'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Levenshtein distance, counting a swap of two neighbours as one mistake.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELD: [&str; 5] = ["optional", "show_if", "hint", "label", "max_length"];

    #[test]
    fn finds_what_was_meant() {
        assert_eq!(nearest("optinal", FIELD), Some("optional"));
        assert_eq!(nearest("show-if", FIELD), Some("show_if"));
        assert_eq!(nearest("showIf", FIELD), Some("show_if"));
        assert_eq!(nearest("maxLength", FIELD), Some("max_length"));
        assert_eq!(nearest("lable", FIELD), Some("label"));
        assert_eq!(nearest("EN", ["de", "en"]), Some("en"));
        assert_eq!(nearest("pattern", FIELD), None);
        assert_eq!(
            nearest("min", ["max"]),
            None,
            "a short name needs a near miss"
        );
    }
}
