//! What the format says since services were written by people who had never seen the
//! code: date limits counted from today or from another answer, computed values and a
//! fee per unit, times of day, patterns, stopping pages, conditions over a group's
//! items, optional consent, and a field required in the first item only. Each with the
//! misuse the check names.

use rathaus_core::answers::{Answer, Answers, DateInput};
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::validate::{
    first_incomplete_step, validate_application, validate_step, ErrorCode, FieldError,
};
use rathaus_core::{flow, Money};

fn today() -> Date {
    Date::new(2026, 12, 4).unwrap()
}

fn def(json: &str) -> ServiceDefinition {
    serde_json::from_str(json).unwrap()
}

fn date(d: Date) -> Answer {
    Answer::Date(DateInput {
        day: d.day.to_string(),
        month: d.month.to_string(),
        year: d.year.to_string(),
    })
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// A no-parking zone: from at least 14 days ahead, within 6 months, for at most 14
/// days; the fee is 45 € plus 10 cents per day and metre.
const ZONE: &str = r#"{"id":"zone","version":1,"title":{"de":"Z"},"summary":{"de":"Z"},
  "fee":{"rules":[{"fixed":4500},{"per_unit":{"amount":10,"factors":["tage","laenge"]}}]},
  "steps":[
    {"id":"wann","title":{"de":"Wann"},"fields":[
      {"id":"beginn","type":"date","label":{"de":"Beginn"},
       "constraints":{"earliest":{"days":14},"latest":{"months":6}}},
      {"id":"ende","type":"date","label":{"de":"Ende"},
       "constraints":{"earliest":{"field":"beginn"},"latest":{"field":"beginn","days":13}}},
      {"id":"von","type":"time","label":{"de":"Von"}}]},
    {"id":"wo","title":{"de":"Wo"},"fields":[
      {"id":"tage","type":"computed","label":{"de":"Tage"},
       "compute":{"calendar_days":{"from":"beginn","to":"ende"}}},
      {"id":"laenge","type":"decimal","label":{"de":"Meter"}},
      {"id":"kennzeichen","type":"text","label":{"de":"Kennzeichen"},"optional":true,
       "hint":{"de":"Zum Beispiel MS-AB 123"},
       "constraints":{"pattern":"L{1,3}-L{1,2} D{1,4}"}}]}]}"#;

fn zone(start: Date, end: Date) -> Answers {
    let mut a = Answers::default();
    a.set("beginn", date(start));
    a.set("ende", date(end));
    a.set_text("von", "7.00");
    a.set_text("laenge", "12,5");
    a
}

fn errors_of(
    def: &ServiceDefinition,
    answers: &Answers,
) -> Vec<(String, ErrorCode, Option<String>)> {
    match validate_application(def, answers, today()) {
        Ok(_) => vec![],
        Err(errors) => errors
            .into_iter()
            .map(|FieldError { field, code, limit }| (field, code, limit))
            .collect(),
    }
}

#[test]
fn date_limits_count_from_today_and_from_another_answer() {
    let def = def(ZONE);
    assert_eq!(def.problems(), vec![]);
    let ok = zone(day(2026, 12, 18), day(2026, 12, 31));
    assert_eq!(errors_of(&def, &ok), vec![]);
    // 13 days ahead is too soon; the limit is the day, for the message.
    let soon = zone(day(2026, 12, 17), day(2026, 12, 20));
    assert_eq!(
        errors_of(&def, &soon),
        vec![(
            "beginn".into(),
            ErrorCode::DateTooEarly,
            Some("2026-12-18".into())
        )]
    );
    // Six months ahead is the last day (4 June).
    let late = zone(day(2027, 6, 5), day(2027, 6, 6));
    assert_eq!(
        errors_of(&def, &late)[0],
        (
            "beginn".into(),
            ErrorCode::DateTooLate,
            Some("2027-06-04".into())
        )
    );
    // The end before the start, and more than 14 days after it.
    let backwards = zone(day(2026, 12, 20), day(2026, 12, 19));
    assert_eq!(
        errors_of(&def, &backwards),
        vec![(
            "ende".into(),
            ErrorCode::DateTooEarly,
            Some("2026-12-20".into())
        )]
    );
    let long = zone(day(2026, 12, 20), day(2027, 1, 3));
    assert_eq!(
        errors_of(&def, &long),
        vec![(
            "ende".into(),
            ErrorCode::DateTooLate,
            Some("2027-01-02".into())
        )]
    );
    // A limit counted from an answer not given holds nothing back: that question has
    // its own error.
    let mut no_start = zone(day(2026, 12, 20), day(2026, 12, 21));
    no_start.set_text("beginn", "");
    assert_eq!(
        errors_of(&def, &no_start),
        vec![("beginn".into(), ErrorCode::Required, None)]
    );
}

