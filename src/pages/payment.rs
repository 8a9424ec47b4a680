//! Paying the fee: "Jetzt bezahlen" on the case page, and the page the payment
//! provider sends the citizen back to. That address carries no outcome (XBezahldienste):
//! whatever its query says, only the backend's answer counts.

use leptos::prelude::*;
use rathaus_core::format;
use rathaus_core::payment::{PaymentMethod, PaymentState, PaymentView, REASON_TIMEOUT};

use crate::api::{self, ApiError};
use crate::components::{LoadError, Panel};
use crate::i18n::{use_i18n, Key};
use crate::page::{after, use_document_title};
use crate::pages::case::format_timestamp;
use crate::router::urls;
use crate::store::{self, SavedApplication};

/// What the backend says about a case's payments.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    Loading,
    /// Paid: the payment that did it.
    Paid(PaymentView),
    /// A payment the citizen started and has not finished.
    Open(PaymentView),
    /// Nothing paid yet; the last attempt, if any, ended without paying.
    Unpaid(Option<PaymentView>),
    Unavailable(ApiError),
}

pub fn standing(payments: Vec<PaymentView>) -> Standing {
    if let Some(paid) = payments.iter().find(|p| p.state == PaymentState::Payed) {
        return Standing::Paid(paid.clone());
    }
    match payments.into_iter().last() {
        Some(p) if p.state == PaymentState::Initial => Standing::Open(p),
        last => Standing::Unpaid(last),
    }
}

impl Standing {
    /// In one word, for "Meine Anträge": paid, being paid, or not (yet) paid.
    pub fn state(&self) -> Option<PaymentState> {
        match self {
            Standing::Paid(_) => Some(PaymentState::Payed),
            Standing::Open(_) => Some(PaymentState::Initial),
            Standing::Unpaid(_) => Some(PaymentState::Failed),
            Standing::Loading | Standing::Unavailable(_) => None,
        }
    }
}

/// Starts the payment (or finds the one this device started) and goes to the provider.
async fn pay(mut app: SavedApplication) -> Result<(), ApiError> {
    let return_url = urls::payment_return(&app.case_number);
    // Twice at most: the remembered request may belong to a payment that has ended.
    for _ in 0..2 {
        let request = match app.pay_request.clone() {
            Some(r) => r,
            None => {
                let r = api::new_idempotency_key();
                app.pay_request = Some(r.clone());
                store::save_application(app.clone());
                r
            }
        };
        let payment =
            api::create_payment(&app.case_number, &app.access_code, &request, &return_url).await;
        match payment {
            Ok(p) if p.state == PaymentState::Initial => {
                if let (Some(url), Some(w)) = (p.redirect_url, web_sys::window()) {
                    let _ = w.location().assign(&url);
                }
                return Ok(());
            }
            Ok(p) if p.state == PaymentState::Payed => return Ok(()),
            // Cancelled or failed: a new attempt is a new payment, with a new request.
            Ok(_) => {
                app.pay_request = None;
                store::save_application(app.clone());
            }
            Err(e) => return Err(e),
        }
    }
    Err(ApiError::Decode)
}

/// "Jetzt bezahlen": ignores a second press while the first is under way.
#[component]
fn PayButton(app: SavedApplication, #[prop(into)] label: String) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let on_click = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let app = app.clone();
        crate::spawn(async move {
            // On success the browser is on its way to the provider: stay busy.
            if let Err(e) = pay(app).await {
                let _ = failed.try_set(Some(e));
                let _ = busy.try_set(false);
            }
        });
    };
    view! {
        {move || failed.get().map(|e| view! {
            <div class="notice notice--error" role="alert">
                <p>{i18n.t(if e == ApiError::Network { Key::OfflineError } else { Key::PaymentStartFailed })}</p>
            </div>
        })}
        <button
            type="button"
            class="button"
            aria-disabled=move || busy.get().to_string()
            on:click=on_click
            data-testid="pay"
        >
            {move || if busy.get() { i18n.t(Key::PaymentStarting) } else { label.as_str() }.to_owned()}
        </button>
    }
}

