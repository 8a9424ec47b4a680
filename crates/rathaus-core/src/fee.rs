//! Fees, computed from the answers by the same code in the browser and on the server.
//! The server never takes a fee from the app; it computes its own.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::text::Text;

/// An amount of euros, in cents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn cents(self) -> i64 {
        self.0
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

/// One part of a service's fee; a fee is the sum of its parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FeeRule {
    /// A fixed amount in cents, e.g. `{"fixed": 1300}`.
    Fixed(Money),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeSchedule {
    #[serde(default)]
    pub rules: Vec<FeeRule>,
    /// What the fee pays for, shown with the amount ("Gebühr für das Führungszeugnis").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
}

impl FeeSchedule {
    pub fn compute(&self, _answers: &Answers) -> Money {
        self.rules.iter().fold(Money::ZERO, |sum, rule| match rule {
            FeeRule::Fixed(amount) => sum + *amount,
        })
    }

    /// The fee when it does not depend on the answers, for the start page.
    pub fn fixed_amount(&self) -> Option<Money> {
        Some(self.compute(&Answers::default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_fees_add_up() {
        let schedule: FeeSchedule =
            serde_json::from_str(r#"{"rules":[{"fixed":1300},{"fixed":250}]}"#).unwrap();
        assert_eq!(schedule.compute(&Answers::default()), Money(1550));
        assert_eq!(schedule.fixed_amount(), Some(Money(1550)));
        assert_eq!(
            FeeSchedule::default().compute(&Answers::default()),
            Money::ZERO
        );
    }
}
