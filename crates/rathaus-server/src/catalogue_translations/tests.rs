use serde_json::json;

use super::*;

fn services() -> Value {
    json!([
        {"id": "hundesteuer",
         "name": {"de": "Hund anmelden", "en": "Register a dog"},
         "keywords": ["Hund", "Hundemarke", "dog"]},
        {"id": "fundsache", "name": {"de": "Fundsache"}, "keywords": []}
    ])
}

fn translated(catalog: &mut Catalog, context: &str, text: &str) {
    let entry = catalog
        .entries
        .iter_mut()
        .find(|e| e.context == context)
        .unwrap_or_else(|| panic!("no {context}"));
    entry.translation = text.into();
}

#[test]
fn a_keyword_list_is_one_text_named_by_its_entry() {
    let catalog = export(&services(), Locale::Tr, None);
    let contexts: Vec<&str> = catalog.entries.iter().map(|e| e.context.as_str()).collect();
    assert_eq!(
        contexts,
        ["hundesteuer/keywords", "hundesteuer/name", "fundsache/name"]
    );
    assert_eq!(catalog.entries[0].source, "Hund, Hundemarke, dog");
}

#[test]
fn translated_keywords_stand_beside_the_german_ones() {
    let mut part = services();
    let mut catalog = export(&part, Locale::Tr, None);
    translated(
        &mut catalog,
        "hundesteuer/keywords",
        "köpek، köpek vergisi ,, tasma",
    );
    translated(&mut catalog, "hundesteuer/name", "Köpek kaydı");
    let catalog = Catalog::parse(&catalog.write()).unwrap();
    apply(&mut part, Locale::Tr, &catalog);
    assert_eq!(part[0]["keywords"], json!(["Hund", "Hundemarke", "dog"]));
    assert_eq!(
        part[0]["keywords_by_language"],
        json!({"tr": ["köpek", "köpek vergisi", "tasma"]})
    );
    assert_eq!(part[0]["name"]["tr"], "Köpek kaydı");
    // Nothing translated: nothing added.
    assert!(part[1].get("keywords_by_language").is_none());
    assert_eq!(part[1]["name"], json!({"de": "Fundsache"}));
    let lacks = coverage(&part, &catalog);
    // An empty list is no text to translate.
    assert_eq!(lacks.missing, ["fundsache/name"]);
    assert_eq!(part[1]["keywords"], json!([]));
}

#[test]
fn a_second_language_keeps_the_first() {
    let mut part = services();
    for (locale, word) in [(Locale::Tr, "köpek"), (Locale::Pl, "pies")] {
        let mut catalog = export(&part, locale, None);
        translated(&mut catalog, "hundesteuer/keywords", word);
        apply(&mut part, locale, &catalog);
    }
    assert_eq!(
        part[0]["keywords_by_language"],
        json!({"pl": ["pies"], "tr": ["köpek"]})
    );
}

#[test]
fn a_reader_gets_german_english_and_their_own_language() {
    let mut served = json!({
        "services": [{"id": "x",
            "name": {"de": "Hund", "en": "Dog", "tr": "Köpek", "pl": "Pies"},
            "keywords": ["Hund"],
            "keywords_by_language": {"tr": ["köpek"], "pl": ["pies"]}}],
        "offices": [{"transit": {"de": "Bus", "ar": "حافلة"}}]
    });
    let mut overview = served.clone();
    for_reader(&mut served, Locale::Tr, Besides::English);
    for_reader(&mut overview, Locale::Tr, Besides::Nothing);
    assert_eq!(overview["services"][0]["name"], json!({"tr": "Köpek"}));
    // Without the reader's text, German stands in.
    assert_eq!(overview["offices"][0]["transit"], json!({"de": "Bus"}));
    assert_eq!(
        served,
        json!({
            "services": [{"id": "x",
                "name": {"de": "Hund", "en": "Dog", "tr": "Köpek"},
                "keywords": ["Hund"],
                "keywords_by_language": {"tr": ["köpek"]}}],
            "offices": [{"transit": {"de": "Bus"}}]
        })
    );
}

#[test]
fn written_again_a_keyword_list_that_changed_stays_searched_and_says_it_is_stale() {
    let part = services();
    let mut catalog = export(&part, Locale::Tr, None);
    translated(&mut catalog, "hundesteuer/keywords", "köpek");
    let mut changed = part.clone();
    changed[0]["keywords"] = json!(["Hund", "Hundemarke", "dog", "Welpe"]);
    let again = export(&changed, Locale::Tr, Some(&catalog));
    let entry = again.get("hundesteuer/keywords").unwrap();
    // Not hidden: the earlier German kept, the German now as a note.
    assert!(!entry.fuzzy);
    assert_eq!(entry.translation, "köpek");
    assert_eq!(entry.source, "Hund, Hundemarke, dog");
    assert!(entry
        .notes
        .contains(&"German now: Hund, Hundemarke, dog, Welpe".to_owned()));
    let lacks = coverage(&changed, &again);
    assert_eq!(lacks.stale, ["hundesteuer/keywords"]);
    let mut applied = changed.clone();
    apply(&mut applied, Locale::Tr, &again);
    assert_eq!(applied[0]["keywords_by_language"]["tr"], json!(["köpek"]));
}

#[test]
fn a_keyword_is_put_back_as_it_was_written() {
    let mut part = json!([{"id": "x", "name": {"de": "X"}, "keywords": ["  Hund ", "A"]}]);
    let mut catalog = export(&part, Locale::Pl, None);
    translated(&mut catalog, "x/keywords", "pies");
    apply(&mut part, Locale::Pl, &catalog);
    assert_eq!(part[0]["keywords"], json!(["  Hund ", "A"]));
    assert!(part[0].get(KEPT_KEYWORDS).is_none());
}
