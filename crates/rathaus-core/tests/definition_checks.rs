//! The definition check names every mistake an author makes, with its path in the file:
//! one definition per class of mistake, as people write them from docs/services.md.

use rathaus_core::answers::Answer;
use rathaus_core::check::member_problems;
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::json;
use rathaus_core::validate::{validate_answer, ErrorCode};

/// What the backend reports for a definition file: unknown members on the raw JSON, then
/// the typed check. Returns problems and warnings as `path: message` lines.
fn check(text: &str) -> (Vec<String>, Vec<String>) {
    check_with_lists(text, &Default::default())
}

/// [`check`] with the option lists a definition's `options_from` names, as the
/// backend loads them.
fn check_with_lists(
    text: &str,
    lists: &std::collections::BTreeMap<String, rathaus_core::definition::OptionList>,
) -> (Vec<String>, Vec<String>) {
    let raw = json::parse(text).expect("the test definition is JSON");
    let mut problems: Vec<String> = member_problems(&raw)
        .iter()
        .map(|p| p.to_string())
        .collect();
    let def: ServiceDefinition = serde_json::from_str(text).expect("serde reads it");
    let (def, unlisted) = def.with_lists(lists);
    problems.extend(unlisted.iter().map(|p| p.to_string()));
    let findings = def.check();
    problems.extend(findings.problems.iter().map(|p| p.to_string()));
    let warnings = findings.warnings.iter().map(|p| p.to_string()).collect();
    (problems, warnings)
}

fn problems(text: &str) -> Vec<String> {
    check(text).0
}

fn warnings(text: &str) -> Vec<String> {
    check(text).1
}

/// A service with these steps (a JSON list).
fn service(steps: &str) -> String {
    format!(
        r#"{{"id":"x","version":1,"title":{{"de":"X"}},"summary":{{"de":"S"}},"steps":{steps}}}"#
    )
}

/// A service with one step holding these fields (a JSON list).
fn fields(fields: &str) -> String {
    service(&format!(
        r#"[{{"id":"s","title":{{"de":"S"}},"fields":{fields}}}]"#
    ))
}

