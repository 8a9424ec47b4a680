//! Numbers as typed, the German and the English way, and identifiers.

use super::*;

fn dec(text: &str, sep: Separators) -> Option<(i64, u8)> {
    Decimal::parse(text, sep).map(|d| (d.mantissa, d.scale))
}

#[test]
fn reads_numbers_the_german_and_the_english_way() {
    use Separators::*;
    assert_eq!(dec("1250", GroupThousands), Some((1250, 0)));
    assert_eq!(dec("1.250", GroupThousands), Some((1250, 0)));
    assert_eq!(dec("1,250", GroupThousands), Some((1250, 0)));
    assert_eq!(dec("1,250", DecimalPoint), Some((1250, 3)));
    assert_eq!(dec("1.250.000", DecimalPoint), Some((1_250_000, 0)));
    assert_eq!(dec("1.250,5", GroupThousands), Some((12505, 1)));
    assert_eq!(dec("1,250.55", GroupThousands), Some((125_055, 2)));
    assert_eq!(dec(" 12,50 € ", GroupThousands), Some((1250, 2)));
    assert_eq!(dec("-3", GroupThousands), Some((-3, 0)));
    assert_eq!(dec("250 000", GroupThousands), Some((250_000, 0)));
    for bad in [
        "",
        "-",
        "1,",
        ",5",
        "1.2.3",
        "12.34.567",
        "1..2",
        "abc",
        "1e5",
        "--1",
        "1,2345.6",
        "9999999999999999999",
    ] {
        assert_eq!(dec(bad, GroupThousands), None, "{bad:?}");
    }
}

#[test]
fn hundredths_and_plain_text() {
    let d = |t: &str| Decimal::parse(t, Separators::DecimalPoint).unwrap();
    assert_eq!(d("12,5").hundredths_truncated(), 1250);
    assert_eq!(d("12").hundredths_truncated(), 1200);
    assert_eq!(d("0,129").hundredths_truncated(), 12);
    assert_eq!(d("-0,05").to_plain_string(), "-0.05");
    assert_eq!(d("1.500.000").to_plain_string(), "1500000");
    assert_eq!(d("3,10").to_plain_string(), "3.10");
}

#[test]
fn money_and_whole_numbers() {
    assert_eq!(parse_money("13"), Some(1300));
    assert_eq!(parse_money("13,5"), Some(1350));
    assert_eq!(parse_money("250.000"), Some(25_000_000));
    assert_eq!(parse_money("0,001"), None);
    assert_eq!(parse_whole("2"), Some(2));
    assert_eq!(parse_whole("2,5"), None);
    assert_eq!(
        Decimal::parse("2,5", Separators::DecimalPoint)
            .unwrap()
            .compare(Decimal::from_whole(2)),
        Ordering::Greater
    );
}

#[test]
fn identifiers() {
    assert!(is_iban("DE89 3704 0044 0532 0130 00"));
    assert!(is_iban("de89370400440532013000"));
    assert!(is_iban("GB82 WEST 1234 5698 7654 32"));
    assert!(!is_iban("DE89 3704 0044 0532 0130 01"));
    assert!(!is_iban("DE89 3704 0044 0532 0130"));
    assert!(!is_iban("DE8937040044053201300ü"));
    assert!(is_tax_id("86095742719"));
    assert!(is_tax_id("86 095 742 719"));
    assert!(!is_tax_id("86095742718"), "wrong check digit");
    assert!(!is_tax_id("06095742719"), "leading zero");
    assert!(!is_tax_id("12345678903"), "no repeated digit");
    assert!(is_phone_number("+49 231 50-0"));
    assert!(is_phone_number("0231 / 50 12345"));
    assert!(!is_phone_number("12345"));
    assert!(!is_phone_number("0231 call me"));
    assert!(!is_phone_number("++49 231 500"));
}

#[test]
fn reads_numbers_as_every_language_of_the_app_writes_them() {
    use Separators::*;
    // "7,49" and "7.49" are both seven euros forty-nine, in any language.
    assert_eq!(dec("7,49", DecimalPoint), Some((749, 2)));
    assert_eq!(dec("7.49", DecimalPoint), Some((749, 2)));
    // The euro sign before (English, Turkish) or after (German, Arabic, Polish …).
    assert_eq!(dec("€7.49", GroupThousands), Some((749, 2)));
    assert_eq!(dec("-€2.50", GroupThousands), Some((-250, 2)));
    assert_eq!(dec("7,49 €", GroupThousands), Some((749, 2)));
    // Grouped with no-break spaces (Polish, Russian, Ukrainian) or dots (Turkish).
    assert_eq!(dec("1\u{a0}234,50", GroupThousands), Some((123_450, 2)));
    assert_eq!(dec("€1.234,50", GroupThousands), Some((123_450, 2)));
    // Typed on an Arabic keyboard: Arabic-Indic digits and separators, a minus sign.
    assert_eq!(dec("٧٫٤٩", DecimalPoint), Some((749, 2)));
    assert_eq!(dec("١٬٢٣٤٫٥", DecimalPoint), Some((12_345, 1)));
    assert_eq!(dec("۱۲۵۰", GroupThousands), Some((1250, 0)));
    assert_eq!(dec("\u{2212}3", GroupThousands), Some((-3, 0)));
    assert_eq!(western_digits("٤٤١٣٥ Dortmund"), "44135 Dortmund");
    // Still nothing that is not a number.
    assert_eq!(dec("€", GroupThousands), None);
    assert_eq!(dec("٧x", GroupThousands), None);
}

#[test]
fn products_are_exact_and_round_half_up() {
    let d = |text: &str| Decimal::parse(text, Separators::DecimalPoint).unwrap();
    // 3 days × 12.5 m × 10 cents = 375 cents.
    let units = d("3").times(d("12,5")).unwrap();
    assert_eq!(units.times(d("10")).unwrap().rounded_half_up(), 375);
    assert_eq!(d("2,5").rounded_half_up(), 3);
    assert_eq!(d("2,49").rounded_half_up(), 2);
    assert_eq!(d("-2,5").rounded_half_up(), -3);
    assert_eq!(Decimal::from_whole(i64::MAX).times(d("2")), None);
}
