//! `FieldKind::can_report` (what the definition check allows as `messages` keys) is
//! exactly what validation reports: nothing it reports for a kind is missing from the
//! kind's list (property test over any constraints and answers), and everything in the
//! list is reported for some answer (one example each).

use std::collections::BTreeSet;

use proptest::prelude::*;
use rathaus_core::answers::{AddressInput, Answer, Answers, DateInput, FileRef};
use rathaus_core::date::Date;
use rathaus_core::definition::{ChoiceOption, Constraints, DateBound, Field, FieldKind};
use rathaus_core::number::Decimal;
use rathaus_core::validate::{validate_answer, ErrorCode};
use rathaus_core::Text;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 27,
};

fn field(kind: FieldKind, optional: bool, constraints: Constraints) -> Field {
    let option = |value: &str| ChoiceOption {
        value: value.into(),
        label: Text::new(value, value),
        hint: None,
        exclusive: false,
        attributes: Default::default(),
    };
    Field {
        id: "f".into(),
        kind,
        label: Text::new("F", "F"),
        hint: None,
        optional,
        options_from: None,
        options: if kind.has_options() {
            vec![option("a"), option("b"), option("c")]
        } else {
            vec![]
        },
        constraints,
        show_if: None,
        autocomplete: None,
        messages: Default::default(),
        prefill: None,
        compute: None,
        optional_after_first: false,
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-c]{1,3}",
        any::<String>(),
        "-?[0-9]{1,12}([.,][0-9]{0,4})?",
        "[0-9]{5}",
        Just("a\u{1}b".to_owned()),
        Just("x".repeat(2100)),
        Just("name@example.de".to_owned()),
        Just("DE89 3704 0044 0532 0130 00".to_owned()),
        Just("+49 231 555 0100".to_owned()),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    let day = prop_oneof![Just(String::new()), (0u32..40).prop_map(|d| d.to_string())];
    let year = prop_oneof![
        Just(String::new()),
        (1900u32..2100).prop_map(|y| y.to_string()),
        "[0-9a]{1,3}"
    ];
    prop_oneof![
        text().prop_map(Answer::Text),
        prop::collection::vec(
            prop_oneof![
                Just("a".to_owned()),
                Just("b".to_owned()),
                Just("z".to_owned())
            ],
            0..4
        )
        .prop_map(Answer::Choices),
        (day.clone(), day, year).prop_map(|(day, month, year)| Answer::Date(DateInput {
            day,
            month,
            year
        })),
        (text(), text(), text(), text()).prop_map(|(street, extra, postcode, town)| {
            Answer::Address(AddressInput {
                street,
                extra,
                postcode,
                town,
            })
        }),
        prop::collection::vec(
            (
                0u64..30_000_000,
                prop_oneof![
                    Just("application/pdf"),
                    Just("image/png"),
                    Just("text/html")
                ]
            ),
            0..4
        )
        .prop_map(|files| Answer::Files(
            files
                .into_iter()
                .map(|(size, media_type)| FileRef {
                    id: "x".into(),
                    name: "n".into(),
                    size,
                    media_type: media_type.into(),
                })
                .collect()
        )),
        Just(Answer::Items(vec![Answers::default()])),
    ]
}

