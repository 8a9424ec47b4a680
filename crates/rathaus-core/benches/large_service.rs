//! The generated large service of the benchmarks (native: `benches/large_definition.rs`,
//! browser: `scripts/bench-browser.mjs` through `examples/large_service.rs`): 200
//! questions in 50 steps, of every kind that takes typing or choosing, a third of them
//! behind conditions, one repeatable group.

use rathaus_core::answers::{AddressInput, Answer, Answers, DateInput};
use rathaus_core::definition::{FieldKind, ServiceDefinition};

pub const STEPS: usize = 50;
pub const FIELDS_PER_STEP: usize = 4;
/// The step that is a repeatable group ("add another"), with this many items answered.
pub const GROUP_STEP: usize = 10;
pub const GROUP_ITEMS: usize = 5;

/// The definition as authors write it (JSON).
pub fn large_definition() -> String {
    let mut steps = Vec::new();
    for s in 0..STEPS {
        let mut fields = Vec::new();
        for f in 0..FIELDS_PER_STEP {
            let id = format!("f{s}_{f}");
            let field = match (f, s % 4) {
                (0, _) => format!(
                    r#"{{"id":"{id}","type":"single_choice","label":{{"de":"Frage {id}"}},
                        "options":[{{"value":"ja","label":{{"de":"Ja"}}}},{{"value":"nein","label":{{"de":"Nein"}}}}]}}"#
                ),
                (1, _) => format!(
                    r#"{{"id":"{id}","type":"date","label":{{"de":"Datum {id}"}},
                        "constraints":{{"not_in_future":true,"min_years_ago":14}}}}"#
                ),
                (2, 0) => {
                    format!(r#"{{"id":"{id}","type":"postcode","label":{{"de":"PLZ {id}"}}}}"#)
                }
                (2, 1) => format!(
                    r#"{{"id":"{id}","type":"money","label":{{"de":"Betrag {id}"}},"constraints":{{"min":0,"max":1000000}}}}"#
                ),
                (2, 2) => {
                    format!(r#"{{"id":"{id}","type":"address","label":{{"de":"Anschrift {id}"}}}}"#)
                }
                (2, _) => format!(
                    r#"{{"id":"{id}","type":"multiple_choice","label":{{"de":"Auswahl {id}"}},
                        "options":[{{"value":"a","label":{{"de":"A"}}}},{{"value":"b","label":{{"de":"B"}}}},{{"value":"c","label":{{"de":"C"}}}}]}}"#
                ),
                _ => format!(
                    r#"{{"id":"{id}","type":"text","label":{{"de":"Text {id}"}},"constraints":{{"max_length":80}},
                        "show_if":{{"equals":{{"field":"f{s}_0","value":"ja"}}}}}}"#
                ),
            };
            fields.push(field);
        }
        let show_if = if s % 3 == 2 {
            // A group's fields are not seen outside it: look at the step before.
            let earlier = if s - 1 == GROUP_STEP { s - 2 } else { s - 1 };
            format!(
                r#","show_if":{{"any":[{{"equals":{{"field":"f{earlier}_0","value":"ja"}}}},{{"at_least":{{"field":"f1_2","value":1}}}}]}}"#
            )
        } else {
            String::new()
        };
        let repeat = if s == GROUP_STEP {
            r#","repeat":{"min":1,"max":10,"item":{"de":"Eintrag"},"add_another":{"de":"Noch ein Eintrag?"}}"#
        } else {
            ""
        };
        steps.push(format!(
            r#"{{"id":"s{s}","title":{{"de":"Schritt {s}"}}{show_if}{repeat},"fields":[{}]}}"#,
            fields.join(",")
        ));
    }
    format!(
        r#"{{"id":"gross","version":1,"title":{{"de":"Groß"}},"summary":{{"de":"Ein erzeugter Dienst mit 200 Fragen"}},
            "fee":{{"rules":[{{"fixed":1000}},{{"per_item":{{"group":"s{GROUP_STEP}","amounts":[500]}}}}]}},"steps":[{}]}}"#,
        steps.join(",")
    )
}

fn answer(kind: FieldKind) -> Answer {
    match kind {
        FieldKind::SingleChoice => Answer::Text("ja".into()),
        FieldKind::Date => Answer::Date(DateInput {
            day: "12".into(),
            month: "8".into(),
            year: "1964".into(),
        }),
        FieldKind::Postcode => Answer::Text("44135".into()),
        FieldKind::Money => Answer::Text("1.250,50".into()),
        FieldKind::Address => Answer::Address(AddressInput {
            street: "Markt 1".into(),
            extra: String::new(),
            postcode: "44135".into(),
            town: "Musterstadt".into(),
        }),
        FieldKind::MultipleChoice => Answer::Choices(vec!["a".into(), "c".into()]),
        _ => Answer::Text("Eine Antwort".into()),
    }
}

/// A good answer to every question (the group with [`GROUP_ITEMS`] items).
pub fn complete_answers(def: &ServiceDefinition) -> Answers {
    let mut answers = Answers::default();
    for step in &def.steps {
        if step.repeat.is_some() {
            let mut item = Answers::default();
            for field in &step.fields {
                item.set(field.id.clone(), answer(field.kind));
            }
            answers.set(step.id.clone(), Answer::Items(vec![item; GROUP_ITEMS]));
        } else {
            for field in &step.fields {
                answers.set(field.id.clone(), answer(field.kind));
            }
        }
    }
    answers
}
