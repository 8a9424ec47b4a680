//! The JSON Schema of service definitions, generated from the Rust types, so that
//! editors complete and check definition files as authors type (docs/services.md).

use crate::definition::ServiceDefinition;

/// Where the checked-in copy lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "docs/service-definition.schema.json";

/// The schema as pretty-printed JSON, ending in a newline.
pub fn definition_schema() -> String {
    let mut schema = schemars::schema_for!(ServiceDefinition);
    schema.insert(
        "$id".into(),
        "https://rathaus.example/service-definition.schema.json".into(),
    );
    schema.insert("title".into(), "Rathaus service definition".into());
    // Definition files may name this schema; the loader ignores the member.
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.insert("$schema".into(), serde_json::json!({"type": "string"}));
    }
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
