//! What a service definition says about identification: whether the citizen logs in,
//! at which assurance level, and which questions the login fills in. The identity
//! itself, and how it fills answers in, is crate::identity.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::json::Wire;

/// Whether a service can be used without logging in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Identification {
    /// Anonymous; the access code is the citizen's key to the case.
    #[default]
    None,
    /// Logging in fills answers in and binds the case to the account; not needed.
    Optional,
    /// Only with a login at the service's `assurance` level.
    Required,
}

impl Identification {
    pub fn is_none(&self) -> bool {
        *self == Identification::None
    }
}

/// How sure the identity provider is of who logged in (eIDAS levels of assurance).
/// Ordered: `High` satisfies a service that needs `Substantial`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Wire,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Assurance {
    /// A user name and password, or an unknown level: never enough for a service.
    #[default]
    Low,
    /// e.g. ELSTER certificate.
    Substantial,
    /// The online ID function of the Personalausweis (eID).
    High,
}

/// What an identity provider can vouch for, as a question names it in `prefill.from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Attribute {
    GivenName,
    FamilyName,
    BirthDate,
    BirthPlace,
    /// The registered address (street, postcode, town).
    Address,
    /// An ISO 3166-1 alpha-2 code (`DE`); a choice question maps it with `values`.
    Nationality,
    Email,
}

impl Attribute {
    pub const ALL: [Attribute; 7] = [
        Attribute::GivenName,
        Attribute::FamilyName,
        Attribute::BirthDate,
        Attribute::BirthPlace,
        Attribute::Address,
        Attribute::Nationality,
        Attribute::Email,
    ];
}

/// A question filled in from the identity (`"prefill": {"from": "birth_date"}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Prefill {
    pub from: Attribute,
    /// The citizen cannot change the answer while logged in; the backend takes it from
    /// the login, whatever the request says.
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only: bool,
    /// For a choice question: which option an attribute's value is (`{"DE": "deutsch"}`).
    /// A value without an option leaves the question for the citizen.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
