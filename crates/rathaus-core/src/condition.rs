//! Conditions that show a step or a field depending on earlier answers, as a definition
//! writes them; whether one holds is [`crate::scope`]'s.

use crate::json::Wire;
use crate::number::Decimal;
use serde::{Deserialize, Serialize};

/// Written in a definition as, e.g., `{"equals": {"field": "kind", "value": "authority"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Condition {
    /// The text answer is `value`, or the multiple choice answer includes it.
    Equals {
        field: String,
        value: String,
    },
    /// The answer is (or, for multiple choice, includes) one of `values`.
    OneOf {
        field: String,
        values: Vec<String>,
    },
    /// The field has a non-blank answer.
    Answered {
        field: String,
    },
    /// The number answered is at least `value` (money in euros). For multiple choice,
    /// files and repeatable groups: how many were chosen, uploaded or added.
    AtLeast {
        field: String,
        value: Decimal,
    },
    /// The number answered is less than `value` (as `at_least`).
    Below {
        field: String,
        value: Decimal,
    },
    /// The date answered lies at least `years` whole years back (an age, say).
    YearsSinceAtLeast {
        field: String,
        years: u32,
    },
    /// The date answered lies less than `years` whole years back.
    YearsSinceBelow {
        field: String,
        years: u32,
    },
    /// At least one item of the repeatable group `group` meets `condition` (read inside
    /// the item): "at least one dog of a listed breed".
    AnyItem {
        group: String,
        condition: Box<Condition>,
    },
    /// Every item of `group` meets `condition`, and there is at least one: "both
    /// parents employed".
    EveryItem {
        group: String,
        condition: Box<Condition>,
    },
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Answers};
    use crate::date::Date;
    use crate::definition::ServiceDefinition;
    use crate::scope::Scope;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set_text(*k, *v);
        }
        a
    }

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 27,
    };

    /// The fields the tests' conditions read, each of the kind its name says.
    fn def() -> ServiceDefinition {
        serde_json::from_value(serde_json::json!({
            "id": "t", "version": 1, "title": {"de": "T"}, "summary": {"de": "T"},
            "steps": [
                {"id": "a", "title": {"de": "A"}, "fields": [
                    {"id": "kind", "type": "single_choice", "label": {"de": "K"},
                     "options": [{"value": "authority", "label": {"de": "B"}},
                                 {"value": "private", "label": {"de": "P"}}]},
                    {"id": "note", "type": "text", "label": {"de": "N"}},
                    {"id": "langs", "type": "multiple_choice", "label": {"de": "L"},
                     "options": [{"value": "de", "label": {"de": "D"}},
                                 {"value": "tr", "label": {"de": "T"}}]},
                    {"id": "cost", "type": "money", "label": {"de": "C"}},
                    {"id": "count", "type": "number", "label": {"de": "N"}},
                    {"id": "area", "type": "decimal", "label": {"de": "A"}},
                    {"id": "weight", "type": "decimal", "label": {"de": "W"},
                     "constraints": {"decimals": 3}},
                    {"id": "birth", "type": "date", "label": {"de": "G"}},
                    {"id": "breed", "type": "text", "label": {"de": "R"}}
                ]},
                {"id": "dogs", "title": {"de": "H"},
                 "repeat": {"max": 5, "item": {"de": "Hund"}, "add_another": {"de": "?"}},
                 "fields": [{"id": "dog_name", "type": "text", "label": {"de": "N"}}]}
            ]
        }))
        .unwrap()
    }

    fn holds(c: &Condition, a: &Answers) -> bool {
        c.holds(&Scope::new(&def(), a, TODAY))
    }

    #[test]
    fn operators() {
        let a = answers(&[("kind", "authority"), ("note", "")]);
        let eq = |f: &str, v: &str| Condition::Equals {
            field: f.into(),
            value: v.into(),
        };
        assert!(holds(&eq("kind", "authority"), &a));
        assert!(!holds(&eq("kind", "private"), &a));
        assert!(!holds(&eq("missing", "x"), &a));
        assert!(holds(&Condition::Not(Box::new(eq("kind", "private"))), &a));
        let one_of = Condition::OneOf {
            field: "kind".into(),
            values: vec!["private".into(), "authority".into()],
        };
        assert!(holds(&one_of, &a));
        let answered = Condition::Answered {
            field: "note".into(),
        };
        assert!(!holds(&answered, &a));
        assert!(holds(&Condition::All(vec![]), &a));
        assert!(!holds(&Condition::Any(vec![]), &a));
        assert!(holds(
            &Condition::Any(vec![eq("kind", "x"), eq("kind", "authority")]),
            &a
        ));
        assert!(!holds(
            &Condition::All(vec![eq("kind", "x"), eq("kind", "authority")]),
            &a
        ));
    }

    #[test]
    fn multiple_choice_matches_any_chosen_value() {
        let mut a = Answers::default();
        a.set("langs", Answer::Choices(vec!["de".into(), "tr".into()]));
        let cond = Condition::Equals {
            field: "langs".into(),
            value: "tr".into(),
        };
        assert!(holds(&cond, &a));
    }

    #[test]
    fn numbers_counts_and_ages() {
        let mut a = answers(&[("cost", "250.000"), ("area", "12,5")]);
        a.set(
            "birth",
            Answer::Date(crate::answers::DateInput {
                day: "28".into(),
                month: "11".into(),
                year: "2008".into(),
            }),
        );
        a.set(
            "dogs",
            Answer::Items(vec![Answers::default(), Answers::default()]),
        );
        let whole = |n: i64| Decimal::from_whole(n);
        let at_least = |f: &str, n: i64| Condition::AtLeast {
            field: f.into(),
            value: whole(n),
        };
        let below = |f: &str, n: i64| Condition::Below {
            field: f.into(),
            value: whole(n),
        };
        assert!(holds(&at_least("cost", 250_000), &a));
        assert!(!holds(&at_least("cost", 250_001), &a));
        assert!(holds(&below("area", 13), &a));
        assert!(!holds(&below("area", 12), &a));
        assert!(holds(&at_least("dogs", 2), &a));
        assert!(!holds(&at_least("dogs", 3), &a));
        assert!(!holds(&at_least("missing", 0), &a), "no answer, no number");
        assert!(!holds(&below("birth", 5), &a), "a date is not a number");
        // Born 28.11.2008: 17 on 27.11.2026, 18 a day later.
        let adult = Condition::YearsSinceAtLeast {
            field: "birth".into(),
            years: 18,
        };
        assert!(!holds(&adult, &a));
        assert!(adult.holds(&Scope::new(&def(), &a, Date::new(2026, 11, 28).unwrap())));
        assert!(holds(
            &Condition::YearsSinceBelow {
                field: "birth".into(),
                years: 18
            },
            &a
        ));
    }

    #[test]
    fn an_item_answer_shadows_the_outer_one() {
        let outer = answers(&[("breed", "pudel")]);
        let item = answers(&[("breed", "pitbull")]);
        let cond = Condition::Equals {
            field: "breed".into(),
            value: "pitbull".into(),
        };
        assert!(!holds(&cond, &outer));
        assert!(cond.holds(&Scope::new(&def(), &outer, TODAY).with_item(&item)));
    }

    #[test]
    fn a_number_is_read_as_its_field_reads_it() {
        let at_least = |f: &str, n: &str| Condition::AtLeast {
            field: f.into(),
            value: Decimal::parse(n, crate::number::Separators::DecimalPoint).unwrap(),
        };
        // A weight of 7,490 t is 7.49 in a decimal field, never 7490.
        let a = answers(&[("weight", "7,490"), ("count", "7,490"), ("cost", "7,490")]);
        assert!(holds(&at_least("weight", "7.49"), &a));
        assert!(!holds(&at_least("weight", "7.5"), &a));
        // Whole numbers and money group thousands: 7490.
        assert!(holds(&at_least("count", "7490"), &a));
        assert!(holds(&at_least("cost", "7490"), &a));
        assert!(!holds(&at_least("count", "7491"), &a));
        // A text field holds no number, whatever its text looks like.
        let text = answers(&[("note", "12")]);
        assert!(!holds(&at_least("note", "1"), &text));
    }

    #[test]
    fn reads_the_definition_syntax() {
        let c: Condition = serde_json::from_str(
            r#"{"all":[{"equals":{"field":"kind","value":"o"}},{"not":{"answered":{"field":"x"}}}]}"#,
        )
        .unwrap();
        assert_eq!(c.referenced_fields(), vec!["kind", "x"]);
    }
}
