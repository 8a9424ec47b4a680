//! How well the search finds what readers of each language mean: the evaluation sets
//! `catalogue/eval/queries.{language}.json` (written without looking at the keywords)
//! run against the shipped catalogue as the backend serves it to that reader — its
//! translations merged in, only German, English and the reader's texts kept — and
//! indexed for that reader, as the app does. Prints recall@1 and recall@3 per
//! language (docs/search.md); fails below the floor in any language.

use std::path::Path;

use rathaus_core::catalogue::Catalogue;
use rathaus_core::search::SearchIndex;
use rathaus_core::Locale;
use rathaus_server::catalogue_translations::{for_reader, Besides};
use serde::Deserialize;

/// Set from measurement (docs/search.md), as the German set's floor is.
const RECALL_AT_3_FLOOR: f64 = 0.9;
const RECALL_AT_1_FLOOR: f64 = 0.8;
/// As many results as the app shows.
const SHOWN: usize = 8;

#[derive(Deserialize)]
struct Query {
    query: String,
    expect: String,
    #[serde(default)]
    accept: Vec<String>,
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The catalogue as `GET /catalogue?lang=` answers it.
fn served(locale: Locale) -> Catalogue {
    let wizards = rathaus_server::catalogue::Catalogue::check(&root().join("services")).catalogue;
    let city = rathaus_server::catalogue::check_city_catalogue(
        &root().join("catalogue"),
        &wizards,
        Some(&root().join("translations")),
    )
    .unwrap_or_else(|p| panic!("{p:?}"))
    .catalogue;
    let mut value = serde_json::to_value(&city).unwrap();
    for_reader(&mut value, locale, Besides::English);
    serde_json::from_value(value).unwrap()
}

#[test]
fn readers_of_every_language_find_what_they_mean() {
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for locale in Locale::ALL {
        let file = root()
            .join("catalogue/eval")
            .join(format!("queries.{}.json", locale.code()));
        // German and English are the main set (crates/rathaus-core/tests/search_eval.rs).
        let Ok(text) = std::fs::read_to_string(&file) else {
            assert!(
                matches!(locale, Locale::De | Locale::En),
                "{} is missing",
                file.display()
            );
            continue;
        };
        let queries: Vec<Query> = serde_json::from_str(&text).unwrap();
        let catalogue = served(locale);
        let index = SearchIndex::build_in(&catalogue, locale);
        let (mut at1, mut at3, mut misses) = (0, 0, Vec::new());
        for q in &queries {
            for id in std::iter::once(&q.expect).chain(&q.accept) {
                assert!(
                    catalogue.service(id).is_some(),
                    "{}: '{}' names unknown service '{id}'",
                    file.display(),
                    q.query
                );
            }
            let found: Vec<&str> = index
                .search(&q.query, SHOWN)
                .iter()
                .map(|h| catalogue.services[h.service].id.as_str())
                .collect();
            match found.iter().position(|id| *id == q.expect) {
                Some(0) => (at1, at3) = (at1 + 1, at3 + 1),
                Some(n) if n < 3 => at3 += 1,
                _ => misses.push(format!(
                    "    {:?} → {found:?} (wanted {})",
                    q.query, q.expect
                )),
            }
        }
        let n = queries.len() as f64;
        let (r1, r3) = (at1 as f64 / n, at3 as f64 / n);
        report.push(format!(
            "{}: {} queries, recall@1 {r1:.3}, recall@3 {r3:.3}\n{}",
            locale.code(),
            queries.len(),
            misses.join("\n")
        ));
        assert!(
            queries.len() >= 30,
            "{}: fewer than 30 queries",
            file.display()
        );
        if r3 < RECALL_AT_3_FLOOR || r1 < RECALL_AT_1_FLOOR {
            failed.push(format!("{}: @1 {r1:.3}, @3 {r3:.3}", locale.code()));
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        failed.is_empty(),
        "below recall@3 {RECALL_AT_3_FLOOR} or recall@1 {RECALL_AT_1_FLOOR}: {failed:?}"
    );
}
