//! A small JSON codec for the web app.
//!
//! The backend and the tools use serde; the app uses this instead, because serde's
//! generated code for the wire types costs the app about a fifth of its size budget
//! (docs/architecture.md, 'Size budget': 150,000 bytes for a first visit). The JSON this
//! reads and writes is the same: a wire type derives [`Wire`] beside serde's derives,
//! and the derive reads the same serde attributes, so that the contract is declared
//! once; `tests/json_codec.rs` checks every wire type both ways against serde.

use std::collections::BTreeMap;

pub use rathaus_wire_derive::Wire;

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

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> JsonError {
        JsonError {
            message,
            at: format!("byte {}", self.pos),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Result<Json, JsonError> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Ok(Json::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err(self.error("expected , or ]"));
                    }
                }
            }
            Some(b'{') => {
                self.pos += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Json::Object(members));
                }
                loop {
                    self.skip_ws();
                    if self.bytes.get(self.pos) != Some(&b'"') {
                        return Err(self.error("expected a key"));
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.error("expected :"));
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Ok(Json::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err(self.error("expected , or }"));
                    }
                }
            }
            Some(_) => self.number(),
        }
    }

    /// Checks the JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.bytes.get(p.pos) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let leading_zero = self.bytes.get(self.pos) == Some(&b'0');
        let whole = digits(self);
        let mut ok = whole > 0 && !(leading_zero && whole > 1);
        if ok && self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            ok = digits(self) > 0;
        }
        if ok && matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            ok = digits(self) > 0;
        }
        if !ok {
            return Err(self.error("invalid number"));
        }
        Ok(Json::Number(
            String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned(),
        ))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The input is a &str, so any run between ASCII delimiters is valid UTF-8.
            out.push_str(
                std::str::from_utf8(&self.bytes[start..self.pos])
                    .map_err(|_| self.error("invalid UTF-8"))?,
            );
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = *self
                        .bytes
                        .get(self.pos)
                        .ok_or_else(|| self.error("unexpected end"))?;
                    self.pos += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first)
                                && self.bytes[self.pos..].starts_with(b"\\u")
                            {
                                self.pos += 2;
                                let second = self.hex4()?;
                                0x10000
                                    + ((first - 0xD800) << 10)
                                    + (second.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                first
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return Err(self.error("invalid escape")),
                    });
                }
                _ => return Err(self.error("unterminated string")),
            }
        }
    }
}

impl Json {
    /// The JSON text of this value, compact.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

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

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from_digit(c as u32 >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(c as u32 & 0xF, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
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

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        v.as_str().map(str::to_owned)
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::String(self.to_owned())
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(JsonError::new("expected true or false")),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

/// A whole number; like serde, `1.0` or `1e3` is not one.
fn integer(v: &Json) -> Result<i64, JsonError> {
    match v {
        Json::Number(n) => n
            .parse()
            .map_err(|_| JsonError::new("expected a whole number")),
        _ => Err(JsonError::new("expected a number")),
    }
}

impl FromJson for u32 {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        u32::try_from(integer(v)?).map_err(|_| JsonError::new("number out of range"))
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl FromJson for i64 {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        integer(v)
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl FromJson for u8 {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        u8::try_from(integer(v)?).map_err(|_| JsonError::new("number out of range"))
    }
}

impl ToJson for u8 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl FromJson for u64 {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Number(n) => n
                .parse()
                .map_err(|_| JsonError::new("expected a whole number")),
            _ => Err(JsonError::new("expected a number")),
        }
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        T::from_json(v).map(Box::new)
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn to_json(&self) -> Json {
        (**self).to_json()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn absent() -> Result<Self, JsonError> {
        Ok(None)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        // Plain loops rather than `collect`: the iterator adapters cost the app
        // about a kilobyte per element type.
        let Json::Array(items) = v else {
            return Err(JsonError::new("expected a list"));
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::from_json(item)?);
        }
        Ok(out)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        // Inserting one by one: collecting would pull in a sort.
        let mut out = BTreeMap::new();
        for (k, v) in v.as_object()? {
            out.insert(k.clone(), T::from_json(v).map_err(|e| e.at(k))?);
        }
        Ok(out)
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Json {
        Json::Object(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

/// `FromJson` and `ToJson` for a struct, field by field, with the same member names
/// as its serde derive: `field = default` marks a `#[serde(default)]` field, and
/// `field as "name"` a `#[serde(rename = "name")]` one.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident $(as $key:literal)? $(= $default:ident)?),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                v.as_object()?;
                Ok($ty {
                    $($field: $crate::json_struct!(@read v, $crate::json_struct!(@key $field $($key)?) $(, $default)?),)*
                })
            }
        }

        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                $crate::json::Json::Object(vec![
                    $(($crate::json_struct!(@key $field $($key)?).to_owned(), $crate::json::ToJson::to_json(&self.$field)),)*
                ])
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@read $v:ident, $key:expr) => {
        $crate::json::member($v, $key)?
    };
    (@read $v:ident, $key:expr, default) => {
        $crate::json::member_or_default($v, $key)?
    };
}

/// `FromJson` and `ToJson` for a fieldless enum written as a string, through the
/// type's own `name()` and `from_name()`.
#[macro_export]
macro_rules! json_named_enum {
    ($ty:ident) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                $ty::from_name(v.as_str()?).ok_or($crate::json::JsonError::new("unknown name"))
            }
        }

        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                $crate::json::Json::String(self.name().to_owned())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_back() {
        let text = r#"{"a":[1,-2.5,true,false,null],"b":"x\"y\\z\n\u00e4\ud83d\ude00","c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.get("b"), Some(&Json::String("x\"y\\z\nä😀".into())));
        let again = parse(&v.encode()).unwrap();
        assert_eq!(again, v);
        assert_eq!(parse(" [ ] ").unwrap(), Json::Array(vec![]));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "\"abc",
            "01x",
            "tru",
            "[1] 2",
            "{1:2}",
            "\"\\q\"",
            "NaN",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn control_characters_are_escaped() {
        let s = Json::String("a\u{1}b\u{1f}".into()).encode();
        assert_eq!(s, "\"a\\u0001b\\u001f\"");
        assert_eq!(parse(&s).unwrap(), Json::String("a\u{1}b\u{1f}".into()));
    }

    #[test]
    fn numbers_keep_their_meaning() {
        assert_eq!(i64::from_json(&parse("1300").unwrap()), Ok(1300));
        assert!(u32::from_json(&parse("-1").unwrap()).is_err());
        assert!(u32::from_json(&parse("1.5").unwrap()).is_err());
        assert!(i64::from_json(&parse("1.0").unwrap()).is_err());
        assert_eq!(parse("-0.25e+3").unwrap().encode(), "-0.25e+3");
        for bad in ["-", "1.", ".5", "01", "1e", "+1", "--1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