#[test]
fn a_computed_value_is_worked_out_shown_charged_and_stored_by_the_servers_rules() {
    let def = def(ZONE);
    let mut answers = zone(day(2026, 12, 18), day(2026, 12, 20));
    // Whatever the client sends under the computed field's id counts for nothing.
    answers.set_text("tage", "1");
    let stored = validate_application(&def, &answers, today()).unwrap();
    assert_eq!(stored.get("tage"), Some(&Answer::Text("3".into())));
    assert_eq!(stored.get("von"), Some(&Answer::Text("07:00".into())));
    // 45 € + 3 days × 12.5 m × 0.10 € = 48.75 €.
    assert_eq!(def.fee_for(&stored, today()), Money(4875));
    assert_eq!(def.fee_for(&answers, today()), Money(4875));
    // Stored answers read again give the same.
    assert_eq!(
        validate_application(&def, &stored, today()),
        Ok(stored.clone())
    );
    // No length yet: no units, only the fixed part.
    answers.set_text("laenge", "");
    assert_eq!(def.fee_for(&answers, today()), Money(4500));
}

#[test]
fn times_and_patterns() {
    let def = def(ZONE);
    let mut answers = zone(day(2026, 12, 18), day(2026, 12, 20));
    answers.set_text("von", "25:99");
    answers.set_text("kennzeichen", "MS-ABC 1");
    assert_eq!(
        errors_of(&def, &answers),
        vec![
            ("von".into(), ErrorCode::InvalidTime, None),
            ("kennzeichen".into(), ErrorCode::PatternMismatch, None)
        ]
    );
    answers.set_text("von", "14:30");
    answers.set_text("kennzeichen", "ms-ab 123");
    assert_eq!(errors_of(&def, &answers), vec![]);
}

/// Dog tax deregistration: only for a dog registered here; the citizen is told where
/// to go instead, and nothing can be sent.
const STOP: &str = r#"{"id":"ab","version":1,"title":{"de":"A"},"summary":{"de":"A"},
  "steps":[
    {"id":"hier","title":{"de":"Hier?"},"fields":[{"id":"angemeldet","type":"yes_no","label":{"de":"Angemeldet?"}}]},
    {"id":"nicht-hier","title":{"de":"Nicht möglich"},"intro":{"de":"Nur angemeldete Hunde."},
     "show_if":{"equals":{"field":"angemeldet","value":"no"}},
     "stop":{"link":"/services/hundesteuer","link_label":{"de":"Hund anmelden"}},"fields":[]},
    {"id":"hund","title":{"de":"Hund"},"fields":[{"id":"name","type":"text","label":{"de":"Name"}}]}]}"#;

#[test]
fn a_stopping_page_ends_the_wizard_and_nothing_can_be_sent() {
    let def = def(STOP);
    assert_eq!(def.problems(), vec![]);
    let mut answers = Answers::default();
    answers.set_text("angemeldet", "no");
    answers.set_text("name", "Bello");
    let steps: Vec<&str> = flow::visible_steps(&def, &answers, today())
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(steps, ["hier", "nicht-hier"], "nothing is asked after it");
    assert_eq!(flow::next_step(&def, &answers, "nicht-hier", today()), None);
    assert_eq!(
        first_incomplete_step(&def, &answers, today()).map(|s| s.id.as_str()),
        Some("nicht-hier"),
        "the check page sends the citizen back to it"
    );
    assert_eq!(
        errors_of(&def, &answers),
        vec![("nicht-hier".into(), ErrorCode::Stopped, None)]
    );
    answers.set_text("angemeldet", "yes");
    assert_eq!(errors_of(&def, &answers), vec![]);
}

