//! Properties over arbitrary input: whatever a definition or an answer holds (typed by a
//! citizen, sent by an attacker, left in storage by an old version), the core answers
//! with errors, never with a panic.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rathaus_core::answers::{AddressInput, Answer, Answers, DateInput, FileRef};
use rathaus_core::condition::Condition;
use rathaus_core::date::Date;
use rathaus_core::definition::{
    ChoiceOption, Constraints, DateBound, Field, FieldKind, Repeat, ServiceDefinition, Step,
};
use rathaus_core::fee::{FeeRule, FeeSchedule, FeeTier, Money};
use rathaus_core::json;
use rathaus_core::number::Decimal;
use rathaus_core::scope::Scope;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::validate::{validate_answer, validate_application};
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
        "-?[0-9]{1,20}([.,][0-9]{0,4})?",
        Just("DE89 3704 0044 0532 0130 00".to_owned()),
    ]
}

fn leaf_answer() -> impl Strategy<Value = Answer> {
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
        (text(), text(), text(), text()).prop_map(|(street, extra, postcode, town)| {
            Answer::Address(AddressInput {
                street,
                extra,
                postcode,
                town,
            })
        }),
        prop::collection::vec((text(), any::<u64>(), text()), 0..3).prop_map(|files| {
            Answer::Files(
                files
                    .into_iter()
                    .map(|(name, size, media_type)| FileRef {
                        id: "f".into(),
                        name,
                        size,
                        media_type,
                    })
                    .collect(),
            )
        }),
    ]
}

fn answer() -> BoxedStrategy<Answer> {
    prop_oneof![
        4 => leaf_answer(),
        1 => prop::collection::vec(
            prop::collection::btree_map(
                prop::sample::select(IDS.to_vec()).prop_map(str::to_owned),
                leaf_answer(),
                0..4,
            )
            .prop_map(Answers),
            // An empty list is written `[]` and read back as no choices (both blank).
            1..4,
        )
        .prop_map(Answer::Items),
    ]
    .boxed()
}

fn answers() -> impl Strategy<Value = Answers> {
    prop::collection::btree_map(
        prop::sample::select(IDS.to_vec()).prop_map(str::to_owned),
        answer(),
        0..6,
    )
    .prop_map(Answers)
}

fn condition() -> BoxedStrategy<Condition> {
    let id = prop::sample::select(IDS.to_vec()).prop_map(str::to_owned);
    let leaf = prop_oneof![
        (id.clone(), text()).prop_map(|(field, value)| Condition::Equals { field, value }),
        (id.clone(), prop::collection::vec(text(), 0..3))
            .prop_map(|(field, values)| Condition::OneOf { field, values }),
        id.clone().prop_map(|field| Condition::Answered { field }),
        (id.clone(), -1000i64..1000).prop_map(|(field, n)| Condition::AtLeast {
            field,
            value: Decimal::from_whole(n)
        }),
        (id.clone(), -1000i64..1000).prop_map(|(field, n)| Condition::Below {
            field,
            value: Decimal::from_whole(n)
        }),
        (id.clone(), 0u32..200)
            .prop_map(|(field, years)| Condition::YearsSinceAtLeast { field, years }),
        (id, 0u32..200).prop_map(|(field, years)| Condition::YearsSinceBelow { field, years }),
    ];
    leaf.prop_recursive(6, 32, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| Condition::Not(Box::new(c))),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            prop::collection::vec(inner, 0..4).prop_map(Condition::Any),
        ]
    })
    .boxed()
}

fn field() -> BoxedStrategy<Field> {
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
        (
            prop::option::of(-1000i64..1000),
            prop::option::of(-1000i64..1000),
            prop::option::of(0u32..5),
            prop::option::of(0u32..5),
            prop::option::of(0u8..30),
        ),
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
                (min, max, min_count, max_count, decimals),
            )| Field {
                id: id.to_owned(),
                kind,
                label: Text::new("Frage", "Question"),
                hint: None,
                optional,
                options_from: None,
                options: options
                    .into_iter()
                    .map(|value| ChoiceOption {
                        value,
                        label: Text::new("O", "O"),
                        hint: None,
                        exclusive: false,
                        attributes: Default::default(),
                    })
                    .collect(),
                constraints: Constraints {
                    min_length,
                    max_length,
                    not_in_future,
                    min_years_ago,
                    max_years_ago,
                    not_in_past: optional,
                    min: min.map(Decimal::from_whole),
                    max: max.map(Decimal::from_whole),
                    decimals,
                    min_count,
                    max_count,
                    accept: vec![],
                    max_file_bytes: max_count.map(u64::from),
                    // The newer constraints, derived from the values drawn above.
                    earliest: min_years_ago.map(|n| DateBound {
                        field: None,
                        days: n as i32 - 2,
                        ..DateBound::default()
                    }),
                    latest: max_years_ago.map(|n| DateBound {
                        field: Some("a".into()),
                        months: n as i32,
                        ..DateBound::default()
                    }),
                    pattern: min_length
                        .map(|n| ["A{1,5}", "D{2,4}", "{x", "L-D"][n as usize % 4].into()),
                    postcodes: max_length
                        .map(|n| vec![["44135-44388", "4413", "10115"][n as usize % 3].into()])
                        .unwrap_or_default(),
                },
                show_if,
                autocomplete: None,
                messages: BTreeMap::new(),
                prefill: None,
                compute: None,
                optional_after_first: not_in_future && optional,
            },
        )
        .boxed()
}

