//! Addresses as services use them: a place that must lie in the city refuses a postcode
//! outside it, and an address says whose it is so that a browser fills in only the
//! citizen's own. Each with the misuse the check names.

use rathaus_core::answers::{AddressInput, Answer};
use rathaus_core::check::member_problems;
use rathaus_core::date::Date;
use rathaus_core::definition::{Field, ServiceDefinition};
use rathaus_core::json;
use rathaus_core::validate::{validate_answer, ErrorCode};

/// A service with one step holding these fields (a JSON list), and its check problems.
fn with_fields(fields: &str) -> (ServiceDefinition, Vec<String>) {
    let text = format!(
        r#"{{"id":"x","version":1,"title":{{"de":"X"}},"summary":{{"de":"S"}},
            "steps":[{{"id":"s","title":{{"de":"S"}},"fields":{fields}}}]}}"#
    );
    let mut problems: Vec<String> = member_problems(&json::parse(&text).unwrap())
        .iter()
        .map(|p| p.to_string())
        .collect();
    let def: ServiceDefinition = serde_json::from_str(&text).unwrap();
    problems.extend(def.check().problems.iter().map(|p| p.to_string()));
    (def, problems)
}

fn field<'a>(def: &'a ServiceDefinition, id: &str) -> &'a Field {
    def.steps[0].fields.iter().find(|f| f.id == id).unwrap()
}

fn address(postcode: &str) -> Answer {
    Answer::Address(AddressInput {
        street: "Markt 1".into(),
        extra: String::new(),
        postcode: postcode.into(),
        town: "Musterstadt".into(),
    })
}

const CITY_PLACES: &str = r#"[
    {"id":"baum","type":"address","label":{"de":"Wo steht der Baum?"},
     "constraints":{"postcodes":["44135-44388", "58239"]}},
    {"id":"plz","type":"postcode","label":{"de":"PLZ"},"constraints":{"postcodes":["44135-44388"]}},
    {"id":"woanders","type":"address","label":{"de":"Ihre Anschrift"},"autocomplete":"home"}]"#;

#[test]
fn a_place_in_the_city_refuses_a_postcode_outside_it_and_names_the_postcode_box() {
    let (def, problems) = with_fields(CITY_PLACES);
    assert_eq!(problems, Vec::<String>::new());
    let code = |id: &str, answer: Answer| {
        validate_answer(field(&def, id), Some(&answer), Date::EPOCH).map(|e| e.code)
    };
    assert_eq!(code("baum", address("44135")), None);
    assert_eq!(code("baum", address(" 44388 ")), None);
    assert_eq!(code("baum", address("58239")), None);
    assert_eq!(
        code("baum", address("10115")),
        Some(ErrorCode::PostcodeOutsideArea)
    );
    assert_eq!(
        code("baum", address("44389")),
        Some(ErrorCode::PostcodeOutsideArea)
    );
    // A malformed postcode is named as such first: the citizen fixes one thing at a time.
    assert_eq!(
        code("baum", address("4413")),
        Some(ErrorCode::InvalidPostcode)
    );
    assert_eq!(code("plz", Answer::Text("44227".into())), None);
    assert_eq!(
        code("plz", Answer::Text("20095".into())),
        Some(ErrorCode::PostcodeOutsideArea)
    );
    // Without `postcodes`, any German postcode will do.
    assert_eq!(code("woanders", address("10115")), None);
}

#[test]
fn misspelt_areas_and_areas_on_other_kinds_are_named() {
    let (_, problems) = with_fields(
        r#"[
        {"id":"a","type":"address","label":{"de":"A"},"constraints":{"postcodes":["44135–44388","4413","44388-44135"]}},
        {"id":"t","type":"text","label":{"de":"T"},"constraints":{"postcodes":["44135"]}}]"#,
    );
    for expected in [
        "steps[0].fields[0].constraints.postcodes[0]",
        "steps[0].fields[0].constraints.postcodes[1]",
        "steps[0].fields[0].constraints.postcodes[2]",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} in {problems:#?}"
        );
    }
    assert!(
        problems.iter().any(|p| p.contains("after its last")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("steps[0].fields[1]") && p.contains("postcodes")),
        "{problems:#?}"
    );
}

#[test]
fn an_address_says_whose_it_is_and_other_questions_name_a_browser_token() {
    let (_, problems) = with_fields(
        r#"[
        {"id":"own","type":"address","label":{"de":"A"},"autocomplete":"home"},
        {"id":"versand","type":"address","label":{"de":"V"},"autocomplete":"shipping"},
        {"id":"ort","type":"address","label":{"de":"O"},"autocomplete":"off"},
        {"id":"mail","type":"email","label":{"de":"E"},"autocomplete":"work email"},
        {"id":"name","type":"text","label":{"de":"N"},"autocomplete":"given-name"}]"#,
    );
    assert_eq!(problems, Vec::<String>::new());
    let (_, problems) = with_fields(
        r#"[
        {"id":"own","type":"address","label":{"de":"A"},"autocomplete":"street-address"},
        {"id":"name","type":"text","label":{"de":"N"},"autocomplete":"firstname"},
        {"id":"info","type":"info","label":{"de":"I"},"autocomplete":"name"}]"#,
    );
    let at = |i: usize| format!("steps[0].fields[{i}].autocomplete");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&at(0)) && p.contains("home, shipping, off")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&at(1)) && p.contains("'firstname'")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with(&at(2))),
        "{problems:#?}"
    );
}