/// Kita: the parents as a group; the e-mail is needed for the first parent only; a
/// question for when both work; the child's age on the start date decides.
const KITA: &str = r#"{"id":"kita","version":1,"title":{"de":"K"},"summary":{"de":"K"},
  "steps":[
    {"id":"kind","title":{"de":"Kind"},"fields":[
      {"id":"geburt","type":"date","label":{"de":"Geburt"}},
      {"id":"beginn","type":"date","label":{"de":"Beginn"}}]},
    {"id":"alter","title":{"de":"Alter"},"fields":[
      {"id":"alter_bei_beginn","type":"computed","label":{"de":"Alter bei Beginn"},
       "compute":{"whole_years":{"from":"geburt","to":"beginn"}}},
      {"id":"u3","type":"info","label":{"de":"Unter 3"},"hint":{"de":"Krippe"},
       "show_if":{"below":{"field":"alter_bei_beginn","value":3}}},
      {"id":"weitergabe","type":"declaration","optional":true,"label":{"de":"Darf weitergegeben werden"}}]},
    {"id":"eltern","title":{"de":"Eltern"},
     "repeat":{"min":1,"max":2,"item":{"de":"Elternteil"},"add_another":{"de":"Noch einer?"}},
     "fields":[
       {"id":"name","type":"text","label":{"de":"Name"}},
       {"id":"email","type":"email","label":{"de":"E-Mail"},"optional_after_first":true},
       {"id":"arbeitet","type":"yes_no","label":{"de":"Berufstätig?"}}]},
    {"id":"umfang","title":{"de":"Umfang"},
     "show_if":{"every_item":{"group":"eltern","condition":{"equals":{"field":"arbeitet","value":"yes"}}}},
     "fields":[{"id":"stunden","type":"number","label":{"de":"Stunden"}}]},
    {"id":"hilfe","title":{"de":"Hilfe"},
     "show_if":{"any_item":{"group":"eltern","condition":{"equals":{"field":"arbeitet","value":"no"}}}},
     "fields":[{"id":"beratung","type":"yes_no","label":{"de":"Beratung?"}}]}]}"#;

fn parent(name: &str, email: &str, works: &str) -> Answers {
    let mut a = Answers::default();
    a.set_text("name", name);
    a.set_text("email", email);
    a.set_text("arbeitet", works);
    a
}

fn kita(parents: Vec<Answers>) -> Answers {
    let mut a = Answers::default();
    a.set("geburt", date(day(2024, 9, 1)));
    a.set("beginn", date(day(2027, 8, 1)));
    a.set("eltern", Answer::Items(parents));
    a
}

fn shown(def: &ServiceDefinition, answers: &Answers) -> Vec<String> {
    flow::visible_steps(def, answers, today())
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn conditions_over_a_groups_items() {
    let def = def(KITA);
    assert_eq!(def.problems(), vec![]);
    let both = kita(vec![
        parent("A", "a@example.de", "yes"),
        parent("B", "", "yes"),
    ]);
    assert_eq!(shown(&def, &both), ["kind", "alter", "eltern", "umfang"]);
    let one = kita(vec![
        parent("A", "a@example.de", "yes"),
        parent("B", "", "no"),
    ]);
    assert_eq!(shown(&def, &one), ["kind", "alter", "eltern", "hilfe"]);
    // No parent yet: "every" does not hold for nobody.
    assert_eq!(shown(&def, &kita(vec![])), ["kind", "alter", "eltern"]);
}

#[test]
fn required_in_the_first_item_only_and_an_optional_consent() {
    let def = def(KITA);
    let second_without = kita(vec![
        parent("A", "a@example.de", "no"),
        parent("B", "", "no"),
    ]);
    let mut answers = second_without.clone();
    answers.set_text("beratung", "no");
    assert_eq!(
        errors_of(&def, &answers),
        vec![],
        "the consent may stay unticked"
    );
    let first_without = kita(vec![parent("A", "", "no")]);
    let eltern = def.step("eltern").unwrap();
    assert_eq!(
        validate_step(&def, eltern, &first_without, today()),
        vec![FieldError {
            field: "eltern.0.email".into(),
            code: ErrorCode::Required,
            limit: None
        }]
    );
}

#[test]
fn a_computed_age_decides_conditions() {
    let def = def(KITA);
    let mut answers = kita(vec![]);
    // Born 1 Sep 2024, starting 1 Aug 2027: 2 years old, so the under-3 note shows.
    let alter = def.step("alter").unwrap();
    let fields = |a: &Answers| -> Vec<String> {
        flow::visible_fields(&def, alter, a, today())
            .iter()
            .map(|f| f.id.clone())
            .collect()
    };
    assert_eq!(fields(&answers), ["alter_bei_beginn", "u3", "weitergabe"]);
    answers.set("beginn", date(day(2027, 9, 1)));
    assert_eq!(fields(&answers), ["alter_bei_beginn", "weitergabe"]);
}

fn problems(json: &str) -> Vec<String> {
    def(json).problems().iter().map(|p| p.to_string()).collect()
}

fn one_step(fields: &str) -> String {
    format!(
        r#"{{"id":"x","version":1,"title":{{"de":"X"}},"summary":{{"de":"X"}},
            "steps":[{{"id":"a","title":{{"de":"A"}},"fields":{fields}}}]}}"#
    )
}

