//! A wizard's catalogue entry shows the fee its definition works out, not a copy.

use rathaus_core::catalogue::Catalogue;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::text::Locale;

fn definition(id: &str, fee: &str) -> ServiceDefinition {
    serde_json::from_str(&format!(
        r#"{{"id":"{id}","version":1,"title":{{"de":"T"}},"summary":{{"de":"S"}},"fee":{fee},
            "steps":[{{"id":"s","title":{{"de":"S"}},"fields":[
              {{"id":"n","type":"number","label":{{"de":"N"}}}}]}}]}}"#
    ))
    .unwrap()
}

fn entry(id: &str, channel: &str, fee_de: &str) -> serde_json::Value {
    let wizard = (channel == "wizard").then_some(id);
    serde_json::json!({
        "id": id, "name": {"de": id}, "summary": {"de": "S"}, "category": "c",
        "life_situations": [], "channel": channel, "wizard": wizard,
        "url": (channel == "online").then_some("https://example.org"),
        "fee": {"de": fee_de, "en": "copy"}, "office": {"de": "Amt"}
    })
}

fn catalogue(entries: Vec<serde_json::Value>) -> Catalogue {
    serde_json::from_value(serde_json::json!({
        "life_situations": [], "categories": [], "services": entries
    }))
    .unwrap()
}

#[test]
fn a_fixed_fee_is_said_in_every_language_as_the_start_page_says_it() {
    let defs = [definition("fest", r#"{"rules":[{"fixed":1300}]}"#)];
    let mut city = catalogue(vec![entry("fest", "wizard", "ab 0,00 €")]);
    assert!(city
        .fees_from_definitions(|id| defs.iter().find(|d| d.id == id))
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
        entry("erklaert", "wizard", "5,00 €"),
        entry("offen", "wizard", "6,00 €"),
    ]);
    let problems = city.fees_from_definitions(|id| defs.iter().find(|d| d.id == id));
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
        entry("frei", "wizard", "kostenlos"),
        entry("auch-frei", "wizard", "12,00 €"),
        // Not a wizard: its own words stay, whatever they say.
        entry("extern", "online", "12,00 €"),
    ]);
    let problems = city.fees_from_definitions(|id| defs.iter().find(|d| d.id == id));
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
