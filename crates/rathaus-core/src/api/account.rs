//! Login and the account (`/session`, `/auth/*`, `/account/*`): what the backend says
//! about who is logged in, and the account's cases. The browser never holds a token:
//! the backend keeps the session, the browser its cookie (docs/api.md, 'Login').

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::case::CaseStatus;
use crate::fee::Money;
use crate::identity::Identity;
use crate::json::Wire;
use crate::text::Text;

/// Header every state-changing request of a logged-in browser carries: the session's
/// `csrf_token`. Another site cannot read it, so it cannot send it.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// `GET /session`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionView {
    /// Whether this backend offers a login at all.
    pub login_available: bool,
    /// Who is logged in; absent when nobody is (or the session has ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Tells accounts apart on a device (not the provider's identifier): when it
    /// changes, the device forgets the previous account's cases and drafts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csrf_token: Option<String>,
    /// RFC 3339: when the session ends at the latest (it also ends after a while
    /// without use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// `POST /auth/logout`: where to end the session at the identity provider too (the
/// app goes there; the provider comes back to the app).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LogoutView {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_session_url: Option<String>,
}

/// `GET /account/applications`: the account's cases, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountApplications {
    pub applications: Vec<AccountApplication>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountApplication {
    pub case_number: String,
    pub service_id: String,
    pub service_title: Text,
    pub status: CaseStatus,
    pub fee: Money,
    /// RFC 3339.
    pub submitted_at: String,
}

/// Why a login failed, as the callback tells the app (`/anmelden?fehler=…`): a code,
/// never a detail of the provider's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum LoginFailure {
    /// The citizen cancelled at the provider.
    Cancelled,
    /// The callback did not belong to a login of this browser, or came a second time
    /// or too late: start again.
    Expired,
    /// The provider could not be reached or answered with an error.
    Unavailable,
    /// The provider's answer did not prove who logged in (signature, issuer, audience,
    /// nonce): refused.
    Refused,
    /// This backend has no identity provider configured.
    NotConfigured,
}

/// `GET` / `PUT /account/drafts/{service_id}`: a draft kept for the account, so that
/// the citizen can go on on another device (the app saves it there only when asked).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountDraft {
    /// The definition version the answers are for.
    pub service_version: u32,
    pub answers: Answers,
    /// When the device saved it (ms since 1970, the device's clock).
    pub saved_at: u64,
    /// When each answer was last changed: where two devices' answers differ, the one
    /// changed last wins (an answer without a time counts as changed at `saved_at`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub edited: BTreeMap<String, u64>,
}

/// `DELETE /account/drafts[/{service_id}]`: how many drafts the account no longer has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DraftsDeleted {
    pub deleted: u32,
}
