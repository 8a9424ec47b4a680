//! [`FromJson`] and [`ToJson`] for the standard types that wire types are made of.

use std::collections::BTreeMap;

use super::{FromJson, Json, JsonError, ToJson};

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

impl FromJson for i32 {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        i32::try_from(integer(v)?).map_err(|_| JsonError::new("number out of range"))
    }
}

impl ToJson for i32 {
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
