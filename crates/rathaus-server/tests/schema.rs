//! The JSON Schema for service authors stays in step with the Rust types.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rathaus_core::check::members;
use rathaus_core::schema::{definition_schema, SCHEMA_PATH};
use rathaus_core::text::Locale;
use rathaus_core::upload;

#[test]
fn the_checked_in_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(SCHEMA_PATH);
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == definition_schema(),
        "{SCHEMA_PATH} is out of date; regenerate it with\n  \
         cargo run -p rathaus-server -- definition-schema > {SCHEMA_PATH}"
    );
}

#[test]
fn the_schema_describes_what_authors_write() {
    let schema: serde_json::Value = serde_json::from_str(&definition_schema()).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(
        schema["required"],
        serde_json::json!(["id", "version", "title", "summary", "steps"])
    );
    assert_eq!(defs["Text"]["required"], serde_json::json!(["de"]));
    let kinds = defs["FieldKind"].to_string();
    for kind in [
        "text",
        "long_text",
        "date",
        "single_choice",
        "email",
        "postcode",
    ] {
        assert!(
            kinds.contains(&format!("\"{kind}\"")),
            "{kind} missing from {kinds}"
        );
    }
    // Field ids are documented for authors, straight from the Rust doc comments.
    assert!(defs["Field"]["properties"]["optional"]["description"]
        .as_str()
        .unwrap()
        .contains("optional"));
}

fn member_names(object: &serde_json::Value) -> BTreeSet<String> {
    object["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// Tagged objects (`{"equals": {…}}`) as the schema has them: operator → its members
/// (`None` when the operator's value is not an object with members).
fn operators(one_of: &serde_json::Value) -> BTreeMap<String, Option<BTreeSet<String>>> {
    one_of
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| {
            let (name, inner) = variant["properties"]
                .as_object()
                .unwrap()
                .iter()
                .next()
                .unwrap();
            let members = inner.get("properties").map(|_| member_names(inner));
            (name.clone(), members)
        })
        .collect()
}

#[test]
fn the_checker_knows_the_members_the_schema_knows() {
    let schema: serde_json::Value = serde_json::from_str(&definition_schema()).unwrap();
    assert_eq!(member_names(&schema), set(members::DEFINITION));
    for (name, known) in members::OBJECTS {
        assert_eq!(member_names(&schema["$defs"][name]), set(known), "{name}");
    }
    for (def, listed) in [
        ("Condition", members::CONDITIONS),
        ("FeeRule", members::FEE_RULES),
    ] {
        let listed: BTreeMap<String, Option<BTreeSet<String>>> = listed
            .iter()
            .map(|(op, m)| (op.to_string(), m.map(set)))
            .collect();
        assert_eq!(operators(&schema["$defs"][def]["oneOf"]), listed, "{def}");
    }
}

#[test]
fn the_schema_refuses_what_the_checker_refuses() {
    let schema: serde_json::Value = serde_json::from_str(&definition_schema()).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(schema["additionalProperties"], false);
    for (name, _) in members::OBJECTS {
        assert_eq!(defs[name]["additionalProperties"], false, "{name}");
    }
    let languages: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(
        defs["Text"]["propertyNames"]["enum"],
        serde_json::json!(languages)
    );
    let constraints = &defs["Constraints"]["properties"];
    assert_eq!(
        constraints["accept"]["items"]["enum"],
        serde_json::json!(upload::ACCEPTED_MEDIA_TYPES)
    );
    assert_eq!(
        constraints["max_file_bytes"]["maximum"],
        serde_json::json!(upload::MAX_UPLOAD_BYTES)
    );
    let codes = defs["Field"]["properties"]["messages"]["propertyNames"]["enum"].to_string();
    assert!(codes.contains("\"invalid_iban\"") && !codes.contains("unknown_field"));
}

#[test]
fn money_limits_are_in_euros_everywhere() {
    let schema: serde_json::Value = serde_json::from_str(&definition_schema()).unwrap();
    let money = schema["$defs"]["FieldKind"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["const"] == "money")
        .unwrap()["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(money.contains("`min` / `max` in euros"), "{money}");
    let constraints = &schema["$defs"]["Constraints"]["properties"];
    for limit in ["min", "max"] {
        let text = constraints[limit]["description"].as_str().unwrap();
        assert!(text.contains("euros") && !text.contains("cents"), "{text}");
    }
    let guide = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/services.md"),
    )
    .unwrap();
    assert!(guide.contains("`min`, `max` **in euros**"));
}
