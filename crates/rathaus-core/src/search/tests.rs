//! The search's rules, each on a small catalogue made for it.

use super::*;
use crate::catalogue::{Catalogue, CatalogueEntry, Channel, Topic};
use crate::text::Text;

fn entry(id: &str, de: &str, en: &str, keywords: &[&str]) -> CatalogueEntry {
    CatalogueEntry {
        id: id.into(),
        name: Text::new(de, en),
        summary: Text::new("", ""),
        category: "c".into(),
        life_situations: vec!["l".into()],
        channel: Channel::InPerson,
        wizard: None,
        url: None,
        bring: vec![],
        fee: Text::new("kostenlos", "free"),
        office: Text::new("Amt", "Office"),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        keywords_by_language: Default::default(),
        popular: false,
        offices: vec![],
    }
}

fn catalogue() -> Catalogue {
    Catalogue {
        life_situations: vec![Topic {
            id: "l".into(),
            intro: None,
            first: vec![],
            name: Text::new("Leben", "Life"),
            keywords: vec![],
            keywords_by_language: Default::default(),
        }],
        categories: vec![Topic {
            id: "c".into(),
            intro: None,
            first: vec![],
            name: Text::new("Bürgerdienste", "Citizen services"),
            keywords: vec![],
            keywords_by_language: Default::default(),
        }],
        services: vec![
            entry("hundesteuer", "Hundesteuer", "Dog tax", &[]),
            entry(
                "anmeldung",
                "Wohnsitzanmeldung",
                "Registering an address",
                &["Umzug", "neue Wohnung"],
            ),
            entry(
                "sperrmuell",
                "Sperrmüll",
                "Bulky waste",
                &["alte Möbel loswerden"],
            ),
            entry(
                "fuehrerschein",
                "Führerschein umtauschen",
                "Exchange a driving licence",
                &[],
            ),
            entry("zulassung", "Fahrzeug zulassen", "Register a vehicle", &[]),
            entry("grundsteuer", "Grundsteuer", "Property tax", &[]),
            entry("moebelbank", "Möbelbörse", "Furniture exchange", &[]),
        ],
        synonyms: vec![vec!["Auto".into(), "Fahrzeug".into(), "car".into()]],
        offices: vec![],
    }
}

fn first(query: &str) -> Option<String> {
    let c = catalogue();
    let hits = SearchIndex::build(&c).search(query, 3);
    hits.first().map(|h| c.services[h.service].id.clone())
}

#[test]
fn umlauts_and_their_spellings_find_the_same_service() {
    for q in [
        "Führerschein",
        "fuehrerschein",
        "fuhrerschein",
        "FÜHRERSCHEIN ",
    ] {
        assert_eq!(first(q).as_deref(), Some("fuehrerschein"), "{q}");
    }
}

#[test]
fn compounds_are_found_by_their_parts_and_parts_by_compounds() {
    assert_eq!(first("hund").as_deref(), Some("hundesteuer"));
    assert_eq!(first("Steuer für den Hund").as_deref(), Some("hundesteuer"));
    assert_eq!(first("Wohnsitz").as_deref(), Some("anmeldung"));
    // A word's mere tail is not a part: "teuer" is not in "Grundsteuer".
    let c = catalogue();
    let teuer = SearchIndex::build(&c).search("teuer ", 3);
    assert!(
        teuer.iter().all(|h| h.score < 1.0),
        "weak matches only: {teuer:?}"
    );
}

#[test]
fn inflected_forms_and_typos_are_forgiven() {
    assert_eq!(first("Anmeldungen").as_deref(), Some("anmeldung"));
    assert_eq!(first("Hundesteur").as_deref(), Some("hundesteuer"));
    assert_eq!(first("Hundestuer").as_deref(), Some("hundesteuer"));
    assert_eq!(first("Sperrmühl").as_deref(), Some("sperrmuell"));
    assert_eq!(
        first("Fuehrerschien umtauschne").as_deref(),
        Some("fuehrerschein")
    );
}

#[test]
fn synonyms_and_phrases_count_and_say_why() {
    assert_eq!(first("Auto anmelden").as_deref(), Some("zulassung"));
    assert_eq!(first("register my car").as_deref(), Some("zulassung"));
    let c = catalogue();
    let index = SearchIndex::build(&c);
    let hits = index.search("alte Möbel loswerden", 3);
    assert_eq!(c.services[hits[0].service].id, "sperrmuell");
    assert_eq!(hits[0].reasons[0], "alte Möbel loswerden");
    // Möbel alone also fits the furniture exchange; the phrase decides.
    assert!(hits
        .iter()
        .any(|h| c.services[h.service].id == "moebelbank"));
    let moved = index.search("neue Wohnung", 3);
    assert_eq!(c.services[moved[0].service].id, "anmeldung");
    assert_eq!(moved[0].reasons[0], "neue Wohnung");
}

