//! The backend's word on one case, asked for on arrival, when the citizen comes back to
//! the tab, and now and then while the page is shown.

use leptos::prelude::*;
use rathaus_core::api::{AnswerRequest, CaseView, EventKind, OpenRequest};
use rathaus_core::date::Timestamp;
use rathaus_core::payment::PaymentView;

use crate::api::{self, ApiError};
use crate::file_store;
use crate::page::{is_hidden, use_returns};
use crate::pages::wizard::payment::{standing, Standing};
use crate::store::{self, SavedApplication};
use crate::task::{use_task, use_timer, Task, Timer};

/// First wait between refreshes; it doubles while nothing changes, up to [`SLOWEST`].
const QUICKEST: u64 = 15_000;
const SLOWEST: u64 = 300_000;

/// What the backend says about an application now: its case, and (where there is a
/// fee) its payments, asked for once the case has answered.
pub struct Latest {
    pub case: Result<CaseView, ApiError>,
    pub payments: Option<Result<Vec<PaymentView>, ApiError>>,
}

impl Latest {
    pub async fn of(app: &SavedApplication) -> Latest {
        let case = api::get_case(&app.case_number, &app.access_code).await;
        let payments = if app.fee.cents() > 0 && case.is_ok() {
            let list = api::list_payments(&app.case_number, &app.access_code).await;
            Some(list.map(|l| l.payments))
        } else {
            None
        };
        Latest { case, payments }
    }

    /// `app` with the status and payment state learnt ("Meine Anträge" shows them
    /// offline), saved on the device when they changed.
    pub fn remember(&self, app: &SavedApplication) -> SavedApplication {
        let mut next = app.clone();
        if let Ok(case) = &self.case {
            next.last_status = Some(case.status);
        }
        if let Some(Ok(list)) = &self.payments {
            next.last_payment = standing(list.clone()).state();
        }
        if &next != app {
            store::save_application(next.clone());
        }
        next
    }

    /// The first thing that could not be asked, if any.
    pub fn failure(&self) -> Option<ApiError> {
        let payments = self.payments.as_ref().and_then(|p| p.as_ref().err());
        self.case.as_ref().err().or(payments).cloned()
    }
}

/// Whether the case shows `request` as answered: no longer open, and an answer in the
/// timeline since it was asked.
pub fn shows_answered(case: &CaseView, request: &OpenRequest) -> bool {
    let asked = Timestamp::parse_rfc3339(&request.asked_at).map(|t| t.0);
    let still_open = case
        .open_request
        .as_ref()
        .is_some_and(|r| r.id == request.id);
    !still_open
        && case.events.iter().any(|e| {
            e.kind == EventKind::Answer && Timestamp::parse_rfc3339(&e.at).map(|t| t.0) >= asked
        })
}

/// The backend's word on one case, kept fresh while the page is shown.
#[derive(Clone, Copy)]
pub struct Tracker {
    pub app: StoredValue<SavedApplication>,
    /// The last answer; `None` until the first.
    pub case: RwSignal<Option<CaseView>>,
    pub payments: RwSignal<Standing>,
    /// Payments as listed, for the timeline.
    pub payment_list: RwSignal<Vec<PaymentView>>,
    /// The last refresh failed (what was shown before stays).
    pub failed: RwSignal<Option<ApiError>>,
    /// Asking the backend; leaving the page aborts it.
    asking: Task,
    /// The next refresh; a refresh now makes the one waiting void.
    next: Timer,
    delay: StoredValue<u64>,
    /// The office's question the answer form is for. It follows the case only while
    /// the form holds nothing of the citizen's: a refresh never takes away an answer
    /// that is being written or sent.
    pub question: RwSignal<Option<OpenRequest>>,
    /// The answer form holds text or files not yet with the office, or is sending them.
    pub answer_in_hand: RwSignal<bool>,
    /// The answer form shows errors: the page's title says so.
    pub answer_errors: RwSignal<bool>,
    /// Said once the citizen's answer is in.
    pub answered: RwSignal<bool>,
}

