//! The page the payment provider sends the citizen back to. Its address carries no
//! outcome (XBezahldienste): whatever its query says, only the backend's answer counts.

use leptos::prelude::*;
use rathaus_core::payment::{PaymentState, REASON_TIMEOUT};

use super::{standing, Fee, PayButton, Receipt, Standing};
use crate::api;
use crate::components::{LoadError, Panel};
use crate::i18n::{use_i18n, Key};
use crate::page::{
    focus_main_heading, next_frame, use_changing_document_title, use_document_title,
};
use crate::router::urls;
use crate::store::{self, SavedApplication};
use crate::task::{use_task, use_timer, Task, Timer};

/// Longest wait for the provider's report before saying it is not confirmed yet.
const CHECKS: u32 = 8;

/// Asks the backend for the payment's state; again after 1, 2, 4 … seconds (at most
/// [`CHECKS`] times) while it is open. Leaving the page stops it.
#[derive(Clone, Copy)]
struct Checks {
    app: StoredValue<SavedApplication>,
    state: RwSignal<Standing>,
    asking: Task,
    next: Timer,
}

impl Checks {
    fn new(app: SavedApplication, state: RwSignal<Standing>) -> Checks {
        Checks {
            app: StoredValue::new(app),
            state,
            asking: use_task(),
            next: use_timer(),
        }
    }

    fn run(self, attempt: u32) {
        let Some(app) = self.app.try_get_value() else {
            return;
        };
        self.next.cancel();
        let asked = async move { api::list_payments(&app.case_number, &app.access_code).await };
        self.asking.start(asked, move |answer| {
            let next = match answer {
                Ok(list) => standing(list.payments),
                Err(e) => Standing::Unavailable(e),
            };
            if matches!(next, Standing::Known(Fee::Open(_))) && attempt + 1 < CHECKS {
                let delay = 1000u64 << attempt.min(3);
                self.next.start(delay, move || self.run(attempt + 1));
                return;
            }
            self.state.set(next);
        });
    }
}

/// What the return page is headed (and its tab titled) while the backend's answer is
/// `state`: "Zahlung wird geprüft …", then the outcome.
fn return_title(state: &Standing) -> Key {
    match state {
        Standing::Loading => Key::PaymentChecking,
        Standing::Known(Fee::Paid(_)) => Key::PaymentPaid,
        Standing::Known(Fee::Open(_)) => Key::PaymentNotConfirmed,
        Standing::Known(Fee::Unpaid(last)) => match last
            .as_ref()
            .map(|p| (p.state, p.failure_reason.as_deref()))
        {
            Some((PaymentState::Canceled, _)) => Key::PaymentCanceled,
            Some((_, Some(REASON_TIMEOUT))) => Key::PaymentExpired,
            Some(_) => Key::PaymentFailed,
            None => Key::PaymentNone,
        },
        Standing::Unavailable(_) => Key::PaymentUnavailable,
    }
}

/// Where the provider sends the citizen back: "Zahlung wird geprüft …" until the
/// backend knows, then the receipt, or what went wrong and a way to try again. The
/// heading and the tab's title follow; focus moves to the new heading.
#[component]
pub fn PaymentReturnPage(case_number: String) -> impl IntoView {
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
    let state = RwSignal::new(Standing::Loading);
    let title = Memo::new(move |_| state.with(return_title));
    use_changing_document_title(
        Signal::derive(move || i18n.t(title.get()).to_owned()),
        false.into(),
    );
    // A new heading replaced the old one: focus goes to it, as on a new page.
    Effect::new(move |seen: Option<Key>| {
        let now = title.get();
        if seen.is_some_and(|s| s != now) {
            next_frame(focus_main_heading);
        }
        now
    });
    let checks = Checks::new(app.clone(), state);
    checks.run(0);
    let confirmation = urls::case(&app.case_number);
    (move || {
        let app = app.clone();
        let back = view! { <p class="no-print"><a href=confirmation.clone()>{i18n.t(Key::BackToConfirmation)}</a></p> };
        let heading = i18n.t(title.get_untracked());
        match state.get() {
            Standing::Loading => view! {
                <h1 class="heading-xl" role="status">{heading}</h1>
            }
            .into_any(),
            Standing::Known(Fee::Paid(p)) => {
                let purpose = i18n.said(&p.purpose);
                view! {
                <Panel title=heading>
                    <p lang=purpose.lang>{purpose.text}</p>
                </Panel>
                <Receipt payment=p />
                <div class="button-group no-print">
                    <crate::components::PrintButton />
                </div>
                {back}
            }
            .into_any()
            }
            Standing::Known(Fee::Open(p)) => view! {
                <h1 class="heading-xl">{heading}</h1>
                <p>{i18n.t(Key::PaymentNotConfirmedText)}</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| {
                        state.set(Standing::Loading);
                        checks.run(0);
                    }>{i18n.t(Key::CheckAgain)}</button>
                    {p.redirect_url.map(|url| view! { <a href=url rel="external">{i18n.t(Key::ContinuePaying)}</a> })}
                </div>
                {back}
            }
            .into_any(),
            Standing::Known(Fee::Unpaid(last)) => {
                let text = match last.as_ref().map(|p| (p.state, p.failure_reason.as_deref())) {
                    Some((PaymentState::Canceled, _)) => Key::PaymentCanceledText,
                    Some((_, Some(REASON_TIMEOUT))) => Key::PaymentExpiredText,
                    Some(_) => Key::PaymentFailedText,
                    None => Key::PaymentNoneText,
                };
                view! {
                    <h1 class="heading-xl">{heading}</h1>
                    <div class="notice notice--error" role="alert"><p>{i18n.t(text)}</p></div>
                    <PayButton app=app label=i18n.t(Key::PayAgain) />
                    {back}
                }
                .into_any()
            }
            Standing::Unavailable(e) => {
                let retry = move |()| {
                    state.set(Standing::Loading);
                    checks.run(0);
                };
                view! {
                    <h1 class="heading-xl">{heading}</h1>
                    <LoadError error=e retry=retry />
                    {back}
                }
                .into_any()
            }
        }
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::payment::PaymentView;

    fn payment(state: PaymentState, reason: Option<&str>) -> PaymentView {
        PaymentView {
            failure_reason: reason.map(str::to_owned),
            ..crate::pages::wizard::payment::test_payment(state)
        }
    }

    #[test]
    fn the_return_page_is_titled_by_its_outcome() {
        let unpaid = |state, reason| Standing::Known(Fee::Unpaid(Some(payment(state, reason))));
        assert_eq!(return_title(&Standing::Loading), Key::PaymentChecking);
        assert_eq!(
            return_title(&Standing::Known(Fee::Paid(payment(
                PaymentState::Payed,
                None
            )))),
            Key::PaymentPaid
        );
        assert_eq!(
            return_title(&unpaid(PaymentState::Canceled, None)),
            Key::PaymentCanceled
        );
        assert_eq!(
            return_title(&unpaid(PaymentState::Failed, None)),
            Key::PaymentFailed
        );
        assert_eq!(
            return_title(&unpaid(PaymentState::Failed, Some(REASON_TIMEOUT))),
            Key::PaymentExpired
        );
        assert_eq!(
            return_title(&Standing::Known(Fee::Unpaid(None))),
            Key::PaymentNone
        );
    }
}
