//! `/api/v1` described as OpenAPI 3.1, generated from the same Rust types the handlers
//! read and write (their JSON Schemas come from the serde attributes, through schemars).
//! The operations are listed once, in `operations.rs`; `tests/openapi.rs` holds the
//! checked-in `docs/openapi.json` to this and every documented path to the router, and
//! the test command runs schemathesis against a running server with it (scripts/openapi.sh).

use rathaus_core::api::{
    ErrorBody, ACCESS_CODE_SCHEME, ATTACHMENT_NAME_HEADER, IDEMPOTENCY_KEY_HEADER,
};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

mod appointments;
mod operations;

pub use operations::{example_application, operations};

/// Where the checked-in copy lives, relative to the repository root.
pub const OPENAPI_PATH: &str = "docs/openapi.json";

type SchemaOf = fn(&mut SchemaGenerator) -> Schema;

fn schema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// What an operation takes in its body.
enum Input {
    None,
    /// Its schema and an example the server accepts (tests/openapi.rs sends it).
    Json(SchemaOf, fn() -> Value),
    /// The file's bytes as they are (PDF, JPEG or PNG, judged by its content).
    File,
}

/// One operation of the API, as the router serves it (crate::api::routes).
pub struct Operation {
    pub method: &'static str,
    /// Relative to `/api/v1`, with `{parameters}` as the router names them.
    pub path: &'static str,
    pub id: &'static str,
    summary: &'static str,
    input: Input,
    /// Sent with `Idempotency-Key`: a repeat answers as the first time did.
    idempotent: bool,
    /// Needs the case's access code (`Authorization: AccessCode …`).
    access_code: bool,
    /// The successful answers: status, what it means, its body.
    ok: &'static [(u16, &'static str)],
    body: SchemaOf,
    /// The refusals this operation can answer with, each an [`ErrorBody`].
    pub errors: &'static [u16],
}

impl Operation {
    /// Every status this operation documents.
    pub fn statuses(&self) -> impl Iterator<Item = u16> + '_ {
        self.ok
            .iter()
            .map(|(status, _)| *status)
            .chain(self.errors.iter().copied())
    }
}

fn error_description(status: u16) -> &'static str {
    match status {
        400 => "The request is not what this operation reads (body, header or parameter).",
        401 => "No access code (WWW-Authenticate names the scheme); the same for every case.",
        403 => {
            "A login is needed that the request does not have (`identification_required`, \
                 `assurance_too_low`), or a logged-in browser's request lacks the session's \
                 CSRF token (`csrf_failed`)."
        }
        404 => {
            "No such service or office, or no case or appointment with this number and \
                 access code."
        }
        408 => "The body did not arrive in time.",
        409 => {
            "The idempotency key was used for another request, or the case's state \
                does not allow it (already paid, nothing to pay, request closed), or the \
                time was taken (`slot_taken`) or the appointment's time has come \
                (`appointment_passed`)."
        }
        413 => "The body is too large.",
        415 => "The file is not a PDF, JPEG or PNG.",
        422 => "Answers or fields are refused: `errors` names each with its code.",
        429 => {
            "Too many requests (wrong access codes, uploads, bookings): try again after \
                 Retry-After."
        }
        503 => "Something the backend needs (the malware scanner) is not there: try again later.",
        _ => "An error.",
    }
}

/// The document, pretty-printed JSON ending in a newline.
pub fn document() -> String {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    let error = schema::<ErrorBody>(&mut generator);
    let mut paths = Map::new();
    for operation in operations() {
        let item = paths
            .entry(operation.path)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a path item is an object");
        item.insert(
            operation.method.to_owned(),
            describe(&operation, &mut generator, &error),
        );
    }
    let schemas: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    let mut document = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Rathaus API",
            "version": "1",
            "description": "The contract between the Rathaus app and a city's backend. \
                            Every refusal answers with an ErrorBody. See docs/api.md.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                // An API key rather than an HTTP scheme: tools know only the
                // registered HTTP schemes, and the header's value is the whole key.
                "accessCode": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": format!(
                        "The case's access code from the receipt, after the word \
                         {ACCESS_CODE_SCHEME}: `Authorization: {ACCESS_CODE_SCHEME} \
                         K7PQ-M2XD-3RTA`. A wrong code is answered like an unknown case \
                         (404), and none at all with 401 for every case number, so nothing \
                         is learnt about which cases exist."
                    ),
                },
            },
        },
    });
    integer_bounds(&mut document);
    let mut text = serde_json::to_string_pretty(&document).expect("the document serialises");
    text.push('\n');
    text
}

/// The operations answered in the reader's language (`?lang=`, crate::api).
const READER_LANGUAGE: &[&str] = &["/catalogue", "/catalogue/overview"];