/// What was paid, for the citizen's records (printable).
#[component]
fn Receipt(payment: PaymentView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let method = payment.method.map(|m| match m {
        PaymentMethod::Giropay => "giropay / paydirect",
        PaymentMethod::CreditCard => i18n.t(Key::CreditCard),
        PaymentMethod::Paypal => "PayPal",
    });
    let paid_at = payment
        .events
        .iter()
        .rev()
        .find(|e| e.state == PaymentState::Payed)
        .map(|e| format_timestamp(&e.at, locale))
        .unwrap_or_default();
    let row = |key: Key, value: String| {
        view! {
            <div class="facts__row">
                <dt>{i18n.t(key)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="facts" data-testid="receipt">
            {row(Key::PaymentAmount, format::money(payment.amount, locale))}
            {row(Key::PaymentPurpose, i18n.text(&payment.purpose))}
            {row(Key::PaymentMethodLabel, method.unwrap_or("").to_owned())}
            {row(Key::PaymentReference, payment.reference.clone())}
            {row(Key::PaymentDate, paid_at)}
        </dl>
    }
}

/// The fee on the case page: paid (with the receipt), being paid, or to pay. The page
/// loads `state` (with the case) and `reload`s it.
#[component]
pub fn PaymentSection(
    app: SavedApplication,
    state: RwSignal<Standing>,
    #[prop(into)] reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let amount = format::money(app.fee, i18n.locale());
    move || {
        let app = app.clone();
        let amount = amount.clone();
        match state.get() {
            Standing::Loading => {
                view! { <p role="status">{i18n.t(Key::PaymentLoading)}</p> }.into_any()
            }
            Standing::Paid(p) => view! {
                <p><strong data-testid="payment-state">{i18n.t(Key::PaymentPaid)}</strong></p>
                <Receipt payment=p />
            }
            .into_any(),
            Standing::Open(_) => view! {
                <p><strong data-testid="payment-state">{i18n.t(Key::PaymentPending)}</strong></p>
                <p>{i18n.t(Key::PaymentPendingText)}</p>
                <PayButton app=app label=i18n.t(Key::PayNow) />
            }
            .into_any(),
            Standing::Unpaid(_) => view! {
                <p>
                    <strong data-testid="payment-state">
                        {crate::i18n::fill(i18n.t(Key::FeeDue), &[("amount", &amount)])}
                    </strong>
                </p>
                <PayButton app=app label=i18n.t(Key::PayNow) />
            }
            .into_any(),
            Standing::Unavailable(e) => view! { <LoadError error=e retry=reload /> }.into_any(),
        }
    }
}

/// Longest wait for the provider's report before saying it is not confirmed yet.
const CHECKS: u32 = 8;

/// Asks again after 1, 2, 4 … seconds (at most 8) while the payment is open.
fn check(app: SavedApplication, state: RwSignal<Standing>, attempt: u32) {
    crate::spawn(async move {
        let next = match api::list_payments(&app.case_number, &app.access_code).await {
            Ok(list) => standing(list.payments),
            Err(e) => Standing::Unavailable(e),
        };
        if matches!(next, Standing::Open(_)) && attempt + 1 < CHECKS {
            // Gone from the page: stop asking.
            if state.try_get_untracked().is_none() {
                return;
            }
            let delay = 1000u64 << attempt.min(3);
            after(delay, Box::new(move || check(app, state, attempt + 1)));
            return;
        }
        let _ = state.try_set(next);
    });
}

/// Where the provider sends the citizen back: "Zahlung wird geprüft …" until the
/// backend knows, then the receipt, or what went wrong and a way to try again.
#[component]
pub fn PaymentReturnPage(case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::PaymentChecking).into(), false.into());
    let Some(app) = store::find_application(&case_number) else {
        return view! {
            <h1 class="heading-xl">{i18n.t(Key::ConfirmationTitle)}</h1>
            <p>{i18n.t(Key::ConfirmationUnknown)}</p>
            <p><a href="/status">{i18n.t(Key::CheckStatus)}</a></p>
        }
        .into_any();
    };
    let state = RwSignal::new(Standing::Loading);
    check(app.clone(), state, 0);
    let confirmation = urls::case(&app.case_number);
    (move || {
        let app = app.clone();
        let back = view! { <p class="no-print"><a href=confirmation.clone()>{i18n.t(Key::BackToConfirmation)}</a></p> };
        match state.get() {
            Standing::Loading => view! {
                <h1 class="heading-xl" role="status">{i18n.t(Key::PaymentChecking)}</h1>
            }
            .into_any(),
            Standing::Paid(p) => {
                let purpose = i18n.text(&p.purpose);
                view! {
                <Panel title=i18n.t(Key::PaymentSucceeded)>
                    <p>{purpose}</p>
                </Panel>
                <Receipt payment=p />
                <div class="button-group no-print">
                    <button type="button" class="button button--secondary" on:click=|_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }>{i18n.t(Key::Print)}</button>
                </div>
                {back}
            }
            .into_any()
            }
            Standing::Open(p) => view! {
                <h1 class="heading-xl">{i18n.t(Key::PaymentNotConfirmed)}</h1>
                <p>{i18n.t(Key::PaymentNotConfirmedText)}</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| {
                        state.set(Standing::Loading);
                        check(app.clone(), state, 0);
                    }>{i18n.t(Key::CheckAgain)}</button>
                    {p.redirect_url.map(|url| view! { <a href=url rel="external">{i18n.t(Key::ContinuePaying)}</a> })}
                </div>
                {back}
            }
            .into_any(),
            Standing::Unpaid(last) => {
                let (title, text) = match last.as_ref().map(|p| (p.state, p.failure_reason.as_deref())) {
                    Some((PaymentState::Canceled, _)) => (Key::PaymentCanceled, Key::PaymentCanceledText),
                    Some((_, Some(REASON_TIMEOUT))) => (Key::PaymentExpired, Key::PaymentExpiredText),
                    Some(_) => (Key::PaymentFailed, Key::PaymentFailedText),
                    None => (Key::PaymentNone, Key::PaymentNoneText),
                };
                view! {
                    <h1 class="heading-xl">{i18n.t(title)}</h1>
                    <div class="notice notice--error" role="alert"><p>{i18n.t(text)}</p></div>
                    <PayButton app=app label=i18n.t(Key::PayAgain) />
                    {back}
                }
                .into_any()
            }
            Standing::Unavailable(e) => {
                let retry = move |()| {
                    state.set(Standing::Loading);
                    check(app.clone(), state, 0);
                };
                view! {
                    <h1 class="heading-xl">{i18n.t(Key::PaymentUnavailable)}</h1>
                    <LoadError error=e retry=retry />
                    {back}
                }
                .into_any()
            }
        }
    })
    .into_any()
}
