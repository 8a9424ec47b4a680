//! Identification: which services need the citizen's online ID, at which assurance
//! level, and which answers are filled in from the identity the city's identity
//! provider vouches for. The app shows the same prefill the backend enforces: a
//! read-only prefilled answer is always the identity's, never what a request says
//! (docs/architecture.md, 'Login and identity').

use serde::{Deserialize, Serialize};

pub use crate::identification::{Assurance, Attribute, Identification, Prefill};

use crate::answers::{AddressInput, Answer, Answers, DateInput};
use crate::date::Date;
use crate::definition::{Field, FieldKind, ServiceDefinition};
use crate::json::Wire;

impl Attribute {
    /// The question kinds this attribute can fill in.
    pub fn fits(self, kind: FieldKind) -> bool {
        match self {
            Attribute::GivenName | Attribute::FamilyName | Attribute::BirthPlace => {
                kind == FieldKind::Text
            }
            Attribute::BirthDate => kind == FieldKind::Date,
            Attribute::Address => kind == FieldKind::Address,
            Attribute::Nationality => {
                matches!(
                    kind,
                    FieldKind::Text | FieldKind::SingleChoice | FieldKind::Select
                )
            }
            Attribute::Email => kind == FieldKind::Email,
        }
    }
}

/// The address an identity provider vouches for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdentityAddress {
    pub street: String,
    pub postcode: String,
    pub town: String,
    /// ISO 3166-1 alpha-2, when the provider says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
}

/// Who is logged in, as the identity provider vouches for it: what the session holds
/// (never stored with a case beyond the answers it fills in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Identity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// ISO date (`1964-08-12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<IdentityAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub assurance: Assurance,
}

impl Identity {
    /// The answer `field` gets from this identity, if it names an attribute the identity
    /// has and that fits the question.
    pub fn answer_for(&self, field: &Field) -> Option<Answer> {
        let prefill = field.prefill.as_ref()?;
        if !prefill.from.fits(field.kind) {
            return None;
        }
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Answer::Text(v.to_owned()))
        };
        match prefill.from {
            Attribute::GivenName => text(&self.given_name),
            Attribute::FamilyName => text(&self.family_name),
            Attribute::BirthPlace => text(&self.birth_place),
            Attribute::Email => text(&self.email),
            Attribute::BirthDate => {
                let date = Date::parse_iso(self.birth_date.as_deref()?.trim())?;
                Some(Answer::Date(DateInput::from_date(date)))
            }
            Attribute::Address => {
                let a = self.address.as_ref()?;
                Some(Answer::Address(AddressInput {
                    street: a.street.clone(),
                    extra: String::new(),
                    postcode: a.postcode.clone(),
                    town: a.town.clone(),
                }))
            }
            Attribute::Nationality => {
                let code = self.nationality.as_deref()?.trim();
                if field.kind == FieldKind::Text {
                    return (!code.is_empty()).then(|| Answer::Text(code.to_owned()));
                }
                let value = prefill.values.get(code)?;
                field
                    .options
                    .iter()
                    .any(|o| &o.value == value)
                    .then(|| Answer::Text(value.clone()))
            }
        }
    }

    /// Whether this login is enough for `def`.
    pub fn suffices_for(&self, def: &ServiceDefinition) -> bool {
        self.assurance >= def.required_assurance()
    }
}

/// The questions of `def` that can be filled in from an identity, outside repeatable
/// groups (the checker refuses `prefill` inside one).
pub fn prefilled_fields(def: &ServiceDefinition) -> impl Iterator<Item = &Field> {
    def.steps
        .iter()
        .filter(|s| s.repeat.is_none())
        .flat_map(|s| s.fields.iter())
        .filter(|f| f.prefill.is_some())
}

/// Fills every prefillable question the citizen has not answered from `identity`, and
/// sets every read-only one to the identity's value whatever it was; the ids of the
/// answers that now come from the identity.
pub fn apply_prefill(
    def: &ServiceDefinition,
    identity: &Identity,
    answers: &mut Answers,
) -> Vec<String> {
    let mut filled = Vec::new();
    for field in prefilled_fields(def) {
        let Some(value) = identity.answer_for(field) else {
            continue;
        };
        let read_only = field.prefill.as_ref().is_some_and(|p| p.read_only);
        let current = answers.0.get(&field.id);
        let unanswered = current.is_none_or(Answer::is_blank);
        if read_only || unanswered || current == Some(&value) {
            answers.0.insert(field.id.clone(), value);
            filled.push(field.id.clone());
        }
    }
    filled
}

/// What the backend does with a logged-in citizen's application: every read-only
/// prefilled answer is set to the identity's value, whatever the request said (an
/// editable one stays as sent). The ids of the answers that are the identity's.
pub fn enforce_prefill(
    def: &ServiceDefinition,
    identity: &Identity,
    answers: &mut Answers,
) -> Vec<String> {
    let mut from_identity = Vec::new();
    for field in prefilled_fields(def) {
        let Some(value) = identity.answer_for(field) else {
            continue;
        };
        if field.prefill.as_ref().is_some_and(|p| p.read_only) {
            answers.0.insert(field.id.clone(), value);
        } else if answers.0.get(&field.id) != Some(&value) {
            continue;
        }
        from_identity.push(field.id.clone());
    }
    from_identity
}

/// The read-only prefilled questions of `def` that `identity` fills in: what the
/// citizen sees locked, and what the backend takes from the login.
pub fn locked_fields(def: &ServiceDefinition, identity: &Identity) -> Vec<String> {
    prefilled_fields(def)
        .filter(|f| f.prefill.as_ref().is_some_and(|p| p.read_only))
        .filter(|f| identity.answer_for(f).is_some())
        .map(|f| f.id.clone())
        .collect()
}

#[cfg(test)]
mod tests;