fn describe(operation: &Operation, generator: &mut SchemaGenerator, error: &Schema) -> Value {
    let mut parameters: Vec<Value> = path_parameters(operation.path)
        .map(|name| {
            json!({
                "name": name,
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
            })
        })
        .collect();
    if operation.idempotent {
        parameters.push(json!({
            "name": IDEMPOTENCY_KEY_HEADER,
            "in": "header",
            "required": true,
            "description": "Chosen by the client for this request and sent again with \
                            every retry of it (a UUID).",
            "schema": {"type": "string", "minLength": 1, "maxLength": 200,
                       "pattern": "^[!-~]+$"},
        }));
    }
    if READER_LANGUAGE.contains(&operation.path) {
        let languages: Vec<&str> = rathaus_core::Locale::ALL.iter().map(|l| l.code()).collect();
        parameters.push(json!({
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "The reader's language: the texts come in it, in German (every \
                            text's fallback) and in English; German when not given.",
            "schema": {"type": "string", "enum": languages, "default": "de"},
        }));
    }
    if operation.path == "/appointments/free" {
        parameters.extend(free_times_query());
    }
    if matches!(operation.input, Input::File) {
        parameters.push(json!({
            "name": ATTACHMENT_NAME_HEADER,
            "in": "header",
            "required": false,
            "description": "The file's name, percent-encoded UTF-8.",
            "schema": {"type": "string"},
        }));
    }
    let body = (operation.body)(generator);
    let mut responses = Map::new();
    for (status, description) in operation.ok {
        responses.insert(
            status.to_string(),
            json!({
                "description": description,
                "content": {"application/json": {"schema": body}},
            }),
        );
    }
    for status in operation.errors {
        let mut response = json!({
            "description": error_description(*status),
            "content": {"application/json": {"schema": error}},
        });
        if *status == 429 {
            response["headers"] = json!({
                "Retry-After": {
                    "description": "Seconds until a new attempt is taken.",
                    "schema": {"type": "integer", "minimum": 0},
                },
            });
        }
        responses.insert(status.to_string(), response);
    }
    let mut described = json!({
        "operationId": operation.id,
        "summary": operation.summary,
        "parameters": parameters,
        "responses": responses,
    });
    match operation.input {
        Input::None => {}
        Input::Json(schema_of, example) => {
            described["requestBody"] = json!({
                "required": true,
                "content": {"application/json": {
                    "schema": schema_of(generator),
                    "example": example(),
                }},
            });
        }
        Input::File => {
            described["requestBody"] = json!({
                "required": true,
                "content": {"application/octet-stream": {"schema": {}}},
            });
        }
    }
    if operation.access_code {
        described["security"] = json!([{"accessCode": []}]);
    }
    described
}

/// `GET /appointments/free`'s query (crate::appointments::http::FreeQuery).
fn free_times_query() -> [Value; 5] {
    let days = rathaus_core::api::FREE_DAYS_MAX;
    [
        json!({"name": "office", "in": "query", "required": true,
               "description": "The office's id in the catalogue.",
               "schema": {"type": "string"}}),
        json!({"name": "service", "in": "query", "required": true,
               "description": "The service's id in the catalogue.",
               "schema": {"type": "string"}}),
        json!({"name": "persons", "in": "query", "required": false,
               "description": "How many persons come (each takes the service's minutes).",
               "schema": {"type": "integer", "minimum": 0, "maximum": 255, "default": 1}}),
        json!({"name": "from", "in": "query", "required": false,
               "description": "The first day, `YYYY-MM-DD`; today (the office's) when not \
                               given or past.",
               "schema": {"type": "string", "format": "date"}}),
        json!({"name": "days", "in": "query", "required": false,
               "description": format!("How many days from `from` on, at most {days}."),
               "schema": {"type": "integer", "minimum": 0, "maximum": u32::MAX,
                          "default": days}}),
    ]
}

/// The `{names}` of a path's parameters, in order.
pub fn path_parameters(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
}

/// schemars bounds 8- and 16-bit integers but names only the format of wider ones; the
/// bounds are what serde refuses beyond, so a client (and schemathesis) can know them.
fn integer_bounds(schema: &mut Value) {
    match schema {
        Value::Object(members) => {
            let bounds: Option<(Value, Value)> = match members.get("format").and_then(Value::as_str)
            {
                Some("uint32") => Some((0.into(), u32::MAX.into())),
                Some("uint64") => Some((0.into(), u64::MAX.into())),
                Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
                Some("int64") => Some((i64::MIN.into(), i64::MAX.into())),
                _ => None,
            };
            if let Some((min, max)) = bounds {
                members.entry("minimum").or_insert(min);
                members.entry("maximum").or_insert(max);
            }
            members.values_mut().for_each(integer_bounds);
        }
        Value::Array(items) => items.iter_mut().for_each(integer_bounds),
        _ => {}
    }
}
