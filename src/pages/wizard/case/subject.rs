//! What the case page is about now (answer the office, pay, "sent", or where the case
//! stands) and whether the fee is due: the page's model, tested natively below.

use rathaus_core::case::CaseStatus;
use rathaus_core::payment::PaymentState;
use rathaus_core::Money;

use crate::i18n::{fill, Key};
use crate::pages::wizard::payment::{Fee, Standing};

/// What the page is about now: its heading and the tab's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The office asked something and waits for the citizen.
    Answer,
    /// The fee is not paid.
    Payment,
    /// Just sent from this device, and nothing is due.
    Sent,
    /// Anything else: where the case stands.
    Status,
}

impl Subject {
    pub fn of(
        sent_here: bool,
        status: Option<CaseStatus>,
        question: bool,
        fee_due: bool,
    ) -> Subject {
        if question {
            Subject::Answer
        } else if fee_due {
            Subject::Payment
        } else if sent_here && status == Some(CaseStatus::Received) {
            Subject::Sent
        } else {
            Subject::Status
        }
    }

    pub fn title(self, i18n: crate::i18n::I18n, case_number: &str) -> String {
        match self {
            Subject::Answer => fill(i18n.t(Key::CaseTitleAnswer), &[("case", case_number)]),
            Subject::Payment => i18n.t(Key::CaseTitlePayment).to_owned(),
            Subject::Sent => i18n.t(Key::ConfirmationTitle).to_owned(),
            Subject::Status => i18n.t(Key::StatusTitle).to_owned(),
        }
    }
}

/// Whether the fee still has to be paid. Until the backend has said, the device's last
/// word counts: a fee not known to be paid is due.
pub fn fee_due(fee: Money, standing: &Standing, last: Option<PaymentState>) -> bool {
    if fee.cents() <= 0 {
        return false;
    }
    match standing {
        Standing::Known(Fee::Paid(_)) => false,
        Standing::Known(Fee::Open(_) | Fee::Unpaid(_)) => true,
        Standing::Loading | Standing::Unavailable(_) => last != Some(PaymentState::Payed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::payment::PaymentView;

    fn payment(state: PaymentState) -> PaymentView {
        crate::pages::wizard::payment::test_payment(state)
    }

    #[test]
    fn a_fee_is_due_until_the_backend_says_it_is_paid() {
        let fee = Money(1300);
        assert!(fee_due(fee, &Standing::Loading, None));
        assert!(fee_due(fee, &Standing::Known(Fee::Unpaid(None)), None));
        assert!(fee_due(
            fee,
            &Standing::Known(Fee::Open(payment(PaymentState::Initial))),
            None
        ));
        assert!(!fee_due(
            fee,
            &Standing::Known(Fee::Paid(payment(PaymentState::Payed))),
            None
        ));
        // Not asked yet (or unreachable): the device remembers it paid.
        assert!(!fee_due(fee, &Standing::Loading, Some(PaymentState::Payed)));
        assert!(fee_due(
            fee,
            &Standing::Unavailable(crate::api::ApiError::Network),
            Some(PaymentState::Failed)
        ));
        assert!(!fee_due(
            Money(0),
            &Standing::Known(Fee::Unpaid(None)),
            None
        ));
    }

    #[test]
    fn the_page_is_about_what_the_citizen_must_do_first() {
        let received = Some(CaseStatus::Received);
        // The office's question comes before the fee, the fee before "sent".
        assert_eq!(Subject::of(true, received, true, true), Subject::Answer);
        assert_eq!(Subject::of(true, received, false, true), Subject::Payment);
        assert_eq!(Subject::of(true, received, false, false), Subject::Sent);
        // "Sent" only right after sending from here; later, or looked up: the status.
        let in_review = Some(CaseStatus::InReview);
        assert_eq!(Subject::of(true, in_review, false, false), Subject::Status);
        assert_eq!(Subject::of(false, received, false, false), Subject::Status);
    }
}