#[track_caller]
fn assert_has(found: &[String], expected: &str) {
    assert!(
        found.iter().any(|f| f == expected),
        "missing\n  {expected}\nin\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn misspelled_and_invented_members_are_named_at_every_level() {
    let text = r#"{"id":"x","version":1,"title":{"de":"X","EN":"X"},"summary":{"de":"S"},
        "sumary":{"de":"S"},
        "fee":{"rules":[
            {"tiered":{"field":"n","tiers":[{"upto":10,"amount":5}]}},
            {"when":{"condition":{"answered":{"field":"n","feld":"m"}},"rules":[]}}],
          "purpos":{"de":"P"}},
        "steps":[{"id":"s","titel":{"de":"S"},"title":{"de":"S"},
          "repeat":{"max":3,"item":{"de":"I"},"add_another":{"de":"A"},"mn":1},
          "fields":[
            {"id":"a","type":"single_choice","label":{"de":"A"},"optinal":true,
             "options":[{"value":"p","label":{"de":"P"},"lable":{"de":"P"}},{"value":"q","label":{"de":"Q"}}]},
            {"id":"b","type":"text","label":{"de":"B"},"show-if":{"equals":{"field":"a","value":"p"}},
             "constraints":{"maxLength":20,"regex":"[A-Z]+"},
             "show_if":{"all":[{"equals":{"field":"a","valeu":"p","value":"p"}}]},
             "messages":{"too_long":{"de":"Zu lang","EN":"Too long"}}}]},
          {"id":"t","title":{"de":"T"},"fields":[{"id":"n","type":"number","label":{"de":"N"}}]}]}"#;
    let found = problems(text);
    for expected in [
        "sumary: a service definition has no member 'sumary' (did you mean 'summary'?)",
        "title.EN: 'EN' is not a language of the app (de, de-x-ls, en, tr, ar, uk, ru, pl) (did you mean 'en'?)",
        "fee.purpos: a fee has no member 'purpos' (did you mean 'purpose'?)",
        "fee.rules[0].tiered.tiers[0].upto: a tier has no member 'upto' (did you mean 'up_to'?)",
        "fee.rules[1].when.condition.answered.feld: 'answered' has no member 'feld' (did you mean 'field'?)",
        "steps[0].titel: a step has no member 'titel' (did you mean 'title'?)",
        "steps[0].repeat.mn: a repeat has no member 'mn' (did you mean 'min'?)",
        "steps[0].fields[0].optinal: a field has no member 'optinal' (did you mean 'optional'?)",
        "steps[0].fields[0].options[0].lable: an option has no member 'lable' (did you mean 'label'?)",
        "steps[0].fields[1].show-if: a field has no member 'show-if' (did you mean 'show_if'?)",
        "steps[0].fields[1].constraints.maxLength: constraints has no member 'maxLength' (did you mean 'max_length'?)",
        "steps[0].fields[1].constraints.regex: constraints has no member 'regex' (it knows min_length, max_length, not_in_future, min_years_ago, max_years_ago, not_in_past, min, max, decimals, min_count, max_count, accept, max_file_bytes, earliest, latest, pattern, postcodes)",
        "steps[0].fields[1].show_if.all[0].equals.valeu: 'equals' has no member 'valeu' (did you mean 'value'?)",
        "steps[0].fields[1].messages.too_long.EN: 'EN' is not a language of the app (de, de-x-ls, en, tr, ar, uk, ru, pl) (did you mean 'en'?)",
    ] {
        assert_has(&found, expected);
    }
    assert_eq!(found.len(), 14, "{found:#?}");
    // The app keeps reading definitions with members it does not know (a newer format).
    let app: ServiceDefinition = json::from_str(text).expect("the app's codec reads it");
    assert!(
        !app.steps[0].fields[0].optional,
        "'optinal' is not 'optional'"
    );
}

#[test]
fn unknown_operators_and_repeated_members_are_named() {
    let text = fields(
        r#"[{"id":"a","type":"yes_no","label":{"de":"A"}},
            {"id":"b","type":"text","label":{"de":"B","de":"B2"},"label":{"de":"B"},
             "show_if":{"equal":{"field":"a","value":"yes"}}}]"#,
    );
    let found = member_problems(&json::parse(&text).unwrap());
    let found: Vec<String> = found.iter().map(|p| p.to_string()).collect();
    assert_has(
        &found,
        "steps[0].fields[1].show_if.equal: 'equal' is not a condition (did you mean 'equals'?)",
    );
    assert_has(&found, "steps[0].fields[1].label: 'label' is written twice");
    assert_has(&found, "steps[0].fields[1].label.de: 'de' is written twice");
    let fee = r#"{"id":"x","version":1,"title":{"de":"X"},"summary":{"de":"S"},"steps":[],
        "fee":{"rules":[{"flat":100}]}}"#;
    let found: Vec<String> = member_problems(&json::parse(fee).unwrap())
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        found,
        ["fee.rules[0].flat: 'flat' is not a fee rule (there are fixed, per_option, per_item, tiered, per_unit, when)"]
    );
}

#[test]
fn languages_must_be_ones_the_app_speaks() {
    let found = problems(&fields(
        r#"[{"id":"a","type":"text","label":{"en":"A","fr":"A"},"hint":{"de":"H","de-AT":"H"}}]"#,
    ));
    assert_has(&found, "steps[0].fields[0].label: needs a 'de' text");
    assert_has(
        &found,
        "steps[0].fields[0].label.fr: 'fr' is not a language of the app (de, de-x-ls, en, tr, ar, uk, ru, pl) (did you mean 'tr'?)",
    );
    assert_has(
        &found,
        "steps[0].fields[0].hint.de-AT: 'de-AT' is not a language of the app (de, de-x-ls, en, tr, ar, uk, ru, pl)",
    );
}

