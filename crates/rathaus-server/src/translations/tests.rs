use serde_json::json;

use super::*;

fn definition() -> Value {
    json!({
        "id": "t", "version": 1,
        "title": {"de": "Hund anmelden", "en": "Register a dog"},
        "steps": [
            {"id": "halter", "title": {"de": "Halter"}, "fields": [
                {"id": "name", "type": "text", "label": {"de": "Name"},
                 "options": [{"value": "a", "label": {"de": "A"}}]}
            ]}
        ],
        "before_you_start": [{"de": "Ausweis"}, {"de": "Foto"}],
        "not_a_text": {"de": 5}
    })
}

#[test]
fn texts_are_named_by_ids_not_positions() {
    let d = definition();
    let places: Vec<String> = texts(&d).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        places,
        [
            "before_you_start/0",
            "before_you_start/1",
            "steps/halter/fields/name/label",
            "steps/halter/fields/name/options/a/label",
            "steps/halter/title",
            "title",
        ]
    );
}

#[test]
fn exported_translated_and_applied_back_into_the_definition() {
    let mut d = definition();
    let mut catalog = export(&d, Locale::Tr, None);
    assert_eq!(catalog.language, "tr");
    let title = catalog
        .entries
        .iter_mut()
        .find(|e| e.context == "title")
        .unwrap();
    assert_eq!(title.source, "Hund anmelden");
    assert_eq!(title.notes, ["en: Register a dog"]);
    title.translation = "Köpek kaydı".into();
    let label = catalog
        .entries
        .iter_mut()
        .find(|e| e.context == "steps/halter/fields/name/options/a/label")
        .unwrap();
    label.translation = "A (tr)".into();
    label.fuzzy = true;
    // Through the file, as a translator's tool would.
    let catalog = Catalog::parse(&catalog.write()).unwrap();
    apply(&mut d, Locale::Tr, &catalog);
    assert_eq!(d["title"]["tr"], "Köpek kaydı");
    // A fuzzy translation is not used.
    assert!(d["steps"][0]["fields"][0]["options"][0]["label"]
        .get("tr")
        .is_none());
    let lacks = coverage(&d, &catalog);
    assert_eq!(lacks.missing.len(), 5);
    assert!(lacks.stale.is_empty());
    // A second export keeps what was translated.
    let again = export(&d, Locale::Tr, Some(&catalog));
    assert_eq!(again.get("title").unwrap().translation, "Köpek kaydı");
}

#[test]
fn a_translation_of_german_that_changed_since_is_stale() {
    let d = definition();
    let mut catalog = export(&d, Locale::Pl, None);
    for e in &mut catalog.entries {
        e.translation = format!("pl {}", e.source);
    }
    let mut changed = d.clone();
    changed["title"]["de"] = json!("Hund anmelden (Hundesteuer)");
    let lacks = coverage(&changed, &catalog);
    assert_eq!(lacks.stale, ["title"]);
    assert!(lacks.missing.is_empty());
    // Still shown until a translator looked at it.
    apply(&mut changed, Locale::Pl, &catalog);
    assert_eq!(changed["title"]["pl"], "pl Hund anmelden");
}

#[test]
fn exported_again_a_translation_of_changed_german_asks_to_be_confirmed() {
    let d = definition();
    let mut catalog = export(&d, Locale::Pl, None);
    for e in &mut catalog.entries {
        e.translation = format!("pl {}", e.source);
    }
    let mut changed = d.clone();
    changed["title"]["de"] = json!("Hund anmelden (Hundesteuer)");
    let again = export(&changed, Locale::Pl, Some(&catalog));
    let title = again.get("title").unwrap();
    // The German now, the translation kept, marked for the translator's tool, with
    // the German it was made from.
    assert_eq!(title.source, "Hund anmelden (Hundesteuer)");
    assert_eq!(title.translation, "pl Hund anmelden");
    assert!(title.fuzzy);
    assert!(title
        .notes
        .contains(&"translated from the earlier German: Hund anmelden".to_owned()));
    // Not shown and reported until confirmed; the unchanged ones stay as they were.
    assert_eq!(coverage(&changed, &again).missing, ["title"]);
    assert!(!again.get("steps/halter/title").unwrap().fuzzy);
}
