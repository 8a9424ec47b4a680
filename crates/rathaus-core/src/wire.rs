//! The wire types in the app's JSON codec ([`crate::json`]); member names and shapes
//! exactly as their serde derives (checked by `tests/json_codec.rs`).

use crate::answers::{AddressInput, Answer, Answers, DateInput, FileRef};
use crate::api::{
    AnswerRequest, ApiErrorCode, ApplicationReceipt, CaseEvent, CaseView, ErrorBody, EventKind,
    FeedbackReceipt, FeedbackReport, OpenRequest, ServiceList, ServiceSummary, SubmitApplication,
};
use crate::case::CaseStatus;
use crate::catalogue::{Catalogue, CatalogueEntry, Channel, Overview, Topic, TopicCount};
use crate::condition::Condition;
use crate::definition::{
    ChoiceOption, Constraints, Field, FieldKind, Repeat, ServiceDefinition, Step,
};
use crate::fee::{FeeRule, FeeSchedule, FeeTier, Money};
use crate::json::{member, FromJson, Json, JsonError, ToJson};
use crate::number::{Decimal, Separators};
use crate::offices::{Access, Appointments, Office, Opening, Weekday};
use crate::payment::{
    CreatePayment, PaymentEvent, PaymentList, PaymentMethod, PaymentState, PaymentView,
};
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
            Json::Array(list)
                if list.iter().all(|e| matches!(e, Json::Object(_))) && !list.is_empty() =>
            {
                FromJson::from_json(v).map(Answer::Items)
            }
            Json::Array(_) => FromJson::from_json(v).map(Answer::Choices),
            Json::Object(members) => {
                let all_in =
                    |names: &[&str]| members.iter().all(|(k, _)| names.contains(&k.as_str()));
                let part = |k| crate::json::member_or_default::<String>(v, k);
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
            "at_least" => Condition::AtLeast {
                field: member(inner, "field")?,
                value: member(inner, "value")?,
            },
            "below" => Condition::Below {
                field: member(inner, "field")?,
                value: member(inner, "value")?,
            },
            "years_since_at_least" => Condition::YearsSinceAtLeast {
                field: member(inner, "field")?,
                years: member(inner, "years")?,
            },
            "years_since_below" => Condition::YearsSinceBelow {
                field: member(inner, "field")?,
                years: member(inner, "years")?,
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
            Condition::AtLeast { field, value } => (
                "at_least",
                fields(vec![("field", field.to_json()), ("value", value.to_json())]),
            ),
            Condition::Below { field, value } => (
                "below",
                fields(vec![("field", field.to_json()), ("value", value.to_json())]),
            ),
            Condition::YearsSinceAtLeast { field, years } => (
                "years_since_at_least",
                fields(vec![("field", field.to_json()), ("years", years.to_json())]),
            ),
            Condition::YearsSinceBelow { field, years } => (
                "years_since_below",
                fields(vec![("field", field.to_json()), ("years", years.to_json())]),
            ),
            Condition::Not(inner) => ("not", inner.to_json()),
            Condition::All(list) => ("all", list.to_json()),
            Condition::Any(list) => ("any", list.to_json()),
        };
        Json::Object(vec![(tag.to_owned(), inner)])
    }
}

impl FromJson for Decimal {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Number(n) => Decimal::parse(n, Separators::DecimalPoint)
                .ok_or(JsonError::new("expected a plain number")),
            _ => Err(JsonError::new("expected a number")),
        }
    }
}

impl ToJson for Decimal {
    fn to_json(&self) -> Json {
        Json::Number(self.to_plain_string())
    }
}

/// Externally tagged, as serde writes enums.
impl FromJson for FeeRule {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let [(tag, inner)] = v.as_object()? else {
            return Err(JsonError::new("expected one fee rule"));
        };
        Ok(match tag.as_str() {
            "fixed" => FeeRule::Fixed(Money::from_json(inner)?),
            "per_option" => FeeRule::PerOption {
                field: member(inner, "field")?,
                amounts: member(inner, "amounts")?,
            },
            "per_item" => FeeRule::PerItem {
                group: member(inner, "group")?,
                amounts: member(inner, "amounts")?,
                when: member(inner, "when")?,
            },
            "tiered" => FeeRule::Tiered {
                field: member(inner, "field")?,
                tiers: member(inner, "tiers")?,
            },
            "when" => FeeRule::When {
                condition: member(inner, "condition")?,
                rules: member(inner, "rules")?,
            },
            _ => return Err(JsonError::new("unknown fee rule")),
        })
    }
}