#[test]
fn uploads_must_fit_what_the_backend_takes() {
    let file = |constraints: &str| {
        problems(&fields(&format!(
            r#"[{{"id":"f","type":"file","label":{{"de":"F"}},"constraints":{constraints}}}]"#
        )))
    };
    assert_eq!(
        file(r#"{"accept":["application/pdf","image/jpg","application/msword",".png"]}"#),
        [
            "steps[0].fields[0].constraints.accept[1]: the backend never takes 'image/jpg' files, only application/pdf, image/jpeg, image/png (did you mean 'image/jpeg'?)",
            "steps[0].fields[0].constraints.accept[2]: the backend never takes 'application/msword' files, only application/pdf, image/jpeg, image/png",
            "steps[0].fields[0].constraints.accept[3]: the backend never takes '.png' files, only application/pdf, image/jpeg, image/png (did you mean 'image/png'?)",
        ]
    );
    assert_eq!(
        file(r#"{"max_file_bytes":31457280}"#),
        ["steps[0].fields[0].constraints.max_file_bytes: 31457280 bytes is above the backend's limit of 26214400 bytes (25 MiB) per file"]
    );
    assert_eq!(file(r#"{"max_file_bytes":26214400}"#), Vec::<String>::new());
    assert_eq!(
        file(r#"{"min_count":2}"#),
        ["steps[0].fields[0].constraints: min_count is above its maximum"],
        "a file question takes one file unless max_count says more"
    );
}

#[test]
fn messages_must_be_for_codes_the_question_can_report() {
    let found = problems(&fields(
        r#"[{"id":"t","type":"text","label":{"de":"T"},"optional":true,
             "messages":{"invalid_iban":{"de":"x"},"required":{"de":"x"},"too_lnog":{"de":"x"},"too_long":{"de":"x"}}},
            {"id":"n","type":"number","label":{"de":"N"},"messages":{"too_many_decimals":{"de":"x"},"not_a_number":{"de":"x"}}}]"#,
    ));
    assert_eq!(
        found,
        [
            "steps[0].fields[0].messages.invalid_iban: a text field never reports 'invalid_iban'; it reports: required, too_short, too_long, invalid_characters, invalid, pattern_mismatch",
            "steps[0].fields[0].messages.required: an optional question never reports 'required'",
            "steps[0].fields[0].messages.too_lnog: unknown error code 'too_lnog' (did you mean 'too_long'?)",
            "steps[0].fields[1].messages.too_many_decimals: a number field never reports 'too_many_decimals'; it reports: required, too_short, too_long, invalid_characters, invalid, not_a_number, number_too_small, number_too_large",
        ]
    );
}

const COMPARED: &str = r#"
    {"id":"anzahl","type":"number","label":{"de":"A"}},
    {"id":"flaeche","type":"decimal","label":{"de":"F"}},
    {"id":"plz","type":"postcode","label":{"de":"P"}},
    {"id":"geboren","type":"date","label":{"de":"G"}},
    {"id":"anschrift","type":"address","label":{"de":"A"}},
    {"id":"nachweis","type":"file","label":{"de":"N"}}"#;

fn compared(condition: &str) -> Vec<String> {
    problems(&service(&format!(
        r#"[{{"id":"s","title":{{"de":"S"}},"fields":[{COMPARED}]}},
            {{"id":"t","title":{{"de":"T"}},"show_if":{condition},
              "fields":[{{"id":"z","type":"text","label":{{"de":"Z"}}}}]}}]"#
    )))
}

#[test]
fn compared_values_must_be_answers_the_question_can_have() {
    let one = |condition: &str| compared(condition).join("\n");
    assert_eq!(
        one(r#"{"equals":{"field":"anzahl","value":"viele"}}"#),
        "steps[1].show_if: 'viele' is not a number as the number field 'anzahl' reads it"
    );
    assert_eq!(
        one(r#"{"one_of":{"field":"anzahl","values":["3","1.5"]}}"#),
        "steps[1].show_if: '1.5' is not a number as the number field 'anzahl' reads it"
    );
    assert_eq!(one(r#"{"equals":{"field":"anzahl","value":"1.500"}}"#), "");
    assert_eq!(one(r#"{"equals":{"field":"flaeche","value":"12,5"}}"#), "");
    assert_eq!(
        one(r#"{"equals":{"field":"plz","value":"1234"}}"#),
        "steps[1].show_if: '1234' can never be an answer to 'plz' (validation reports 'invalid_postcode')"
    );
    assert_eq!(
        one(r#"{"equals":{"field":"geboren","value":"01.01.2000"}}"#),
        "steps[1].show_if: 'geboren' is of type date: equals and one_of never hold for it; compare it with years_since_at_least / years_since_below"
    );
    assert_eq!(
        one(r#"{"one_of":{"field":"anschrift","values":["Hauptstr. 1"]}}"#),
        "steps[1].show_if: 'anschrift' is of type address: equals and one_of never hold for it; ask with answered whether it was given"
    );
    assert_eq!(
        one(r#"{"equals":{"field":"nachweis","value":"ja"}}"#),
        "steps[1].show_if: 'nachweis' is of type file: equals and one_of never hold for it; count its files with at_least / below"
    );
    assert_eq!(
        one(r#"{"not":{"equals":{"field":"anzahl","value":" 3"}}}"#),
        "steps[1].show_if: ' 3' has spaces at its ends, answers are compared without them"
    );
}

#[test]
fn money_limits_are_euros() {
    let def: ServiceDefinition = serde_json::from_str(&fields(
        r#"[{"id":"betrag","type":"money","label":{"de":"B"},"constraints":{"min":0.5,"max":1000}}]"#,
    ))
    .unwrap();
    assert!(def.problems().is_empty());
    let field = def.field("betrag").unwrap();
    let check = |typed: &str| {
        validate_answer(field, Some(&Answer::Text(typed.into())), Date::EPOCH).map(|e| e.code)
    };
    assert_eq!(check("0,49 €"), Some(ErrorCode::NumberTooSmall));
    assert_eq!(check("0,50 €"), None);
    assert_eq!(check("1.000,00"), None);
    assert_eq!(check("1.000,01"), Some(ErrorCode::NumberTooLarge));
}

/// A yes/no question `frage` (optional or not), then a follow-up shown under `condition`,
/// on the same page or the next.
fn follow_up(optional: bool, same_page: bool, condition: &str) -> String {
    let question =
        format!(r#"{{"id":"frage","type":"yes_no","label":{{"de":"F"}},"optional":{optional}}}"#);
    let later =
        format!(r#"{{"id":"folge","type":"text","label":{{"de":"W"}},"show_if":{condition}}}"#);
    if same_page {
        fields(&format!("[{question},{later}]"))
    } else {
        service(&format!(
            r#"[{{"id":"s","title":{{"de":"S"}},"fields":[{question}]}},
                {{"id":"t","title":{{"de":"T"}},"fields":[{later}]}}]"#
        ))
    }
}

#[test]
fn a_not_over_a_question_that_may_be_unanswered_is_a_warning() {
    let not = r#"{"not":{"equals":{"field":"frage","value":"yes"}}}"#;
    let guarded = r#"{"all":[{"answered":{"field":"frage"}},{"not":{"equals":{"field":"frage","value":"yes"}}}]}"#;
    let expected = "'not' also holds while 'frage' is unanswered; to wait for an answer write \
                    {\"all\": [{\"answered\": {\"field\": \"frage\"}}, {\"not\": …}]}";
    assert_eq!(
        warnings(&follow_up(true, false, not)),
        [format!("steps[1].fields[0].show_if: {expected}")]
    );
    assert_eq!(
        warnings(&follow_up(false, true, not)),
        [format!("steps[0].fields[1].show_if: {expected}")],
        "on the same page the question is unanswered until the citizen answers it"
    );
    assert!(
        warnings(&follow_up(false, false, not)).is_empty(),
        "answered before the next page"
    );
    assert!(warnings(&follow_up(true, true, guarded)).is_empty());
    assert!(warnings(&follow_up(
        true,
        true,
        r#"{"not":{"answered":{"field":"frage"}}}"#
    ))
    .is_empty());
    // A warning does not keep the definition from citizens.
    assert!(problems(&follow_up(true, true, not)).is_empty());
}

#[test]
fn shipped_definitions_have_no_problems_and_no_warnings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut checked = 0;
    let lists = std::fs::read_dir(root.join("services/lists"))
        .unwrap()
        .map(|entry| {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let list: rathaus_core::definition::OptionList = serde_json::from_str(&text).unwrap();
            (list.id.clone(), list)
        })
        .collect();
    for dir in ["services", "e2e/fixtures/services"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let (problems, warnings) = check_with_lists(&text, &lists);
                assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
                assert!(warnings.is_empty(), "{}: {warnings:#?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 11, "found only {checked} definitions");
}

#[test]
fn identification_and_prefill_are_checked_where_they_are_written() {
    // A level and a prefill without a login to come from.
    let anonymous = service(
        r#"[{"id":"s","title":{"de":"S"},"fields":[
            {"id":"name","type":"text","label":{"de":"N"},"prefill":{"from":"given_name","readonly":true}}
        ]}]"#,
    )
    .replace(r#""steps""#, r#""assurance":"high","steps""#);
    let found = problems(&anonymous);
    assert_has(
        &found,
        "assurance: an assurance level needs \"identification\": \"optional\" or \"required\"",
    );
    assert_has(
        &found,
        "steps[0].fields[0].prefill: a prefill needs \"identification\": \"optional\" or \"required\" on the service",
    );
    assert_has(
        &found,
        "steps[0].fields[0].prefill.readonly: a prefill has no member 'readonly' (did you mean 'read_only'?)",
    );

    let required = |steps: &str| {
        service(steps).replace(r#""steps""#, r#""identification":"required","steps""#)
    };
    let found = problems(&required(
        r#"[{"id":"s","title":{"de":"S"},"fields":[
            {"id":"born","type":"text","label":{"de":"G"},"prefill":{"from":"birth_date"}},
            {"id":"land","type":"select","label":{"de":"L"},
             "options":[{"value":"de","label":{"de":"d"}},{"value":"x","label":{"de":"x"}}],
             "prefill":{"from":"nationality","values":{"DE":"deutsch"}}},
            {"id":"mail","type":"email","label":{"de":"E"},"prefill":{"from":"email","values":{"a":"b"}}}
        ]},
        {"id":"kids","title":{"de":"K"},"repeat":{"max":3,"item":{"de":"K"},"add_another":{"de":"?"}},
         "fields":[{"id":"kid","type":"text","label":{"de":"K"},"prefill":{"from":"given_name"}}]}]"#,
    ));
    assert_has(
        &found,
        "steps[0].fields[0].prefill.from: 'birth_date' cannot fill in a text question",
    );
    assert_has(
        &found,
        "steps[0].fields[1].prefill.values.DE: 'deutsch' is not an option of this question",
    );
    assert_has(
        &found,
        "steps[0].fields[2].prefill.values: only a choice question maps values to options",
    );
    assert_has(
        &found,
        "steps[1].fields[0].prefill: a question of a repeatable group cannot be filled in from the login",
    );
    assert_eq!(found.len(), 4, "{found:#?}");

    let fine = required(
        r#"[{"id":"s","title":{"de":"S"},"fields":[
            {"id":"born","type":"date","label":{"de":"G"},"prefill":{"from":"birth_date","read_only":true}}
        ]}]"#,
    )
    .replace(r#""steps""#, r#""assurance":"high","steps""#);
    assert_eq!(problems(&fine), Vec::<String>::new());
    assert_has(
        &problems(&fine.replace(r#""high""#, r#""low""#)),
        "assurance: 'low' is not a level a service can ask for (substantial or high)",
    );
}
