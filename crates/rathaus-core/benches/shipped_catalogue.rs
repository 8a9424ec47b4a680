//! The shipped catalogue (`catalogue/`) read from its files, and grown to any size for
//! the search benchmarks. Shared by the search benchmark, the evaluation test and the
//! `search` example.

#![allow(dead_code)]

use rathaus_core::catalogue::{Catalogue, CatalogueEntry};
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::Text;

pub fn folder() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogue")
}

/// The shipped service definitions (`services/`), which name, summarise and price their
/// wizards' catalogue entries.
pub fn definitions() -> Vec<ServiceDefinition> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../services");
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            serde_json::from_str(&std::fs::read_to_string(f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()))
        })
        .collect()
}

/// topics.json, offices.json and every file of services/, in name order, with the
/// wizards' entries filled from their definitions (German and English).
pub fn shipped() -> Catalogue {
    let root = folder();
    let mut c: Catalogue =
        serde_json::from_str(&std::fs::read_to_string(root.join("topics.json")).unwrap()).unwrap();
    c.offices =
        serde_json::from_str(&std::fs::read_to_string(root.join("offices.json")).unwrap()).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(root.join("services"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let entries: Vec<CatalogueEntry> =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        c.services.extend(entries);
    }
    let defs = definitions();
    let problems = c.fill_from_definitions(|id| defs.iter().find(|d| d.id == id));
    assert!(problems.is_empty(), "{problems:?}");
    c
}

/// The catalogue grown to `n` services: copies with a district's name in them, as a
/// large city's catalogue lists the same service per district office.
pub fn grown(n: usize) -> Catalogue {
    const DISTRICTS: &[&str] = &["Nord", "Süd", "Ost", "West", "Mitte", "Hafen", "Altstadt"];
    let mut c = shipped();
    let base = c.services.clone();
    let mut i = 0;
    while c.services.len() < n {
        let mut e = base[i % base.len()].clone();
        let district = DISTRICTS[(i / base.len()) % DISTRICTS.len()];
        e.id = format!("{}-{i}", e.id);
        e.name = Text::new(
            &format!(
                "{} (Bezirk {district})",
                e.name.get(rathaus_core::Locale::De)
            ),
            &format!(
                "{} ({district} district)",
                e.name.get(rathaus_core::Locale::En)
            ),
        );
        c.services.push(e);
        i += 1;
    }
    c
}
