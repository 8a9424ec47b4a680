//! The JSON Schema of service definitions, generated from the Rust types, so that
//! editors complete and check definition files as authors type (docs/services.md).
//! It says what the definition check says where a schema can: no unknown members, the
//! app's languages, the error codes, and what the backend takes as an upload.

use serde_json::{json, Value};

use crate::definition::{FieldKind, ServiceDefinition};
use crate::text::Locale;
use crate::upload::{ACCEPTED_MEDIA_TYPES, MAX_UPLOAD_BYTES};
use crate::validate::ErrorCode;

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
        props.insert("$schema".into(), json!({"type": "string"}));
    }
    // Edited in place: the schema's own serialisation keeps keywords in a readable order.
    let root = schema
        .as_object_mut()
        .expect("the root schema is an object");
    root.values_mut().for_each(refuse_unknown_members);
    root.insert("additionalProperties".into(), Value::Bool(false));
    let defs = &mut root["$defs"];
    let languages: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    defs["Text"]["propertyNames"] = json!({ "enum": languages });
    // Authors always write the German every other language falls back to.
    defs["Text"]["required"] = json!([crate::text::REQUIRED_LANGUAGE]);
    let codes: Vec<&str> = ErrorCode::ALL
        .iter()
        .filter(|code| FieldKind::ALL.iter().any(|k| k.can_report(**code)))
        .map(|code| code.name())
        .collect();
    defs["Field"]["properties"]["messages"]["propertyNames"] = json!({ "enum": codes });
    let constraints = &mut defs["Constraints"]["properties"];
    constraints["accept"]["items"]["enum"] = json!(ACCEPTED_MEDIA_TYPES);
    constraints["max_file_bytes"]["maximum"] = json!(MAX_UPLOAD_BYTES);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// Every object with named members says that there are no others, as the definition
/// check does (serde itself skips unknown members, for forward compatibility).
fn refuse_unknown_members(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if object.contains_key("properties") && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".into(), Value::Bool(false));
            }
            object.values_mut().for_each(refuse_unknown_members);
        }
        Value::Array(items) => items.iter_mut().for_each(refuse_unknown_members),
        _ => {}
    }
}
