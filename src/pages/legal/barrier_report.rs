//! "Barriere melden": the feedback mechanism of the accessibility statement. The
//! citizen names the page, describes the barrier and may say how to answer; the report
//! goes to the backend (`POST /feedback`) once: a retry after a lost answer sends the
//! same bytes with the same key. A failed send keeps everything typed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::api::{ApiErrorCode, FeedbackReceipt, FeedbackReport};
use rathaus_core::{json, ErrorCode, FieldError, Locale};

use crate::api::{self, ApiError};
use crate::components::{Button, ErrorSummary, SummaryError, TextInput, TextInputKind};
use crate::i18n::{fill, use_i18n, Key};
use crate::page::{focus_main_heading, next_frame, use_document_title};
use crate::router::{LegalRoute, Route};

/// The form, until a report is sent; then its receipt.
#[component]
pub fn BarrierReportPage() -> impl IntoView {
    let sent = RwSignal::new(None::<FeedbackReceipt>);
    move || match sent.get() {
        None => view! { <ReportForm sent=sent /> }.into_any(),
        Some(receipt) => view! { <ReportSent receipt=receipt sent=sent /> }.into_any(),
    }
}

/// The three questions: the field of the report, its box's id and its label.
const FIELDS: [(&str, &str, Key); 3] = [
    ("page", "feedback-page", Key::FeedbackPageLabel),
    (
        "description",
        "feedback-description",
        Key::FeedbackDescriptionLabel,
    ),
    ("contact", "feedback-contact", Key::FeedbackContactLabel),
];

/// A problem with the report in words, in the form's own words where it has them.
fn message(locale: Locale, error: &FieldError) -> String {
    let label = FIELDS
        .iter()
        .find(|(field, ..)| *field == error.field)
        .map_or("", |(.., label)| label.text(locale));
    let limit = error.limit.as_deref().unwrap_or("");
    let (key, values) = match (error.field.as_str(), error.code) {
        ("page", ErrorCode::Required) => (Key::FeedbackPageRequired, vec![]),
        ("description", ErrorCode::Required) => (Key::FeedbackDescriptionRequired, vec![]),
        (_, ErrorCode::TooLong) => (Key::ErrTooLong, vec![("label", label), ("limit", limit)]),
        (_, ErrorCode::InvalidCharacters) => (Key::ErrInvalidCharacters, vec![("label", label)]),
        _ => (Key::ErrInvalid, vec![("label", label)]),
    };
    fill(key.text(locale), &values)
}

