//! A case's history as the citizen reads it: the office's moves, messages, questions and
//! answers, and the payments' changes, in one list in the order they happened.

use crate::api::CaseEvent;
use crate::date::Timestamp;
use crate::payment::{PaymentState, PaymentView};

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Happened {
    Case(CaseEvent),
    /// A payment changed to this state.
    Payment(PaymentState),
}

/// One entry: when (RFC 3339, as the backend wrote it) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub at: String,
    pub what: Happened,
}

/// The case's events and its payments' events in one list, oldest first. Events at the
/// same second keep the order the backend gave (the office made them in that order);
/// an unreadable time counts as the earliest.
pub fn of(events: &[CaseEvent], payments: &[PaymentView]) -> Vec<Entry> {
    let mut all: Vec<Entry> = events
        .iter()
        .map(|e| Entry {
            at: e.at.clone(),
            what: Happened::Case(e.clone()),
        })
        .chain(payments.iter().flat_map(|p| {
            p.events.iter().map(|e| Entry {
                at: e.at.clone(),
                what: Happened::Payment(e.state),
            })
        }))
        .collect();
    all.sort_by_key(|e| Timestamp::parse_rfc3339(&e.at).map(|t| t.0).unwrap_or(0));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::EventKind;
    use crate::case::CaseStatus;
    use crate::payment::PaymentEvent;
    use crate::{Money, Text};

    fn event(at: &str, status: CaseStatus, kind: EventKind) -> CaseEvent {
        CaseEvent {
            at: at.into(),
            status,
            kind,
            message: None,
            attachments: vec![],
        }
    }

    #[test]
    fn the_timeline_puts_case_and_payment_events_in_the_order_they_happened() {
        let events = [
            event(
                "2026-11-26T09:00:00Z",
                CaseStatus::Received,
                EventKind::Status,
            ),
            event(
                "2026-11-27T10:00:00Z",
                CaseStatus::InReview,
                EventKind::Status,
            ),
            event(
                "2026-11-27T10:00:00Z",
                CaseStatus::ActionNeeded,
                EventKind::Request,
            ),
        ];
        let payment = PaymentView {
            created_at: "2026-11-26T09:05:00Z".into(),
            expires_at: "2026-11-26T10:35:00Z".into(),
            events: vec![
                PaymentEvent {
                    at: "2026-11-26T09:05:00Z".into(),
                    state: PaymentState::Initial,
                    reason: None,
                },
                PaymentEvent {
                    at: "2026-11-26T09:07:00Z".into(),
                    state: PaymentState::Payed,
                    reason: None,
                },
            ],
            id: "p".into(),
            case_number: "2026-AAAA-BBBB".into(),
            state: PaymentState::Payed,
            amount: Money(1300),
            purpose: Text::new("", ""),
            method: None,
            reference: String::new(),
            failure_reason: None,
            redirect_url: None,
        };
        let order: Vec<String> = of(&events, &[payment])
            .into_iter()
            .map(|e| match e.what {
                Happened::Case(c) => format!("{} {}", c.status.name(), c.kind.name()),
                Happened::Payment(p) => format!("payment {p:?}"),
            })
            .collect();
        assert_eq!(
            order,
            [
                "received status",
                "payment Initial",
                "payment Payed",
                // Same second: the order the office made them in.
                "in_review status",
                "action_needed request",
            ]
        );
    }
}
