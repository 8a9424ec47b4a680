//! Every field type and its constraints, one rule at a time, as a citizen would type.

use rathaus_core::answers::{AddressInput, Answer, FileRef};
use rathaus_core::date::Date;
use rathaus_core::definition::Field;
use rathaus_core::validate::{validate_answer, ErrorCode};

fn field(kind: &str, extra: &str) -> Field {
    serde_json::from_str(&format!(
        r#"{{"id":"f","type":"{kind}","label":{{"de":"F"}}{extra}}}"#
    ))
    .unwrap()
}

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

fn check(f: &Field, answer: Answer) -> Option<(ErrorCode, Option<String>)> {
    validate_answer(f, Some(&answer), today()).map(|e| (e.code, e.limit))
}

fn text(f: &Field, t: &str) -> Option<ErrorCode> {
    check(f, Answer::Text(t.into())).map(|(c, _)| c)
}

#[test]
fn whole_numbers_with_bounds() {
    let f = field("number", r#","constraints":{"min":1,"max":1000}"#);
    assert_eq!(text(&f, "12"), None);
    assert_eq!(text(&f, " 1.000 "), None, "thousands grouping");
    assert_eq!(text(&f, "2,5"), Some(ErrorCode::NotANumber));
    assert_eq!(text(&f, "zwölf"), Some(ErrorCode::NotANumber));
    assert_eq!(
        check(&f, Answer::Text("0".into())),
        Some((ErrorCode::NumberTooSmall, Some("1".into())))
    );
    assert_eq!(
        check(&f, Answer::Text("1001".into())),
        Some((ErrorCode::NumberTooLarge, Some("1000".into())))
    );
}

#[test]
fn decimals_with_places_and_bounds() {
    let f = field(
        "decimal",
        r#","constraints":{"min":0.5,"max":99.9,"decimals":1}"#,
    );
    assert_eq!(text(&f, "12,5"), None);
    assert_eq!(text(&f, "12.5"), None);
    assert_eq!(
        check(&f, Answer::Text("12,55".into())),
        Some((ErrorCode::TooManyDecimals, Some("1".into())))
    );
    assert_eq!(
        check(&f, Answer::Text("0,4".into())),
        Some((ErrorCode::NumberTooSmall, Some("0.5".into())))
    );
    assert_eq!(text(&f, "100"), Some(ErrorCode::NumberTooLarge));
}

#[test]
fn money_in_euros_and_cents() {
    let f = field("money", r#","constraints":{"min":0,"max":1000000}"#);
    for ok in [
        "250000",
        "250.000",
        "250.000,00 €",
        "1.250,50",
        "0,99",
        "12.5",
    ] {
        assert_eq!(text(&f, ok), None, "{ok}");
    }
    assert_eq!(text(&f, "12,3456"), Some(ErrorCode::NotANumber));
    assert_eq!(
        text(&f, "12,345"),
        None,
        "read as 12 345 euros: no amount has three decimals"
    );
    assert_eq!(text(&f, "-5"), Some(ErrorCode::NumberTooSmall));
    assert_eq!(text(&f, "1.000.000,01"), Some(ErrorCode::NumberTooLarge));
}

#[test]
fn identifiers_and_contact_details() {
    let phone = field("phone", "");
    assert_eq!(text(&phone, "0231 50-0"), None);
    assert_eq!(text(&phone, "ruf an"), Some(ErrorCode::InvalidPhone));
    let iban = field("iban", "");
    assert_eq!(text(&iban, "DE89 3704 0044 0532 0130 00"), None);
    assert_eq!(
        text(&iban, "DE89 3704 0044 0532 0130 01"),
        Some(ErrorCode::InvalidIban)
    );
    let tax = field("tax_id", "");
    assert_eq!(text(&tax, "86095742719"), None);
    assert_eq!(text(&tax, "86095742710"), Some(ErrorCode::InvalidTaxId));
    let email = field("email", "");
    assert_eq!(text(&email, "erika@beispiel.de"), None);
    assert_eq!(
        text(&email, "erika@beispiel"),
        Some(ErrorCode::InvalidEmail)
    );
    let postcode = field("postcode", "");
    assert_eq!(text(&postcode, "4413"), Some(ErrorCode::InvalidPostcode));
}

const OPTIONS: &str = r#","options":[{"value":"a","label":{"de":"A"}},{"value":"b","label":{"de":"B"}},{"value":"c","label":{"de":"C"}}]"#;

#[test]
fn choices_select_and_yes_no() {
    let select = field("select", OPTIONS);
    assert_eq!(text(&select, "b"), None);
    assert_eq!(text(&select, "z"), Some(ErrorCode::NotAnOption));
    let yes_no = field("yes_no", "");
    assert_eq!(text(&yes_no, "yes"), None);
    assert_eq!(text(&yes_no, "no"), None);
    assert_eq!(text(&yes_no, "vielleicht"), Some(ErrorCode::NotAnOption));
    let multi = field(
        "multiple_choice",
        &format!(r#"{OPTIONS},"constraints":{{"min_count":1,"max_count":2}}"#),
    );
    let choose = |v: &[&str]| {
        check(
            &multi,
            Answer::Choices(v.iter().map(|s| s.to_string()).collect()),
        )
    };
    assert_eq!(choose(&["a"]), None);
    assert_eq!(choose(&["a", "c"]), None);
    assert_eq!(
        choose(&["a", "b", "c"]),
        Some((ErrorCode::TooMany, Some("2".into())))
    );
    assert_eq!(choose(&["a", "a"]), Some((ErrorCode::NotAnOption, None)));
    assert_eq!(choose(&["x"]), Some((ErrorCode::NotAnOption, None)));
    assert_eq!(choose(&[]), Some((ErrorCode::Required, None)));
    assert_eq!(
        check(&multi, Answer::Text("a".into())),
        Some((ErrorCode::Invalid, None))
    );
}

#[test]
fn declaration_must_be_ticked_and_info_needs_nothing() {
    let declaration = field("declaration", "");
    assert_eq!(text(&declaration, "yes"), None);
    assert_eq!(text(&declaration, ""), Some(ErrorCode::Required));
    assert_eq!(
        validate_answer(&declaration, None, today()).unwrap().code,
        ErrorCode::Required
    );
    let info = field("info", "");
    assert_eq!(validate_answer(&info, None, today()), None);
    assert_eq!(text(&info, "anything"), None);
}

#[test]
fn addresses_name_the_missing_line() {
    let f = field("address", "");
    let address = |street: &str, postcode: &str, town: &str| {
        check(
            &f,
            Answer::Address(AddressInput {
                street: street.into(),
                extra: String::new(),
                postcode: postcode.into(),
                town: town.into(),
            }),
        )
        .map(|(c, _)| c)
    };
    assert_eq!(address("Markt 1", "44135", "Dortmund"), None);
    assert_eq!(
        address("", "44135", "Dortmund"),
        Some(ErrorCode::StreetMissing)
    );
    assert_eq!(
        address("Markt 1", "", "Dortmund"),
        Some(ErrorCode::PostcodeMissing)
    );
    assert_eq!(
        address("Markt 1", "4413", "Dortmund"),
        Some(ErrorCode::InvalidPostcode)
    );
    assert_eq!(
        address("Markt 1", "44135", " "),
        Some(ErrorCode::TownMissing)
    );
    assert_eq!(address("", "", ""), Some(ErrorCode::Required));
    assert_eq!(
        address(&"x".repeat(201), "44135", "Dortmund"),
        Some(ErrorCode::TooLong)
    );
}

#[test]
fn files_by_type_size_and_count() {
    let f = field(
        "file",
        r#","constraints":{"accept":["application/pdf"],"max_file_bytes":1000,"max_count":2}"#,
    );
    let file = |kind: &str, size: u64| FileRef {
        id: "f1".into(),
        name: "plan.pdf".into(),
        size,
        media_type: kind.into(),
    };
    let files = |list: Vec<FileRef>| check(&f, Answer::Files(list));
    assert_eq!(files(vec![file("application/pdf", 1000)]), None);
    assert_eq!(
        files(vec![file("application/pdf", 1001)]),
        Some((ErrorCode::FileTooLarge, Some("1000".into())))
    );
    assert_eq!(
        files(vec![file("image/png", 10)]),
        Some((ErrorCode::FileType, None))
    );
    assert_eq!(
        files(vec![file("application/pdf", 1); 3]),
        Some((ErrorCode::TooMany, Some("2".into())))
    );
    assert_eq!(files(vec![]), Some((ErrorCode::Required, None)));
    // Without constraints: one PDF, JPEG or PNG of at most 10 MB.
    let plain = field("file", "");
    let one = |kind: &str, size: u64| check(&plain, Answer::Files(vec![file(kind, size)]));
    assert_eq!(one("image/jpeg", 10 * 1024 * 1024), None);
    assert_eq!(
        one("image/jpeg", 10 * 1024 * 1024 + 1).map(|e| e.0),
        Some(ErrorCode::FileTooLarge)
    );
    assert_eq!(one("text/html", 10).map(|e| e.0), Some(ErrorCode::FileType));
}

#[test]
fn dates_not_in_the_past() {
    let f = field("date", r#","constraints":{"not_in_past":true}"#);
    let date = |d: &str, m: &str, y: &str| {
        check(
            &f,
            Answer::Date(rathaus_core::DateInput {
                day: d.into(),
                month: m.into(),
                year: y.into(),
            }),
        )
        .map(|(c, _)| c)
    };
    assert_eq!(date("27", "11", "2026"), None);
    assert_eq!(date("26", "11", "2026"), Some(ErrorCode::DateInPast));
}

#[test]
fn a_wrong_shape_is_invalid_for_every_kind() {
    for kind in rathaus_core::FieldKind::ALL {
        if kind.is_shown_only() {
            continue;
        }
        let f = field(kind.name(), if kind.has_options() { OPTIONS } else { "" });
        let wrong = match kind.name() {
            "multiple_choice" => Answer::Text("a".into()),
            _ => Answer::Items(vec![Default::default()]),
        };
        assert_eq!(
            check(&f, wrong).map(|(c, _)| c),
            Some(ErrorCode::Invalid),
            "{}",
            kind.name()
        );
    }
}
