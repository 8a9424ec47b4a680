//! Prints the generated large service of the benchmarks, for the browser benchmark:
//! `cargo run -p rathaus-core --example large_service > gross.json`, or with the
//! argument `answers` the answers to all of its questions.

#[path = "../benches/large_service.rs"]
mod large_service;

use rathaus_core::definition::ServiceDefinition;
use rathaus_core::json;

fn main() {
    let text = large_service::large_definition();
    if std::env::args().nth(1).as_deref() == Some("answers") {
        let def: ServiceDefinition = json::from_str(&text).expect("the generated definition reads");
        println!(
            "{}",
            json::to_string(&large_service::complete_answers(&def))
        );
    } else {
        println!("{text}");
    }
}
