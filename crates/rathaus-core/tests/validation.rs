//! Every field type and constraint of the first cut, one rule at a time.

use rathaus_core::answers::{Answer, Answers};
use rathaus_core::date::Date;
use rathaus_core::definition::{Field, ServiceDefinition};
use rathaus_core::validate::{validate_answer, ErrorCode};

fn field(json: &str) -> Field {
    serde_json::from_str(json).unwrap()
}

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

fn check(f: &Field, text: &str) -> Option<(ErrorCode, Option<i64>)> {
    validate_answer(f, Some(&Answer::Text(text.into())), today()).map(|e| (e.code, number(e.limit)))
}

/// A limit that is a whole number, as a number (all but money and decimal limits).
fn number(limit: Option<String>) -> Option<i64> {
    limit.map(|l| l.parse().unwrap())
}

#[test]
fn required_and_optional() {
    let required = field(r#"{"id":"a","type":"text","label":{"de":"A"}}"#);
    assert_eq!(check(&required, "  "), Some((ErrorCode::Required, None)));
    assert_eq!(
        validate_answer(&required, None, today()).unwrap().code,
        ErrorCode::Required
    );
    assert_eq!(check(&required, "x"), None);
    let optional = field(r#"{"id":"a","type":"text","label":{"de":"A"},"optional":true}"#);
    assert_eq!(check(&optional, ""), None);
    assert_eq!(validate_answer(&optional, None, today()), None);
}

#[test]
fn lengths_count_characters_not_bytes() {
    let f = field(
        r#"{"id":"a","type":"text","label":{"de":"A"},"constraints":{"min_length":2,"max_length":5}}"#,
    );
    assert_eq!(check(&f, "ä"), Some((ErrorCode::TooShort, Some(2))));
    assert_eq!(check(&f, "äöüßé"), None);
    assert_eq!(check(&f, "äöüßéx"), Some((ErrorCode::TooLong, Some(5))));
    // Surrounding spaces do not count.
    assert_eq!(check(&f, "  äö  "), None);
}

#[test]
fn text_has_a_limit_even_when_the_author_sets_none() {
    let f = field(r#"{"id":"a","type":"text","label":{"de":"A"}}"#);
    assert_eq!(
        check(&f, &"x".repeat(201)),
        Some((ErrorCode::TooLong, Some(200)))
    );
    let long = field(r#"{"id":"a","type":"long_text","label":{"de":"A"}}"#);
    assert_eq!(check(&long, &"x".repeat(2000)), None);
    assert_eq!(
        check(&long, &"x".repeat(2001)),
        Some((ErrorCode::TooLong, Some(2000)))
    );
}

#[test]
fn control_characters_are_refused_but_line_breaks_in_long_text_are_fine() {
    let f = field(r#"{"id":"a","type":"text","label":{"de":"A"}}"#);
    assert_eq!(
        check(&f, "a\u{0}b"),
        Some((ErrorCode::InvalidCharacters, None))
    );
    assert_eq!(
        check(&f, "a\nb"),
        Some((ErrorCode::InvalidCharacters, None))
    );
    let long = field(r#"{"id":"a","type":"long_text","label":{"de":"A"}}"#);
    assert_eq!(check(&long, "Zeile 1\r\nZeile 2\tEnde"), None);
    assert_eq!(
        check(&long, "a\u{1b}[31m"),
        Some((ErrorCode::InvalidCharacters, None))
    );
}

#[test]
fn email() {
    let f = field(r#"{"id":"a","type":"email","label":{"de":"A"}}"#);
    for ok in ["name@beispiel.de", "a.b+c@sub.stadt.example"] {
        assert_eq!(check(&f, ok), None, "{ok}");
    }
    for bad in [
        "name",
        "name@",
        "@beispiel.de",
        "name@beispiel",
        "na me@x.de",
        "a@b@c.de",
        "a@b..de",
    ] {
        assert_eq!(
            check(&f, bad),
            Some((ErrorCode::InvalidEmail, None)),
            "{bad}"
        );
    }
}

#[test]
fn german_postcode() {
    let f = field(r#"{"id":"a","type":"postcode","label":{"de":"A"}}"#);
    assert_eq!(check(&f, "01067"), None);
    assert_eq!(check(&f, " 44135 "), None);
    // Typed on an Arabic keyboard.
    assert_eq!(check(&f, "٤٤١٣٥"), None);
    for bad in ["4413", "441355", "44l35", "D-44135"] {
        assert_eq!(
            check(&f, bad),
            Some((ErrorCode::InvalidPostcode, None)),
            "{bad}"
        );
    }
}

#[test]
fn single_choice_accepts_only_its_options() {
    let f = field(
        r#"{"id":"a","type":"single_choice","label":{"de":"A"},
            "options":[{"value":"x","label":{"de":"X"}},{"value":"y","label":{"de":"Y"}}]}"#,
    );
    assert_eq!(check(&f, "x"), None);
    assert_eq!(check(&f, "z"), Some((ErrorCode::NotAnOption, None)));
    assert_eq!(check(&f, ""), Some((ErrorCode::Required, None)));
}

#[test]
fn wrong_shapes_are_invalid_not_a_panic() {
    let text = field(r#"{"id":"a","type":"text","label":{"de":"A"}}"#);
    let list = Answer::Choices(vec!["x".into()]);
    assert_eq!(
        validate_answer(&text, Some(&list), today()).unwrap().code,
        ErrorCode::Invalid
    );
    let date = field(r#"{"id":"a","type":"date","label":{"de":"A"}}"#);
    assert_eq!(check(&date, "2020-01-01"), Some((ErrorCode::Invalid, None)));
}

#[test]
fn error_codes_have_stable_names() {
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_name(code.name()), Some(code));
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.name()));
    }
}

fn problems(json: &str) -> Vec<String> {
    let def: ServiceDefinition = serde_json::from_str(json).unwrap();
    def.problems().into_iter().map(|p| p.to_string()).collect()
}

#[test]
fn definition_problems_name_the_place() {
    let found = problems(
        r#"{"id":"Bad Id","version":1,"title":{"en":"only English"},"summary":{"de":"s"},
            "steps":[
              {"id":"one","title":{"de":"1"},"fields":[
                {"id":"kind","type":"single_choice","label":{"de":"K"},
                 "options":[{"value":"a","label":{"de":"A"}},{"value":"a","label":{"de":"B"}}]},
                {"id":"kind","type":"text","label":{"de":"K"},"constraints":{"not_in_future":true},
                 "messages":{"nonsense":{"de":"x"}}}]},
              {"id":"one","title":{"de":"2"},"show_if":{"equals":{"field":"later","value":"x"}},
               "fields":[{"id":"later","type":"text","label":{"de":"L"},
                          "show_if":{"equals":{"field":"kind","value":"c"}}}]}
            ]}"#,
    );
    let expect = [
        "id: 'Bad Id' must be lowercase letters, digits and '-'",
        "title: needs a 'de' text",
        "steps[0].fields[0].options[1].value: option value 'a' is empty or used twice",
        "steps[0].fields[1].id: duplicate field id 'kind'",
        "steps[0].fields[1].constraints: not_in_future / not_in_past does not apply to a text field",
        "steps[0].fields[1].messages.nonsense: unknown error code 'nonsense'",
        "steps[1].id: duplicate step id 'one'",
        "steps[1].show_if: refers to 'later', which is not a field asked before this point",
    ];
    for e in expect {
        assert!(found.iter().any(|f| f == e), "missing {e:?} in {found:#?}");
    }
}

#[test]
fn hidden_answers_do_not_keep_later_steps_alive() {
    // c depends on b, b depends on a: answering a differently hides both.
    let def: ServiceDefinition = serde_json::from_str(
        r#"{"id":"chain","version":1,"title":{"de":"T"},"summary":{"de":"S"},"steps":[
            {"id":"s1","title":{"de":"1"},"fields":[{"id":"a","type":"text","label":{"de":"A"}}]},
            {"id":"s2","title":{"de":"2"},"show_if":{"equals":{"field":"a","value":"yes"}},
             "fields":[{"id":"b","type":"text","label":{"de":"B"}}]},
            {"id":"s3","title":{"de":"3"},"show_if":{"equals":{"field":"b","value":"yes"}},
             "fields":[{"id":"c","type":"text","label":{"de":"C"}}]}]}"#,
    )
    .unwrap();
    assert!(def.problems().is_empty());
    let mut a = Answers::default();
    a.set_text("a", "yes");
    a.set_text("b", "yes");
    let ids = |a: &Answers| -> Vec<String> {
        rathaus_core::flow::visible_steps(&def, a, today())
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert_eq!(ids(&a), ["s1", "s2", "s3"]);
    a.set_text("a", "no");
    assert_eq!(ids(&a), ["s1"]);
}
