//! The JSON Schema for service authors stays in step with the Rust types.

use std::path::Path;

use rathaus_core::schema::{definition_schema, SCHEMA_PATH};

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
