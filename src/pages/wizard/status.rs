//! Look up an application by case number and access code, from any device. A case
//! found opens on its own page (status, timeline, payment, the office's questions),
//! remembered for this tab only unless the citizen keeps it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::case::{normalize_access_code, normalize_case_number};

use crate::api::{self, ApiError};
use crate::components::{Button, ErrorSummary, SummaryError, TextInput, TextInputKind};
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::router::{urls, use_router};
use crate::store::{self, SavedApplication};
use rathaus_core::api::ApiErrorCode;

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
    let failure = RwSignal::new(None::<ApiError>);
    let router = use_router();
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
            failure.set(None);
            crate::spawn(async move {
                let result = api::get_case(&case, &code).await;
                if pending.try_set(false).is_some() {
                    return;
                }
                match result {
                    Ok(found) => {
                        store::remember_looked_up(SavedApplication::from_case(&found, &code));
                        router.navigate(&urls::case(&found.case_number));
                    }
                    Err(e) => failure.set(Some(e)),
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
        failure.get().map(|e| {
            let key = match e {
                e if e.is_not_found() => Key::CaseNotFound,
                e if e.code() == Some(ApiErrorCode::TooManyRequests) => Key::TooManyAttempts,
                ApiError::Network => Key::OfflineError,
                _ => Key::ServerError,
            };
            view! { <div class="notice notice--error" role="alert"><p>{i18n.t(key)}</p></div> }
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
