//! One reading of a number: what validation accepts as the value of a number, decimal
//! or money answer is the value that conditions, fee rules and the stored application
//! use — for every way a citizen writes a number.

use proptest::prelude::*;
use rathaus_core::answers::Answers;
use rathaus_core::condition::Condition;
use rathaus_core::date::Date;
use rathaus_core::definition::{Field, FieldKind, ServiceDefinition};
use rathaus_core::fee::Money;
use rathaus_core::number::Decimal;
use rathaus_core::scope::Scope;
use rathaus_core::validate::{numbers_as_read, validate_answer, validate_application};

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

/// A one-question service: `x` of `kind`, bounded by `min` / `max` when given, a
/// follow-up shown when `x` is at least `threshold`, and a fee of 1 € up to `threshold`
/// and 2 € above it.
fn service(
    kind: FieldKind,
    decimals: Option<u8>,
    bounds: (Option<Decimal>, Option<Decimal>),
    threshold: Decimal,
) -> ServiceDefinition {
    let limit = |d: Option<Decimal>| d.map(|d| serde_json::to_value(d).unwrap());
    let mut constraints = serde_json::json!({});
    if let Some(d) = decimals {
        constraints["decimals"] = d.into();
    }
    if let Some(min) = limit(bounds.0) {
        constraints["min"] = min;
    }
    if let Some(max) = limit(bounds.1) {
        constraints["max"] = max;
    }
    let threshold = serde_json::to_value(threshold).unwrap();
    serde_json::from_value(serde_json::json!({
        "id": "t", "version": 1, "title": {"de": "T"}, "summary": {"de": "T"},
        "fee": {"rules": [{"tiered": {"field": "x", "tiers": [
            {"up_to": threshold, "amount": 100}, {"amount": 200}]}}]},
        "steps": [{"id": "a", "title": {"de": "A"}, "fields": [
            {"id": "x", "type": kind.name(), "label": {"de": "X"}, "constraints": constraints},
            {"id": "y", "type": "text", "label": {"de": "Y"}, "optional": true,
             "show_if": {"at_least": {"field": "x", "value": threshold}}}
        ]}]
    }))
    .unwrap()
}

fn accepts(def: &ServiceDefinition, text: &str) -> bool {
    let mut answers = Answers::default();
    answers.set_text("x", text);
    validate_answer(def.field("x").unwrap(), answers.get("x"), TODAY).is_none()
}

fn at_least(def: &ServiceDefinition, answers: &Answers, value: Decimal) -> bool {
    Condition::AtLeast {
        field: "x".into(),
        value,
    }
    .holds(&Scope::new(def, answers, TODAY))
}

/// Numbers as citizens write them: German and English separators, grouping, spaces,
/// a sign, a euro sign, and the shapes that were read two ways before.
fn typed_number() -> impl Strategy<Value = String> {
    let group = "[0-9]{3}";
    prop_oneof![
        prop::sample::select(vec![
            "1.500",
            "1.500,5",
            "7,490",
            "7.490",
            "12.5",
            "12,5",
            "-0",
            "0",
            " 1 500 ",
            "1 500,25",
            "1,250.55",
            "0,125",
            "0.125",
            "250.000",
            "13,50 €",
            "-3,5",
            "1.000.000",
            "1,000,000",
            "12,",
            ",5",
            "1.2.3",
            "007",
            "0,5",
            // Arabic and Persian keyboards, the euro sign in front, a minus sign.
            "٧٫٤٩",
            "١٬٥٠٠",
            "۱۲۵۰",
            "€7.49",
            "-€2,50",
            "\u{2212}3,5",
        ])
        .prop_map(str::to_owned),
        (
            "-?",
            "[1-9][0-9]{0,2}",
            prop::collection::vec(group, 0..3),
            prop::sample::select(vec![".", ",", " ", "\u{a0}"]),
            prop::option::of((prop::sample::select(vec![",", "."]), "[0-9]{1,4}")),
            prop::sample::select(vec!["", " €", "€", " "]),
        )
            .prop_map(|(sign, first, groups, sep, frac, suffix)| {
                let mut s = format!("{sign}{first}");
                for g in groups {
                    s.push_str(sep);
                    s.push_str(&g);
                }
                if let Some((dot, digits)) = frac {
                    s.push_str(dot);
                    s.push_str(&digits);
                }
                s + suffix
            }),
        "-?[0-9]{1,7}([.,][0-9]{1,4})?",
    ]
}

