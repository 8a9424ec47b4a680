//! What the search finds, with scores and reasons, for service authors checking their
//! keywords: `cargo run -p rathaus-core --example search -- "alte Möbel loswerden"`.
//! With `--grown N` it prints the catalogue grown to N services as JSON instead (for
//! the browser benchmark).

#[path = "../benches/shipped_catalogue.rs"]
mod shipped_catalogue;

use rathaus_core::search::{words, SearchIndex};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = args.as_slice() {
        if flag == "--grown" {
            let n = n.parse().expect("a number of services");
            println!(
                "{}",
                rathaus_core::json::to_string(&shipped_catalogue::grown(n))
            );
            return;
        }
    }
    let catalogue = shipped_catalogue::shipped();
    let index = SearchIndex::build(&catalogue);
    for query in args {
        println!("{query:?} → words {:?}", words(&query));
        if let Some(life) = index.life_situation(&query) {
            let topic = &catalogue.life_situations[life];
            println!("  Lebenslage: {}", topic.name.get(rathaus_core::Locale::De));
        }
        // As many as the app shows.
        for hit in index.search(&query, 8) {
            println!(
                "  {:6.2}  {:<28} passt zu: {}",
                hit.score,
                catalogue.services[hit.service].id,
                hit.reasons.join(", ")
            );
        }
    }
}
