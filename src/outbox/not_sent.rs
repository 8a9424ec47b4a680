//! Which failures the outbox tries again, and why one it will not try again went back
//! to being a draft.

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
            NotSent::Refused => Key::NotSentRefused,
            NotSent::Expired => Key::NotSentExpired,
        }
    }
}

/// Whether a failed attempt was refused for good (`Some`: why), or may pass later
/// (`None`: no connection, an unreadable answer, 408, 429, 5xx).
pub fn refusal(error: &ApiError) -> Option<NotSent> {
    let ApiError::Status { status, .. } = error else {
        // Network, or a 2xx that could not be read (a captive portal's page): the same
        // key later answers with the same case, if there is one.
        return None;
    };
    match status {
        408 | 429 | 500..=599 => None,
        400 => Some(NotSent::Unreadable),
        404 => Some(NotSent::UnknownService),
        409 => Some(NotSent::KeyReused),
        413 => Some(NotSent::TooLarge),
        422 => Some(NotSent::Invalid),
        _ => Some(NotSent::Refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::json;

    fn refused(status: u16) -> Option<NotSent> {
        refusal(&ApiError::Status { status, body: None })
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
    fn every_refusal_says_why() {
        assert_eq!(refused(400), Some(NotSent::Unreadable));
        assert_eq!(refused(404), Some(NotSent::UnknownService));
        assert_eq!(refused(409), Some(NotSent::KeyReused));
        assert_eq!(refused(413), Some(NotSent::TooLarge));
        assert_eq!(refused(422), Some(NotSent::Invalid));
        for status in [401, 403, 405, 410, 415] {
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
            NotSent::Refused,
            NotSent::Expired,
        ] {
            let text = json::to_string(&why);
            assert_eq!(json::from_str::<NotSent>(&text), Ok(why));
        }
    }
}
