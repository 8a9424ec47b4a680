use super::*;
use rathaus_core::po::placeholders;

const REGENERATE: &str =
    "regenerate with\n  RATHAUS_WRITE_TEXTS=1 cargo test -p rathaus --lib i18n::files";

#[test]
fn the_files_the_app_loads_and_the_template_are_current() {
    for locale in Locale::ALL {
        // German texts for every page are compiled in; only the modules' come as files.
        for part in Part::ALL
            .into_iter()
            .filter(|p| locale != Locale::De || *p != Part::Main)
        {
            let path = json_path(locale, part);
            assert!(
                current(&path, &language_json(locale, part).unwrap()),
                "{} is out of date; {REGENERATE}",
                path.display()
            );
        }
    }
    let path = root().join(TEMPLATE_PATH);
    assert!(
        current(&path, &template()),
        "{} is out of date; {REGENERATE}",
        path.display()
    );
}

#[test]
fn every_shipped_language_has_every_text_with_the_same_placeholders() {
    let german: Vec<(String, &str)> = Key::ALL.iter().map(|k| (context(*k), k.german())).collect();
    for locale in translated() {
        let catalog = catalog(locale).unwrap();
        assert_eq!(
            catalog.language,
            locale.code(),
            "{}",
            po_path(locale).display()
        );
        let report = po::coverage(german.iter().map(|(c, g)| (c.as_str(), *g)), &catalog);
        assert!(
            report.missing.is_empty(),
            "{}: no translation of {:?}",
            locale.code(),
            report.missing
        );
        assert!(
            report.unknown.is_empty(),
            "{}: texts that no longer exist: {:?}",
            locale.code(),
            report.unknown
        );
        // Stale ones are shown (an older translation serves better than none) and
        // reported here until a translator has looked at them.
        if !report.stale.is_empty() {
            eprintln!(
                "{}: German changed since translated: {:?}",
                locale.code(),
                report.stale
            );
        }
        for key in Key::ALL {
            let shown = po::translation(&catalog, &context(*key)).unwrap();
            assert_eq!(
                placeholders(shown),
                placeholders(key.german()),
                "{key:?} in {}",
                locale.code()
            );
        }
    }
}

#[test]
fn a_text_is_marked_with_the_module_whose_code_alone_names_it() {
    let (legal, wizard) = (legal_only(), wizard_only());
    for key in Key::ALL {
        let named = if legal.contains(key) {
            Some(ModuleTexts::Legal)
        } else if wizard.contains(key) {
            Some(ModuleTexts::Wizard)
        } else {
            None
        };
        assert_eq!(
            key.module(),
            named,
            "{key:?}: mark it in src/i18n/messages.rs with the module whose code alone names \
             it (#[legal], #[wizard]), or none when code outside those modules names it"
        );
    }
}

#[test]
fn the_legal_pages_and_the_wizards_texts_come_with_their_modules_and_the_rest_with_the_language() {
    let (legal, wizard) = (legal_only(), wizard_only());
    assert!(legal.contains(&Key::PrivacyRights));
    // Named by the frame (the footer's links, the header, the front page): with the
    // language.
    assert!(!legal.contains(&Key::PrivacyTitle));
    assert!(!legal.contains(&Key::NavServices) && !wizard.contains(&Key::NavServices));
    assert!(!wizard.contains(&Key::SearchLabel));
    assert!(wizard.contains(&Key::StartNow) && wizard.contains(&Key::Continue));
    for locale in [Locale::Tr, Locale::De] {
        let part = |p| -> Vec<String> {
            rathaus_core::json::from_str(&language_json(locale, p).unwrap()).unwrap()
        };
        let (main, later, wizard_texts) = (part(Part::Main), part(Part::Legal), part(Part::Wizard));
        for (at, key) in Key::ALL.iter().enumerate() {
            // Every text in exactly one of the three.
            let in_files = [&main, &later, &wizard_texts]
                .iter()
                .filter(|f| !f[at].is_empty())
                .count();
            assert_eq!(in_files, 1, "{key:?}");
            assert_eq!(later[at].is_empty(), !legal.contains(key), "{key:?}");
            assert_eq!(
                wizard_texts[at].is_empty(),
                !wizard.contains(key),
                "{key:?}"
            );
        }
        if locale == Locale::De {
            let at = Key::ALL.iter().position(|k| *k == Key::Continue).unwrap();
            assert_eq!(wizard_texts[at], "Weiter");
        }
    }
}

#[test]
fn a_chosen_language_shows_its_own_words_and_german_where_one_is_missing() {
    // A list with a gap: German there (each test runs on a thread of its own, with
    // nothing loaded yet).
    let mut texts: Vec<String> = Key::ALL.iter().map(|k| format!("pl:{k:?}")).collect();
    let at = Key::ALL.iter().position(|k| *k == Key::Back).unwrap();
    texts[at] = String::new();
    assert!(super::super::loaded::keep(Locale::Pl, texts));
    assert_eq!(Key::Back.text(Locale::Pl), "Zurück");
    assert_eq!(Key::Continue.text(Locale::Pl), "pl:Continue");
    // An incomplete list (another version's) is not taken.
    assert!(!super::super::loaded::keep(Locale::Pl, vec!["x".into()]));
    assert_eq!(Key::Continue.text(Locale::Pl), "pl:Continue");

    load_all();
    assert_eq!(Key::Continue.text(Locale::De), "Weiter");
    for locale in translated() {
        for key in [Key::CheckTitle, Key::PrivacyRights] {
            let shown = key.text(locale);
            assert!(!shown.is_empty());
            if locale != Locale::DeEasy {
                assert_ne!(shown, key.german(), "{key:?} in {}", locale.code());
            }
        }
    }
}
