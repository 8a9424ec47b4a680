//! `rathaus-server check-services` and the check at start: every problem under a heading
//! that says whether it is in the service definitions or in the catalogue, each with its
//! file; warnings are shown but fail nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use rathaus_server::catalogue::{load_city_catalogue, Catalogue};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The shipped definitions and catalogue in a temporary folder, to spoil.
fn shipped_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let services = tmp.path().join("services");
    let catalogue = tmp.path().join("catalogue");
    copy_dir(&repo().join("services"), &services);
    copy_dir(&repo().join("catalogue"), &catalogue);
    (tmp, services, catalogue)
}

fn check_services(services: &Path, catalogue: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rathaus-server"))
        .arg("check-services")
        .arg(services)
        .arg("--catalogue")
        .arg(catalogue)
        .env("RATHAUS_LOG", "off")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A misspelled member in a shipped definition, a catalogue entry naming a wizard that
/// does not exist, and a definition that is sound but has a `not` worth a warning.
fn spoil(services: &Path, catalogue: &Path) {
    let file = services.join("fuehrungszeugnis.json");
    let mut def: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    def["steps"][0]["fields"][0]["optinal"] = json!(true);
    std::fs::write(&file, def.to_string()).unwrap();
    let entry = json!([{
        "id": "katzensteuer", "name": {"de": "Katzensteuer", "en": "Cat tax"},
        "summary": {"de": "Katze anmelden", "en": "Register a cat"},
        "category": "steuern", "life_situations": ["umzug-wohnen"], "channel": "wizard",
        "wizard": "katzensteuer",
        "fee": {"de": "kostenlos", "en": "free"}, "office": {"de": "Amt", "en": "Office"}
    }]);
    std::fs::write(catalogue.join("services/katzen.json"), entry.to_string()).unwrap();
    let warned = json!({
        "id": "warnung", "version": 1, "title": {"de": "W"}, "summary": {"de": "S"},
        "steps": [{"id": "s", "title": {"de": "S"}, "fields": [
            {"id": "frage", "type": "yes_no", "label": {"de": "F"}, "optional": true},
            {"id": "folge", "type": "text", "label": {"de": "G"},
             "show_if": {"not": {"equals": {"field": "frage", "value": "yes"}}}}]}]
    });
    std::fs::write(services.join("warnung.json"), warned.to_string()).unwrap();
}

#[test]
fn the_shipped_definitions_and_catalogue_check_clean() {
    let (ok, stdout, stderr) = check_services(&repo().join("services"), &repo().join("catalogue"));
    assert!(ok, "{stdout}{stderr}");
    // The definitions, not the folder of option lists beside them.
    let definitions = std::fs::read_dir(repo().join("services"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert!(
        stdout.contains(&format!("{definitions} service definitions, no problems")),
        "{stdout}"
    );
    assert!(
        stdout.contains("services in the catalogue, no problems"),
        "{stdout}"
    );
    assert!(!stdout.contains("warning"), "{stdout}");
    let fixtures = repo().join("e2e/fixtures/services");
    let checked = Catalogue::check(&fixtures);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
}

#[test]
fn check_services_says_which_problems_are_in_definitions_and_which_in_the_catalogue() {
    let (_tmp, services, catalogue) = shipped_copy();
    spoil(&services, &catalogue);
    let (ok, stdout, stderr) = check_services(&services, &catalogue);
    assert!(!ok, "{stdout}");
    let expected = format!(
        "1 problem in the service definitions ({s}):\n  \
         {s}/fuehrungszeugnis.json: steps[0].fields[0].optinal: a field has no member 'optinal' (did you mean 'optional'?)\n\
         1 problem in the catalogue ({c}):\n  \
         {c}/services/katzen.json: katzensteuer: no service definition 'katzensteuer'\n\
         1 warning in the service definitions (they do not stop the backend):\n  \
         {s}/warnung.json: steps[0].fields[1].show_if: 'not' also holds while 'frage' is unanswered; \
         to wait for an answer write {{\"all\": [{{\"answered\": {{\"field\": \"frage\"}}}}, {{\"not\": …}}]}}\n",
        s = services.display(),
        c = catalogue.display()
    );
    assert_eq!(stderr, expected);
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let (_tmp, services, catalogue) = shipped_copy();
    spoil(&services, &catalogue);
    std::fs::copy(
        repo().join("services/fuehrungszeugnis.json"),
        services.join("fuehrungszeugnis.json"),
    )
    .unwrap();
    std::fs::remove_file(catalogue.join("services/katzen.json")).unwrap();
    let (ok, stdout, stderr) = check_services(&services, &catalogue);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("1 warning in the service definitions (they do not stop the backend):"),
        "{stdout}"
    );
    assert!(Catalogue::load(&services).is_ok(), "nor the start");
}

#[test]
fn the_start_names_definition_and_catalogue_problems_apart() {
    let (_tmp, services, catalogue) = shipped_copy();
    spoil(&services, &catalogue);
    let definitions = Catalogue::load(&services).err().unwrap().to_string();
    assert!(
        definitions.starts_with(&format!(
            "1 problem in the service definitions ({}):",
            services.display()
        )),
        "{definitions}"
    );
    let wizards = Catalogue::check(&services).catalogue;
    let city = load_city_catalogue(&catalogue, &wizards, None)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        city,
        format!(
            "1 problem in the catalogue ({c}):\n  {c}/services/katzen.json: katzensteuer: no service definition 'katzensteuer'",
            c = catalogue.display()
        )
    );
}
