//! Fees as a definition writes them; computed from the answers ([`crate::scope`]) by
//! the same code in the browser and on the server.
//! The server never takes a fee from the app; it computes its own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::json::Wire;
use crate::number::Decimal;
use crate::text::Text;

/// An amount of euros, in cents.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Wire,
)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FeeRule {
    /// A fixed amount in cents, e.g. `{"fixed": 1300}`.
    Fixed(Money),
    /// An amount per chosen option of a choice field (for multiple choice, the sum).
    PerOption {
        field: String,
        amounts: BTreeMap<String, Money>,
    },
    /// An amount per item of a repeatable group: the first item costs `amounts[0]`, the
    /// second `amounts[1]`, and every further one the last amount. With `when`, only
    /// the items for which it holds count (evaluated inside the item).
    PerItem {
        group: String,
        amounts: Vec<Money>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<Condition>,
    },
    /// Tiered by a number answered (a construction cost, say): the first tier whose
    /// `up_to` the value does not exceed applies.
    Tiered { field: String, tiers: Vec<FeeTier> },
    /// `amount` for every unit: the product of the numbers answered in (or computed
    /// for) `factors`, as days × metres, rounded half up to the cent. Nothing when a
    /// factor has no number.
    PerUnit { amount: Money, factors: Vec<String> },
    /// These rules apply only when the condition holds.
    When {
        condition: Condition,
        rules: Vec<FeeRule>,
    },
}

/// One band of a tiered fee: `amount` plus `per_mille` thousandths of the value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeTier {
    /// The largest value of this band (money in euros); none for the last band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<Decimal>,
    #[serde(default)]
    pub amount: Money,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub per_mille: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeSchedule {
    #[serde(default)]
    pub rules: Vec<FeeRule>,
    /// What the fee pays for, shown with the amount ("Gebühr für das Führungszeugnis").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
    /// How the fee is worked out, for the start page when it depends on the answers
    /// ("30 € im Jahr für den ersten Hund, 60 € für jeden weiteren").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
}

