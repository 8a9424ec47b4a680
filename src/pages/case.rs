//! One application, from sending to the end: the confirmation (case number and access
//! code), where the case stands with its timeline, the office's questions and the
//! citizen's answers, and the fee. Read from the device (or this tab, after a lookup),
//! so that it opens without a connection; the backend's word is fetched on arrival, when
//! the citizen comes back to the tab, and now and then while it is shown.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::api::{AnswerRequest, CaseEvent, CaseView, EventKind, OpenRequest};
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rathaus_core::definition::{Constraints, Field, FieldKind};
use rathaus_core::payment::{PaymentState, PaymentView};
use rathaus_core::{format, FieldError, FileRef, Locale, Text};

use crate::api::{self, ApiError};
use crate::components::{
    Button, ErrorSummary, FileUpload, LoadError, LocalRefusal, Panel, SummaryError, TextInput,
    TextInputKind,
};
use crate::file_store;
use crate::i18n::{use_i18n, Key};
use crate::page::{after, is_hidden, use_document_title, use_returns};
use crate::pages::payment::{standing, PaymentSection, Standing};
use crate::store::{self, SavedApplication};
use crate::wizard::messages::field_error_message;

pub fn status_key(status: CaseStatus) -> Key {
    match status {
        CaseStatus::Received => Key::StatusReceived,
        CaseStatus::InReview => Key::StatusInReview,
        CaseStatus::ActionNeeded => Key::StatusActionNeeded,
        CaseStatus::Approved => Key::StatusApproved,
        CaseStatus::Rejected => Key::StatusRejected,
        CaseStatus::Completed => Key::StatusCompleted,
    }
}

/// "26. November 2026, 14:32" in the city's time.
pub fn format_timestamp(rfc3339: &str, locale: Locale) -> String {
    match Timestamp::parse_rfc3339(rfc3339) {
        Some(t) => {
            let (date, minutes) = t.berlin_local();
            format!(
                "{}, {}",
                format::date(date, locale),
                format::time_of_day(minutes)
            )
        }
        None => rfc3339.to_owned(),
    }
}

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

/// The backend's word on one case, kept fresh while the page is shown.
#[derive(Clone, Copy)]
struct Tracker {
    app: StoredValue<SavedApplication>,
    /// The last answer; `None` until the first.
    case: RwSignal<Option<CaseView>>,
    payments: RwSignal<Standing>,
    /// Payments as listed, for the timeline.
    payment_list: RwSignal<Vec<PaymentView>>,
    /// The last refresh failed (what was shown before stays).
    failed: RwSignal<Option<ApiError>>,
    loading: RwSignal<bool>,
    /// Which refresh a waiting timer belongs to: a newer one makes older timers void.
    round: StoredValue<u32>,
    delay: StoredValue<u64>,
    /// Said once the citizen's answer is in.
    answered: RwSignal<bool>,
}

impl Tracker {
    fn start(app: SavedApplication) -> Tracker {
        let tracker = Tracker {
            app: StoredValue::new(app),
            case: RwSignal::new(None),
            payments: RwSignal::new(Standing::Loading),
            payment_list: RwSignal::new(Vec::new()),
            failed: RwSignal::new(None),
            loading: RwSignal::new(false),
            round: StoredValue::new(0),
            delay: StoredValue::new(QUICKEST),
            answered: RwSignal::new(false),
        };
        tracker.refresh();
        let returns = use_returns();
        Effect::new(move |seen: Option<u32>| {
            let now = returns.get();
            // Focus and visibility often come together: one refresh for both.
            if seen.is_some_and(|s| s != now) && !tracker.loading.get_untracked() {
                tracker.refresh();
            }
            now
        });
        tracker
    }

