//! A small JSON codec for the web app.
//!
//! The backend and the tools use serde; the app uses this instead, because serde's
//! generated code for the wire types costs the app about a fifth of its size budget
//! (docs/architecture.md, 'Size budget': 150,000 bytes for a first visit). The JSON this
//! reads and writes is the same: a wire type derives [`Wire`] beside serde's derives,
//! and the derive reads the same serde attributes, so that the contract is declared
//! once; `tests/json_codec.rs` checks every wire type both ways against serde.

mod macros;
mod read;
mod std_types;
mod write;

pub use rathaus_wire_derive::Wire;

pub use read::parse;

/// A parsed JSON value. Objects keep their order; lookups scan (objects are small).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written. Kept as text: the wire types only hold whole numbers,
    /// and float parsing and printing would cost the app more than all of this module.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why a JSON text could not be read as the expected value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub message: &'static str,
    /// The object key or byte offset it concerns, when known.
    pub at: String,
}

impl JsonError {
    pub fn new(message: &'static str) -> JsonError {
        JsonError {
            message,
            at: String::new(),
        }
    }

    fn at(mut self, key: &str) -> JsonError {
        self.at = if self.at.is_empty() {
            key.to_owned()
        } else {
            format!("{key}.{}", self.at)
        };
        self
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.message, self.at)
    }
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Result<&str, JsonError> {
        match self {
            Json::String(s) => Ok(s),
            _ => Err(JsonError::new("expected a string")),
        }
    }

    pub fn as_object(&self) -> Result<&[(String, Json)], JsonError> {
        match self {
            Json::Object(members) => Ok(members),
            _ => Err(JsonError::new("expected an object")),
        }
    }
}

/// A value that can be read from JSON.
pub trait FromJson: Sized {
    fn from_json(value: &Json) -> Result<Self, JsonError>;

    /// The value of an absent object member: an error unless the type has an obvious
    /// "nothing" (like serde's `Option` handling and `#[serde(default)]` on lists).
    fn absent() -> Result<Self, JsonError> {
        Err(JsonError::new("missing"))
    }
}

/// A value that can be written as JSON.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?)
}

pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    value.to_json().encode()
}

/// Reads member `key` of an object (absent and `null` count as absent).
pub fn member<T: FromJson>(object: &Json, key: &str) -> Result<T, JsonError> {
    match object.get(key) {
        None | Some(Json::Null) => T::absent(),
        Some(v) => T::from_json(v),
    }
    .map_err(|e| e.at(key))
}

/// Like [`member`], but `T::default()` when absent (`#[serde(default)]`).
pub fn member_or_default<T: FromJson + Default>(object: &Json, key: &str) -> Result<T, JsonError> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(T::default()),
        Some(v) => T::from_json(v).map_err(|e| e.at(key)),
    }
}

#[cfg(test)]
mod tests;
