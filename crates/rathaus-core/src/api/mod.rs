//! The HTTP/JSON contract between the app and a city's backend (`/api/v1`), defined
//! once for both sides. See docs/api.md.

mod account;
mod appointments;
mod cases;
mod error;
mod feedback;

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::case::CaseStatus;
use crate::definition::ServiceDefinition;
use crate::fee::Money;
use crate::json::Wire;
use crate::text::{Locale, Text};

pub use account::{
    AccountApplication, AccountApplications, AccountDraft, DraftsDeleted, LoginFailure, LogoutView,
    SessionView, CSRF_HEADER,
};
pub use appointments::{
    AppointmentStatus, AppointmentView, BookAppointment, BookableOffice, BookableOffices,
    ChangeAppointment, FreeDay, FreeTimes, APPOINTMENT_TEXT_MAX_CHARS, FREE_DAYS_MAX,
};
pub use cases::{AnswerRequest, CaseEvent, CaseView, EventKind, OpenRequest, ANSWER_MAX_CHARS};
pub use error::{ApiErrorCode, ErrorBody};
pub use feedback::{
    FeedbackReceipt, FeedbackReport, FEEDBACK_CONTACT_MAX_CHARS, FEEDBACK_DESCRIPTION_MAX_CHARS,
    FEEDBACK_PAGE_MAX_CHARS,
};

/// Header carrying the idempotency key of `POST /applications`.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header carrying the percent-encoded (UTF-8) name of an uploaded file.
pub const ATTACHMENT_NAME_HEADER: &str = "Attachment-Name";
/// Authorization scheme of the case access code: `Authorization: AccessCode K7PQ-M2XD`.
/// A header, never the URL, so that codes stay out of logs and browser history.
pub const ACCESS_CODE_SCHEME: &str = "AccessCode";

/// `GET /services`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceList {
    pub services: Vec<ServiceSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceSummary {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The fee if it does not depend on the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Money>,
}

impl ServiceDefinition {
    /// The catalogue entry for this service (kept here, with the wire types, so that
    /// definitions do not depend on the API).
    pub fn summary_entry(&self) -> ServiceSummary {
        ServiceSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            fee: self.fee.fixed_amount(),
        }
    }
}

/// `POST /applications`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubmitApplication {
    pub service_id: String,
    /// The definition version the citizen answered.
    pub service_version: u32,
    pub answers: Answers,
    /// The language the citizen used, so that the office writes back in it.
    #[serde(default)]
    pub locale: Locale,
}

/// Answer to a successful `POST /applications` (201, or 200 for a repeated key).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicationReceipt {
    pub case_number: String,
    /// Shown once to the citizen; the backend keeps only a hash.
    pub access_code: String,
    pub service_id: String,
    pub status: CaseStatus,
    /// Computed by the backend from its own fee rules.
    pub fee: Money,
    /// RFC 3339.
    pub submitted_at: String,
}