fn kind() -> impl Strategy<Value = (FieldKind, Option<u8>)> {
    prop_oneof![
        Just((FieldKind::Number, None)),
        Just((FieldKind::Money, None)),
        (0u8..=4).prop_map(|d| (FieldKind::Decimal, Some(d))),
        Just((FieldKind::Decimal, None)),
    ]
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (-2_000_000i64..2_000_000, 0u8..=3).prop_map(|(mantissa, scale)| Decimal { mantissa, scale })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 50_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn validation_conditions_fees_and_the_stored_answer_read_a_number_alike(
        text in typed_number(), (kind, decimals) in kind(), threshold in decimal()
    ) {
        let plain = service(kind, decimals, (None, None), threshold);
        prop_assume!(accepts(&plain, &text));
        let mut answers = Answers::default();
        answers.set_text("x", &text);

        // Validation's reading, seen through its own bounds: at least `threshold`?
        let with_min = service(kind, decimals, (Some(threshold), None), threshold);
        let with_max = service(kind, decimals, (None, Some(threshold)), threshold);
        let not_below = accepts(&with_min, &text);
        let not_above = accepts(&with_max, &text);

        // Conditions read the same value …
        prop_assert_eq!(at_least(&plain, &answers, threshold), not_below, "condition on {:?}", text);
        // … and so do fee rules.
        let fee = plain.fee_for(&answers, TODAY);
        prop_assert_eq!(fee == Money(100), not_above, "fee on {:?}", text);

        // The application as stored reads the same again, and is itself valid.
        let stored = validate_application(&plain, &answers, TODAY).expect("accepted");
        prop_assert_eq!(at_least(&plain, &stored, threshold), not_below);
        prop_assert_eq!(plain.fee_for(&stored, TODAY), fee);
        prop_assert_eq!(validate_application(&plain, &stored, TODAY), Ok(stored.clone()));
        prop_assert_eq!(numbers_as_read(&plain, stored.clone()), stored);
    }
}

fn field(kind: FieldKind, decimals: Option<u8>) -> Field {
    service(kind, decimals, (None, None), Decimal::from_whole(0))
        .field("x")
        .unwrap()
        .clone()
}

fn read(kind: FieldKind, decimals: Option<u8>, text: &str) -> Option<String> {
    field(kind, decimals)
        .read_number(text)
        .map(Decimal::to_plain_string)
}

#[test]
fn each_kind_reads_the_shapes_citizens_type() {
    use FieldKind::{Decimal as Dec, Money as Eur, Number as Num};
    // A lone separator before three digits groups thousands in whole numbers and
    // money, and is the decimal separator in a decimal field.
    assert_eq!(read(Num, None, "1.500").as_deref(), Some("1500"));
    assert_eq!(read(Eur, None, "1.500").as_deref(), Some("1500"));
    assert_eq!(read(Dec, Some(3), "1.500").as_deref(), Some("1.500"));
    assert_eq!(read(Dec, Some(3), "7,490").as_deref(), Some("7.490"));
    assert_eq!(read(Num, None, "7,490").as_deref(), Some("7490"));
    // Both separators: the last one is the decimal separator, in every kind.
    assert_eq!(read(Eur, None, "1.500,5").as_deref(), Some("1500.5"));
    assert_eq!(read(Dec, None, "1.500,5").as_deref(), Some("1500.5"));
    assert_eq!(read(Dec, None, "12.5").as_deref(), Some("12.5"));
    assert_eq!(read(Num, None, "-0").as_deref(), Some("0"));
    assert_eq!(read(Num, None, " 1 500 ").as_deref(), Some("1500"));
    assert_eq!(read(Eur, None, "13,50 €").as_deref(), Some("13.50"));
    // Text fields hold no number.
    assert_eq!(read(FieldKind::Text, None, "12"), None);
}

#[test]
fn a_decimal_answer_is_stored_as_it_was_read() {
    let def = service(
        FieldKind::Decimal,
        Some(3),
        (None, None),
        Decimal::from_whole(7),
    );
    let mut answers = Answers::default();
    answers.set_text("x", "7,490");
    let stored = validate_application(&def, &answers, TODAY).unwrap();
    assert_eq!(stored.get("x").and_then(|a| a.as_text()), Some("7.490"));
}