impl Tracker {
    pub fn start(app: SavedApplication) -> Tracker {
        let tracker = Tracker {
            app: StoredValue::new(app),
            case: RwSignal::new(None),
            payments: RwSignal::new(Standing::Loading),
            payment_list: RwSignal::new(Vec::new()),
            failed: RwSignal::new(None),
            asking: use_task(),
            next: use_timer(),
            delay: StoredValue::new(QUICKEST),
            question: RwSignal::new(None),
            answer_in_hand: RwSignal::new(false),
            answer_errors: RwSignal::new(false),
            answered: RwSignal::new(false),
        };
        tracker.refresh();
        let returns = use_returns();
        Effect::new(move |seen: Option<u32>| {
            let now = returns.get();
            // Focus and visibility often come together: one refresh for both.
            if seen.is_some_and(|s| s != now) && !tracker.asking.is_running() {
                tracker.refresh();
            }
            now
        });
        tracker
    }

    /// Asks the backend now; then again after a while, unless the page is hidden (a
    /// return to it refreshes).
    pub fn refresh(self) {
        let Some(app) = self.app.try_get_value() else {
            return;
        };
        self.next.cancel();
        let asked = app.clone();
        self.asking
            .start(async move { Latest::of(&asked).await }, move |latest| {
                self.app.set_value(latest.remember(&app));
                let changed = self.show(latest);
                let delay = if changed {
                    QUICKEST
                } else {
                    (self.delay.get_value() * 2).min(SLOWEST)
                };
                self.delay.set_value(delay);
                self.next.start(delay, move || {
                    if !is_hidden() {
                        self.refresh();
                    }
                });
            });
    }

    /// Shows what the backend said; whether the case changed.
    fn show(self, latest: Latest) -> bool {
        match latest.case {
            Ok(view) => {
                self.follow_question(&view);
                self.confirm_sent_answers(&view);
                let changed = self.case.get_untracked().as_ref() != Some(&view);
                if changed {
                    self.case.set(Some(view));
                }
                if let Some(payments) = latest.payments {
                    self.show_payments(payments);
                }
                self.failed.set(None);
                changed
            }
            Err(e) => {
                self.failed.set(Some(e.clone()));
                if self.payments.get_untracked() == Standing::Loading {
                    self.payments.set(Standing::Unavailable(e));
                }
                false
            }
        }
    }

    fn show_payments(self, payments: Result<Vec<PaymentView>, ApiError>) {
        let next = match &payments {
            Ok(list) => standing(list.clone()),
            Err(e) => Standing::Unavailable(e.clone()),
        };
        if self.payments.get_untracked() != next {
            self.payments.set(next);
        }
        if let Ok(list) = payments {
            if self.payment_list.get_untracked() != list {
                self.payment_list.set(list);
            }
        }
    }

    /// The form follows the office's question (a new one, or none) unless it holds
    /// something of the citizen's.
    fn follow_question(self, view: &CaseView) {
        if self.answer_in_hand.get_untracked() {
            return;
        }
        let next = view.open_request.clone();
        let same = self.question.with_untracked(|q| {
            q.as_ref().map(|r| r.id.as_str()) == next.as_ref().map(|r| r.id.as_str())
        });
        if !same {
            if next.is_some() {
                self.answered.set(false);
            }
            self.question.set(next);
        }
    }