fn definition() -> impl Strategy<Value = ServiceDefinition> {
    let step = (
        prop_oneof![
            "[a-z]{1,4}",
            prop::sample::select(IDS.to_vec()).prop_map(str::to_owned)
        ],
        prop::option::of(condition()),
        prop::collection::vec(field(), 0..4),
        prop::option::of((0u32..4, 0u32..4)),
    )
        .prop_map(|(id, show_if, fields, repeat)| Step {
            id,
            title: Text::new("Schritt", "Step"),
            intro: None,
            show_if,
            repeat: repeat.map(|(min, max)| Repeat {
                min,
                max,
                item: Text::new("Eintrag", "Entry"),
                add_another: Text::new("Noch einer?", "Another?"),
                summary_field: None,
            }),
            stop: None,
            section: None,
            fields,
        });
    let id = || prop::sample::select(IDS.to_vec()).prop_map(str::to_owned);
    let rule = prop_oneof![
        (-5000i64..5000).prop_map(|c| FeeRule::Fixed(Money(c))),
        (
            id(),
            prop::collection::btree_map("[a-z]{0,3}", (0i64..5000).prop_map(Money), 0..3)
        )
            .prop_map(|(field, amounts)| FeeRule::PerOption { field, amounts }),
        (
            id(),
            prop::collection::vec((0i64..5000).prop_map(Money), 0..3),
            prop::option::of(condition())
        )
            .prop_map(|(group, amounts, when)| FeeRule::PerItem {
                group,
                amounts,
                when
            }),
        (
            id(),
            prop::collection::vec(
                (
                    prop::option::of(-10i64..1_000_000),
                    0i64..100_000,
                    0u32..2000
                ),
                0..4
            )
        )
            .prop_map(|(field, tiers)| FeeRule::Tiered {
                field,
                tiers: tiers
                    .into_iter()
                    .map(|(up_to, amount, per_mille)| FeeTier {
                        up_to: up_to.map(Decimal::from_whole),
                        amount: Money(amount),
                        per_mille,
                    })
                    .collect(),
            }),
    ];
    let rules = rule.prop_recursive(3, 12, 3, |inner| {
        (condition(), prop::collection::vec(inner, 0..3))
            .prop_map(|(condition, rules)| FeeRule::When { condition, rules })
    });
    (
        prop::collection::vec(step, 0..5),
        prop::collection::vec(rules, 0..3),
    )
        .prop_map(|(steps, fees)| ServiceDefinition {
            id: "prop".into(),
            version: 1,
            title: Text::new("T", "T"),
            summary: Text::new("S", "S"),
            before_you_start: vec![],
            duration: None,
            office: None,
            privacy: None,
            identification: Default::default(),
            assurance: None,
            fee: FeeSchedule {
                rules: fees,
                purpose: None,
                explanation: None,
            },
            steps,
            sections: Default::default(),
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
        let _ = validate_answer(&field, answer.as_ref(), today);
    }

    #[test]
    fn conditions_never_panic(
        def in definition(), condition in condition(), answers in answers(), item in answers(), today in today()
    ) {
        let _ = condition.holds(&Scope::new(&def, &answers, today));
        let _ = condition.holds(&Scope::new(&def, &answers, today).with_item(&item));
        let _ = condition.referenced_fields();
    }

    #[test]
    fn any_definition_is_checked_walked_and_validated_without_panic(
        def in definition(), answers in answers(), today in today()
    ) {
        let _ = def.problems();
        let walk = flow::walk(&def, &answers, today);
        for (step, _) in &walk.steps {
            let _ = flow::next_step(&def, &answers, &step.id, today);
            let _ = flow::previous_step(&def, &answers, &step.id, today);
            let _ = flow::position(&def, &answers, &step.id, today);
            let _ = rathaus_core::validate::validate_step(&def, step, &answers, today);
        }
        let _ = first_incomplete_step(&def, &answers, today);
        let _ = def.fee_for(&walk.answers, today);
        let _ = validate_application(&def, &answers, today);
        // A draft fitted to the definition fits it: fitting again drops nothing.
        let fitted = rathaus_core::migrate::migrate(&answers, &def, today);
        let again = rathaus_core::migrate::migrate(&fitted.answers, &def, today);
        prop_assert_eq!(again.dropped, vec![]);
        prop_assert_eq!(again.answers, fitted.answers);
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
                let walked = flow::walk(&def, &answers, today).answers;
                prop_assert_eq!(def.fee_for(&kept, today), def.fee_for(&walked, today));
                prop_assert!(first_incomplete_step(&def, &answers, today).is_none());
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
