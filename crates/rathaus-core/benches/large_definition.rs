//! How long the core takes on a large service: 200 questions in 50 steps, a third of
//! them behind conditions, one repeatable group (see `large_service.rs`). Run with
//! `make bench` (or `cargo bench -p rathaus-core`). Prints the median and the fastest
//! of many runs; a benchmark, not a test.

mod large_service;

use std::hint::black_box;
use std::time::{Duration, Instant};

use large_service::{complete_answers, large_definition};
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::validate::{validate_application, validate_step};
use rathaus_core::{flow, json};

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
    measure(
        "validate the group step, 5 items (what Continue does)",
        1000,
        || {
            black_box(validate_step(
                &def,
                &def.steps[large_service::GROUP_STEP],
                black_box(&answers),
                today,
            ));
        },
    );
    measure("validate all answers (what submit does)", 1000, || {
        black_box(validate_application(&def, black_box(&answers), today).unwrap());
    });
    measure("compute the fee", 1000, || {
        black_box(def.fee_for(black_box(&answers), today));
    });
    measure("find the first incomplete step (check page)", 200, || {
        black_box(first_incomplete_step(&def, black_box(&answers), today));
    });
}