#[test]
fn popular_services_come_first_among_equal_matches() {
    let mut c = catalogue();
    c.services.push(entry(
        "halteverbot",
        "Halteverbot",
        "No parking",
        &["Umzug"],
    ));
    c.services[1].popular = true; // anmeldung
    let index = SearchIndex::build(&c);
    let umzug = index.search("Umzug", 3);
    assert_eq!(c.services[umzug[0].service].id, "anmeldung");
    // Not popular, the same match ranks by its place in the catalogue only.
    c.services[1].popular = false;
    c.services.swap(1, 7);
    let index = SearchIndex::build(&c);
    let umzug = index.search("Umzug", 3);
    assert_eq!(c.services[umzug[0].service].id, "halteverbot");
}

#[test]
fn the_word_being_typed_matches_as_a_beginning() {
    assert_eq!(first("Sperr").as_deref(), Some("sperrmuell"));
    assert_eq!(first("Führersch").as_deref(), Some("fuehrerschein"));
    // Once the word is finished (a space follows), a beginning counts less.
    let c = catalogue();
    let index = SearchIndex::build(&c);
    assert!(index.search("Sperr", 1)[0].score > index.search("Sperr ", 1)[0].score);
}

#[test]
fn empty_filler_and_hostile_queries_find_nothing_and_never_fail() {
    let c = catalogue();
    let index = SearchIndex::build(&c);
    for q in ["", "   ", "ich bin und", "!!!", "\u{0}\u{202e}", "ﷺ 🐕"] {
        assert!(index.search(q, 3).is_empty(), "{q:?}");
    }
    let long = "Hundesteuer ".repeat(2000);
    assert_eq!(
        c.services[index.search(&long, 3)[0].service].id,
        "hundesteuer"
    );
}

/// The ids `query` finds in a catalogue of `services` (with `synonyms`), best first.
fn found_in(services: Vec<CatalogueEntry>, synonyms: &[&[&str]], query: &str) -> Vec<String> {
    let mut c = catalogue();
    c.services = services;
    c.synonyms = synonyms
        .iter()
        .map(|g| g.iter().map(|w| w.to_string()).collect())
        .collect();
    let index = SearchIndex::build(&c);
    index
        .search(query, 8)
        .into_iter()
        .map(|h| c.services[h.service].id.clone())
        .collect()
}

fn with_summary(mut e: CatalogueEntry, de: &str, en: &str) -> CatalogueEntry {
    e.summary = Text::new(de, en);
    e
}

#[test]
fn a_word_the_catalogue_has_is_never_taken_for_a_typo_of_another() {
    let services = || {
        vec![
            entry(
                "kirchenaustritt",
                "Kirchenaustritt",
                "Leaving the church",
                &["Kirche"],
            ),
            entry("obst", "Obstbaum pflegen", "Fruit trees", &["Kirsche"]),
        ]
    };
    assert_eq!(found_in(services(), &[], "Kirsche "), ["obst"]);
    // A word the catalogue does not have may be one.
    assert_eq!(found_in(services(), &[], "Kirhce "), ["kirchenaustritt"]);
}

#[test]
fn a_typo_keeps_the_first_letter() {
    let services = vec![entry(
        "laerm",
        "Lärm melden",
        "Report noise",
        &["Nachbar laut"],
    )];
    assert!(found_in(services.clone(), &[], "ist das machbar ").is_empty());
    assert_eq!(found_in(services, &[], "Nachbra "), ["laerm"]);
}

#[test]
fn a_german_word_is_no_typo_of_a_short_english_one() {
    let services = vec![entry(
        "reinigung",
        "Straßenreinigung",
        "Street cleaning",
        &[],
    )];
    assert!(found_in(services, &[], "Streit ").is_empty());
    // ("Hund" for "fund" of "funding" is kept out by all three rules at once.)
    let arts = vec![entry("kultur", "Kulturförderung", "Arts funding", &[])];
    assert!(found_in(arts, &[], "Hund").is_empty());
}

#[test]
fn in_four_letters_only_swapped_letters_are_a_typo() {
    let services = vec![entry(
        "container",
        "Container aufstellen",
        "Skip",
        &["Mulde"],
    )];
    assert!(found_in(services.clone(), &[], "Mund ").is_empty());
    assert_eq!(found_in(services, &[], "Mlude "), ["container"]);
}

#[test]
fn fillers_count_only_inside_a_phrase() {
    let services = || {
        vec![
            entry(
                "sperrmuell",
                "Sperrmüll",
                "Bulky waste",
                &["alte Möbel loswerden"],
            ),
            entry("archiv", "Stadtarchiv", "City archive", &["alte Akten"]),
        ]
    };
    assert_eq!(
        found_in(services(), &[], "alte Möbel loswerden"),
        ["sperrmuell"]
    );
    assert_eq!(
        found_in(services(), &[], "alten Kram loswerden"),
        Vec::<String>::new()
    );
    for q in ["alte", "neu", "ich brauche das schnell", "loswerden "] {
        assert!(found_in(services(), &[], q).is_empty(), "{q}");
    }
}

