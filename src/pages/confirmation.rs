//! After sending: the case number and access code, what happens next, and how to keep
//! a record. Read from the device, so it survives a reload and a bookmark.

use leptos::prelude::*;

use crate::components::Panel;
use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::pages::payment::PaymentSection;
use crate::store;

#[component]
pub fn ConfirmationPage(case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::ConfirmationTitle).into(), false.into());
    match store::find_application(&case_number) {
        None => view! {
            <h1 class="heading-xl">{i18n.t(Key::ConfirmationTitle)}</h1>
            <p>{i18n.t(Key::ConfirmationUnknown)}</p>
            <p><a href="/status">{i18n.t(Key::CheckStatus)}</a></p>
        }
        .into_any(),
        Some(app) => {
            let (title, next, fee) = (
                app.service_title.clone(),
                app.what_happens_next.clone(),
                app.fee,
            );
            let submitted = app.submitted_at.clone();
            let paying = app.clone();
            let submitted_text = crate::pages::status::format_timestamp(&submitted, i18n.locale());
            view! {
                <Panel title=i18n.t(Key::ConfirmationTitle)>
                    <p>{i18n.text(&title)}</p>
                    <p>
                        {i18n.t(Key::YourCaseNumber)}
                        <strong class="panel__code" data-testid="case-number">{app.case_number.clone()}</strong>
                    </p>
                </Panel>
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
                        <dd>{submitted_text}</dd>
                    </div>
                </dl>
                <h2 class="heading-m">{i18n.t(Key::WhatHappensNext)}</h2>
                {next.map(|t| view! { <p>{i18n.text(&t)}</p> })}
                {(fee.cents() > 0).then(|| view! {
                    <h2 class="heading-m">{i18n.t(Key::FeeLabel)}</h2>
                    <PaymentSection app=paying.clone() />
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
                    <a href="/status">{i18n.t(Key::CheckStatus)}</a>
                    <a href="/">{i18n.t(Key::ToCatalogue)}</a>
                </div>
            }
            .into_any()
        }
    }
}
