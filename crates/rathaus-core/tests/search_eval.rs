//! How well the search finds what citizens mean, and how little else it shows: the
//! evaluation set (catalogue/eval/queries.json: German and English, typos, everyday
//! and simple German) and the life events (catalogue/eval/families.json) run against
//! the shipped catalogue. Prints recall@1, recall@3, precision@3 and precision@8;
//! fails below the floors and on any listed negative.

#[path = "../benches/shipped_catalogue.rs"]
mod shipped_catalogue;

use rathaus_core::catalogue::Catalogue;
use rathaus_core::search::SearchIndex;
use serde::Deserialize;
use shipped_catalogue::{folder, shipped};

/// Set from measurement (docs/search.md), with room for the catalogue to grow; a
/// change to the search that costs more fails.
const RECALL_AT_3_FLOOR: f64 = 0.95;
const RECALL_AT_1_FLOOR: f64 = 0.85;
/// Of the results shown (at most 3, at most 8 — what the app shows), the share a
/// citizen would accept for the query.
const PRECISION_AT_3_FLOOR: f64 = 0.72;
const PRECISION_AT_8_FLOOR: f64 = 0.6;
/// As many results as the app shows.
const SHOWN: usize = 8;

/// One query of the set: what it must find first (`expect`), what else is fine to
/// show (`accept`), and what it must never show (`reject`; `nothing`: no result).
#[derive(Deserialize)]
struct Query {
    query: String,
    #[serde(default)]
    expect: Option<String>,
    #[serde(default)]
    accept: Vec<String>,
    #[serde(default)]
    reject: Vec<String>,
    #[serde(default)]
    nothing: bool,
}

/// The ways one life event is put ("Umzug", "ich bin umgezogen", "moved house"):
/// each must suggest the life situation and find every service of `core`.
#[derive(Deserialize)]
struct Family {
    life: String,
    queries: Vec<String>,
    core: Vec<String>,
}

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    serde_json::from_str(&std::fs::read_to_string(folder().join("eval").join(name)).unwrap())
        .unwrap()
}

fn ids<'a>(catalogue: &'a Catalogue, index: &SearchIndex, query: &str) -> Vec<&'a str> {
    index
        .search(query, SHOWN)
        .iter()
        .map(|h| catalogue.services[h.service].id.as_str())
        .collect()
}

fn known(catalogue: &Catalogue, query: &str, id: &str) {
    assert!(
        catalogue.service(id).is_some(),
        "'{query}' names unknown service '{id}'"
    );
}

#[test]
fn citizens_find_what_they_mean_and_little_else() {
    let catalogue = shipped();
    let index = SearchIndex::build(&catalogue);
    let queries: Vec<Query> = read("queries.json");
    let (mut positives, mut at1, mut at3) = (0, 0, 0);
    // (acceptable, shown) among the first 3 and the first 8.
    let (mut good3, mut shown3, mut good8, mut shown8) = (0, 0, 0, 0);
    let (mut misses, mut second, mut noise, mut broken) = (vec![], vec![], vec![], vec![]);
    for q in &queries {
        let found = ids(&catalogue, &index, &q.query);
        for id in q.expect.iter().chain(&q.accept).chain(&q.reject) {
            known(&catalogue, &q.query, id);
        }
        if q.nothing && !found.is_empty() {
            broken.push(format!("  {:?} must find nothing: {found:?}", q.query));
        }
        let rejected: Vec<&&str> = found
            .iter()
            .filter(|id| q.reject.iter().any(|r| r == **id))
            .collect();
        if !rejected.is_empty() {
            broken.push(format!("  {:?} must not find {rejected:?}", q.query));
        }
        let Some(expect) = &q.expect else {
            continue;
        };
        positives += 1;
        let line = format!("  {:?} → {found:?} (wanted {expect})", q.query);
        match found.iter().position(|id| id == expect) {
            Some(0) => (at1, at3) = (at1 + 1, at3 + 1),
            Some(n) if n < 3 => {
                at3 += 1;
                second.push(line);
            }
            _ => misses.push(line),
        }
        let fine = |id: &&str| *id == expect || q.accept.iter().any(|a| a == id);
        good3 += found.iter().take(3).filter(|id| fine(id)).count();
        shown3 += found.len().min(3);
        good8 += found.iter().filter(|id| fine(id)).count();
        shown8 += found.len();
        let others: Vec<&&str> = found.iter().filter(|id| !fine(id)).collect();
        if !others.is_empty() {
            noise.push(format!("  {:?}: {others:?}", q.query));
        }
    }
    let n = positives as f64;
    let (r1, r3) = (at1 as f64 / n, at3 as f64 / n);
    let p3 = good3 as f64 / shown3.max(1) as f64;
    let p8 = good8 as f64 / shown8.max(1) as f64;
    let negatives = queries.len() - positives;
    println!(
        "{positives} queries and {negatives} negatives over {} services: \
         recall@1 {r1:.3}, recall@3 {r3:.3}, precision@3 {p3:.3}, precision@8 {p8:.3} \
         ({:.1} results shown per query)",
        catalogue.services.len(),
        shown8 as f64 / n,
    );
    println!("found, but not first:\n{}", second.join("\n"));
    println!("not in the first three:\n{}", misses.join("\n"));
    println!("shown but not acceptable:\n{}", noise.join("\n"));
    assert!(broken.is_empty(), "negatives found:\n{}", broken.join("\n"));
    assert!(
        r3 >= RECALL_AT_3_FLOOR,
        "recall@3 {r3:.3} fell below {RECALL_AT_3_FLOOR}"
    );
    assert!(
        r1 >= RECALL_AT_1_FLOOR,
        "recall@1 {r1:.3} fell below {RECALL_AT_1_FLOOR}"
    );
    assert!(
        p3 >= PRECISION_AT_3_FLOOR,
        "precision@3 {p3:.3} fell below {PRECISION_AT_3_FLOOR}"
    );
    assert!(
        p8 >= PRECISION_AT_8_FLOOR,
        "precision@8 {p8:.3} fell below {PRECISION_AT_8_FLOOR}"
    );
}

#[test]
fn every_way_of_putting_a_life_event_reaches_the_same_services() {
    let catalogue = shipped();
    let index = SearchIndex::build(&catalogue);
    let families: Vec<Family> = read("families.json");
    let mut wrong = Vec::new();
    for family in &families {
        assert!(
            catalogue
                .life_situations
                .iter()
                .any(|t| t.id == family.life),
            "unknown life situation '{}'",
            family.life
        );
        for query in &family.queries {
            let found = ids(&catalogue, &index, query);
            for id in &family.core {
                known(&catalogue, query, id);
                if !found.contains(&id.as_str()) {
                    wrong.push(format!("  {query:?} does not find {id}: {found:?}"));
                }
            }
            let suggested = index
                .life_situation(query)
                .map(|l| catalogue.life_situations[l].id.as_str());
            if suggested != Some(&family.life) {
                wrong.push(format!(
                    "  {query:?} suggests {suggested:?}, not {}",
                    family.life
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
