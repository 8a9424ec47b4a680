//! What a citizen has entered, kept exactly as typed so that nothing is ever lost or
//! "corrected" behind their back; validation interprets it.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;
use crate::json::{member, member_or_default, FromJson, Json, JsonError, ToJson, Wire};

/// One answer. On the wire: a string, a list of strings (multiple choice), an object
/// of date boxes `{day, month, year}`, an object of address lines
/// `{street, extra, postcode, town}`, `{"files": [...]}`, or a list of objects (the items
/// of a repeatable group, each its own answers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    Choices(Vec<String>),
    Date(DateInput),
    Address(AddressInput),
    Files(Vec<FileRef>),
    Items(Vec<Answers>),
}

/// The lines of a compound address, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressInput {
    /// Street and house number.
    pub street: String,
    /// c/o, building, flat: optional.
    pub extra: String,
    pub postcode: String,
    pub town: String,
}

impl AddressInput {
    pub const PARTS: [&'static str; 4] = ["street", "extra", "postcode", "town"];

    pub fn is_blank(&self) -> bool {
        [&self.street, &self.extra, &self.postcode, &self.town]
            .iter()
            .all(|p| p.trim().is_empty())
    }

    pub fn part_mut(&mut self, name: &str) -> Option<&mut String> {
        match name {
            "street" => Some(&mut self.street),
            "extra" => Some(&mut self.extra),
            "postcode" => Some(&mut self.postcode),
            "town" => Some(&mut self.town),
            _ => None,
        }
    }

    pub fn parts(&self) -> [(&'static str, &String); 4] {
        [
            ("street", &self.street),
            ("extra", &self.extra),
            ("postcode", &self.postcode),
            ("town", &self.town),
        ]
    }
}

/// A file the backend has stored for this application. The backend replaces name, size
/// and type with what it recorded on upload before validating, so they can be trusted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileRef {
    pub id: String,
    pub name: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub media_type: String,
}

/// The three boxes of a date input, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateInput {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateInput {
    pub fn from_date(date: Date) -> DateInput {
        DateInput {
            day: date.day.to_string(),
            month: date.month.to_string(),
            year: date.year.to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// The date these boxes describe, if they describe one. Years need four digits so
    /// that "90" is not silently read as the year 90.
    pub fn to_date(&self) -> Option<Date> {
        let number = |s: &str| -> Option<u32> {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())?
        };
        let year = self.year.trim();
        if year.len() != 4 {
            return None;
        }
        Date::new(
            number(year)? as i32,
            u8::try_from(number(&self.month)?).ok()?,
            u8::try_from(number(&self.day)?).ok()?,
        )
    }
}

impl Answer {
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Choices(c) => c.is_empty(),
            Answer::Date(d) => d.is_blank(),
            Answer::Address(a) => a.is_blank(),
            Answer::Files(f) => f.is_empty(),
            Answer::Items(i) => i.is_empty(),
        }
    }

    /// The items of a repeatable group (an empty list reads as no items).
    pub fn items(&self) -> &[Answers] {
        match self {
            Answer::Items(items) => items,
            _ => &[],
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// All answers of one application, keyed by field id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, field: &str) -> Option<&Answer> {
        self.0.get(field)
    }

    /// The trimmed text answer, or "" when absent or not text.
    pub fn text(&self, field: &str) -> &str {
        self.get(field)
            .and_then(Answer::as_text)
            .map(str::trim)
            .unwrap_or("")
    }

    pub fn set(&mut self, field: impl Into<String>, answer: Answer) {
        self.0.insert(field.into(), answer);
    }

    pub fn set_text(&mut self, field: impl Into<String>, text: impl Into<String>) {
        self.set(field, Answer::Text(text.into()));
    }

    pub fn remove(&mut self, field: &str) -> Option<Answer> {
        self.0.remove(field)
    }

    pub fn is_answered(&self, field: &str) -> bool {
        self.get(field).is_some_and(|a| !a.is_blank())
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json() {
        let json = r#"{"birth":{"day":"7","month":"02","year":"1990"},"kind":"private","langs":["de","en"]}"#;
        let answers: Answers = serde_json::from_str(json).unwrap();
        assert_eq!(answers.text("kind"), "private");
        assert_eq!(
            answers.get("langs"),
            Some(&Answer::Choices(vec!["de".into(), "en".into()]))
        );
        let Some(Answer::Date(d)) = answers.get("birth") else {
            panic!("date expected")
        };
        assert_eq!(d.to_date(), Date::new(1990, 2, 7));
        assert_eq!(serde_json::to_string(&answers).unwrap(), json);
    }

    #[test]
    fn compound_answers_round_trip() {
        let json = r#"{"addr":{"street":"Markt 1","extra":"","postcode":"44135","town":"Dortmund"},"docs":{"files":[{"id":"f1","name":"plan.pdf","size":2048,"type":"application/pdf"}]},"dogs":[{"name":"Bello"},{"name":"Rex"}],"none":[]}"#;
        let answers: Answers = serde_json::from_str(json).unwrap();
        let Some(Answer::Address(a)) = answers.get("addr") else {
            panic!("address expected")
        };
        assert_eq!(a.town, "Dortmund");
        let Some(Answer::Files(f)) = answers.get("docs") else {
            panic!("files expected")
        };
        assert_eq!(f[0].size, 2048);
        assert_eq!(answers.get("dogs").unwrap().items()[1].text("name"), "Rex");
        assert!(answers.get("none").unwrap().is_blank());
        assert_eq!(serde_json::to_string(&answers).unwrap(), json);
    }

    #[test]
    fn rejects_foreign_shapes() {
        assert!(serde_json::from_str::<Answers>(r#"{"a":{"day":"1","town":"x"}}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"a":["x",{"b":"c"}]}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"a":{"files":[],"day":"1"}}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"a":{"hour":"1"}}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"a":12}"#).is_err());
        assert!(serde_json::from_str::<Answers>(r#"{"a":[1]}"#).is_err());
    }

    #[test]
    fn date_boxes_keep_what_was_typed_and_read_only_real_dates() {
        let typed = |d: &str, m: &str, y: &str| DateInput {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        };
        assert_eq!(typed(" 1 ", "12", "2000").to_date(), Date::new(2000, 12, 1));
        assert_eq!(typed("31", "4", "2000").to_date(), None);
        assert_eq!(typed("1", "1", "90").to_date(), None);
        assert_eq!(typed("1", "1", "19x0").to_date(), None);
        assert_eq!(typed("-1", "1", "1990").to_date(), None);
        assert!(typed(" ", "", "").is_blank());
    }
}
