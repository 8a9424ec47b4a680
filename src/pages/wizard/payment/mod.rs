//! Paying the fee: "Jetzt bezahlen" on the case page, and the page the payment
//! provider sends the citizen back to. That address carries no outcome (XBezahldienste):
//! whatever its query says, only the backend's answer counts.

use leptos::prelude::*;
use rathaus_core::format;
pub use rathaus_core::payment::Standing as Fee;
use rathaus_core::payment::{PaymentMethod, PaymentState, PaymentView};

use crate::api::{self, ApiError};
use crate::components::LoadError;
use crate::i18n::{fill, use_i18n, Key, Said};
use crate::pages::wizard::case::format_timestamp;
use crate::router::urls;
use crate::store::{self, SavedApplication};

mod return_page;

/// A payment of 13,00 € in `state`, for the tests of the pages that show payments.
#[cfg(test)]
pub(crate) fn test_payment(state: PaymentState) -> PaymentView {
    PaymentView {
        id: "p".into(),
        case_number: "2026-AAAA-BBBB".into(),
        state,
        amount: rathaus_core::Money(1300),
        purpose: rathaus_core::Text::new("", ""),
        method: None,
        reference: String::new(),
        failure_reason: None,
        redirect_url: None,
        created_at: String::new(),
        expires_at: String::new(),
        events: vec![],
    }
}
pub use return_page::PaymentReturnPage;

/// What the page knows of a case's payments.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    Loading,
    /// As the backend listed them.
    Known(Fee),
    Unavailable(ApiError),
}

/// The backend's list as the page shows it (the rule is the core's, [`Fee::of`]).
pub fn standing(payments: Vec<PaymentView>) -> Standing {
    Standing::Known(Fee::of(payments))
}

impl Standing {
    /// In one word, for "Meine Anträge"; `None` while not known.
    pub fn state(&self) -> Option<PaymentState> {
        match self {
            Standing::Known(fee) => Some(fee.state()),
            Standing::Loading | Standing::Unavailable(_) => None,
        }
    }
}

/// Starts the payment (or finds the one this device started) and goes to the provider.
/// One request id per attempt: a second press (after a failure, or a double tap) sends
/// the one kept on the device; a new one only once the attempt it made has ended.
async fn pay(app: SavedApplication) -> Result<(), ApiError> {
    // The device's copy, not the page's: a press before this one may have made the id.
    let mut app = store::find_application(&app.case_number).unwrap_or(app);
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
pub fn Receipt(payment: PaymentView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let method = payment.method.map(|m| match m {
        PaymentMethod::CreditCard => i18n.t(Key::CreditCard),
        PaymentMethod::Paypal => "PayPal",
        PaymentMethod::SepaDirectDebit => i18n.t(Key::SepaDirectDebit),
        // Brand names, the same in every language.
        PaymentMethod::Wallet => "Apple Pay / Google Pay",
        PaymentMethod::Wero => "Wero",
    });
    let paid_at = payment
        .events
        .iter()
        .rev()
        .find(|e| e.state == PaymentState::Payed)
        .map(|e| format_timestamp(&e.at, locale))
        .unwrap_or_default();
    let row = |key: Key, value: Said| {
        view! {
            <div class="facts__row">
                <dt>{i18n.t(key)}</dt>
                <dd lang=value.lang>{value.text}</dd>
            </div>
        }
    };
    view! {
        <dl class="facts" data-testid="receipt">
            {row(Key::PaymentAmount, format::money(payment.amount, locale).into())}
            {row(Key::PaymentPurpose, i18n.said(&payment.purpose))}
            {row(Key::PaymentMethodLabel, method.unwrap_or("").into())}
            {row(Key::PaymentReference, payment.reference.as_str().into())}
            {row(Key::PaymentDate, paid_at.into())}
        </dl>
    }
}

/// The fee on the case page while it is to be paid: amount, purpose, and "Jetzt
/// bezahlen" (or where the payment started stands). The page loads `state` (with the
/// case) and `reload`s it.
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
        let standing = state.get();
        // The backend's words for what is paid for, once there is a payment.
        let purpose = match &standing {
            Standing::Known(Fee::Open(p) | Fee::Unpaid(Some(p)) | Fee::Paid(p)) => {
                i18n.said(&p.purpose)
            }
            _ => fill(
                i18n.t(Key::FeePurposeFor),
                &[
                    ("service", &i18n.text(&app.service_title)),
                    ("case", &app.case_number),
                ],
            )
            .into(),
        };
        let due = fill(i18n.t(Key::FeeDue), &[("amount", &amount)]);
        let facts = move |state: String, detail: Option<String>| {
            view! {
                <p class="fee">
                    <strong class="fee__amount" data-testid="payment-state">{state}</strong>
                    {detail.map(|d| view! { <span class="fee__purpose">{d}</span> })}
                    <span class="fee__purpose">{i18n.t(Key::PaymentPurpose)} ": " {purpose.view()}</span>
                </p>
            }
        };
        match standing {
            Standing::Loading => view! {
                {facts(due, None)}
                <p role="status">{i18n.t(Key::PaymentLoading)}</p>
            }
            .into_any(),
            Standing::Known(Fee::Paid(p)) => view! {
                <p><strong data-testid="payment-state">{i18n.t(Key::PaymentPaid)}</strong></p>
                <Receipt payment=p />
            }
            .into_any(),
            Standing::Known(Fee::Open(p)) => {
                let amount = format!(
                    "{}: {}",
                    i18n.t(Key::PaymentAmount),
                    format::money(p.amount, i18n.locale())
                );
                view! {
                    {facts(i18n.t(Key::PaymentPending).to_owned(), Some(amount))}
                    <p>{i18n.t(Key::PaymentPendingText)}</p>
                    <PayButton app=app label=i18n.t(Key::PayNow) />
                }
                .into_any()
            }
            Standing::Known(Fee::Unpaid(_)) => view! {
                {facts(due, None)}
                <PayButton app=app label=i18n.t(Key::PayNow) />
            }
            .into_any(),
            Standing::Unavailable(e) => view! {
                {facts(due, None)}
                <LoadError error=e retry=reload />
            }
            .into_any(),
        }
    }
}
