//! Properties over arbitrary input: whatever a definition or an answer holds (typed by a
//! citizen, sent by an attacker, left in storage by an old version), the core answers
//! with errors, never with a panic.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rathaus_core::answers::{Answer, Answers, DateInput};
use rathaus_core::condition::Condition;
use rathaus_core::date::Date;
use rathaus_core::definition::{
    ChoiceOption, Constraints, Field, FieldKind, ServiceDefinition, Step,
};
use rathaus_core::fee::{FeeRule, FeeSchedule, Money};
use rathaus_core::json;
use rathaus_core::validate::{validate_application, validate_field};
use rathaus_core::{flow, Text};

const IDS: [&str; 6] = ["a", "b", "c", "kind", "birth", "unknown"];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z]{1,8}",
        any::<String>(),
        "[0-9 ]{0,7}",
        Just("a\u{0}b\nc".to_owned()),
        Just("x".repeat(2500)),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        text().prop_map(Answer::Text),
        prop::collection::vec(text(), 0..3).prop_map(Answer::Choices),
        (text(), text(), text()).prop_map(|(day, month, year)| Answer::Date(DateInput {
            day,
            month,
            year
        })),
        (1u8..=31, 1u8..=12, 1800i32..2200).prop_map(|(d, m, y)| Answer::Date(DateInput {
            day: d.to_string(),
            month: m.to_string(),
            year: y.to_string()
        })),
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    prop::collection::btree_map(
        prop::sample::select(IDS.to_vec()).prop_map(str::to_owned),
        answer(),
        0..6,
    )
    .prop_map(Answers)
}

fn condition() -> impl Strategy<Value = Condition> {
    let id = prop::sample::select(IDS.to_vec()).prop_map(str::to_owned);
    let leaf = prop_oneof![
        (id.clone(), text()).prop_map(|(field, value)| Condition::Equals { field, value }),
        (id.clone(), prop::collection::vec(text(), 0..3))
            .prop_map(|(field, values)| Condition::OneOf { field, values }),
        id.prop_map(|field| Condition::Answered { field }),
    ];
    leaf.prop_recursive(6, 32, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| Condition::Not(Box::new(c))),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            prop::collection::vec(inner, 0..4).prop_map(Condition::Any),
        ]
    })
}

fn field() -> impl Strategy<Value = Field> {
    (
        prop::sample::select(IDS.to_vec()),
        prop::sample::select(FieldKind::ALL.to_vec()),
        any::<bool>(),
        prop::collection::vec("[a-z]{0,3}", 0..4),
        (
            prop::option::of(0u32..20),
            prop::option::of(0u32..20),
            any::<bool>(),
        ),
        (prop::option::of(0u32..150), prop::option::of(0u32..150)),
        prop::option::of(condition()),
    )
        .prop_map(
            |(
                id,
                kind,
                optional,
                options,
                (min_length, max_length, not_in_future),
                (min_years_ago, max_years_ago),
                show_if,
            )| Field {
                id: id.to_owned(),
                kind,
                label: Text::new("Frage", "Question"),
                hint: None,
                optional,
                options: options
                    .into_iter()
                    .map(|value| ChoiceOption {
                        value,
                        label: Text::new("O", "O"),
                        hint: None,
                    })
                    .collect(),
                constraints: Constraints {
                    min_length,
                    max_length,
                    not_in_future,
                    min_years_ago,
                    max_years_ago,
                },
                show_if,
                autocomplete: None,
                messages: BTreeMap::new(),
            },
        )
}

fn definition() -> impl Strategy<Value = ServiceDefinition> {
    let step = (
        "[a-z]{1,4}",
        prop::option::of(condition()),
        prop::collection::vec(field(), 0..4),
    )
        .prop_map(|(id, show_if, fields)| Step {
            id,
            title: Text::new("Schritt", "Step"),
            intro: None,
            show_if,
            fields,
        });
    (
        prop::collection::vec(step, 0..5),
        prop::collection::vec(-5000i64..5000, 0..3),
    )
        .prop_map(|(steps, fees)| ServiceDefinition {
            id: "prop".into(),
            version: 1,
            title: Text::new("T", "T"),
            summary: Text::new("S", "S"),
            before_you_start: vec![],
            duration: None,
            office: None,
            fee: FeeSchedule {
                rules: fees.into_iter().map(|c| FeeRule::Fixed(Money(c))).collect(),
                purpose: None,
            },
            steps,
            declaration: None,
            what_happens_next: None,
        })
}

