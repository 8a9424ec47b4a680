//! Repeatable groups, conditions inside them, and the definition check naming what an
//! author got wrong.

use rathaus_core::answers::{Answer, Answers};
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::validate::{validate_application, validate_item_at, validate_step, ErrorCode};
use rathaus_core::{flow, Money};

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

const DOGS: &str = r#"{"id":"hunde","version":1,"title":{"de":"Hunde"},"summary":{"de":"S"},
  "fee":{"rules":[{"per_item":{"group":"hund","amounts":[15600,19200]}},
    {"per_item":{"group":"hund","amounts":[60000],"when":{"equals":{"field":"gelistet","value":"yes"}}}}]},
  "steps":[
    {"id":"halter","title":{"de":"Halter"},"fields":[{"id":"name","type":"text","label":{"de":"Name"}}]},
    {"id":"hund","title":{"de":"Ihre Hunde"},
     "repeat":{"min":1,"max":3,"item":{"de":"Hund"},"add_another":{"de":"Weiteren Hund anmelden?"},"summary_field":"hundename"},
     "fields":[
       {"id":"hundename","type":"text","label":{"de":"Name des Hundes"}},
       {"id":"gelistet","type":"yes_no","label":{"de":"Gelistete Rasse?"}},
       {"id":"sachkunde","type":"text","label":{"de":"Sachkundenachweis"},
        "show_if":{"equals":{"field":"gelistet","value":"yes"}}}]},
    {"id":"mehr","title":{"de":"Mehr"},"show_if":{"at_least":{"field":"hund","value":2}},
     "fields":[{"id":"zwinger","type":"yes_no","label":{"de":"Zwinger?"}}]}]}"#;

fn dogs() -> ServiceDefinition {
    let def: ServiceDefinition = serde_json::from_str(DOGS).unwrap();
    assert_eq!(def.problems(), vec![], "the example is a good definition");
    def
}

fn dog(name: &str, listed: &str, proof: Option<&str>) -> Answers {
    let mut a = Answers::default();
    a.set_text("hundename", name);
    a.set_text("gelistet", listed);
    if let Some(p) = proof {
        a.set_text("sachkunde", p);
    }
    a
}

fn with_dogs(items: Vec<Answers>) -> Answers {
    let mut a = Answers::default();
    a.set_text("name", "Erika");
    a.set("hund", Answer::Items(items));
    a
}

#[test]
fn a_group_needs_its_minimum_and_keeps_to_its_maximum() {
    let def = dogs();
    let step = def.step("hund").unwrap();
    let codes = |a: &Answers| -> Vec<(String, ErrorCode)> {
        validate_step(&def, step, a, today())
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    };
    assert_eq!(
        codes(&with_dogs(vec![])),
        [("hund".to_owned(), ErrorCode::TooFew)]
    );
    assert_eq!(codes(&with_dogs(vec![dog("Bello", "no", None)])), []);
    let four = vec![dog("A", "no", None); 4];
    assert_eq!(
        codes(&with_dogs(four)),
        [("hund".to_owned(), ErrorCode::TooMany)]
    );
}

#[test]
fn conditions_inside_an_item_read_that_item() {
    let def = dogs();
    let step = def.step("hund").unwrap();
    let outer = with_dogs(vec![]);
    let errors = validate_item_at(&def, step, 0, &dog("Rex", "yes", None), &outer, today());
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].field.as_str(), errors[0].code),
        ("sachkunde", ErrorCode::Required)
    );
    assert!(validate_item_at(&def, step, 0, &dog("Bello", "no", None), &outer, today()).is_empty());
    // Item errors of the whole application carry the item's path.
    let a = with_dogs(vec![dog("Bello", "no", None), dog("Rex", "yes", None)]);
    let errors = validate_application(&def, &a, today()).unwrap_err();
    assert_eq!(errors[0].field, "hund.1.sachkunde");
    assert_eq!(errors[0].item_path(), Some(("hund", 1, "sachkunde")));
}

#[test]
fn hidden_answers_in_items_are_not_kept_and_the_count_drives_later_steps() {
    let def = dogs();
    let mut a = with_dogs(vec![dog("Bello", "no", Some("stale"))]);
    let walk = flow::walk(&def, &a, today());
    assert_eq!(
        walk.answers.get("hund").unwrap().items()[0].get("sachkunde"),
        None
    );
    assert!(!flow::is_step_visible(&def, "mehr", &a, today()));
    a.set(
        "hund",
        Answer::Items(vec![
            dog("Bello", "no", None),
            dog("Rex", "yes", Some("ja")),
        ]),
    );
    assert!(flow::is_step_visible(&def, "mehr", &a, today()));
    assert_eq!(first_incomplete_step(&def, &a, today()).unwrap().id, "mehr");
    a.set_text("zwinger", "no");
    let kept = validate_application(&def, &a, today()).unwrap();
    // 156 € + 192 € + 600 € for the listed breed.
    assert_eq!(def.fee_for(&kept, today()), Money(15600 + 19200 + 60000));
}

