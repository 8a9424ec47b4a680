//! Search time per keystroke over 1,000 services, natively (`make bench`; the browser
//! figure comes from scripts/bench-browser.mjs). The shipped catalogue (213 services) is
//! repeated with altered names and ids until it has 1,000; each query is typed one
//! character at a time and searched after every keystroke. A benchmark, not a test.

use std::hint::black_box;
use std::time::{Duration, Instant};

mod shipped_catalogue;

use rathaus_core::search::SearchIndex;
use shipped_catalogue::grown;

const QUERIES: &[&str] = &[
    "ich bin umgezogen",
    "alte Möbel loswerden",
    "Hundesteur",
    "Führerschein verloren",
    "register my car",
    "Schlagloch in der Straße melden",
];

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e6
}

fn main() {
    let catalogue = grown(1000);
    let json = serde_json::to_string(&catalogue).unwrap();
    println!(
        "catalogue: {} services, {} bytes of JSON",
        catalogue.services.len(),
        json.len()
    );
    let builds: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            black_box(SearchIndex::build(black_box(&catalogue)));
            start.elapsed()
        })
        .collect();
    println!(
        "{:<40} median {:>9.1} µs",
        "build the index",
        median(builds)
    );
    let index = SearchIndex::build(&catalogue);
    let mut all = Vec::new();
    for query in QUERIES {
        let mut per_key = Vec::new();
        for _ in 0..5 {
            let mut typed = String::new();
            for ch in query.chars() {
                typed.push(ch);
                // What the app does per keystroke: the results and the life situation.
                let start = Instant::now();
                black_box(index.search(black_box(&typed), 8));
                black_box(index.life_situation(black_box(&typed)));
                per_key.push(start.elapsed());
            }
        }
        let worst = per_key.iter().max().unwrap().as_secs_f64() * 1e6;
        all.extend(per_key.iter().copied());
        println!(
            "{:<40} median {:>9.1} µs per keystroke, slowest {:>9.1} µs",
            format!("type {query:?}"),
            median(per_key),
            worst
        );
    }
    println!("{:<40} median {:>9.1} µs", "every keystroke", median(all));
}
