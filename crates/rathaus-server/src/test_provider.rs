//! A payment provider for development, demos and tests — clearly labelled as one, and
//! moving no money. It behaves as an XBezahldienste provider does: a hosted page shows
//! amount and purpose, the citizen chooses a method and pays (or cancels, or the test
//! makes it fail), and is sent back to the app's return address *without* the outcome;
//! the app asks the backend. Off when `--payment-provider-url` names a real provider.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rathaus_core::format;
use rathaus_core::payment::{PaymentMethod, PaymentState};
use rathaus_core::Locale;

use crate::body::Body;
use crate::payments::payment_view;
use crate::payments::{Payment, SettleError};
use crate::AppState;

/// Where the test provider lives; `--payment-provider-url` points here by default.
pub const PREFIX: &str = "/test-provider";

/// The page's own stylesheet: the page's policy (`style-src 'self'`) allows no inline
/// style.
pub const STYLESHEET: &str = "/test-provider/style.css";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/payments/{id}", get(page).post(report))
        .route("/style.css", get(stylesheet))
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("test_provider.css"),
    )
        .into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The method's name on the page (HTML), English in brackets where German differs.
fn method_label(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::CreditCard => "Kreditkarte <span lang=\"en\">(credit card)</span>",
        PaymentMethod::Paypal => "PayPal",
        PaymentMethod::SepaDirectDebit => {
            "SEPA-Lastschrift <span lang=\"en\">(SEPA direct debit)</span>"
        }
        PaymentMethod::Wallet => "Apple Pay / Google Pay (Wallet)",
        PaymentMethod::Wero => "Wero",
    }
}

async fn load(state: &AppState, id: String) -> Result<Option<(Payment, String)>, Response> {
    let db = state.db.clone();
    let now = state.clock.now();
    crate::extract::blocking(move || {
        let payment = db.payment(&id, now)?;
        Ok::<_, crate::db::DbError>(match payment {
            Some(p) => {
                let service = db.case_service(&p.case_number)?.unwrap_or_default();
                Some((p, service))
            }
            None => None,
        })
    })
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())?
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn document(title: &str, body: &str) -> Response {
    Html(format!(
        "<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – Test-Zahlungsanbieter</title>\
         <link rel=\"stylesheet\" href=\"{STYLESHEET}\"></head><body>\
         <header class=\"banner\"><p><strong>TEST-ZAHLUNGSANBIETER</strong> – hier wird \
         kein echtes Geld bewegt. <span lang=\"en\">Test payment provider – no real money \
         is moved.</span></p></header><main>{body}</main></body></html>"
    ))
    .into_response()
}

async fn page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let (payment, service_id) = match load(&state, id).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            return (
                StatusCode::NOT_FOUND,
                document("Unbekannt", "<h1>Diese Zahlung gibt es nicht.</h1>"),
            )
                .into_response()
        }
        Err(response) => return response,
    };
    let title = state
        .catalogue
        .get(&service_id)
        .map(|d| d.title.clone())
        .unwrap_or_default();
    let back = escape(&payment.return_url);
    let view = payment_view(payment, &title, &state.payment_provider_url);
    let facts = format!(
        "<dl class=\"facts\"><div><dt>Betrag</dt><dd data-testid=\"amount\">{}</dd></div>\
         <div><dt>Verwendungszweck</dt><dd>{}</dd></div>\
         <div><dt>Referenz</dt><dd>{}</dd></div></dl>",
        format::money(view.amount, Locale::De),
        escape(view.purpose.get(Locale::De)),
        escape(&view.reference)
    );
    if view.state.is_final() {
        return document(
            "Abgeschlossen",
            &format!(
                "<h1>Diese Zahlung ist abgeschlossen ({})</h1>{facts}<p><a href=\"{back}\">Zurück zur Stadt</a></p>",
                view.state.name()
            ),
        );
    }
    let methods: String = PaymentMethod::ALL
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let name = m.name();
            format!(
                "<div class=\"choice\"><input type=\"radio\" id=\"method-{name}\" name=\"method\" \
                 value=\"{name}\"{}><label for=\"method-{name}\">{}</label></div>",
                if i == 0 { " checked" } else { "" },
                method_label(*m)
            )
        })
        .collect();
    document(
        "Bezahlen",
        &format!(
            "<h1>Bezahlen</h1>{facts}<p>Wählen Sie eine Zahlungsart und wie die Zahlung \
             ausgehen soll. Es wird nichts abgebucht.</p><form method=\"post\">\
             <fieldset><legend>Zahlungsart</legend>{methods}</fieldset>\
             <div class=\"buttons\">\
             <button type=\"submit\" name=\"action\" value=\"pay\">Jetzt bezahlen (Test)</button>\
             <button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\">Abbrechen</button>\
             <button type=\"submit\" name=\"action\" value=\"fail\" class=\"secondary\">\
             Zahlung scheitern lassen (Test)</button></div></form>"
        ),
    )
}

/// The page's form is two short fields.
const MAX_FORM: usize = 4096;

/// `action=pay|cancel|fail&method=…` from the page's form.
async fn report(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Body<MAX_FORM>, crate::error::ApiError>,
) -> Response {
    let Ok(Body(body)) = body else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let form = String::from_utf8_lossy(&body);
    let field = |name: &str| {
        form.split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    };
    let (to, reason) = match field("action").as_deref() {
        Some("pay") => (PaymentState::Payed, None),
        Some("cancel") => (PaymentState::Canceled, None),
        Some("fail") => (PaymentState::Failed, Some("declined")),
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let method = field("method").and_then(|m| PaymentMethod::from_name(&m));
    if to == PaymentState::Payed && method.is_none() {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let db = state.db.clone();
    let now = state.clock.now();
    let settled = crate::extract::blocking(move || {
        db.settle_payment(
            &id,
            to,
            method.filter(|_| to == PaymentState::Payed),
            reason,
            now,
        )
        .map(|p| p.return_url)
    })
    .await;
    match settled {
        // Back to the app, which asks the backend what happened: no outcome in the URL.
        Ok(Ok(return_url)) => {
            (StatusCode::SEE_OTHER, [(header::LOCATION, return_url)]).into_response()
        }
        Ok(Err(SettleError::Unknown)) => StatusCode::NOT_FOUND.into_response(),
        Ok(Err(SettleError::Illegal(state))) => (
            StatusCode::CONFLICT,
            document(
                "Abgeschlossen",
                &format!(
                    "<h1>Diese Zahlung ist bereits abgeschlossen ({})</h1>",
                    state.name()
                ),
            ),
        )
            .into_response(),
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