#[test]
fn results_far_below_the_best_are_left_out() {
    let services = vec![
        entry(
            "sperrmuell",
            "Sperrmüll",
            "Bulky waste",
            &["Sofa entsorgen"],
        ),
        with_summary(
            entry("schadstoff", "Schadstoffmobil", "Hazardous waste", &[]),
            "Farben und Lacke entsorgen",
            "Dispose of paint",
        ),
    ];
    assert_eq!(
        found_in(services.clone(), &[], "Sofa entsorgen"),
        ["sperrmuell"]
    );
    // Alone, the side word finds what has it.
    assert_eq!(
        found_in(services, &[], "entsorgen "),
        ["sperrmuell", "schadstoff"]
    );
}

#[test]
fn a_compound_typed_whole_is_not_taken_apart() {
    let services = || {
        vec![
            entry("hundesteuer", "Hundesteuer", "Dog tax", &[]),
            entry("steuer", "Steuer zahlen", "Pay a tax", &[]),
        ]
    };
    assert_eq!(found_in(services(), &[], "Hundesteuer "), ["hundesteuer"]);
    // Its part alone finds both.
    let mut parts = found_in(services(), &[], "Steuer ");
    parts.sort();
    assert_eq!(parts, ["hundesteuer", "steuer"]);
}

#[test]
fn a_word_being_typed_begins_as_typed_and_a_whole_short_word_is_meant_as_typed() {
    let services = || {
        vec![
            entry("mietwagen", "Mietwagen", "Car rental", &[]),
            entry("pflege", "Pflege zu Hause", "Home care", &[]),
            entry("zulassung", "Fahrzeug zulassen", "Register a car", &[]),
        ]
    };
    // "Rente" is no beginning of "rental", though its stem "rent" would be.
    assert!(found_in(services(), &[], "Rente").is_empty());
    let mut car = found_in(services(), &[], "car");
    car.sort();
    assert_eq!(car, ["mietwagen", "zulassung"]);
    assert_eq!(found_in(services(), &[], "Pfle"), ["pflege"]);
}

#[test]
fn verbs_reach_their_service_however_they_are_inflected() {
    let services = || {
        vec![
            entry("hund-abmelden", "Hund abmelden", "Deregister a dog", &[]),
            entry(
                "anmeldung",
                "Wohnsitz anmelden",
                "Register an address",
                &["umziehen"],
            ),
        ]
    };
    assert_eq!(found_in(services(), &[], "abgemeldet"), ["hund-abmelden"]);
    // The particle at the end of the sentence belongs to the verb.
    assert_eq!(
        found_in(services(), &[], "ich ziehe nächste Woche um"),
        ["anmeldung"]
    );
}

#[test]
fn a_synonym_of_several_words_finds_what_its_group_finds() {
    let services = || {
        vec![
            entry("halteverbot", "Halteverbot", "No parking", &["Umzug"]),
            entry(
                "aufsicht",
                "Wohnungsaufsicht",
                "Housing inspection",
                &["Wohnung kaputt"],
            ),
        ]
    };
    let groups: &[&[&str]] = &[&["Umzug", "umgezogen", "neue Wohnung", "moved house"]];
    assert_eq!(
        found_in(services(), groups, "ich bin umgezogen"),
        ["halteverbot"]
    );
    let flat = found_in(services(), groups, "neue Wohnung ");
    assert_eq!(
        flat.first().map(String::as_str),
        Some("halteverbot"),
        "{flat:?}"
    );
    assert_eq!(
        found_in(services(), groups, "I moved house"),
        ["halteverbot"]
    );
    // Without the phrase, the flat is the flat.
    assert_eq!(found_in(services(), groups, "Wohnung "), ["aufsicht"]);
}

#[test]
fn a_query_about_a_life_situation_suggests_it() {
    let mut c = catalogue();
    c.life_situations = vec![
        Topic {
            id: "umzug".into(),
            intro: None,
            first: vec![],
            name: Text::new("Umzug & Wohnen", "Moving & housing"),
            keywords: vec!["umgezogen".into(), "neue Wohnung".into()],
            keywords_by_language: Default::default(),
        },
        Topic {
            id: "ehe".into(),
            intro: None,
            first: vec![],
            name: Text::new("Ehe & Partnerschaft", "Marriage"),
            keywords: vec!["Hochzeit".into(), "Kind bekommen".into()],
            keywords_by_language: Default::default(),
        },
    ];
    c.synonyms = vec![vec!["Hochzeit".into(), "heiraten".into()]];
    let index = SearchIndex::build(&c);
    let life = |q: &str| {
        index
            .life_situation(q)
            .map(|l| c.life_situations[l].id.as_str())
    };
    assert_eq!(life("ich bin umgezogen"), Some("umzug"));
    assert_eq!(life("neue Wohnung"), Some("umzug"));
    assert_eq!(life("Umzug und Wohnen"), Some("umzug"));
    assert_eq!(life("Hochzeit"), Some("ehe"));
    assert_eq!(life("wir wollen heiraten"), Some("ehe"));
    assert_eq!(life("ich bekomme ein Kind"), Some("ehe"));
    // A word still being typed, a side mention, a phrase half there: nothing.
    assert_eq!(life("Hochzei"), None);
    assert_eq!(life("Hochzeit Auto Steuer Kennzeichen"), None);
    assert_eq!(life("Wohnung"), None);
    assert_eq!(life("alte"), None);
}