impl FeeSchedule {
    /// The fee when it does not depend on the answers, for the start page.
    pub fn fixed_amount(&self) -> Option<Money> {
        self.rules
            .iter()
            .try_fold(Money::ZERO, |total, rule| match rule {
                FeeRule::Fixed(amount) => Some(total + *amount),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::Date;
    use crate::definition::ServiceDefinition;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 27,
    };

    /// A service with the fields the rules read, each of the kind its name says.
    fn service(rules: &str) -> ServiceDefinition {
        let option = |v: &str| serde_json::json!({"value": v, "label": {"de": v}});
        serde_json::from_value(serde_json::json!({
            "id": "t", "version": 1, "title": {"de": "T"}, "summary": {"de": "T"},
            "fee": {"rules": serde_json::from_str::<serde_json::Value>(rules).unwrap()},
            "steps": [
                {"id": "a", "title": {"de": "A"}, "fields": [
                    {"id": "zone", "type": "multiple_choice", "label": {"de": "Z"},
                     "options": [option("a"), option("b"), option("c")]},
                    {"id": "car", "type": "single_choice", "label": {"de": "C"},
                     "options": [option("own"), option("company")]},
                    {"id": "cost", "type": "money", "label": {"de": "K"}},
                    {"id": "weight", "type": "decimal", "label": {"de": "G"},
                     "constraints": {"decimals": 3}}
                ]},
                {"id": "dogs", "title": {"de": "H"},
                 "repeat": {"max": 5, "item": {"de": "Hund"}, "add_another": {"de": "?"}},
                 "fields": [{"id": "listed", "type": "yes_no", "label": {"de": "L"}}]}
            ]
        }))
        .unwrap()
    }

    fn fee(rules: &str, answers: &str) -> Money {
        service(rules).fee_for(&serde_json::from_str(answers).unwrap(), TODAY)
    }

    #[test]
    fn fixed_fees_add_up() {
        let rules = r#"[{"fixed":1300},{"fixed":250}]"#;
        assert_eq!(fee(rules, "{}"), Money(1550));
        assert_eq!(service(rules).fee.fixed_amount(), Some(Money(1550)));
        assert_eq!(fee("[]", "{}"), Money::ZERO);
        assert_eq!(service("[]").fee.fixed_amount(), Some(Money::ZERO));
    }

    #[test]
    fn a_tier_reads_a_decimal_answer_as_validation_does() {
        // A vehicle weight in tonnes with three decimals: 7,490 t is 7.49 t (165 €),
        // not 7490 t (185 €).
        let rules = r#"[{"tiered":{"field":"weight","tiers":[
            {"up_to":7.5,"amount":16500},{"amount":18500}]}}]"#;
        assert_eq!(fee(rules, r#"{"weight":"7,490"}"#), Money(16500));
        assert_eq!(fee(rules, r#"{"weight":"7.490"}"#), Money(16500));
        assert_eq!(fee(rules, r#"{"weight":"7,501"}"#), Money(18500));
        assert_eq!(fee(rules, r#"{"weight":"7490"}"#), Money(18500));
    }

    #[test]
    fn per_option_counts_each_chosen_option() {
        let rules = r#"[{"per_option":{"field":"zone","amounts":{"a":3000,"b":4500}}}]"#;
        assert_eq!(fee(rules, r#"{"zone":"b"}"#), Money(4500));
        assert_eq!(fee(rules, r#"{"zone":["a","b"]}"#), Money(7500));
        assert_eq!(fee(rules, r#"{"zone":"c"}"#), Money::ZERO);
        assert_eq!(fee(rules, r#"{}"#), Money::ZERO);
    }

    #[test]
    fn per_item_charges_by_position_and_condition() {
        // Dog tax: 156 € for the first dog, 192 € for every further one; a listed
        // breed adds 600 € each.
        let rules = r#"[{"per_item":{"group":"dogs","amounts":[15600,19200]}},
            {"per_item":{"group":"dogs","amounts":[60000],"when":{"equals":{"field":"listed","value":"yes"}}}}]"#;
        assert_eq!(fee(rules, r#"{}"#), Money::ZERO);
        assert_eq!(fee(rules, r#"{"dogs":[{"listed":"no"}]}"#), Money(15600));
        assert_eq!(
            fee(
                rules,
                r#"{"dogs":[{"listed":"no"},{"listed":"yes"},{"listed":"no"}]}"#
            ),
            Money(15600 + 19200 * 2 + 60000)
        );
    }

    #[test]
    fn tiers_by_construction_cost() {
        let rules = r#"[{"tiered":{"field":"cost","tiers":[
            {"up_to":50000,"amount":25000},
            {"up_to":500000,"amount":10000,"per_mille":5},
            {"amount":50000,"per_mille":4}]}}]"#;
        assert_eq!(fee(rules, r#"{"cost":"50.000"}"#), Money(25000));
        // 10 000 € fixed + 5 ‰ of 50 000,01 € = 250,00005 € → 350,00 €.
        assert_eq!(fee(rules, r#"{"cost":"50000,01"}"#), Money(35000));
        assert_eq!(fee(rules, r#"{"cost":"200.000"}"#), Money(10000 + 100000));
        assert_eq!(fee(rules, r#"{"cost":"1.000.000"}"#), Money(50000 + 400000));
        assert_eq!(fee(rules, r#"{"cost":"viel"}"#), Money::ZERO);
        let schedule: FeeSchedule =
            serde_json::from_str(&format!(r#"{{"rules":{rules}}}"#)).unwrap();
        assert_eq!(schedule.fixed_amount(), None, "depends on the answers");
    }

    #[test]
    fn conditional_rules() {
        let rules = r#"[{"fixed":3000},{"when":{"condition":{"equals":{"field":"car","value":"company"}},"rules":[{"fixed":1000}]}}]"#;
        assert_eq!(fee(rules, r#"{"car":"own"}"#), Money(3000));
        assert_eq!(fee(rules, r#"{"car":"company"}"#), Money(4000));
    }
}