    /// An answer sent before whose reply never came (the tab was reloaded or closed
    /// meanwhile), to a question the case no longer shows open: sent once more with its
    /// key — the backend answers with the case and records nothing twice — then
    /// forgotten. One still open is the form's, with its text and key.
    fn confirm_sent_answers(self, view: &CaseView) {
        let open = view.open_request.as_ref().map(|r| r.id.clone());
        // The form's own answer is the form's to send (it may be on its way right now).
        let form = self
            .question
            .with_untracked(|q| q.as_ref().map(|r| r.id.clone()));
        for (request_id, draft) in store::answers_of(&view.case_number) {
            let Some(key) = draft.key.clone() else {
                continue;
            };
            let waiting_upload = draft.files.iter().any(file_store::is_local);
            let handled = [&open, &form].contains(&&Some(request_id.clone()));
            if handled || waiting_upload {
                continue;
            }
            crate::spawn(async move {
                let Some(app) = self.app.try_get_value() else {
                    return;
                };
                let answer = AnswerRequest {
                    request_id: request_id.clone(),
                    text: draft.text,
                    attachments: draft.files,
                };
                let sent =
                    api::answer_request(&app.case_number, &app.access_code, &key, &answer).await;
                match sent {
                    Ok(view) => {
                        store::delete_answer(&app.case_number, &request_id);
                        file_store::forget(
                            answer.attachments.iter().map(|f| f.id.clone()).collect(),
                        );
                        if self.case.try_get_untracked().is_some() {
                            self.show_answered(view, false);
                        }
                    }
                    // Settled without it (withdrawn, or answered from elsewhere).
                    Err(e) if e.is_conflict() => {
                        store::delete_answer(&app.case_number, &request_id);
                    }
                    // No connection: again at the next refresh.
                    Err(_) => {}
                }
            });
        }
    }

    /// The office has the citizen's answer: shown at once, in place of the form (which
    /// had focus: it goes to what replaced it).
    pub fn show_answered(self, view: CaseView, from_form: bool) {
        self.delay.set_value(QUICKEST);
        self.answer_in_hand.set(false);
        self.answer_errors.set(false);
        self.answered.set(true);
        self.question.set(view.open_request.clone());
        self.case.set(Some(view));
        if from_form {
            crate::page::next_frame(|| {
                crate::components::error_summary::focus_selector("#answer-sent")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::api::CaseEvent;
    use rathaus_core::case::CaseStatus;
    use rathaus_core::{Money, Text};

    fn case(events: Vec<CaseEvent>, open: Option<OpenRequest>) -> CaseView {
        CaseView {
            case_number: "2026-AAAA-BBBB".into(),
            service_id: "s".into(),
            service_title: Text::new("", ""),
            status: CaseStatus::InReview,
            fee: Money(0),
            submitted_at: "2026-11-26T09:00:00Z".into(),
            events,
            open_request: open,
        }
    }

    fn event(at: &str, kind: EventKind) -> CaseEvent {
        CaseEvent {
            at: at.into(),
            status: CaseStatus::InReview,
            kind,
            message: None,
            attachments: vec![],
        }
    }

    fn request(id: &str, asked_at: &str) -> OpenRequest {
        OpenRequest {
            id: id.into(),
            message: "Welche Farbe?".into(),
            wants_document: false,
            asked_at: asked_at.into(),
        }
    }

    #[test]
    fn a_question_counts_as_answered_once_an_answer_follows_it() {
        let asked = request("r1", "2026-11-27T10:00:00Z");
        let still_open = case(vec![], Some(asked.clone()));
        assert!(!shows_answered(&still_open, &asked));
        let answered = case(
            vec![
                event("2026-11-27T10:00:00Z", EventKind::Request),
                event("2026-11-27T10:05:00Z", EventKind::Answer),
            ],
            None,
        );
        assert!(shows_answered(&answered, &asked));
        // Withdrawn (the office moved on) is not answered; an older answer does not count.
        let withdrawn = case(
            vec![
                event("2026-11-26T10:05:00Z", EventKind::Answer),
                event("2026-11-27T10:00:00Z", EventKind::Request),
            ],
            None,
        );
        assert!(!shows_answered(&withdrawn, &asked));
        // A newer question is open: the old one was answered.
        let next = case(
            vec![event("2026-11-27T10:05:00Z", EventKind::Answer)],
            Some(request("r2", "2026-11-28T08:00:00Z")),
        );
        assert!(shows_answered(&next, &asked));
    }
}
