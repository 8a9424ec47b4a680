//! Where the case stands, and its history: the office's moves, messages, questions and
//! the citizen's answers, with the payments, newest first.

use leptos::prelude::*;
use rathaus_core::api::{CaseEvent, EventKind};
use rathaus_core::date::Timestamp;
use rathaus_core::payment::{PaymentState, PaymentView};

use super::tracker::Tracker;
use super::{format_timestamp, status_key};
use crate::components::LoadError;
use crate::i18n::{use_i18n, Key};

/// The status, then the timeline. Until the backend has answered: "loading", or what
/// went wrong with a retry.
#[component]
pub fn CaseStatusSection(tracker: Tracker) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let retry = move |()| tracker.refresh();
    move || {
        let failed = tracker
            .failed
            .get()
            .map(|e| view! { <LoadError error=e retry=retry /> });
        let Some(case) = tracker.case.get() else {
            return match failed {
                Some(failed) => failed.into_any(),
                None => view! { <p role="status">{i18n.t(Key::Loading)}</p> }.into_any(),
            };
        };
        let status = case.status;
        let entries = timeline(&case.events, &tracker.payment_list.get());
        view! {
            <section class="case-status" aria-labelledby="case-status-title">
                <h2 class="heading-l" id="case-status-title">
                    {i18n.t(Key::CurrentStatus)} ": "
                    <span class=format!("tag tag--{}", status.name())>{i18n.t(status_key(status))}</span>
                </h2>
                {failed}
            </section>
            <section aria-labelledby="timeline-title">
                <h2 class="heading-m" id="timeline-title">{i18n.t(Key::Timeline)}</h2>
                <ol class="timeline" reversed>
                    {entries
                        .into_iter()
                        .rev()
                        .map(|entry| {
                            let (title, message, files) = match entry.what {
                                Entry::Case(e) => (case_event_title(&e), e.message, e.attachments),
                                Entry::Payment(state) => (payment_event_title(state), None, vec![]),
                            };
                            view! {
                                <li class="timeline__item">
                                    <p class="timeline__title">{i18n.t(title)}</p>
                                    <p class="timeline__date">{format_timestamp(&entry.at, locale)}</p>
                                    {message.map(|m| view! { <p class="timeline__message">{m}</p> })}
                                    {(!files.is_empty()).then(|| view! {
                                        <ul class="timeline__files">
                                            {files.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        }
        .into_any()
    }
}

fn case_event_title(e: &CaseEvent) -> Key {
    match e.kind {
        EventKind::Status => status_key(e.status),
        EventKind::Message => Key::EventMessage,
        EventKind::Request => Key::EventRequest,
        EventKind::Answer => Key::EventAnswer,
    }
}

fn payment_event_title(state: PaymentState) -> Key {
    match state {
        PaymentState::Initial => Key::EventPaymentStarted,
        PaymentState::Payed => Key::PaymentPaid,
        PaymentState::Canceled => Key::PaymentCanceled,
        PaymentState::Failed => Key::PaymentFailed,
    }
}

enum Entry {
    Case(CaseEvent),
    Payment(PaymentState),
}

struct TimelineEntry {
    at: String,
    what: Entry,
}

/// The case's events and its payments' events in one list, oldest first.
fn timeline(events: &[CaseEvent], payments: &[PaymentView]) -> Vec<TimelineEntry> {
    let mut all: Vec<TimelineEntry> = events
        .iter()
        .map(|e| TimelineEntry {
            at: e.at.clone(),
            what: Entry::Case(e.clone()),
        })
        .chain(payments.iter().flat_map(|p| {
            p.events.iter().map(|e| TimelineEntry {
                at: e.at.clone(),
                what: Entry::Payment(e.state),
            })
        }))
        .collect();
    // Stable: events at the same second keep their order.
    all.sort_by_key(|e| Timestamp::parse_rfc3339(&e.at).map(|t| t.0).unwrap_or(0));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::case::CaseStatus;
    use rathaus_core::payment::PaymentEvent;

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
            ..crate::pages::wizard::payment::test_payment(PaymentState::Payed)
        };
        let order: Vec<String> = timeline(&events, &[payment])
            .into_iter()
            .map(|e| match e.what {
                Entry::Case(c) => format!("{} {}", c.status.name(), c.kind.name()),
                Entry::Payment(p) => format!("payment {p:?}"),
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
