//! How long the core takes on a large service: 200 questions in 50 steps, a third of
//! them behind conditions. Run with `make bench` (or `cargo bench -p rathaus-core`).
//! Prints the median and the fastest of many runs; a benchmark, not a test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rathaus_core::answers::{Answer, Answers, DateInput};
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::validate::{validate_application, validate_step};
use rathaus_core::{flow, json};

const STEPS: usize = 50;
const FIELDS_PER_STEP: usize = 4;

/// A definition in the JSON authors write: every third step depends on an earlier
/// choice, fields of all first-cut kinds.
fn large_definition() -> String {
    let mut steps = Vec::new();
    for s in 0..STEPS {
        let mut fields = Vec::new();
        for f in 0..FIELDS_PER_STEP {
            let id = format!("f{s}_{f}");
            let field = match f {
                0 => format!(
                    r#"{{"id":"{id}","type":"single_choice","label":{{"de":"Frage {id}"}},
                        "options":[{{"value":"ja","label":{{"de":"Ja"}}}},{{"value":"nein","label":{{"de":"Nein"}}}}]}}"#
                ),
                1 => format!(
                    r#"{{"id":"{id}","type":"date","label":{{"de":"Datum {id}"}},
                        "constraints":{{"not_in_future":true,"min_years_ago":14}}}}"#
                ),
                2 => format!(r#"{{"id":"{id}","type":"postcode","label":{{"de":"PLZ {id}"}}}}"#),
                _ => format!(
                    r#"{{"id":"{id}","type":"text","label":{{"de":"Text {id}"}},"constraints":{{"max_length":80}},
                        "show_if":{{"equals":{{"field":"f{s}_0","value":"ja"}}}}}}"#
                ),
            };
            fields.push(field);
        }
        let show_if = if s % 3 == 2 {
            format!(
                r#","show_if":{{"any":[{{"equals":{{"field":"f{}_0","value":"ja"}}}},{{"answered":{{"field":"f0_2"}}}}]}}"#,
                s - 1
            )
        } else {
            String::new()
        };
        steps.push(format!(
            r#"{{"id":"s{s}","title":{{"de":"Schritt {s}"}}{show_if},"fields":[{}]}}"#,
            fields.join(",")
        ));
    }
    format!(
        r#"{{"id":"gross","version":1,"title":{{"de":"Groß"}},"summary":{{"de":"S"}},
            "fee":{{"rules":[{{"fixed":1000}}]}},"steps":[{}]}}"#,
        steps.join(",")
    )
}

fn complete_answers(def: &ServiceDefinition) -> Answers {
    let mut answers = Answers::default();
    for (_, field) in def.fields() {
        let answer = match field.kind {
            rathaus_core::FieldKind::SingleChoice => Answer::Text("ja".into()),
            rathaus_core::FieldKind::Date => Answer::Date(DateInput {
                day: "12".into(),
                month: "8".into(),
                year: "1964".into(),
            }),
            rathaus_core::FieldKind::Postcode => Answer::Text("44135".into()),
            _ => Answer::Text("Eine Antwort".into()),
        };
        answers.set(field.id.clone(), answer);
    }
    answers
}

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<58} median {:>9.1} µs   fastest {:>9.1} µs   ({runs} runs)",
        times[runs / 2].as_secs_f64() * 1e6,
        times[0].as_secs_f64() * 1e6
    );
}

fn main() {
    let text = large_definition();
    let def: ServiceDefinition = json::from_str(&text).expect("the generated definition reads");
    assert!(def.problems().is_empty(), "{:?}", def.problems());
    let answers = complete_answers(&def);
    let today = Date::new(2026, 11, 26).unwrap();
    let questions = def.fields().count();
    println!(
        "definition: {questions} questions in {} steps, {} bytes of JSON",
        def.steps.len(),
        text.len()
    );
    assert!(validate_application(&def, &answers, today).is_ok());

    measure("read the definition (app codec)", 200, || {
        black_box(json::from_str::<ServiceDefinition>(black_box(&text)).unwrap());
    });
    measure("check the definition for problems", 200, || {
        black_box(def.problems());
    });
    measure("evaluate all conditions (walk)", 1000, || {
        black_box(flow::walk(&def, black_box(&answers), today));
    });
    measure("validate one step (what Continue does)", 1000, || {
        black_box(validate_step(
            &def,
            &def.steps[25],
            black_box(&answers),
            today,
        ));
    });
    measure("validate all answers (what submit does)", 1000, || {
        black_box(validate_application(&def, black_box(&answers), today).unwrap());
    });
    measure("find the first incomplete step (check page)", 200, || {
        black_box(flow::first_incomplete_step(
            &def,
            black_box(&answers),
            today,
        ));
    });
}
