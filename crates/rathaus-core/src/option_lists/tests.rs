use std::collections::BTreeMap;

use crate::answers::{Answer, Answers, DateInput};
use crate::date::Date;
use crate::definition::{OptionList, ServiceDefinition};
use crate::scope::Scope;
use crate::validate::{validate_field, ErrorCode};

const KITAS: &str = r#"{"id":"kitas","options":[
  {"value":"krippe","label":{"de":"Krippe","en":"Crèche"},"attributes":{"ab":"0","bis":"3","bezirk":"nord"}},
  {"value":"kita","label":{"de":"Kita","en":"Kita"},"attributes":{"ab":"1","bis":"6","bezirk":"sued"}},
  {"value":"ue3","label":{"de":"Ü3","en":"Ü3"},"attributes":{"ab":"3","bis":"6","bezirk":"nord"}}
]}"#;

fn service(filters: &str) -> ServiceDefinition {
    serde_json::from_str(&format!(
        r#"{{"id":"k","version":1,"title":{{"de":"K"}},"summary":{{"de":"S"}},"steps":[
          {{"id":"a","title":{{"de":"A"}},"fields":[
            {{"id":"geburt","type":"date","label":{{"de":"G"}}}},
            {{"id":"beginn","type":"date","label":{{"de":"B"}}}},
            {{"id":"alter","type":"computed","label":{{"de":"Alter"}},
              "compute":{{"whole_years":{{"from":"geburt","to":"beginn"}}}}}},
            {{"id":"bezirk","type":"select","label":{{"de":"Bezirk"}},"options":[
              {{"value":"nord","label":{{"de":"Nord"}}}},{{"value":"sued","label":{{"de":"Süd"}}}}]}}]}},
          {{"id":"b","title":{{"de":"B"}},"fields":[
            {{"id":"wunsch","type":"ranking","label":{{"de":"Wünsche"}},
              "options_from":{{"list":"kitas","where":{filters}}}}}]}}]}}"#
    ))
    .unwrap()
}

fn lists() -> BTreeMap<String, OptionList> {
    let list: OptionList = serde_json::from_str(KITAS).unwrap();
    BTreeMap::from([(list.id.clone(), list)])
}

fn date(d: u32, m: u32, y: u32) -> Answer {
    Answer::Date(DateInput {
        day: d.to_string(),
        month: m.to_string(),
        year: y.to_string(),
    })
}

const AGE: &str =
    r#"[{"attribute":"ab","at_most":"alter"},{"attribute":"bis","at_least":"alter"}]"#;
fn today() -> Date {
    Date::new(2026, 12, 7).unwrap()
}

fn offered(def: &ServiceDefinition, answers: &Answers) -> Vec<String> {
    let scope = Scope::new(def, answers, today());
    def.field("wunsch")
        .unwrap()
        .offered(&scope)
        .iter()
        .map(|o| o.value.clone())
        .collect()
}

#[test]
fn a_lists_options_are_put_into_the_question_that_names_it() {
    let (def, problems) = service("[]").with_lists(&lists());
    assert_eq!(problems, []);
    let values: Vec<&str> = def
        .field("wunsch")
        .unwrap()
        .options
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(values, ["krippe", "kita", "ue3"]);
}

#[test]
fn an_unknown_list_and_options_written_twice_are_named() {
    let mut def = service("[]");
    def.steps[1].fields[0].options_from.as_mut().unwrap().list = "kita".into();
    let (_, problems) = def.with_lists(&lists());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "steps[1].fields[0].options_from.list");
    assert!(
        problems[0].message.contains("lists: kitas"),
        "{}",
        problems[0].message
    );

    let (filled, _) = service("[]").with_lists(&lists());
    let (_, problems) = filled.with_lists(&lists());
    assert_eq!(problems[0].path, "steps[1].fields[0].options");
}

#[test]
fn the_offered_options_follow_a_computed_age_both_ways() {
    let (def, _) = service(AGE).with_lists(&lists());
    let mut answers = Answers::default();
    // Before the age is known, nothing is held back.
    assert_eq!(offered(&def, &answers), ["krippe", "kita", "ue3"]);
    answers.set("geburt", date(1, 3, 2025));
    answers.set("beginn", date(1, 8, 2027));
    // Two on the first day: the crèche (0–3) and the Kita (1–6), not the Ü3.
    assert_eq!(offered(&def, &answers), ["krippe", "kita"]);
    answers.set("beginn", date(1, 8, 2029));
    // Four by then: past the crèche, old enough for the Ü3.
    assert_eq!(offered(&def, &answers), ["kita", "ue3"]);
}

#[test]
fn equals_compares_with_a_choice_and_validation_refuses_what_is_not_offered() {
    let (def, _) = service(r#"[{"attribute":"bezirk","equals":"bezirk"}]"#).with_lists(&lists());
    let mut answers = Answers::default();
    answers.set("bezirk", Answer::Text("nord".into()));
    assert_eq!(offered(&def, &answers), ["krippe", "ue3"]);
    let field = def.field("wunsch").unwrap();
    let scope = Scope::new(&def, &answers, today());
    let chosen = |v: &[&str]| Answer::Choices(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        validate_field(field, Some(&chosen(&["ue3", "krippe"])), &scope),
        None
    );
    let error = validate_field(field, Some(&chosen(&["kita"])), &scope).unwrap();
    assert_eq!(error.code, ErrorCode::NotAnOption);
}

#[test]
fn a_page_as_asked_lists_only_the_offered_options_and_leaves_inline_ones() {
    let (def, _) = service(AGE).with_lists(&lists());
    let mut answers = Answers::default();
    answers.set("geburt", date(1, 3, 2025));
    answers.set("beginn", date(1, 8, 2029));
    let asked = def.as_asked(&answers, today());
    let values = |id: &str| -> Vec<String> {
        let field = asked.field(id).unwrap();
        field.options.iter().map(|o| o.value.clone()).collect()
    };
    assert_eq!(values("wunsch"), ["kita", "ue3"]);
    assert_eq!(values("bezirk"), ["nord", "sued"]);
    // The definition itself keeps the whole list: the next page may offer more.
    assert_eq!(def.field("wunsch").unwrap().options.len(), 3);
}
