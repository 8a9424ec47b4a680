//! Which failures the outbox tries again, and why one it will not try again went back
//! to being a draft.

use rathaus_core::api::ApiErrorCode;

use crate::api::ApiError;
use crate::i18n::Key;

/// Why an application that waited in the outbox is a draft again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSent {
    /// 422: mistakes only the backend can find; they are shown at their questions.
    Invalid,
    /// 400: the backend could not read it.
    Unreadable,
    /// 404: the backend does not (or no longer) offer the service.
    UnknownService,
    /// 409: its key was used before for another application.
    KeyReused,
    /// 413: too big to be taken.
    TooLarge,
    /// 403: the service needs a login (at a level) that the citizen does not have now:
    /// the session ended, or the account's level is too low.
    LoginNeeded,
    /// Any other refusal.
    Refused,
    /// Not sent within `outbox_days`.
    Expired,
}

impl NotSent {
    pub fn name(self) -> &'static str {
        match self {
            NotSent::Invalid => "invalid",
            NotSent::Unreadable => "unreadable",
            NotSent::UnknownService => "unknown_service",
            NotSent::KeyReused => "key_reused",
            NotSent::TooLarge => "too_large",
            NotSent::LoginNeeded => "login_needed",
            NotSent::Refused => "refused",
            NotSent::Expired => "expired",
        }
    }

    pub fn from_name(name: &str) -> Option<NotSent> {
        [
            NotSent::Invalid,
            NotSent::Unreadable,
            NotSent::UnknownService,
            NotSent::KeyReused,
            NotSent::TooLarge,
            NotSent::LoginNeeded,
            NotSent::Refused,
            NotSent::Expired,
        ]
        .into_iter()
        .find(|n| n.name() == name)
    }
}

rathaus_core::json_named_enum!(NotSent);

impl NotSent {
    /// What happened and what to do, for the citizen.
    pub fn message(self) -> Key {
        match self {
            NotSent::Invalid => Key::NotSentInvalid,
            NotSent::Unreadable => Key::NotSentUnreadable,
            NotSent::UnknownService => Key::NotSentUnknownService,
            NotSent::KeyReused => Key::NotSentKeyReused,
            NotSent::TooLarge => Key::NotSentTooLarge,
            NotSent::LoginNeeded => Key::NotSentLoginNeeded,
            NotSent::Refused => Key::NotSentRefused,
            NotSent::Expired => Key::NotSentExpired,
        }
    }
}

/// Whether a failed attempt was refused for good (`Some`: why), or may pass later
/// (`None`: no connection, an unreadable answer, a timeout, too many requests, a server
/// error). Judged by the backend's error code; an answer without one (a proxy's page)
/// by its status.
pub fn refusal(error: &ApiError) -> Option<NotSent> {
    use ApiErrorCode as C;
    if !matches!(error, ApiError::Status { .. }) {
        // Network, or a 2xx that could not be read (a captive portal's page): the same
        // key later answers with the same case, if there is one.
        return None;
    }
    match error.code() {
        Some(C::RequestTimeout | C::TooManyRequests | C::Internal | C::Unavailable) => None,
        Some(C::BadRequest) => Some(NotSent::Unreadable),
        Some(C::NotFound) => Some(NotSent::UnknownService),
        Some(C::IdempotencyKeyReused) => Some(NotSent::KeyReused),
        Some(C::PayloadTooLarge) => Some(NotSent::TooLarge),
        Some(C::ValidationFailed) => Some(NotSent::Invalid),
        Some(C::IdentificationRequired | C::AssuranceTooLow | C::CsrfFailed) => {
            Some(NotSent::LoginNeeded)
        }
        Some(
            C::AlreadyPaid
            | C::NothingToPay
            | C::RequestClosed
            | C::MethodNotAllowed
            | C::UnsupportedMediaType
            | C::Unauthorized
            | C::SlotTaken
            | C::AppointmentPassed,
        )
        | None => Some(NotSent::Refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::json;

    fn refused(status: u16) -> Option<NotSent> {
        refusal(&ApiError::Status { status, body: None })
    }

    /// An answer of the backend: its status and error code.
    fn answered(status: u16, error: ApiErrorCode) -> Option<NotSent> {
        let body = rathaus_core::api::ErrorBody {
            error,
            errors: Vec::new(),
        };
        refusal(&ApiError::Status {
            status,
            body: Some(body),
        })
    }

    #[test]
    fn only_what_may_pass_later_is_tried_again() {
        assert_eq!(refusal(&ApiError::Network), None);
        assert_eq!(refusal(&ApiError::Decode), None);
        for status in [408, 429, 500, 502, 503, 504] {
            assert_eq!(refused(status), None, "{status}");
        }
    }

    #[test]
    fn every_refusal_says_why_by_the_backends_code() {
        use ApiErrorCode as C;
        assert_eq!(answered(400, C::BadRequest), Some(NotSent::Unreadable));
        assert_eq!(answered(404, C::NotFound), Some(NotSent::UnknownService));
        assert_eq!(
            answered(409, C::IdempotencyKeyReused),
            Some(NotSent::KeyReused)
        );
        assert_eq!(answered(413, C::PayloadTooLarge), Some(NotSent::TooLarge));
        assert_eq!(answered(422, C::ValidationFailed), Some(NotSent::Invalid));
        // Kept as a draft until the citizen has logged in (again).
        for code in [C::IdentificationRequired, C::AssuranceTooLow, C::CsrfFailed] {
            assert_eq!(answered(403, code), Some(NotSent::LoginNeeded), "{code:?}");
        }
        for code in [
            C::MethodNotAllowed,
            C::UnsupportedMediaType,
            C::NothingToPay,
        ] {
            assert_eq!(answered(400, code), Some(NotSent::Refused), "{code:?}");
        }
        // The code decides, not the status: a 503 that says "too many" passes later,
        // a 409 that is not about the key is no key problem.
        assert_eq!(answered(503, C::TooManyRequests), None);
        assert_eq!(answered(409, C::AlreadyPaid), Some(NotSent::Refused));
        for code in [
            C::RequestTimeout,
            C::TooManyRequests,
            C::Internal,
            C::Unavailable,
        ] {
            assert_eq!(answered(500, code), None, "{code:?}");
        }
    }

    #[test]
    fn an_answer_without_the_backends_body_is_judged_by_its_status() {
        assert_eq!(refused(400), Some(NotSent::Unreadable));
        assert_eq!(refused(404), Some(NotSent::UnknownService));
        assert_eq!(refused(413), Some(NotSent::TooLarge));
        assert_eq!(refused(422), Some(NotSent::Invalid));
        // 409 without a code could be any conflict: refused, not taken for a reused key.
        for status in [401, 403, 405, 409, 410, 415] {
            assert_eq!(refused(status), Some(NotSent::Refused), "{status}");
        }
    }

    #[test]
    fn the_reason_is_kept_with_the_draft() {
        for why in [
            NotSent::Invalid,
            NotSent::Unreadable,
            NotSent::UnknownService,
            NotSent::KeyReused,
            NotSent::TooLarge,
            NotSent::LoginNeeded,
            NotSent::Refused,
            NotSent::Expired,
        ] {
            let text = json::to_string(&why);
            assert_eq!(json::from_str::<NotSent>(&text), Ok(why));
        }
    }
}