impl ToJson for FeeRule {
    fn to_json(&self) -> Json {
        let object = |pairs: Vec<(&str, Json)>| {
            Json::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        };
        let (tag, inner) = match self {
            FeeRule::Fixed(m) => ("fixed", m.to_json()),
            FeeRule::PerOption { field, amounts } => (
                "per_option",
                object(vec![
                    ("field", field.to_json()),
                    ("amounts", amounts.to_json()),
                ]),
            ),
            FeeRule::PerItem {
                group,
                amounts,
                when,
            } => {
                let mut pairs = vec![("group", group.to_json()), ("amounts", amounts.to_json())];
                if let Some(when) = when {
                    pairs.push(("when", when.to_json()));
                }
                ("per_item", object(pairs))
            }
            FeeRule::Tiered { field, tiers } => (
                "tiered",
                object(vec![("field", field.to_json()), ("tiers", tiers.to_json())]),
            ),
            FeeRule::When { condition, rules } => (
                "when",
                object(vec![
                    ("condition", condition.to_json()),
                    ("rules", rules.to_json()),
                ]),
            ),
        };
        Json::Object(vec![(tag.to_owned(), inner)])
    }
}

json_named_enum!(FieldKind);
json_named_enum!(ErrorCode);
json_named_enum!(CaseStatus);
json_named_enum!(EventKind);
json_named_enum!(Channel);
json_struct!(Catalogue {
    life_situations,
    categories,
    services,
    synonyms = default,
    offices = default,
});
json_struct!(Overview {
    life_situations,
    categories,
    online,
});
json_struct!(TopicCount { id, name, count });
json_struct!(Topic {
    id,
    intro = default,
    first = default,
    name,
    keywords = default,
});
json_struct!(CatalogueEntry {
    id,
    name,
    summary,
    category,
    life_situations,
    channel,
    wizard = default,
    url = default,
    bring = default,
    fee,
    office,
    keywords = default,
    popular = default,
    offices = default,
});
json_named_enum!(Weekday);
json_struct!(Office {
    id,
    name,
    street,
    postcode,
    town,
    hours,
    hours_note = default,
    phone,
    email,
    web,
    transit = default,
    access,
    appointments = default,
});
json_struct!(Opening { days, from, to });
json_struct!(Access {
    step_free,
    hearing_loop,
    accessible_toilet,
    note = default,
});
json_struct!(Appointments { url = default });
json_named_enum!(ApiErrorCode);
json_named_enum!(PaymentState);
json_named_enum!(PaymentMethod);

json_struct!(FeeSchedule {
    rules = default,
    purpose,
    explanation,
});
json_struct!(FeeTier {
    up_to,
    amount = default,
    per_mille = default,
});
json_struct!(FileRef {
    id,
    name,
    size,
    media_type as "type",
});
json_struct!(Repeat {
    min = default,
    max,
    item,
    add_another,
    summary_field,
});
json_struct!(ChoiceOption { value, label, hint });
json_struct!(Constraints {
    min_length,
    max_length,
    not_in_future = default,
    min_years_ago,
    max_years_ago,
    not_in_past = default,
    min,
    max,
    decimals,
    min_count,
    max_count,
    accept = default,
    max_file_bytes,
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
    repeat,
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
    privacy,
    fee = default,
    steps,
    declaration,
    what_happens_next,
});
/// `limit` was a number before it could be an amount ("0.5"): drafts saved by the
/// earlier app keep their server errors.
impl FromJson for FieldError {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let limit = match v.get("limit") {
            Some(Json::Number(n)) => Some(n.clone()),
            _ => member(v, "limit")?,
        };
        Ok(FieldError {
            field: member(v, "field")?,
            code: member(v, "code")?,
            limit,
        })
    }
}

impl ToJson for FieldError {
    fn to_json(&self) -> Json {
        Json::Object(vec![
            ("field".into(), self.field.to_json()),
            ("code".into(), self.code.to_json()),
            ("limit".into(), self.limit.to_json()),
        ])
    }
}
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
    open_request = default,
});
json_struct!(CaseEvent {
    at,
    status,
    kind = default,
    message,
    attachments = default,
});
json_struct!(OpenRequest {
    id,
    message,
    wants_document,
    asked_at,
});
json_struct!(AnswerRequest {
    request_id,
    text = default,
    attachments = default,
});
json_struct!(FeedbackReport {
    page,
    description,
    contact = default,
    locale = default,
});
json_struct!(FeedbackReceipt {
    reference,
    received_at,
});
json_struct!(ErrorBody { error, errors = default });
json_struct!(CreatePayment { return_url });
json_struct!(PaymentEvent {
    at,
    state,
    reason = default,
});
json_struct!(PaymentView {
    id,
    case_number,
    state,
    amount,
    purpose,
    method = default,
    reference,
    failure_reason = default,
    created_at,
    expires_at,
    redirect_url = default,
    events = default,
});
json_struct!(PaymentList { payments = default });