#[test]
fn the_check_names_every_misuse() {
    let found = problems(&one_step(
        r#"[{"id":"text","type":"text","label":{"de":"T"},"constraints":{"earliest":{"days":1},"pattern":"D{3"}},
            {"id":"code","type":"text","label":{"de":"C"},"constraints":{"pattern":"D{3}"}},
            {"id":"when","type":"date","label":{"de":"W"},"constraints":{"earliest":{"field":"text"},"latest":{"field":"later"}}},
            {"id":"span","type":"date","label":{"de":"S"},"constraints":{"earliest":{"months":2},"latest":{"days":10}}},
            {"id":"n","type":"computed","label":{"de":"N"}},
            {"id":"m","type":"computed","label":{"de":"M"},"compute":{"calendar_days":{"from":"when","to":"code"}}},
            {"id":"z","type":"number","label":{"de":"Z"},"compute":{"whole_years":{"from":"when","to":"span"}},"optional_after_first":true},
            {"id":"later","type":"date","label":{"de":"L"}}]"#,
    ));
    let expected = [
        "steps[0].fields[0].constraints.earliest: earliest does not apply to a text field",
        "steps[0].fields[0].constraints.pattern: 'D{3': a repeat is written {n} or {m,n}, closed with '}'",
        "steps[0].fields[1].constraints.pattern: a question with a pattern needs a hint with an example of the shape",
        "steps[0].fields[2].constraints.earliest: 'text' is a text field, not a date",
        "steps[0].fields[2].constraints.latest: 'later' is not a question asked before this one",
        "steps[0].fields[3].constraints: earliest is after latest: no date could be given",
        "steps[0].fields[4]: a computed field needs 'compute'",
        "steps[0].fields[5].compute: 'code' is a text field, not a date",
        "steps[0].fields[6].compute: 'compute' belongs to computed fields only",
        "steps[0].fields[6].optional_after_first: applies inside a repeatable group only",
    ];
    assert_eq!(found, expected);

    let stop = r#"{"id":"x","version":1,"title":{"de":"X"},"summary":{"de":"X"},
        "fee":{"rules":[{"per_unit":{"amount":0,"factors":["a","g"]}}]},
        "steps":[{"id":"s","title":{"de":"S"},"stop":{"link":"http://example.org","link_label":{"de":"L"}},
                  "fields":[{"id":"a","type":"text","label":{"de":"A"}}]},
                 {"id":"g","title":{"de":"G"},"repeat":{"max":2,"item":{"de":"I"},"add_another":{"de":"?"}},
                  "show_if":{"any_item":{"group":"h","condition":{"answered":{"field":"b"}}}},
                  "fields":[{"id":"b","type":"text","label":{"de":"B"}}]},
                 {"id":"t","title":{"de":"T"},
                  "show_if":{"every_item":{"group":"g","condition":{"equals":{"field":"b","value":"x"}}}},
                  "fields":[{"id":"c","type":"yes_no","label":{"de":"C"},
                    "show_if":{"every_item":{"group":"g","condition":{"answered":{"field":"nope"}}}}}]}]}"#;
    let found = problems(stop);
    let expected = [
        "steps[0].intro: a stopping step needs an intro: why the citizen cannot apply here",
        "steps[0].show_if: a stopping step without show_if stops every application",
        "steps[0].fields: a stopping step asks nothing: info fields only",
        "steps[0].stop.link: 'http://example.org' must be a service's page ('/services/<id>'), a catalogue entry's ('/info/<id>') or an https:// address",
        "steps[1].show_if: 'h' is not a repeatable group asked before this point",
        "steps[2].fields[0].show_if: refers to 'nope', which is not a field asked before this point",
        "fee.rules[0]: per_unit needs an amount above 0",
        "fee.rules[0]: 'a' is not a number or computed field of this service",
        "fee.rules[0]: 'g' is not a number or computed field of this service",
    ];
    assert_eq!(found, expected);
}
