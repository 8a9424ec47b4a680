use super::*;

const FILE: &str = r#"# A translator's comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: tr\n"

#. en: Continue
msgctxt "Continue"
msgid "Weiter"
msgstr "Devam"

#. en: Step {n} of {total}
#, fuzzy
msgctxt "StepOf"
msgid "Schritt {n} von {total}"
msgstr "Adım {n} / {total}"

msgctxt "Quoted"
msgid ""
"Sagen Sie \"Ja\"\n"
"oder Nein"
msgstr "\"Evet\" deyin\\"
"#;

#[test]
fn reads_entries_header_notes_flags_and_continued_strings() {
    let catalog = Catalog::parse(FILE).unwrap();
    assert_eq!(catalog.language, "tr");
    assert_eq!(catalog.entries.len(), 3);
    assert_eq!(
        catalog.entries[0],
        Entry {
            context: "Continue".into(),
            source: "Weiter".into(),
            translation: "Devam".into(),
            notes: vec!["en: Continue".into()],
            fuzzy: false,
        }
    );
    assert!(catalog.entries[1].fuzzy);
    assert_eq!(catalog.entries[2].source, "Sagen Sie \"Ja\"\noder Nein");
    assert_eq!(catalog.entries[2].translation, "\"Evet\" deyin\\");
}

#[test]
fn what_it_writes_it_reads_back_the_same() {
    let catalog = Catalog::parse(FILE).unwrap();
    let written = catalog.write();
    assert_eq!(Catalog::parse(&written).unwrap(), catalog);
    assert!(written.contains("\"Language: tr\\n\""));
}

#[test]
fn a_fuzzy_or_empty_translation_is_not_used() {
    let catalog = Catalog::parse(FILE).unwrap();
    assert_eq!(translation(&catalog, "Continue"), Some("Devam"));
    assert_eq!(translation(&catalog, "StepOf"), None);
    assert_eq!(translation(&catalog, "Nowhere"), None);
}

#[test]
fn coverage_names_what_is_missing_stale_and_unknown() {
    let catalog = Catalog::parse(FILE).unwrap();
    let german = [
        ("Continue", "Weiter"),
        ("StepOf", "Schritt {n} von {total}"),
        ("Quoted", "Sagen Sie \"Ja\" oder Nein"),
        ("Back", "Zurück"),
    ];
    let report = coverage(german, &catalog);
    assert_eq!(report.missing, ["StepOf", "Back"]);
    assert_eq!(report.stale, ["Quoted"]);
    assert!(report.unknown.is_empty());
    assert!(!report.is_complete());
    let fewer = coverage([("Continue", "Weiter")], &catalog);
    assert_eq!(fewer.unknown, ["StepOf", "Quoted"]);
}

#[test]
fn broken_files_are_refused_with_the_line() {
    let cases = [
        ("msgctxt \"a\"\nmsgid \"x\"\n", 2, "no msgstr"),
        ("msgid \"x\"\nmsgid_plural \"xs\"\n", 2, "plural"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\nz\"\n", 3, "quoted"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"a \\q\"\n", 3, "escape"),
        ("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", 7, "twice"),
        ("msgstr \"y\"\n", 1, "order"),
        ("hello\n", 1, "unknown line"),
    ];
    for (text, line, says) in cases {
        let error = Catalog::parse(text).unwrap_err();
        assert_eq!(error.line, line, "{text:?}: {error}");
        assert!(error.to_string().contains(says), "{text:?}: {error}");
    }
}

#[test]
fn placeholders_are_named_in_order_of_their_names() {
    assert_eq!(
        placeholders("{n} von {total}: {label}"),
        ["label", "n", "total"]
    );
    assert_eq!(placeholders("ohne"), Vec::<&str>::new());
    // An unclosed brace is no placeholder.
    assert_eq!(placeholders("{offen"), Vec::<&str>::new());
}