fn constraints() -> impl Strategy<Value = Constraints> {
    (
        (
            prop::option::of(0u32..10),
            prop::option::of(0u32..300),
            any::<bool>(),
            any::<bool>(),
        ),
        (prop::option::of(0u32..100), prop::option::of(0u32..100)),
        (
            prop::option::of(-1000i64..1000),
            prop::option::of(-1000i64..100_000),
            prop::option::of(0u8..4),
        ),
        (
            prop::option::of(0u32..4),
            prop::option::of(0u32..4),
            prop::option::of(0u64..20_000_000),
        ),
        any::<bool>(),
    )
        .prop_map(|(lengths, years, numbers, counts, only_pdf)| Constraints {
            min_length: lengths.0,
            max_length: lengths.1,
            not_in_future: lengths.2,
            not_in_past: lengths.3,
            min_years_ago: years.0,
            max_years_ago: years.1,
            min: numbers.0.map(Decimal::from_whole),
            max: numbers.1.map(Decimal::from_whole),
            decimals: numbers.2,
            min_count: counts.0,
            max_count: counts.1,
            max_file_bytes: counts.2,
            accept: if only_pdf {
                vec!["application/pdf".into()]
            } else {
                vec![]
            },
            earliest: years.0.map(|n| DateBound {
                days: n as i32 - 50,
                ..DateBound::default()
            }),
            latest: years.1.map(|n| DateBound {
                months: n as i32,
                ..DateBound::default()
            }),
            pattern: only_pdf.then(|| "L{1,2}-D{1,3}".into()),
            postcodes: if only_pdf {
                vec!["44135-44388".into()]
            } else {
                vec![]
            },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn validation_reports_only_codes_in_the_kind_s_list(
        kind in prop::sample::select(FieldKind::ALL.to_vec()),
        optional in any::<bool>(),
        constraints in constraints(),
        answer in prop::option::of(answer()),
    ) {
        let field = field(kind, optional, constraints);
        if let Some(error) = validate_answer(&field, answer.as_ref(), TODAY) {
            prop_assert!(
                kind.can_report(error.code),
                "{} reported {} for {answer:?}", kind.name(), error.code.name()
            );
        }
    }
}

fn date(day: &str, month: &str, year: &str) -> Answer {
    Answer::Date(DateInput {
        day: day.into(),
        month: month.into(),
        year: year.into(),
    })
}

fn address(street: &str, postcode: &str, town: &str) -> Answer {
    Answer::Address(AddressInput {
        street: street.into(),
        extra: String::new(),
        postcode: postcode.into(),
        town: town.into(),
    })
}

fn files(sizes_and_types: &[(u64, &str)]) -> Answer {
    Answer::Files(
        sizes_and_types
            .iter()
            .map(|(size, media_type)| FileRef {
                id: "x".into(),
                name: "n".into(),
                size: *size,
                media_type: (*media_type).into(),
            })
            .collect(),
    )
}

/// For one kind, answers (with the constraints they need) that make validation report
/// each code the kind can report.
fn examples(kind: FieldKind) -> Vec<(Constraints, Option<Answer>)> {
    let plain = Constraints::default;
    let city = || Constraints {
        postcodes: vec!["44135-44388".into()],
        ..plain()
    };
    let text = |t: &str| Some(Answer::Text(t.into()));
    let mut out = vec![
        (plain(), None),
        (plain(), Some(Answer::Items(vec![Answers::default()]))),
    ];
    if kind.is_text_like() {
        let min = Constraints {
            min_length: Some(5),
            ..plain()
        };
        out.extend([
            (min, text("12")),
            (plain(), text(&"1".repeat(2100))),
            (plain(), text("1\u{1}")),
            (plain(), text("x")),
        ]);
    }
    if kind.is_numeric() {
        let bounds = Constraints {
            min: Some(Decimal::from_whole(10)),
            max: Some(Decimal::from_whole(20)),
            ..plain()
        };
        out.extend([
            (bounds.clone(), text("5")),
            (bounds, text("25")),
            (plain(), text("1,2345")),
        ]);
    }
    match kind {
        FieldKind::Date => {
            let not_future = Constraints {
                not_in_future: true,
                ..plain()
            };
            let not_past = Constraints {
                not_in_past: true,
                ..plain()
            };
            let years = Constraints {
                min_years_ago: Some(18),
                max_years_ago: Some(100),
                ..plain()
            };
            let window = Constraints {
                earliest: Some(DateBound {
                    days: 14,
                    ..DateBound::default()
                }),
                latest: Some(DateBound {
                    months: 6,
                    ..DateBound::default()
                }),
                ..plain()
            };
            out.extend([
                (window.clone(), Some(date("1", "1", "2020"))),
                (window, Some(date("1", "1", "2040"))),
                (plain(), Some(date("1", "", "2000"))),
                (plain(), Some(date("31", "4", "2000"))),
                (not_future, Some(date("1", "1", "2030"))),
                (not_past, Some(date("1", "1", "2020"))),
                (years.clone(), Some(date("1", "1", "2020"))),
                (years, Some(date("1", "1", "1900"))),
            ]);
        }
        FieldKind::Time => out.push((plain(), text("25:99"))),
        FieldKind::Text => out.push((
            Constraints {
                pattern: Some("D{4}".into()),
                ..plain()
            },
            text("12a4"),
        )),
        FieldKind::Address => out.extend([
            (
                plain(),
                Some(address(&"x".repeat(201), "44135", "Musterstadt")),
            ),
            (plain(), Some(address("Weg 1\u{1}", "44135", "Musterstadt"))),
            (plain(), Some(address("", "44135", "Musterstadt"))),
            (plain(), Some(address("Weg 1", "", "Musterstadt"))),
            (plain(), Some(address("Weg 1", "441", "Musterstadt"))),
            (plain(), Some(address("Weg 1", "44135", ""))),
            (city(), Some(address("Weg 1", "10115", "Berlin"))),
        ]),
        FieldKind::Postcode => out.push((city(), text("10115"))),
        FieldKind::MultipleChoice => {
            let counts = Constraints {
                min_count: Some(2),
                max_count: Some(2),
                ..plain()
            };
            let choices =
                |c: &[&str]| Some(Answer::Choices(c.iter().map(|s| s.to_string()).collect()));
            out.extend([
                (plain(), choices(&["z"])),
                (counts.clone(), choices(&["a"])),
                (counts, choices(&["a", "b", "c"])),
            ]);
        }
        FieldKind::Ranking => {
            let two = Constraints {
                min_count: Some(2),
                max_count: Some(2),
                ..plain()
            };
            let places =
                |c: &[&str]| Some(Answer::Choices(c.iter().map(|s| s.to_string()).collect()));
            out.extend([
                (plain(), places(&["a", "a"])),
                (two.clone(), places(&["a"])),
                (two, places(&["", "b"])),
            ]);
        }
        FieldKind::File => {
            let counts = Constraints {
                min_count: Some(2),
                max_count: Some(2),
                ..plain()
            };
            out.extend([
                (counts.clone(), Some(files(&[(10, "image/png")]))),
                (counts, Some(files(&[(10, "image/png"); 3]))),
                (plain(), Some(files(&[(10, "text/html")]))),
                (plain(), Some(files(&[(20_000_000, "application/pdf")]))),
            ]);
        }
        _ if kind.has_options() || kind.fixed_values().is_some() => out.push((plain(), text("z"))),
        _ => {}
    }
    out
}

#[test]
fn every_code_in_a_kind_s_list_is_reported_for_some_answer() {
    for kind in FieldKind::ALL.iter().copied() {
        let listed: BTreeSet<&str> = kind.error_codes().map(ErrorCode::name).collect();
        let reported: BTreeSet<&str> = examples(kind)
            .into_iter()
            .filter_map(|(constraints, answer)| {
                validate_answer(&field(kind, false, constraints), answer.as_ref(), TODAY)
            })
            .map(|e| e.code.name())
            .collect();
        // What the backend finds inside an uploaded file is reported by the upload, not
        // by validating the answer: listed for file questions, never by validation.
        let on_upload: BTreeSet<&str> = ErrorCode::ALL
            .iter()
            .filter(|c| c.found_on_upload())
            .map(|c| c.name())
            .collect();
        if kind == FieldKind::File {
            assert!(on_upload.is_subset(&listed));
        }
        let listed: BTreeSet<&str> = listed.difference(&on_upload).copied().collect();
        assert_eq!(listed, reported, "{}", kind.name());
    }
}
