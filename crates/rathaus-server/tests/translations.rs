//! The shipped services in every language: each translation file has every text, the
//! same placeholders, and no text the service no longer has; the definitions load with
//! them (docs/translations.md).

use std::path::Path;

use rathaus_core::po::placeholders;
use rathaus_server::catalogue::Catalogue;
use rathaus_server::translations::{coverage, po_path, translated};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn every_shipped_service_has_every_text_in_every_language() {
    let services = root().join("services");
    let translations = root().join("translations");
    let mut files: Vec<_> = std::fs::read_dir(&services)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let definition: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let id = definition["id"].as_str().unwrap();
        for locale in translated() {
            let path = po_path(&translations, locale, id);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} is missing", path.display()));
            let catalog = rathaus_core::po::Catalog::parse(&text).unwrap();
            assert_eq!(catalog.language, locale.code(), "{}", path.display());
            let lacks = coverage(&definition, &catalog);
            assert!(
                lacks.missing.is_empty() && lacks.unknown.is_empty(),
                "{}: without a translation {:?}, not in the service {:?}",
                path.display(),
                lacks.missing,
                lacks.unknown
            );
            for entry in &catalog.entries {
                assert_eq!(
                    placeholders(&entry.translation),
                    placeholders(&entry.source),
                    "{}: {}",
                    path.display(),
                    entry.context
                );
            }
        }
    }
}

#[test]
fn the_services_load_with_their_translations() {
    let checked =
        Catalogue::check_translated(&root().join("services"), Some(&root().join("translations")));
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    let lacking: Vec<_> = warnings
        .iter()
        .filter(|w| w.contains("without a translation") || w.contains("no longer exist"))
        .collect();
    assert!(lacking.is_empty(), "{lacking:?}");
    // Stale ones are shown until a translator has looked at them; reported here.
    for w in warnings.iter().filter(|w| w.contains("changed since")) {
        eprintln!("{w}");
    }
    let catalogue = checked.into_result().unwrap();
    for id in catalogue.ids() {
        let def = catalogue.get(&id).unwrap();
        for locale in translated() {
            assert!(def.title.has(locale.code()), "{id} in {}", locale.code());
            for step in &def.steps {
                for field in &step.fields {
                    assert!(
                        field.label.has(locale.code()),
                        "{id}/{} in {}",
                        field.id,
                        locale.code()
                    );
                }
            }
        }
    }
}

#[test]
fn every_catalogue_text_is_in_every_language() {
    use rathaus_server::catalogue_translations as ct;
    let wizards = Catalogue::check(&root().join("services")).catalogue;
    let checked = rathaus_server::catalogue::check_city_catalogue(
        &root().join("catalogue"),
        &wizards,
        Some(&root().join("translations")),
    )
    .unwrap_or_else(|p| panic!("{p:?}"));
    let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    let lacking: Vec<_> = warnings
        .iter()
        .filter(|w| w.contains("without a translation") || w.contains("no longer exist"))
        .collect();
    assert!(lacking.is_empty(), "{lacking:?}");
    for w in warnings.iter().filter(|w| w.contains("changed since")) {
        eprintln!("{w}");
    }
    // Every part has its file in every language, and every translated entry keeps
    // the German's numbers (fees, ages, deadlines; Leichte Sprache may add digits
    // for numbers written as words).
    for part in ct::parts(&root().join("catalogue")).unwrap() {
        for locale in translated() {
            let path = ct::po_path(&root().join("translations"), locale, &part.name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} is missing", path.display()));
            let catalog = rathaus_core::po::Catalog::parse(&text).unwrap();
            assert_eq!(catalog.language, locale.code(), "{}", path.display());
            for entry in catalog
                .entries
                .iter()
                .filter(|e| !e.context.ends_with("/keywords"))
            {
                let kept = numbers(&entry.translation);
                let lost: Vec<String> = numbers(&entry.source)
                    .into_iter()
                    .filter(|n| !kept.contains(n))
                    .collect();
                assert!(
                    lost.is_empty(),
                    "{}: {} lacks {lost:?}",
                    path.display(),
                    entry.context
                );
            }
        }
    }
}

/// The numbers of a text, in order, as digits only ("13,00 €" and "€13.00" → 1300).
fn numbers(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|n| n.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|n| !n.is_empty())
        .collect();
    out.sort_unstable();
    out
}

/// The city's own texts (public/legal.json) in every language, and the files the app
/// loads from them current (`rathaus-server translations legal <language>` writes
/// both; so does this test with `RATHAUS_WRITE_TEXTS=1`).
#[test]
fn the_citys_texts_are_in_every_language_and_the_apps_files_are_current() {
    use rathaus_server::legal_translations::{app_path, for_app, po_path as legal_po};
    let public = root().join("public");
    let legal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("legal.json")).unwrap()).unwrap();
    for locale in translated() {
        let path = legal_po(&root().join("translations"), locale);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing", path.display()));
        let catalog = rathaus_core::po::Catalog::parse(&text).unwrap();
        let lacks = coverage(&legal, &catalog);
        // A legal text translated from other German is not shown: stale fails too.
        assert!(
            lacks.missing.is_empty() && lacks.stale.is_empty() && lacks.unknown.is_empty(),
            "{}: {lacks:?}",
            path.display()
        );
        for entry in &catalog.entries {
            assert_eq!(
                placeholders(&entry.translation),
                placeholders(&entry.source),
                "{}: {}",
                path.display(),
                entry.context
            );
        }
        let expected = for_app(&legal, locale, &catalog);
        let app = app_path(&public, locale);
        if std::env::var_os("RATHAUS_WRITE_TEXTS").is_some() {
            std::fs::write(&app, &expected).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&app).ok().as_deref(),
            Some(expected.as_str()),
            "{} is out of date: rathaus-server translations legal {}",
            app.display(),
            locale.code()
        );
    }
}