#[component]
fn ReportForm(sent: RwSignal<Option<FeedbackReceipt>>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = [(); 3].map(|()| RwSignal::new(String::new()));
    let [page, description, contact] = typed;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Key>);
    let pending = RwSignal::new(false);
    // The body last sent and its key: the same report again goes with the same key.
    let attempt = StoredValue::new(None::<(String, String)>);
    use_document_title(
        i18n.t(Key::FeedbackTitle).into(),
        Signal::derive(move || errors.with(|e| !e.is_empty())),
    );

    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| message(i18n.locale(), e))
            })
        })
    };
    let summary = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| SummaryError {
                    href: FIELDS
                        .iter()
                        .find(|(field, ..)| *field == e.field)
                        .map_or_else(String::new, |(_, id, _)| format!("#{id}")),
                    message: message(i18n.locale(), e),
                })
                .collect::<Vec<_>>()
        })
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let report = FeedbackReport {
            page: page.get_untracked(),
            description: description.get_untracked(),
            contact: contact.get_untracked(),
            locale: i18n.locale(),
        };
        failure.set(None);
        let problems = report.problems();
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        let body = json::to_string(&report);
        let key = match attempt.get_value() {
            Some((before, key)) if before == body => key,
            _ => api::new_idempotency_key(),
        };
        attempt.set_value(Some((body.clone(), key.clone())));
        pending.set(true);
        crate::spawn(async move {
            let result = api::send_feedback(&body, &key).await;
            if pending.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(receipt) => {
                    sent.set(Some(receipt));
                    next_frame(focus_main_heading);
                }
                Err(e) if e.field_errors().is_some() => {
                    errors.set(e.field_errors().unwrap_or_default());
                }
                Err(e) if e.code() == Some(ApiErrorCode::TooManyRequests) => {
                    failure.set(Some(Key::FeedbackTooMany));
                }
                Err(ApiError::Network) => failure.set(Some(Key::FeedbackOffline)),
                Err(_) => failure.set(Some(Key::ServerError)),
            }
        });
    };

    let contact_label = format!(
        "{} {}",
        i18n.t(Key::FeedbackContactLabel),
        i18n.t(Key::Optional)
    );
    view! {
        <ErrorSummary errors=summary />
        <p class="no-print"><a href=Route::Legal(LegalRoute::Accessibility).href()>{i18n.t(Key::AccessibilityTitle)}</a></p>
        <h1 class="heading-xl">{i18n.t(Key::FeedbackTitle)}</h1>
        <p class="lead">{i18n.t(Key::FeedbackIntro)}</p>
        {move || failure.get().map(|k| view! {
            <div class="notice notice--error" role="alert"><p>{i18n.t(k)}</p></div>
        })}
        <form novalidate on:submit=on_submit>
            <TextInput
                id="feedback-page"
                label=i18n.t(Key::FeedbackPageLabel)
                hint=i18n.t(Key::FeedbackPageHint)
                error=error_for("page")
                value=page
                on_input=move |v: String| page.set(v)
            />
            <TextInput
                id="feedback-description"
                label=i18n.t(Key::FeedbackDescriptionLabel)
                hint=i18n.t(Key::FeedbackDescriptionHint)
                error=error_for("description")
                value=description
                on_input=move |v: String| description.set(v)
                kind=TextInputKind::LongText
            />
            <TextInput
                id="feedback-contact"
                label=contact_label
                hint=i18n.t(Key::FeedbackContactHint)
                error=error_for("contact")
                value=contact
                on_input=move |v: String| contact.set(v)
            />
            <p>
                {i18n.t(Key::FeedbackPrivacy)} " "
                <a href=Route::Legal(LegalRoute::Privacy).href()>{i18n.t(Key::PrivacyTitle)}</a>
            </p>
            <Button
                label=i18n.t(Key::FeedbackSend)
                busy=pending
                busy_label=i18n.t(Key::FeedbackSending)
            />
        </form>
    }
}

#[component]
fn ReportSent(receipt: FeedbackReceipt, sent: RwSignal<Option<FeedbackReceipt>>) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::FeedbackSentTitle).into(), false.into());
    let text = fill(
        i18n.t(Key::FeedbackSentText),
        &[("reference", &receipt.reference)],
    );
    view! {
        // The confirmation panel's look, without its component (which lives in the
        // wizard's module).
        <div class="panel">
            <h1 class="panel__title">{i18n.t(Key::FeedbackSentTitle)}</h1>
            <div class="panel__body"><p data-testid="feedback-reference">{text}</p></div>
        </div>
        <p>
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| {
                    sent.set(None);
                    next_frame(focus_main_heading);
                }
            >
                {i18n.t(Key::FeedbackAnother)}
            </button>
        </p>
        <p><a href=Route::Legal(LegalRoute::Accessibility).href()>{i18n.t(Key::AccessibilityTitle)}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(field: &str, code: ErrorCode, limit: Option<&str>, locale: Locale) -> String {
        let error = FieldError {
            field: field.into(),
            code,
            limit: limit.map(str::to_owned),
        };
        message(locale, &error)
    }

    #[test]
    fn every_problem_the_backend_can_name_reads_as_a_sentence_about_its_question() {
        use ErrorCode::*;
        assert_eq!(
            said("page", Required, None, Locale::De),
            "Geben Sie an, auf welcher Seite die Barriere ist"
        );
        assert_eq!(
            said("description", TooLong, Some("5000"), Locale::De),
            "„Was ist passiert?“ darf höchstens 5000 Zeichen lang sein"
        );
        assert_eq!(
            said("contact", InvalidCharacters, None, Locale::En),
            "How can we answer you? contains characters that are not allowed"
        );
        // The rules' every outcome has words, and none is left with a placeholder.
        for (field, ..) in FIELDS {
            for code in [Required, TooLong, InvalidCharacters] {
                for locale in Locale::ALL {
                    let text = said(field, code, Some("5"), locale);
                    assert!(
                        !text.is_empty() && !text.contains('{'),
                        "{field} {code:?}: {text}"
                    );
                }
            }
        }
    }
}
