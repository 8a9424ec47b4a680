//! Where the case stands, and its history: the office's moves, messages, questions and
//! the citizen's answers, with the payments, newest first.

use leptos::prelude::*;
use rathaus_core::api::{CaseEvent, EventKind};
use rathaus_core::payment::PaymentState;
use rathaus_core::timeline::{self, Happened};

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
        let entries = timeline::of(&case.events, &tracker.payment_list.get());
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
                                Happened::Case(e) => (case_event_title(&e), e.message, e.attachments),
                                Happened::Payment(state) => (payment_event_title(state), None, vec![]),
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
