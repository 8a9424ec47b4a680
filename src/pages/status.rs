//! Look up an application by case number and access code, from any device.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::api::CaseView;
use rathaus_core::case::{normalize_access_code, normalize_case_number, CaseStatus};
use rathaus_core::date::Timestamp;
use rathaus_core::{format, Locale};

use crate::api::{self, ApiError};
use crate::components::{Button, ErrorSummary, SummaryError, TextInput, TextInputKind};
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::services::Fetched;

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

/// One of the two code boxes: what was typed, its error, and how it is read.
#[derive(Clone, Copy)]
struct CodeField {
    typed: RwSignal<String>,
    error: RwSignal<Option<Key>>,
    read: fn(&str) -> Option<String>,
    required: Key,
    invalid: Key,
}

impl CodeField {
    fn new(read: fn(&str) -> Option<String>, required: Key, invalid: Key) -> CodeField {
        CodeField {
            typed: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            read,
            required,
            invalid,
        }
    }

    /// The code as written, or `None` with the error set.
    fn check(self) -> Option<String> {
        let typed = self.typed.get_untracked();
        let code = (self.read)(&typed);
        self.error.set(match (&code, typed.trim().is_empty()) {
            (_, true) => Some(self.required),
            (None, false) => Some(self.invalid),
            _ => None,
        });
        code
    }

    /// Keeps what is typed; removes the error once the code reads (never adds one).
    fn input(self, text: String) {
        let reads = (self.read)(&text).is_some();
        self.typed.set(text);
        if reads && self.error.get_untracked().is_some() {
            self.error.set(None);
        }
    }
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let case = CodeField::new(
        normalize_case_number,
        Key::CaseNumberRequired,
        Key::CaseNumberInvalid,
    );
    let code = CodeField::new(
        normalize_access_code,
        Key::AccessCodeRequired,
        Key::AccessCodeInvalid,
    );
    let (case_error, code_error) = (case.error, code.error);
    let lookup: Fetched<CaseView> = RwSignal::new(None);
    let pending = RwSignal::new(false);

    use_document_title(
        i18n.t(Key::StatusTitle).into(),
        Signal::derive(move || case_error.get().is_some() || code_error.get().is_some()),
    );

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if let (Some(case), Some(code)) = (case.check(), code.check()) {
            pending.set(true);
            crate::spawn(async move {
                let result = api::get_case(&case, &code).await;
                if pending.try_set(false).is_none() {
                    lookup.set(Some(result));
                }
            });
        }
    };

    let message = move |key: RwSignal<Option<Key>>| {
        Signal::derive(move || key.get().map(|k| i18n.t(k).to_owned()))
    };
    let summary = Signal::derive(move || {
        [
            ("#case-number", case_error.get()),
            ("#access-code", code_error.get()),
        ]
        .into_iter()
        .filter_map(|(href, key)| {
            key.map(|k| SummaryError {
                href: href.into(),
                message: i18n.t(k).to_owned(),
            })
        })
        .collect::<Vec<_>>()
    });

    let result = move || {
        lookup.get().map(|result| match result {
            Ok(case) => view! { <CaseStatusView case=case /> }.into_any(),
            Err(e) => {
                let key = match e {
                    e if e.is_not_found() => Key::CaseNotFound,
                    ApiError::Network => Key::OfflineError,
                    _ => Key::ServerError,
                };
                view! { <div class="notice notice--error" role="alert"><p>{i18n.t(key)}</p></div> }
                    .into_any()
            }
        })
    };

    view! {
        <ErrorSummary errors=summary />
        <h1 class="heading-xl">{i18n.t(Key::StatusTitle)}</h1>
        <p class="lead">{i18n.t(Key::StatusIntro)}</p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id="case-number"
                label=i18n.t(Key::CaseNumberLabel)
                hint=i18n.t(Key::CaseNumberHint)
                error=message(case_error)
                value=case.typed
                on_input=move |v: String| case.input(v)
                kind=TextInputKind::Code
                autocomplete="off"
            />
            <TextInput
                id="access-code"
                label=i18n.t(Key::AccessCodeLabel)
                hint=i18n.t(Key::AccessCodeHint)
                error=message(code_error)
                value=code.typed
                on_input=move |v: String| code.input(v)
                kind=TextInputKind::Code
                autocomplete="off"
            />
            <Button
                label=i18n.t(Key::ShowStatus)
                busy=pending
                busy_label=i18n.t(Key::Loading)
            />
        </form>
        <div aria-live="polite">{result}</div>
    }
}

#[component]
fn CaseStatusView(case: CaseView) -> impl IntoView {
    let i18n = use_i18n();
    let status = case.status;
    let title = case.service_title.clone();
    let submitted = case.submitted_at.clone();
    let events = case.events.clone();
    view! {
        <section class="case-status" aria-labelledby="case-status-title">
            <h2 class="heading-l" id="case-status-title">
                {i18n.t(Key::CurrentStatus)} ": "
                <span class=format!("tag tag--{}", status.name())>{i18n.t(status_key(status))}</span>
            </h2>
            <dl class="facts">
                <div class="facts__row">
                    <dt>{i18n.t(Key::CaseNumberLabel)}</dt>
                    <dd>{case.case_number.clone()}</dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::Service)}</dt>
                    <dd>{i18n.text(&title)}</dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::SubmittedOn)}</dt>
                    <dd>{format_timestamp(&submitted, i18n.locale())}</dd>
                </div>
            </dl>
            <h3 class="heading-m">{i18n.t(Key::Timeline)}</h3>
            <ol class="timeline" reversed>
                {events
                    .into_iter()
                    .rev()
                    .map(|e| {
                        let at = e.at.clone();
                        view! {
                            <li class="timeline__item">
                                <p class="timeline__title">{i18n.t(status_key(e.status))}</p>
                                <p class="timeline__date">{format_timestamp(&at, i18n.locale())}</p>
                                {e.message.map(|m| view! { <p class="timeline__message">{m}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
