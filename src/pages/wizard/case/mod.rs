//! One application, from sending to the end. The page leads with what the citizen has
//! to do now — answer the office, pay the fee — right after the case number and access
//! code (what they must keep); then where the case stands, its history, and the
//! details of the confirmation. Its heading and the tab's title say what the page is
//! about now. Read from the device (or this tab, after a lookup), so that it opens
//! without a connection; the backend's word is fetched on arrival, when the citizen
//! comes back to the tab, and now and then while it is shown.

mod answer;
mod answer_form;
mod codes;
mod subject;
mod timeline;
mod tracker;

use leptos::prelude::*;
use rathaus_core::case::CaseStatus;
use rathaus_core::date::Timestamp;
use rathaus_core::{format, Locale};

use crate::i18n::{use_i18n, Key};
use crate::page::use_changing_document_title;
use crate::pages::wizard::payment::{Fee, PaymentSection, Receipt, Standing};
use crate::store::{self, SavedApplication};
use answer_form::AnswerSection;
use codes::CaseCodes;
use subject::{fee_due, Subject};
use timeline::CaseStatusSection;
pub use tracker::Latest;
use tracker::Tracker;

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

#[component]
pub fn CasePage(case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(app) = store::find_application(&case_number) else {
        crate::page::use_document_title(i18n.t(Key::StatusTitle).into(), false.into());
        return view! {
            <h1 class="heading-xl">{i18n.t(Key::StatusTitle)}</h1>
            <p>{i18n.t(Key::ConfirmationUnknown)}</p>
            <p><a href="/status">{i18n.t(Key::CheckStatus)}</a></p>
        }
        .into_any();
    };
    // Sent from this device (or kept from a lookup), not only open in this tab.
    let kept = RwSignal::new(store::is_kept(&case_number));
    let tracker = Tracker::start(app.clone());
    let (fee, last_payment, last_status) = (app.fee, app.last_payment, app.last_status);
    let sent_here = app.sent_here;
    let due = Memo::new(move |_| tracker.payments.with(|s| fee_due(fee, s, last_payment)));
    let subject = Memo::new(move |_| {
        let status = tracker.case.with(|c| c.as_ref().map(|c| c.status));
        // Before the first answer, the device's last word on a question.
        let question = tracker.question.with(Option::is_some)
            || (status.is_none() && last_status == Some(CaseStatus::ActionNeeded));
        Subject::of(sent_here, status.or(last_status), question, due.get())
    });
    let title = {
        let number = case_number.clone();
        Signal::derive(move || subject.get().title(i18n, &number))
    };
    use_changing_document_title(title, tracker.answer_errors.into());

    let sent = move || subject.get() == Subject::Sent;
    let service_title = i18n.said(&app.service_title);
    let reload = Callback::new(move |()| {
        tracker.payments.set(Standing::Loading);
        tracker.refresh();
    });
    let fee_to_pay = {
        let app = app.clone();
        move || {
            due.get().then(|| {
                view! {
                    <section aria-labelledby="fee-due-title">
                        <h2 class="heading-m" id="fee-due-title">{i18n.t(Key::FeeToPay)}</h2>
                        <PaymentSection app=app.clone() state=tracker.payments reload=reload />
                    </section>
                }
            })
        }
    };
    view! {
        // One heading throughout: what it says changes, focus on it stays.
        <div class=move || if sent() { "panel case-head" } else { "case-head" }>
            <h1 class=move || if sent() { "panel__title" } else { "heading-xl" }>{move || title.get()}</h1>
            <p class=move || if sent() { "panel__body" } else { "lead" } lang=service_title.lang>{service_title.text}</p>
        </div>
        <CaseCodes app=app.clone() kept=kept />
        <KeepOffer case_number=case_number kept=kept />
        <AnswerSection tracker=tracker />
        {fee_to_pay}
        <CaseStatusSection tracker=tracker />
        <Details app=app tracker=tracker due=due />
    }
    .into_any()
}

/// A case looked up in this tab: the offer to keep it in "Meine Anträge".
#[component]
fn KeepOffer(case_number: String, kept: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let case_number = case_number.clone();
        (!kept.get()).then(|| {
            view! {
                <div class="notice no-print">
                    <p>{i18n.t(Key::KeepOnDeviceText)}</p>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            // Kept in this visit even if the device refuses; the codes
                            // then say that they must be noted.
                            store::keep(&case_number);
                            kept.set(true);
                        }
                    >
                        {i18n.t(Key::KeepOnDevice)}
                    </button>
                </div>
            }
        })
    }
}

/// The confirmation's details, last: the service, when it was sent, what happens next,
/// and the fee once paid (with its receipt).
#[component]
fn Details(app: SavedApplication, tracker: Tracker, due: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let submitted = format_timestamp(&app.submitted_at, i18n.locale());
    let paid = move || {
        if due.get() {
            return None;
        }
        match tracker.payments.get() {
            Standing::Known(Fee::Paid(p)) => Some(view! {
                <h3 class="heading-s">{i18n.t(Key::FeeLabel)}</h3>
                <p><strong data-testid="payment-state">{i18n.t(Key::PaymentPaid)}</strong></p>
                <Receipt payment=p />
            }),
            _ => None,
        }
    };
    view! {
        <section aria-labelledby="details-title">
            <h2 class="heading-m" id="details-title">{i18n.t(Key::ConfirmationDetails)}</h2>
            <dl class="facts">
                <div class="facts__row">
                    <dt>{i18n.t(Key::Service)}</dt>
                    <dd lang=i18n.lang_of(&app.service_title)>{i18n.text(&app.service_title)}</dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::CaseNumberLabel)}</dt>
                    <dd><bdi>{app.case_number.clone()}</bdi></dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::SubmittedOn)}</dt>
                    <dd>{submitted}</dd>
                </div>
            </dl>
            {app.what_happens_next.map(|t| view! {
                <h3 class="heading-s">{i18n.t(Key::WhatHappensNext)}</h3>
                <p lang=i18n.lang_of(&t)>{i18n.text(&t)}</p>
            })}
            {paid}
        </section>
        <div class="button-group no-print">
            <crate::components::PrintButton />
            <a href="/applications">{i18n.t(Key::NavApplications)}</a>
            <a href="/">{i18n.t(Key::ToCatalogue)}</a>
        </div>
    }
}
