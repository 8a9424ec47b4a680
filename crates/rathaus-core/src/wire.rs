//! The wire types in the app's JSON codec ([`crate::json`]); member names and shapes
//! exactly as their serde derives (checked by `tests/json_codec.rs`).

use crate::answers::{Answer, Answers, DateInput};
use crate::api::{
    ApiErrorCode, ApplicationReceipt, CaseEvent, CaseView, ErrorBody, ServiceList, ServiceSummary,
    SubmitApplication,
};
use crate::case::CaseStatus;
use crate::condition::Condition;
use crate::definition::{ChoiceOption, Constraints, Field, FieldKind, ServiceDefinition, Step};
use crate::fee::{FeeRule, FeeSchedule, Money};
use crate::json::{member, FromJson, Json, JsonError, ToJson};
use crate::text::{Locale, Text};
use crate::validate::{ErrorCode, FieldError};
use crate::{json_named_enum, json_struct};

impl FromJson for Locale {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v.as_str()? {
            "de" => Ok(Locale::De),
            "en" => Ok(Locale::En),
            _ => Err(JsonError::new("unknown locale")),
        }
    }
}

impl ToJson for Locale {
    fn to_json(&self) -> Json {
        Json::String(self.code().to_owned())
    }
}

impl FromJson for Text {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        FromJson::from_json(v).map(Text)
    }
}

impl ToJson for Text {
    fn to_json(&self) -> Json {
        self.0.to_json()
    }
}

impl FromJson for Money {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        i64::from_json(v).map(Money)
    }
}

impl ToJson for Money {
    fn to_json(&self) -> Json {
        self.0.to_json()
    }
}

impl FromJson for Answer {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::String(s) => Ok(Answer::Text(s.clone())),
            Json::Array(_) => FromJson::from_json(v).map(Answer::Choices),
            Json::Object(members) => {
                if members
                    .iter()
                    .any(|(k, _)| !matches!(k.as_str(), "day" | "month" | "year"))
                {
                    return Err(JsonError::new("unknown date part"));
                }
                let part = |k| crate::json::member_or_default::<String>(v, k);
                Ok(Answer::Date(DateInput {
                    day: part("day")?,
                    month: part("month")?,
                    year: part("year")?,
                }))
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
        }
    }
}

impl FromJson for Answers {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        FromJson::from_json(v).map(Answers)
    }
}

impl ToJson for Answers {
    fn to_json(&self) -> Json {
        self.0.to_json()
    }
}

/// Externally tagged, as serde writes enums: `{"equals": {...}}`, `{"not": {...}}`.
impl FromJson for Condition {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let [(tag, inner)] = v.as_object()? else {
            return Err(JsonError::new("expected one condition"));
        };
        Ok(match tag.as_str() {
            "equals" => Condition::Equals {
                field: member(inner, "field")?,
                value: member(inner, "value")?,
            },
            "one_of" => Condition::OneOf {
                field: member(inner, "field")?,
                values: member(inner, "values")?,
            },
            "answered" => Condition::Answered {
                field: member(inner, "field")?,
            },
            "not" => Condition::Not(Box::new(Condition::from_json(inner)?)),
            "all" => Condition::All(FromJson::from_json(inner)?),
            "any" => Condition::Any(FromJson::from_json(inner)?),
            _ => return Err(JsonError::new("unknown condition")),
        })
    }
}

impl ToJson for Condition {
    fn to_json(&self) -> Json {
        let fields = |pairs: Vec<(&str, Json)>| {
            Json::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        };
        let (tag, inner) = match self {
            Condition::Equals { field, value } => (
                "equals",
                fields(vec![("field", field.to_json()), ("value", value.to_json())]),
            ),
            Condition::OneOf { field, values } => (
                "one_of",
                fields(vec![
                    ("field", field.to_json()),
                    ("values", values.to_json()),
                ]),
            ),
            Condition::Answered { field } => ("answered", fields(vec![("field", field.to_json())])),
            Condition::Not(inner) => ("not", inner.to_json()),
            Condition::All(list) => ("all", list.to_json()),
            Condition::Any(list) => ("any", list.to_json()),
        };
        Json::Object(vec![(tag.to_owned(), inner)])
    }
}

impl FromJson for FeeRule {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v.as_object()? {
            [(tag, amount)] if tag == "fixed" => Money::from_json(amount).map(FeeRule::Fixed),
            _ => Err(JsonError::new("unknown fee rule")),
        }
    }
}

impl ToJson for FeeRule {
    fn to_json(&self) -> Json {
        match self {
            FeeRule::Fixed(m) => Json::Object(vec![("fixed".into(), m.to_json())]),
        }
    }
}

json_named_enum!(FieldKind);
json_named_enum!(ErrorCode);
json_named_enum!(CaseStatus);
json_named_enum!(ApiErrorCode);

json_struct!(FeeSchedule { rules = default, purpose });
json_struct!(ChoiceOption { value, label, hint });
json_struct!(Constraints {
    min_length,
    max_length,
    not_in_future = default,
    min_years_ago,
    max_years_ago,
});
json_struct!(Field {
    id,
    kind as "type",
    label,
    hint,
    optional = default,
    options = default,
    constraints = default,
    show_if,
    autocomplete,
    messages = default,
});
json_struct!(Step {
    id,
    title,
    intro,
    show_if,
    fields
});
json_struct!(ServiceDefinition {
    id,
    version,
    title,
    summary,
    before_you_start = default,
    duration,
    office,
    fee = default,
    steps,
    declaration,
    what_happens_next,
});
json_struct!(FieldError { field, code, limit });
json_struct!(ServiceList { services });
json_struct!(ServiceSummary {
    id,
    title,
    summary,
    fee
});
json_struct!(SubmitApplication {
    service_id,
    service_version,
    answers,
    locale = default,
});
json_struct!(ApplicationReceipt {
    case_number,
    access_code,
    service_id,
    status,
    fee,
    submitted_at,
});
json_struct!(CaseView {
    case_number,
    service_id,
    service_title,
    status,
    fee,
    submitted_at,
    events,
});
json_struct!(CaseEvent {
    at,
    status,
    message
});
json_struct!(ErrorBody { error, errors = default });
