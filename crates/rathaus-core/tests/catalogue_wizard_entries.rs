//! A wizard's catalogue entry shows the name, summary and fee its definition says, not
//! a copy kept by hand.

use rathaus_core::catalogue::Catalogue;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::text::Locale;
use serde_json::json;

fn definition(id: &str, fee: &str) -> ServiceDefinition {
    serde_json::from_str(&format!(
        r#"{{"id":"{id}","version":1,"title":{{"de":"Hund anmelden","en":"Register a dog","tr":"Köpek kaydı"}},
            "summary":{{"de":"Melden Sie Ihren Hund an.","en":"Register your dog."}},"fee":{fee},
            "steps":[{{"id":"s","title":{{"de":"S"}},"fields":[
              {{"id":"n","type":"number","label":{{"de":"N"}}}}]}}]}}"#
    ))
    .unwrap()
}

/// An entry as a city writes it: a wizard's own entry without name and summary.
fn entry(id: &str, channel: &str, fee_de: Option<&str>) -> serde_json::Value {
    let wizard = (channel == "wizard").then_some(id);
    let mut entry = json!({
        "id": id, "category": "c", "life_situations": [], "channel": channel,
        "wizard": wizard, "url": (channel == "online").then_some("https://example.org"),
        "office": {"de": "Amt"}
    });
    if channel != "wizard" {
        entry["name"] = json!({"de": id, "en": id});
        entry["summary"] = json!({"de": "S", "en": "S"});
    }
    if let Some(fee_de) = fee_de {
        entry["fee"] = json!({"de": fee_de, "en": "copy"});
    }
    entry
}

fn catalogue(entries: Vec<serde_json::Value>) -> Catalogue {
    serde_json::from_value(json!({
        "life_situations": [], "categories": [], "services": entries
    }))
    .unwrap()
}

#[test]
fn a_fixed_fee_is_said_in_every_language_as_the_start_page_says_it() {
    let defs = [definition("fest", r#"{"rules":[{"fixed":1300}]}"#)];
    let mut city = catalogue(vec![entry("fest", "wizard", None)]);
    assert!(city
        .fill_from_definitions(|id| defs.iter().find(|d| d.id == id))
        .is_empty());
    let fee = &city.services[0].fee;
    assert_eq!(fee.get(Locale::De), "13,00\u{a0}€");
    assert_eq!(fee.get(Locale::En), "€13.00");
    for locale in Locale::ALL {
        assert!(fee.language(locale).is_some_and(|l| l == locale.code()));
    }
}

#[test]
fn a_fee_that_depends_on_the_answers_is_its_explanation_or_a_problem() {
    let explained = r#"{"rules":[{"fixed":500},{"per_unit":{"amount":600,"factors":["n"]}}],
        "explanation":{"de":"5 € und 6 € je Stück","en":"€5 and €6 each"}}"#;
    let unexplained = r#"{"rules":[{"per_unit":{"amount":600,"factors":["n"]}}]}"#;
    let defs = [
        definition("erklaert", explained),
        definition("offen", unexplained),
    ];
    let mut city = catalogue(vec![
        entry("erklaert", "wizard", None),
        entry("offen", "wizard", None),
    ]);
    let problems = city.fill_from_definitions(|id| defs.iter().find(|d| d.id == id));
    assert_eq!(city.services[0].fee.get(Locale::De), "5 € und 6 € je Stück");
    assert_eq!(city.services[0].fee.get(Locale::En), "€5 and €6 each");
    assert_eq!(
        problems,
        [
            "offen: fee: the fee of its wizard 'offen' depends on the answers, and the \
          definition has no fee.explanation to say how"
        ]
    );
}

#[test]
fn a_wizard_that_charges_nothing_keeps_the_entrys_free_text_and_names_any_other() {
    let defs = [
        definition("frei", r#"{"rules":[]}"#),
        definition("auch-frei", r#"{"rules":[{"fixed":0}]}"#),
    ];
    let mut city = catalogue(vec![
        entry("frei", "wizard", Some("kostenlos")),
        entry("auch-frei", "wizard", Some("12,00 €")),
        // Not a wizard: its own words stay, whatever they say.
        entry("extern", "online", Some("12,00 €")),
    ]);
    let problems = city.fill_from_definitions(|id| defs.iter().find(|d| d.id == id));
    assert_eq!(city.services[0].fee.get(Locale::En), "copy");
    assert_eq!(city.services[2].fee.get(Locale::De), "12,00 €");
    assert_eq!(
        problems,
        [
            "auch-frei: fee: its wizard 'auch-frei' charges nothing, so the entry's fee is \
          \"kostenlos\", not \"12,00 €\""
        ]
    );
}

#[test]
fn the_wizards_own_entry_is_named_and_summarised_by_its_definition_in_every_language() {
    let defs = [definition("hund", r#"{"rules":[{"fixed":7500}]}"#)];
    let mut city = catalogue(vec![entry("hund", "wizard", None)]);
    assert!(city
        .fill_from_definitions(|id| defs.iter().find(|d| d.id == id))
        .is_empty());
    let hund = &city.services[0];
    assert_eq!(hund.name, defs[0].title);
    assert_eq!(hund.name.get(Locale::Tr), "Köpek kaydı");
    assert_eq!(hund.summary.get(Locale::En), "Register your dog.");
    let problems = city.problems(&["hund".into()]);
    assert!(!problems
        .iter()
        .any(|p| p.contains("name") || p.contains("summary")));
}

#[test]
fn a_copy_of_the_name_summary_or_a_worked_out_fee_is_named_and_replaced() {
    let defs = [definition("hund", r#"{"rules":[{"fixed":7500}]}"#)];
    let mut own = entry("hund", "wizard", Some("ab 0,00 €"));
    own["name"] = json!({"de": "Hund anmelden (alt)", "en": "Old"});
    own["summary"] = json!({"de": "Alt", "en": "Old"});
    let mut city = catalogue(vec![own]);
    let problems = city.fill_from_definitions(|id| defs.iter().find(|d| d.id == id));
    assert_eq!(
        problems,
        [
            "hund: name: the entry of the wizard 'hund' takes its name from the \
             definition's title: leave it out here",
            "hund: summary: the entry of the wizard 'hund' takes its summary from the \
             definition's summary: leave it out here",
            "hund: fee: the wizard 'hund' works its fee out, so the entry says what its \
             definition says: leave the fee out here",
        ]
    );
    assert_eq!(city.services[0].name.get(Locale::De), "Hund anmelden");
    assert_eq!(city.services[0].fee.get(Locale::De), "75,00\u{a0}€");
}

#[test]
fn another_way_into_a_wizard_keeps_its_own_words_and_what_is_missing_is_named() {
    let defs = [definition("maengel", r#"{"rules":[]}"#)];
    let mut alias = entry("wilder-muell", "wizard", Some("kostenlos"));
    alias["wizard"] = json!("maengel");
    alias["name"] = json!({"de": "Wilden Müll melden", "en": "Report fly-tipping"});
    let mut city = catalogue(vec![alias, entry("extern", "online", None)]);
    assert!(city
        .fill_from_definitions(|id| defs.iter().find(|d| d.id == id))
        .is_empty());
    assert_eq!(city.services[0].name.get(Locale::De), "Wilden Müll melden");
    assert_eq!(city.services[0].fee.get(Locale::De), "kostenlos");
    // Another way in says its own summary, and an entry that is no wizard its own fee.
    let problems = city.problems(&["maengel".into()]);
    assert!(problems.contains(&"wilder-muell: summary needs German and English".to_owned()));
    assert!(problems.contains(&"extern: fee needs German and English".to_owned()));
}
