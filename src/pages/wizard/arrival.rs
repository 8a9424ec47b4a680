//! What a citizen arriving at a page of a draft sees instead of it (the application
//! was sent, or waits in the outbox, or the answers hide the page) and the notice that
//! the service changed since the draft began. Used by the step, group and check pages.

use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;

use crate::i18n::{use_i18n, Key};
use crate::page::use_document_title;
use crate::router::urls;
use crate::store::Draft;
use crate::wizard::navigation::{arrival, redirect, Arrival};
use crate::wizard::today;

/// What to show after sending: never the form again.
#[component]
pub fn AlreadySent(service_id: String, case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::AlreadySentTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::AlreadySentTitle)}</h1>
        <p>{i18n.t(Key::AlreadySentText)}</p>
        <p><a href=urls::case(&case_number)>{i18n.t(Key::ShowConfirmation)}</a></p>
        <p><a href=urls::start(&service_id)>{i18n.t(Key::StartAgain)}</a></p>
    }
}

/// A step of an application that waits in the outbox: not to be changed any more.
#[component]
fn WaitingToSend(service_id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::WaitingToSendTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::WaitingToSendTitle)}</h1>
        <p>{i18n.t(Key::WaitingToSendText)}</p>
        <p><a href=urls::check(&service_id)>{i18n.t(Key::WaitingToSendLink)}</a></p>
    }
}

/// The draft of this service, or what to show instead of a step of it (see
/// [`arrival`]).
pub(crate) fn draft_for_step(
    def: &ServiceDefinition,
    step_id: &str,
    from_check: bool,
) -> Result<Draft, AnyView> {
    let draft = crate::wizard::draft_for(def);
    match arrival(def, step_id, &draft, from_check, today()) {
        Arrival::Step => Ok(draft),
        Arrival::Sent { case_number } => Err(view! {
            <AlreadySent service_id=def.id.clone() case_number=case_number />
        }
        .into_any()),
        Arrival::Waiting => Err(view! { <WaitingToSend service_id=def.id.clone() /> }.into_any()),
        Arrival::Elsewhere(url) => {
            redirect(url);
            Err(().into_any())
        }
    }
}

/// Names the questions to answer again because the service changed since the draft
/// began (nothing when there are none).
pub(crate) fn changed_notice(
    def: &ServiceDefinition,
    draft: &Draft,
    locale: rathaus_core::Locale,
) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let labels = crate::wizard::answer_again_labels(def, draft, locale);
    (!labels.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-testid="changed-notice">
                <p><strong>{i18n.t(Key::ServiceChanged)}</strong></p>
                <p>{i18n.t(Key::AnswerAgain)}</p>
                <ul class="list list--bullet">
                    {labels.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