fn fuehrungszeugnis() -> ServiceDefinition {
    serde_json::from_str(include_str!("../../../services/fuehrungszeugnis.json")).unwrap()
}

/// Answers to the real service: for each question a good answer, a random one, or none;
/// so that both accepted and refused applications come up often.
fn fuehrungszeugnis_answers() -> impl Strategy<Value = Answers> {
    let def = fuehrungszeugnis();
    let per_field: Vec<_> = def
        .fields()
        .map(|(_, f)| {
            let good = match f.kind {
                FieldKind::SingleChoice => f.options[0].value.clone(),
                FieldKind::Postcode => "44135".into(),
                FieldKind::Email => "erika@beispiel.de".into(),
                _ => "Musterstadt".into(),
            };
            let good = if f.kind == FieldKind::Date {
                Answer::Date(DateInput {
                    day: "12".into(),
                    month: "8".into(),
                    year: "1964".into(),
                })
            } else {
                Answer::Text(good)
            };
            let id = f.id.clone();
            prop_oneof![
                20 => Just(Some(good)),
                1 => answer().prop_map(Some),
                1 => Just(None),
            ]
            .prop_map(move |a| (id.clone(), a))
        })
        .collect();
    per_field.prop_map(|pairs| {
        Answers(
            pairs
                .into_iter()
                .filter_map(|(id, a)| a.map(|a| (id, a)))
                .collect(),
        )
    })
}

fn today() -> impl Strategy<Value = Date> {
    (-200_000i64..200_000).prop_map(Date::from_days_since_epoch)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics(field in field(), answer in prop::option::of(answer()), today in today()) {
        let _ = validate_field(&field, answer.as_ref(), today);
    }

    #[test]
    fn conditions_never_panic(condition in condition(), answers in answers()) {
        let _ = condition.holds(&answers);
        let _ = condition.referenced_fields();
    }

    #[test]
    fn any_definition_is_checked_walked_and_validated_without_panic(
        def in definition(), answers in answers(), today in today()
    ) {
        let _ = def.problems();
        let walk = flow::walk(&def, &answers);
        for (step, _) in &walk.steps {
            let _ = flow::next_step(&def, &answers, &step.id);
            let _ = flow::previous_step(&def, &answers, &step.id);
            let _ = flow::position(&def, &answers, &step.id);
        }
        let _ = flow::first_incomplete_step(&def, &answers, today);
        let _ = def.fee.compute(&answers);
        let _ = validate_application(&def, &answers, today);
    }

    #[test]
    fn what_validation_accepts_it_accepts_again(answers in fuehrungszeugnis_answers()) {
        // The answers the server keeps are themselves a valid application, keeping them
        // again changes nothing, and the fee does not depend on hidden answers.
        let def = fuehrungszeugnis();
        let today = Date::new(2026, 11, 26).unwrap();
        match validate_application(&def, &answers, today) {
            Ok(kept) => {
                prop_assert_eq!(validate_application(&def, &kept, today), Ok(kept.clone()));
                prop_assert_eq!(def.fee.compute(&kept), def.fee.compute(&answers));
                prop_assert!(flow::first_incomplete_step(&def, &answers, today).is_none());
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                // Every error names a question of this service, or an unknown one.
                for e in &errors {
                    let known = def.field(&e.field).is_some();
                    prop_assert!(known || e.code == rathaus_core::ErrorCode::UnknownField);
                }
            }
        }
    }

    #[test]
    fn the_json_codec_never_panics_and_agrees_with_serde(text in any::<String>(), answers in answers()) {
        let _ = json::parse(&text);
        let _ = json::from_str::<Answers>(&text);
        let encoded = json::to_string(&answers);
        prop_assert_eq!(serde_json::from_str::<Answers>(&encoded).unwrap(), answers.clone());
        let by_serde = serde_json::to_string(&answers).unwrap();
        prop_assert_eq!(json::from_str::<Answers>(&by_serde).unwrap(), answers);
    }
}