#[test]
fn unknown_answers_inside_items_are_refused() {
    let def = dogs();
    let mut item = dog("Bello", "no", None);
    item.set_text("farbe", "braun");
    let errors = validate_application(&def, &with_dogs(vec![item]), today()).unwrap_err();
    assert_eq!(errors[0].field, "hund.0.farbe");
    assert_eq!(errors[0].code, ErrorCode::UnknownField);
    let mut wrong_shape = with_dogs(vec![]);
    wrong_shape.set_text("hund", "Bello");
    let errors = validate_application(&def, &wrong_shape, today()).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.field == "hund" && e.code == ErrorCode::Invalid));
}

fn problems(def: &str) -> Vec<String> {
    let def: ServiceDefinition = serde_json::from_str(def).unwrap();
    def.problems().iter().map(|p| p.to_string()).collect()
}

fn service(steps: &str, fee: &str) -> String {
    format!(
        r#"{{"id":"x","version":1,"title":{{"de":"X"}},"summary":{{"de":"S"}},"fee":{{"rules":{fee}}},"steps":{steps}}}"#
    )
}

#[test]
fn the_check_names_path_and_problem() {
    let one = |fields: &str| {
        problems(&service(
            &format!(r#"[{{"id":"s","title":{{"de":"S"}},"fields":{fields}}}]"#),
            "[]",
        ))
    };
    assert_eq!(
        one(r#"[{"id":"n","type":"number","label":{"de":"N"},"constraints":{"min":5,"max":1}}]"#),
        ["steps[0].fields[0].constraints: min is above max"]
    );
    assert_eq!(
        one(r#"[{"id":"t","type":"text","label":{"de":"T"},"constraints":{"max_file_bytes":5}}]"#),
        ["steps[0].fields[0].constraints: accept / max_file_bytes does not apply to a text field"]
    );
    assert_eq!(
        one(r#"[{"id":"d","type":"info","label":{"de":"D"},"optional":true}]"#),
        ["steps[0].fields[0].optional: info fields take no answer and cannot be optional"]
    );
    assert_eq!(
        one(r#"[{"id":"a","type":"text","label":{"de":"A"}},
               {"id":"b","type":"text","label":{"de":"B"},"show_if":{"years_since_at_least":{"field":"a","years":18}}}]"#),
        ["steps[0].fields[1].show_if: 'a' is not a date"]
    );
    assert_eq!(
        one(r#"[{"id":"a","type":"yes_no","label":{"de":"A"}},
               {"id":"b","type":"text","label":{"de":"B"},"show_if":{"equals":{"field":"a","value":"ja"}}}]"#),
        ["steps[0].fields[1].show_if: 'ja' is not an option of 'a'"]
    );
}

#[test]
fn fee_rules_must_name_fields_that_fit() {
    let steps = r#"[{"id":"s","title":{"de":"S"},"fields":[
        {"id":"kosten","type":"money","label":{"de":"K"}},
        {"id":"zone","type":"select","label":{"de":"Z"},"options":[{"value":"a","label":{"de":"A"}},{"value":"b","label":{"de":"B"}}]}]}]"#;
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"tiered":{"field":"kosten","tiers":[{"up_to":100,"amount":5},{"amount":10}]}},{"per_option":{"field":"zone","amounts":{"a":1}}}]"#
        )),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"tiered":{"field":"zone","tiers":[{"amount":5}]}}]"#
        )),
        ["fee.rules[0]: 'zone' is not a number field of this service"]
    );
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"tiered":{"field":"kosten","tiers":[{"amount":5},{"up_to":9,"amount":10}]}}]"#
        )),
        ["fee.rules[0]: tiers must rise by up_to, and only the last may leave it out"]
    );
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"per_option":{"field":"zone","amounts":{"c":1}}}]"#
        )),
        ["fee.rules[0]: 'c' is not an option of 'zone'"]
    );
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"per_item":{"group":"s","amounts":[1]}}]"#
        )),
        ["fee.rules[0]: 's' is not a repeatable group of this service"]
    );
    assert_eq!(
        problems(&service(
            steps,
            r#"[{"when":{"condition":{"answered":{"field":"nix"}},"rules":[]}}]"#
        )),
        ["fee.rules[0].condition: refers to 'nix', which is not a field asked before this point"]
    );
}

#[test]
fn group_fields_are_not_visible_outside_their_group() {
    let def = DOGS.replace(
        r#""show_if":{"at_least":{"field":"hund","value":2}}"#,
        r#""show_if":{"equals":{"field":"gelistet","value":"yes"}}"#,
    );
    assert_eq!(
        problems(&def),
        ["steps[2].show_if: refers to 'gelistet', which is not a field asked before this point"]
    );
    let bad_repeat = DOGS.replace(r#""min":1,"max":3"#, r#""min":4,"max":3"#);
    assert_eq!(
        problems(&bad_repeat),
        ["steps[1].repeat: max must be at least 1 and not below min"]
    );
}