    /// Asks the backend now; then again after a while, unless the page is hidden (a
    /// return to it refreshes).
    fn refresh(self) {
        let Some(app) = self.app.try_get_value() else {
            return;
        };
        let round = self.round.get_value().wrapping_add(1);
        self.round.set_value(round);
        self.loading.set(true);
        crate::spawn(async move {
            let latest = Latest::of(&app).await;
            // Gone from the page meanwhile: nothing to show.
            if self.loading.try_set(false).is_some() {
                return;
            }
            self.app.set_value(latest.remember(&app));
            let changed = match latest.case {
                Ok(view) => {
                    let changed = self.case.get_untracked().as_ref() != Some(&view);
                    if changed {
                        self.case.set(Some(view));
                    }
                    if let Some(payments) = latest.payments {
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
            };
            let delay = if changed {
                QUICKEST
            } else {
                (self.delay.get_value() * 2).min(SLOWEST)
            };
            self.delay.set_value(delay);
            after(
                delay,
                Box::new(move || {
                    let current = self.round.try_get_value() == Some(round);
                    if current && !is_hidden() {
                        self.refresh();
                    }
                }),
            );
        });
    }

    /// The answer to the citizen's own change (an answer sent): shown at once.
    fn show(self, view: CaseView) {
        self.delay.set_value(QUICKEST);
        self.case.set(Some(view));
        self.answered.set(true);
        // The form is gone: focus goes to what replaced it.
        crate::page::next_frame(|| {
            crate::components::error_summary::focus_selector("#answer-sent")
        });
    }
}

#[component]
pub fn CasePage(case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(app) = store::find_application(&case_number) else {
        use_document_title(i18n.t(Key::StatusTitle).into(), false.into());
        return view! {
            <h1 class="heading-xl">{i18n.t(Key::StatusTitle)}</h1>
            <p>{i18n.t(Key::ConfirmationUnknown)}</p>
            <p><a href="/status">{i18n.t(Key::CheckStatus)}</a></p>
        }
        .into_any();
    };
    let kept = RwSignal::new(store::is_kept(&case_number));
    // Sent from this device: the page is its confirmation. Looked up: its status.
    let title = if kept.get_untracked() {
        Key::ConfirmationTitle
    } else {
        Key::StatusTitle
    };
    use_document_title(i18n.t(title).into(), false.into());
    let tracker = Tracker::start(app.clone());
    let next = app.what_happens_next.clone();
    let submitted = format_timestamp(&app.submitted_at, i18n.locale());
    let service_title = i18n.text(&app.service_title);
    let number = app.case_number.clone();
    let heading = if kept.get_untracked() {
        view! {
            <Panel title=i18n.t(Key::ConfirmationTitle)>
                <p>{service_title}</p>
                <p>
                    {i18n.t(Key::YourCaseNumber)}
                    <strong class="panel__code" data-testid="case-number">{number}</strong>
                </p>
            </Panel>
        }
        .into_any()
    } else {
        view! { <h1 class="heading-xl">{i18n.t(Key::StatusTitle)}</h1> }.into_any()
    };
    let keep_offer = move || {
        let case_number = case_number.clone();
        (!kept.get()).then(|| {
            view! {
                <div class="notice no-print">
                    <p>{i18n.t(Key::KeepOnDeviceText)}</p>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            if store::keep(&case_number.clone()) {
                                kept.set(true);
                            }
                        }
                    >
                        {i18n.t(Key::KeepOnDevice)}
                    </button>
                </div>
            }
        })
    };
    let paying = app.clone();
    view! {
        {heading}
        {keep_offer}
        <div class="notice">
            <p>
                {i18n.t(Key::YourAccessCode)} ": "
                <strong class="code" data-testid="access-code">{app.access_code.clone()}</strong>
            </p>
            <p>{i18n.t(Key::KeepCodes)}</p>
        </div>
        <dl class="facts">
            <div class="facts__row">
                <dt>{i18n.t(Key::SubmittedOn)}</dt>
                <dd>{submitted}</dd>
            </div>
        </dl>
        {next.map(|t| view! {
            <h2 class="heading-m">{i18n.t(Key::WhatHappensNext)}</h2>
            <p>{i18n.text(&t)}</p>
        })}
        <CaseStatusSection tracker=tracker />
        {(app.fee.cents() > 0).then(|| view! {
            <h2 class="heading-m">{i18n.t(Key::FeeLabel)}</h2>
            <PaymentSection
                app=paying.clone()
                state=tracker.payments
                reload=move |()| {
                    tracker.payments.set(Standing::Loading);
                    tracker.refresh();
                }
            />
        })}
        <div class="button-group no-print">
            <button
                type="button"
                class="button button--secondary"
                on:click=|_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
            >
                {i18n.t(Key::Print)}
            </button>
            <a href="/applications">{i18n.t(Key::NavApplications)}</a>
            <a href="/">{i18n.t(Key::ToCatalogue)}</a>
        </div>
    }
    .into_any()
}

/// Where the case stands: status, the office's open question (with the form to answer
/// it), and the timeline of the case and its payments.
#[component]
fn CaseStatusSection(tracker: Tracker) -> impl IntoView {
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
        let question = case.open_request.clone().map(|request| {
            view! { <AnswerForm tracker=tracker request=request /> }
        });
        let entries = timeline(&case.events, &tracker.payment_list.get());
        view! {
            <section class="case-status" aria-labelledby="case-status-title">
                <h2 class="heading-l" id="case-status-title">
                    {i18n.t(Key::CurrentStatus)} ": "
                    <span class=format!("tag tag--{}", status.name())>{i18n.t(status_key(status))}</span>
                </h2>
                {failed}
                {tracker.answered.get().then(|| view! {
                    <div class="notice notice--success" id="answer-sent" tabindex="-1" role="status">
                        <p>{i18n.t(Key::AnswerSent)}</p>
                    </div>
                })}
                <dl class="facts">
                    <div class="facts__row">
                        <dt>{i18n.t(Key::CaseNumberLabel)}</dt>
                        <dd>{case.case_number.clone()}</dd>
                    </div>
                    <div class="facts__row">
                        <dt>{i18n.t(Key::Service)}</dt>
                        <dd>{i18n.text(&case.service_title)}</dd>
                    </div>
                </dl>
                {question}
                <h3 class="heading-m">{i18n.t(Key::Timeline)}</h3>
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

/// The two questions of an answer, as wizard fields, so their errors read like every
/// other error of the app.
fn answer_fields(request: &OpenRequest, i18n: crate::i18n::I18n) -> (Field, Field) {
    let own = |key: Key| Text::new(i18n.t(key), i18n.t(key));
    let field = |id: &str, kind, label: Key, constraints| Field {
        id: id.into(),
        kind,
        label: own(label),
        hint: None,
        optional: false,
        options: vec![],
        constraints,
        show_if: None,
        autocomplete: None,
        messages: Default::default(),
    };
    let mut text = field(
        "answer-text",
        FieldKind::LongText,
        Key::AnswerTextLabel,
        Constraints {
            max_length: Some(rathaus_core::api::ANSWER_MAX_CHARS as u32),
            ..Default::default()
        },
    );
    text.messages
        .insert("required".into(), own(Key::AnswerTextRequired));
    let mut files = field(
        "answer-files",
        FieldKind::File,
        if request.wants_document {
            Key::AnswerFilesLabel
        } else {
            Key::AnswerFilesOptional
        },
        Constraints {
            max_count: Some(5),
            ..Default::default()
        },
    );
    files
        .messages
        .insert("invalid".into(), own(Key::AnswerFileLost));
    (text, files)
}

/// Uploads files chosen while offline (kept on the device until now).
async fn upload_local(files: Vec<FileRef>) -> Result<Vec<FileRef>, ApiError> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        if !file_store::is_local(&file) {
            out.push(file);
            continue;
        }
        let blob = file_store::load(&file.id).await.ok_or(ApiError::Decode)?;
        let stored = api::upload_attachment(&blob, &file.name).await?;
        file_store::keep(&stored.id, &blob).await;
        file_store::forget(vec![file.id.clone()]);
        out.push(stored);
    }
    Ok(out)
}

/// The office's question and the citizen's answer: text and/or documents. A failed
/// send keeps everything typed and chosen; a retry is the same answer (one key).
#[component]
fn AnswerForm(tracker: Tracker, request: OpenRequest) -> impl IntoView {
    let i18n = use_i18n();
    let (text_field, files_field) = answer_fields(&request, i18n);
    // What was written before (a reload, a closed tab) comes back.
    let (case_number, request_key) = (
        tracker.app.with_value(|a| a.case_number.clone()),
        request.id.clone(),
    );
    let kept = store::load_answer(&case_number, &request_key);
    let text = RwSignal::new(kept.text);
    let files = RwSignal::new(kept.files);
    let keep = Callback::new(move |()| {
        let draft = store::AnswerDraft {
            text: text.get_untracked(),
            files: files.get_untracked(),
        };
        store::save_answer(&case_number, &request_key, &draft);
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Key>);
    let pending = RwSignal::new(false);
    let key = StoredValue::new(api::new_idempotency_key());
    let request_id = request.id.clone();
    let wants_document = request.wants_document;

    let message_for = {
        let (text_field, files_field) = (text_field.clone(), files_field.clone());
        move |field: &'static str| {
            let (text_field, files_field) = (text_field.clone(), files_field.clone());
            Signal::derive(move || {
                errors.with(|list| {
                    list.iter().find(|e| e.field == field).map(|e| {
                        let which = if field == "text" {
                            &text_field
                        } else {
                            &files_field
                        };
                        field_error_message(which, e, i18n.locale())
                    })
                })
            })
        }
    };
    let text_error = message_for("text");
    let files_error = message_for("attachments");
    let summary = Signal::derive(move || {
        [
            ("#answer-text", text_error.get()),
            ("#answer-files", files_error.get()),
        ]
        .into_iter()
        .filter_map(|(href, message)| {
            message.map(|message| SummaryError {
                href: href.into(),
                message,
            })
        })
        .collect::<Vec<_>>()
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let answer = AnswerRequest {
            request_id: request_id.clone(),
            text: text.get_untracked(),
            attachments: files.get_untracked(),
        };
        let probe = OpenRequest {
            id: String::new(),
            message: String::new(),
            wants_document,
            asked_at: String::new(),
        };
        let problems = answer.problems(&probe);
        failure.set(None);
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        pending.set(true);
        crate::spawn(async move {
            let Some(app) = tracker.app.try_get_value() else {
                return;
            };
            let mut answer = answer;
            let sent = match upload_local(answer.attachments.clone()).await {
                Ok(uploaded) => {
                    answer.attachments = uploaded.clone();
                    let _ = files.try_set(uploaded);
                    api::answer_request(
                        &app.case_number,
                        &app.access_code,
                        &key.get_value(),
                        &answer,
                    )
                    .await
                }
                Err(e) => Err(e),
            };
            if pending.try_set(false).is_some() {
                return;
            }
            match sent {
                Ok(view) => {
                    file_store::forget(answer.attachments.iter().map(|f| f.id.clone()).collect());
                    let _ = text.try_set(String::new());
                    let _ = files.try_set(Vec::new());
                    keep.run(());
                    tracker.show(view);
                }
                Err(ApiError::Status { status: 422, body }) => {
                    errors.set(body.map(|b| b.errors).unwrap_or_default());
                }
                Err(ApiError::Status { status: 409, .. }) => {
                    failure.set(Some(Key::AnswerClosed));
                    tracker.refresh();
                }
                Err(ApiError::Network) => failure.set(Some(Key::AnswerOffline)),
                Err(_) => failure.set(Some(Key::ServerError)),
            }
        });
    };

    let refusal_message = {
        let files_field = files_field.clone();
        Callback::new(move |refusal: LocalRefusal| {
            crate::wizard::messages::refusal_message(&files_field, refusal, i18n.locale())
        })
    };
    let asked = format_timestamp(&request.asked_at, i18n.locale());
    view! {
        <div class="case-question" data-testid="open-request">
            <h3 class="heading-m">{i18n.t(Key::EventRequest)}</h3>
            <p class="timeline__date">{asked}</p>
            <div class="inset"><p>{request.message.clone()}</p></div>
            <ErrorSummary errors=summary />
            {move || failure.get().map(|k| view! {
                <div class="notice notice--error" role="alert"><p>{i18n.t(k)}</p></div>
            })}
            <form novalidate on:submit=on_submit>
                <TextInput
                    id="answer-text"
                    label=i18n.t(Key::AnswerTextLabel)
                    hint=i18n.t(Key::AnswerTextHint)
                    error=text_error
                    value=text
                    on_input=move |v: String| {
                        text.set(v);
                        keep.run(());
                    }
                    kind=TextInputKind::LongText
                />
                <FileUpload
                    id="answer-files"
                    label=i18n.t(if wants_document { Key::AnswerFilesLabel } else { Key::AnswerFilesOptional })
                    hint=i18n.t(Key::AnswerFilesHint)
                    error=files_error
                    constraints=files_field.constraints.clone()
                    value=files
                    on_change=Callback::new(move |list: Vec<FileRef>| {
                        files.set(list);
                        keep.run(());
                    })
                    refusal_message=refusal_message
                />
                <Button
                    label=i18n.t(Key::SendAnswer)
                    busy=pending
                    busy_label=i18n.t(Key::AnswerSending)
                />
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::payment::PaymentEvent;
    use rathaus_core::Money;

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
            id: "p".into(),
            case_number: "2026-AAAA-BBBB".into(),
            state: PaymentState::Payed,
            amount: Money(1300),
            purpose: Text::new("", ""),
            method: None,
            reference: String::new(),
            failure_reason: None,
            redirect_url: None,
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
