//! Locale-aware presentation of money and dates ("13,00 €", "26. November 2026").

use crate::date::Date;
use crate::definition::FieldKind;
use crate::fee::Money;
use crate::locale::Currency;
use crate::number::Decimal;
use crate::text::Locale;

/// "13,00 €" in German (with a no-break space), "€13.00" in English, each language
/// as [`Locale::conventions`] says.
pub fn money(amount: Money, locale: Locale) -> String {
    let c = locale.conventions();
    let cents = amount.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let amount = format!("{}{}{rest:02}", group(euros, c.group), c.decimal);
    match c.currency {
        Currency::After => format!("{sign}{amount}\u{a0}€"),
        Currency::Before => format!("{sign}€{amount}"),
    }
}

/// A number answer as it was read: money as [`money`]; other numbers with the
/// locale's decimal separator and, from five digits on, a narrow no-break space between
/// thousands ("12 500,75"), which reads the same in every language and is read back
/// the same by every number field.
pub fn number(value: Decimal, kind: FieldKind, locale: Locale) -> String {
    if kind == FieldKind::Money {
        if let Some(cents) = value.to_hundredths() {
            return money(Money(cents), locale);
        }
    }
    let plain = value.to_plain_string();
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let int = match int.parse::<u64>() {
        Ok(n) if int.len() > 4 => group(n, '\u{202f}'),
        _ => int.to_owned(),
    };
    let separator = locale.conventions().decimal;
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}{separator}{frac}")
    }
}

fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "26. November 2026" / "26 November 2026" / "26 listopada 2026", with no-break
/// spaces: a date is never broken across lines.
pub fn date(d: Date, locale: Locale) -> String {
    let c = locale.conventions();
    let m = usize::from(d.month.clamp(1, 12)) - 1;
    c.date
        .replace("{day}", &d.day.to_string())
        .replace("{month}", c.months[m])
        .replace("{year}", &d.year.to_string())
}

/// "14:32" in both locales (24-hour clock is usual in Germany and in UK government).
pub fn time_of_day(minutes_after_midnight: u32) -> String {
    format!(
        "{:02}:{:02}",
        minutes_after_midnight / 60 % 24,
        minutes_after_midnight % 60
    )
}

/// A file size for people: "10 MB", "350 KB".
pub fn file_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_round_up_to_what_the_limit_allows() {
        assert_eq!(file_size(0), "1 KB");
        assert_eq!(file_size(1025), "2 KB");
        assert_eq!(file_size(1024 * 1024), "1 MB");
        assert_eq!(file_size(10 * 1024 * 1024 + 1), "11 MB");
    }

    #[test]
    fn money_in_both_languages() {
        assert_eq!(money(Money(1300), Locale::De), "13,00\u{a0}€");
        assert_eq!(money(Money(1300), Locale::En), "€13.00");
        assert_eq!(money(Money(123_456_705), Locale::De), "1.234.567,05\u{a0}€");
        assert_eq!(money(Money(123_456_705), Locale::En), "€1,234,567.05");
        assert_eq!(money(Money(5), Locale::De), "0,05\u{a0}€");
        assert_eq!(money(Money(-250), Locale::En), "-€2.50");
        assert_eq!(money(Money(123_456_705), Locale::Tr), "€1.234.567,05");
        assert_eq!(money(Money(123_456_705), Locale::Ar), "1,234,567.05\u{a0}€");
        assert_eq!(
            money(Money(123_456_705), Locale::Pl),
            "1\u{a0}234\u{a0}567,05\u{a0}€"
        );
        // Whatever the language, the digits are the same: the office reads them too.
        for locale in Locale::ALL {
            let shown = money(Money(749), locale);
            assert!(shown.contains("7") && shown.contains("49"), "{shown}");
        }
    }

    #[test]
    fn numbers_as_read_in_both_languages() {
        use crate::number::Separators::DecimalPoint;
        let d = |t: &str| Decimal::parse(t, DecimalPoint).unwrap();
        let n = |t: &str, kind, locale| number(d(t), kind, locale);
        assert_eq!(n("7.490", FieldKind::Decimal, Locale::De), "7,490");
        assert_eq!(n("7.490", FieldKind::Decimal, Locale::En), "7.490");
        assert_eq!(n("1500", FieldKind::Number, Locale::De), "1500");
        assert_eq!(
            n("12500.75", FieldKind::Decimal, Locale::De),
            "12\u{202f}500,75"
        );
        assert_eq!(
            n("-250000", FieldKind::Number, Locale::En),
            "-250\u{202f}000"
        );
        assert_eq!(n("1500.5", FieldKind::Money, Locale::De), "1.500,50\u{a0}€");
        // What is shown is read back as the same number by the same field.
        let shown = n("12500.75", FieldKind::Decimal, Locale::De);
        assert_eq!(Decimal::parse(&shown, DecimalPoint), Some(d("12500.75")));
    }

    #[test]
    fn dates_in_both_languages() {
        let d = Date::new(2026, 3, 1).unwrap();
        assert_eq!(date(d, Locale::De), "1.\u{a0}März\u{a0}2026");
        assert_eq!(date(d, Locale::En), "1\u{a0}March\u{a0}2026");
        assert_eq!(date(d, Locale::Pl), "1\u{a0}marca\u{a0}2026");
        assert_eq!(date(d, Locale::Uk), "1\u{a0}березня\u{a0}2026");
        assert_eq!(date(d, Locale::DeEasy), date(d, Locale::De));
        assert_eq!(time_of_day(14 * 60 + 2), "14:02");
    }
}
