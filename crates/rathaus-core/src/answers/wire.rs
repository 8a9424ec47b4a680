//! An [`Answer`] on the wire, in each of its shapes: serde's impls (backend, tools),
//! its JSON Schema, and the app's codec.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AddressInput, Answer, Answers, DateInput, FileRef};
use crate::json::{member, member_or_default, FromJson, Json, JsonError, ToJson};

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Text(t) => serializer.serialize_str(t),
            Answer::Choices(c) => c.serialize(serializer),
            Answer::Date(d) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("day", &d.day)?;
                map.serialize_entry("month", &d.month)?;
                map.serialize_entry("year", &d.year)?;
                map.end()
            }
            Answer::Address(a) => {
                let mut map = serializer.serialize_map(Some(4))?;
                for (k, v) in a.parts() {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Answer::Files(files) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("files", files)?;
                map.end()
            }
            Answer::Items(items) => items.serialize(serializer),
        }
    }
}

/// The schema says what [`Answer`]'s hand-written serde reads: one of the shapes above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let parts = |names: &[&str]| {
            let properties: serde_json::Map<String, serde_json::Value> = names
                .iter()
                .map(|n| ((*n).to_owned(), serde_json::json!({"type": "string"})))
                .collect();
            serde_json::json!({
                "type": "object",
                "properties": properties,
                "additionalProperties": false,
            })
        };
        let files = generator.subschema_for::<Vec<FileRef>>();
        let items = generator.subschema_for::<Vec<Answers>>();
        schemars::json_schema!({
            "description": "A text; a list of chosen options; the date boxes; the address lines; the uploaded files; or the items of a repeatable group.",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
                parts(&["day", "month", "year"]),
                parts(&AddressInput::PARTS),
                {
                    "type": "object",
                    "properties": {"files": files},
                    "required": ["files"],
                    "additionalProperties": false,
                },
                items,
            ],
        })
    }
}

// Hand-written rather than `#[serde(untagged)]`: untagged enums buffer every value and
// cost the app kilobytes of wasm for what a small visitor does directly.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a list, or a date, address or files object")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Answer, E> {
                Ok(Answer::Text(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                // A list of strings (choices) or of objects (group items), never mixed.
                let mut choices = Vec::new();
                let mut items = Vec::new();
                while let Some(element) = seq.next_element::<ListElement>()? {
                    match element {
                        ListElement::Choice(c) if items.is_empty() => choices.push(c),
                        ListElement::Item(i) if choices.is_empty() => items.push(i),
                        _ => return Err(de::Error::custom("a list mixes texts and objects")),
                    }
                }
                Ok(if items.is_empty() {
                    Answer::Choices(choices)
                } else {
                    Answer::Items(items)
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
                let mut date = DateInput::default();
                let mut address = AddressInput::default();
                let (mut is_date, mut is_address) = (false, false);
                while let Some(key) = map.next_key::<String>()? {
                    if key == "files" && !is_date && !is_address {
                        let files: Vec<FileRef> = map.next_value()?;
                        if map.next_key::<String>()?.is_some() {
                            return Err(de::Error::custom("a files answer has only 'files'"));
                        }
                        return Ok(Answer::Files(files));
                    }
                    let value: String = map.next_value()?;
                    let slot = match key.as_str() {
                        "day" => Some(&mut date.day),
                        "month" => Some(&mut date.month),
                        "year" => Some(&mut date.year),
                        _ => None,
                    };
                    if let Some(slot) = slot.filter(|_| !is_address) {
                        is_date = true;
                        *slot = value;
                    } else if let Some(slot) = address.part_mut(&key).filter(|_| !is_date) {
                        is_address = true;
                        *slot = value;
                    } else {
                        return Err(de::Error::unknown_field(&key, &ANSWER_PARTS));
                    }
                }
                Ok(if is_address {
                    Answer::Address(address)
                } else {
                    Answer::Date(date)
                })
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

const ANSWER_PARTS: [&str; 8] = [
    "day", "month", "year", "street", "extra", "postcode", "town", "files",
];

enum ListElement {
    Choice(String),
    Item(Answers),
}

impl<'de> Deserialize<'de> for ListElement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ListElement, D::Error> {
        struct ElementVisitor;

        impl<'de> Visitor<'de> for ElementVisitor {
            type Value = ListElement;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an object of answers")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ListElement, E> {
                Ok(ListElement::Choice(v.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ListElement, A::Error> {
                Answers::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(ListElement::Item)
            }
        }

        deserializer.deserialize_any(ElementVisitor)
    }
}

// The app's codec (crate::json), by hand like the serde impls above.
impl FromJson for Answer {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::String(s) => Ok(Answer::Text(s.clone())),
            Json::Array(list)
                if list.iter().all(|e| matches!(e, Json::Object(_))) && !list.is_empty() =>
            {
                FromJson::from_json(v).map(Answer::Items)
            }
            Json::Array(_) => FromJson::from_json(v).map(Answer::Choices),
            Json::Object(members) => {
                let all_in =
                    |names: &[&str]| members.iter().all(|(k, _)| names.contains(&k.as_str()));
                let part = |k| member_or_default::<String>(v, k);
                if all_in(&["day", "month", "year"]) {
                    Ok(Answer::Date(DateInput {
                        day: part("day")?,
                        month: part("month")?,
                        year: part("year")?,
                    }))
                } else if all_in(&AddressInput::PARTS) {
                    Ok(Answer::Address(AddressInput {
                        street: part("street")?,
                        extra: part("extra")?,
                        postcode: part("postcode")?,
                        town: part("town")?,
                    }))
                } else if all_in(&["files"]) {
                    member(v, "files").map(Answer::Files)
                } else {
                    Err(JsonError::new("unknown answer parts"))
                }
            }
            _ => Err(JsonError::new("expected an answer")),
        }
    }
}

impl ToJson for Answer {
    fn to_json(&self) -> Json {
        match self {
            Answer::Text(t) => t.to_json(),
            Answer::Choices(c) => c.to_json(),
            Answer::Date(d) => Json::Object(vec![
                ("day".into(), d.day.to_json()),
                ("month".into(), d.month.to_json()),
                ("year".into(), d.year.to_json()),
            ]),
            Answer::Address(a) => Json::Object(
                a.parts()
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_json()))
                    .collect(),
            ),
            Answer::Files(f) => Json::Object(vec![("files".into(), f.to_json())]),
            Answer::Items(items) => items.to_json(),
        }
    }
}
