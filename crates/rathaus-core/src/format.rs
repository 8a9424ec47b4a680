//! Locale-aware presentation of money and dates ("13,00 €", "26. November 2026").

use crate::date::Date;
use crate::fee::Money;
use crate::text::Locale;

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "13,00 €" in German (with a no-break space), "€13.00" in English.
pub fn money(amount: Money, locale: Locale) -> String {
    let cents = amount.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    match locale {
        Locale::De => format!("{sign}{},{rest:02}\u{a0}€", group(euros, '.')),
        Locale::En => format!("{sign}€{}.{rest:02}", group(euros, ',')),
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

/// "26. November 2026" / "26 November 2026".
pub fn date(d: Date, locale: Locale) -> String {
    let m = usize::from(d.month.clamp(1, 12)) - 1;
    match locale {
        Locale::De => format!("{}. {} {}", d.day, MONTHS_DE[m], d.year),
        Locale::En => format!("{} {} {}", d.day, MONTHS_EN[m], d.year),
    }
}

/// "14:32" in both locales (24-hour clock is usual in Germany and in UK government).
pub fn time_of_day(minutes_after_midnight: u32) -> String {
    format!(
        "{:02}:{:02}",
        minutes_after_midnight / 60 % 24,
        minutes_after_midnight % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_both_languages() {
        assert_eq!(money(Money(1300), Locale::De), "13,00\u{a0}€");
        assert_eq!(money(Money(1300), Locale::En), "€13.00");
        assert_eq!(money(Money(123_456_705), Locale::De), "1.234.567,05\u{a0}€");
        assert_eq!(money(Money(123_456_705), Locale::En), "€1,234,567.05");
        assert_eq!(money(Money(5), Locale::De), "0,05\u{a0}€");
        assert_eq!(money(Money(-250), Locale::En), "-€2.50");
    }

    #[test]
    fn dates_in_both_languages() {
        let d = Date::new(2026, 3, 1).unwrap();
        assert_eq!(date(d, Locale::De), "1. März 2026");
        assert_eq!(date(d, Locale::En), "1 March 2026");
        assert_eq!(time_of_day(14 * 60 + 2), "14:02");
    }
}
