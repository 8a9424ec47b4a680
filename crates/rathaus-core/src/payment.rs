//! Paying a case's fee, the XBezahldienste way (FITKO; ePayBL and pmPayment work so):
//! the backend creates a payment transaction, the citizen is sent to the payment
//! provider, the provider sends them back *without* an outcome, and the app asks the
//! backend for the state. Nothing the browser says decides whether a fee is paid.
//!
//! States (the standard's names): `INITIAL` until the provider reports, then one final
//! state: `PAYED`, `CANCELED` or `FAILED` (also when the time to pay ran out).

use serde::{Deserialize, Serialize};

use crate::fee::Money;
use crate::json::Wire;
use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PaymentState {
    #[serde(rename = "INITIAL")]
    Initial,
    #[serde(rename = "PAYED")]
    Payed,
    #[serde(rename = "CANCELED")]
    Canceled,
    #[serde(rename = "FAILED")]
    Failed,
}

impl PaymentState {
    pub const ALL: [PaymentState; 4] = [
        PaymentState::Initial,
        PaymentState::Payed,
        PaymentState::Canceled,
        PaymentState::Failed,
    ];

    /// Paid, cancelled or failed: nothing changes it any more.
    pub fn is_final(self) -> bool {
        self != PaymentState::Initial
    }

    /// The only moves there are: from `INITIAL` to a final state. A paid payment is
    /// never cancelled, a failed one never paid; a new attempt is a new payment.
    pub fn can_become(self, next: PaymentState) -> bool {
        self == PaymentState::Initial && next.is_final()
    }
}

/// How the citizen paid (at the provider; the reference backend's test provider
/// simulates each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    CreditCard,
    Paypal,
    /// SEPA-Lastschrift.
    SepaDirectDebit,
    /// Apple Pay or Google Pay.
    Wallet,
    Wero,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 5] = [
        PaymentMethod::CreditCard,
        PaymentMethod::Paypal,
        PaymentMethod::SepaDirectDebit,
        PaymentMethod::Wallet,
        PaymentMethod::Wero,
    ];
}

/// Why a payment failed, when the backend knows.
pub const REASON_TIMEOUT: &str = "timeout";

/// `POST /applications/{case}/payments`: where the provider sends the citizen back.
/// The amount is not here: the backend takes it from its own fee rules for the case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreatePayment {
    /// A path of the app (`/…`), never another site: not `//…`, no backslash, no spaces,
    /// at most 512 characters (the schema says what the backend checks).
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^/([!-.0-\[\]-~][!-\[\]-~]*)?$"), length(max = 512))
    )]
    pub return_url: String,
}

/// One change of a payment's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentEvent {
    /// RFC 3339.
    pub at: String,
    pub state: PaymentState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A payment as the citizen's app sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentView {
    pub id: String,
    pub case_number: String,
    pub state: PaymentState,
    pub amount: Money,
    /// What it is for ("Gebühr Führungszeugnis, Vorgang 2026-…").
    pub purpose: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<PaymentMethod>,
    /// The provider's transaction reference, for the receipt.
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339: an `INITIAL` payment becomes `FAILED` ("timeout") after this.
    pub expires_at: String,
    /// Where to send the citizen to pay, while the payment is `INITIAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    pub events: Vec<PaymentEvent>,
}

/// `GET /applications/{case}/payments`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentList {
    pub payments: Vec<PaymentView>,
}

/// Where a case's fee stands, from its payments as the backend lists them (oldest
/// first): one paid payment settles it, whatever came after; otherwise the last
/// attempt decides.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// Paid: the payment that did it.
    Paid(PaymentView),
    /// A payment the citizen started and has not finished.
    Open(PaymentView),
    /// Nothing paid yet; the last attempt, if any, ended without paying.
    Unpaid(Option<PaymentView>),
}

impl Standing {
    pub fn of(payments: Vec<PaymentView>) -> Standing {
        if let Some(paid) = payments.iter().find(|p| p.state == PaymentState::Payed) {
            return Standing::Paid(paid.clone());
        }
        match payments.into_iter().last() {
            Some(p) if p.state == PaymentState::Initial => Standing::Open(p),
            last => Standing::Unpaid(last),
        }
    }

    /// In one word, for a list of cases: paid, being paid, or not (yet) paid.
    pub fn state(&self) -> PaymentState {
        match self {
            Standing::Paid(_) => PaymentState::Payed,
            Standing::Open(_) => PaymentState::Initial,
            Standing::Unpaid(_) => PaymentState::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(id: &str, state: PaymentState) -> PaymentView {
        PaymentView {
            id: id.into(),
            case_number: "2026-AAAA-BBBB".into(),
            state,
            amount: Money(1300),
            purpose: Text::new("", ""),
            method: None,
            reference: String::new(),
            failure_reason: None,
            created_at: String::new(),
            expires_at: String::new(),
            redirect_url: None,
            events: vec![],
        }
    }

    #[test]
    fn a_paid_payment_settles_the_fee_whatever_came_after() {
        use PaymentState::*;
        let of = |states: &[PaymentState]| {
            let list = states
                .iter()
                .enumerate()
                .map(|(i, s)| payment(&i.to_string(), *s))
                .collect();
            Standing::of(list)
        };
        assert_eq!(of(&[]), Standing::Unpaid(None));
        assert_eq!(
            of(&[Failed, Payed, Initial]),
            Standing::Paid(payment("1", Payed))
        );
        assert_eq!(
            of(&[Canceled, Initial]),
            Standing::Open(payment("1", Initial))
        );
        // An older open one that the provider never finished does not count as open.
        assert_eq!(
            of(&[Initial, Failed]),
            Standing::Unpaid(Some(payment("1", Failed)))
        );
        assert_eq!(of(&[Failed, Payed]).state(), Payed);
        assert_eq!(of(&[Initial]).state(), Initial);
        assert_eq!(of(&[]).state(), Failed);
    }

    #[test]
    fn only_initial_moves_and_only_to_a_final_state() {
        use PaymentState::*;
        for from in PaymentState::ALL {
            for to in PaymentState::ALL {
                let allowed = from == Initial && to != Initial;
                assert_eq!(from.can_become(to), allowed, "{from:?} -> {to:?}");
            }
        }
        assert!(!Payed.can_become(Canceled));
        assert!(!Failed.can_become(Payed));
    }

    #[test]
    fn names_are_the_standards_and_read_back() {
        for s in PaymentState::ALL {
            assert_eq!(PaymentState::from_name(s.name()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.name())
            );
        }
        for m in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::from_name(m.name()), Some(m));
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.name())
            );
        }
        assert_eq!(PaymentState::from_name("PAID"), None);
    }
}
