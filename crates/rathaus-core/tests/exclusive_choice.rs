//! An exclusive option of a multiple choice ("none of these"): chosen alone when
//! ticked, refused beside another by the server's validation, a draft's mix asked
//! again instead of dropped, and each misuse named by the check.

use rathaus_core::answers::{Answer, Answers};
use rathaus_core::date::Date;
use rathaus_core::definition::{toggled_choices, ServiceDefinition};
use rathaus_core::migrate::migrate;
use rathaus_core::validate::{validate_application, ErrorCode, FieldError};

fn today() -> Date {
    Date::new(2026, 12, 4).unwrap()
}

fn def(json: &str) -> ServiceDefinition {
    serde_json::from_str(json).unwrap()
}

fn needs(options: &str) -> String {
    format!(
        r#"{{"id":"x","version":2,"title":{{"de":"X"}},"summary":{{"de":"X"}},
            "steps":[{{"id":"a","title":{{"de":"A"}},"fields":[
              {{"id":"bedarf","type":"multiple_choice","label":{{"de":"Bedarf"}},
                "options":{options}}}]}}]}}"#
    )
}

const NEEDS: &str = r#"[{"value":"rollstuhl","label":{"de":"Rollstuhl"}},
  {"value":"zimmer","label":{"de":"Ein Zimmer mehr"}},
  {"value":"keiner","label":{"de":"Nichts davon"},"exclusive":true}]"#;

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn choose(values: &[&str]) -> Answers {
    let mut a = Answers::default();
    a.set("bedarf", Answer::Choices(strings(values)));
    a
}

#[test]
fn ticking_the_exclusive_option_clears_the_others_and_ticking_another_clears_it() {
    let order = strings(&["rollstuhl", "zimmer", "keiner"]);
    let toggle = |chosen: &[&str], value: &str, checked: bool| {
        toggled_choices(&order, &strings(chosen), Some("keiner"), value, checked)
    };
    assert_eq!(toggle(&["rollstuhl", "zimmer"], "keiner", true), ["keiner"]);
    assert_eq!(toggle(&["keiner"], "zimmer", true), ["zimmer"]);
    assert_eq!(
        toggle(&["zimmer"], "rollstuhl", true),
        ["rollstuhl", "zimmer"]
    );
    assert_eq!(toggle(&["keiner"], "keiner", false), Vec::<String>::new());
    assert_eq!(
        toggle(&["rollstuhl", "zimmer"], "rollstuhl", false),
        ["zimmer"]
    );
    // Without an exclusive option, ticking only adds, in the options' order.
    let plain = toggled_choices(&order, &strings(&["keiner"]), None, "rollstuhl", true);
    assert_eq!(plain, ["rollstuhl", "keiner"]);
}

#[test]
fn the_exclusive_option_is_an_answer_alone_and_refused_beside_another() {
    let service = def(&needs(NEEDS));
    assert!(validate_application(&service, &choose(&["keiner"]), today()).is_ok());
    assert!(validate_application(&service, &choose(&["rollstuhl", "zimmer"]), today()).is_ok());
    let errors = validate_application(&service, &choose(&["zimmer", "keiner"]), today())
        .expect_err("a need beside 'none of these'");
    assert_eq!(
        errors,
        [FieldError {
            field: "bedarf".into(),
            code: ErrorCode::NotAnOption,
            limit: None,
        }]
    );
}

#[test]
fn a_draft_that_mixes_an_option_made_exclusive_since_is_kept_and_asked_again() {
    let before = def(&needs(&NEEDS.replace(r#","exclusive":true"#, "")));
    let answers = choose(&["zimmer", "keiner"]);
    assert!(validate_application(&before, &answers, today()).is_ok());
    let now = migrate(&answers, &def(&needs(NEEDS)), today());
    assert!(now.dropped.is_empty());
    assert_eq!(
        now.answers, answers,
        "what the citizen ticked stays to be corrected"
    );
    assert_eq!(now.answer_again, ["bedarf"]);
}

fn problems(json: &str) -> Vec<String> {
    def(json).problems().iter().map(|p| p.to_string()).collect()
}

#[test]
fn the_check_names_every_misuse_of_exclusive() {
    let two = problems(&needs(
        r#"[{"value":"a","label":{"de":"A"}},
            {"value":"b","label":{"de":"B"},"exclusive":true},
            {"value":"c","label":{"de":"C"},"exclusive":true}]"#,
    ));
    assert!(
        two.iter()
            .any(|p| p.contains("at most one option can be exclusive")),
        "{two:?}"
    );
    let radio =
        problems(&needs(NEEDS).replace(r#""type":"multiple_choice""#, r#""type":"single_choice""#));
    assert!(
        radio.iter().any(|p| p.contains("options[2].exclusive")
            && p.contains("only an option of a multiple_choice field can be exclusive")),
        "{radio:?}"
    );
    let at_least_two = problems(&needs(NEEDS).replace(
        r#""options":"#,
        r#""constraints":{"min_count":2},"options":"#,
    ));
    assert!(
        at_least_two
            .iter()
            .any(|p| p.contains("min_count above 1 would refuse it")),
        "{at_least_two:?}"
    );
    assert_eq!(problems(&needs(NEEDS)), Vec::<String>::new());
}
