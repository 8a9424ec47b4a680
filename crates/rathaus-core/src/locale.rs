//! How each language writes money, numbers, dates, weekdays and lists (after CLDR,
//! with Western digits in every language: what the citizen types and what the office
//! reads stay the same digits). `format` and `offices` write with these.

use crate::text::Locale;

/// Where the euro sign goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    /// "€13.00"
    Before,
    /// "13,00 €" (a no-break space between)
    After,
}

/// One language's conventions.
#[derive(Debug)]
pub struct Conventions {
    pub decimal: char,
    /// Between thousands in money amounts.
    pub group: char,
    pub currency: Currency,
    /// As in a date ("1. März", "1 березня": the genitive where the language needs it).
    pub months: [&'static str; 12],
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// `{day}`, `{month}` and `{year}` in the language's order.
    pub date: &'static str,
    /// Before the last item of a list ("… und …").
    pub and: &'static str,
    /// After a time or a range of times ("Uhr").
    pub hours_suffix: &'static str,
}

const NBSP: char = '\u{a0}';

const GERMAN: Conventions = Conventions {
    decimal: ',',
    group: '.',
    currency: Currency::After,
    months: [
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
    ],
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    date: "{day}.\u{a0}{month}\u{a0}{year}",
    and: " und ",
    hours_suffix: " Uhr",
};

const ENGLISH: Conventions = Conventions {
    decimal: '.',
    group: ',',
    currency: Currency::Before,
    months: [
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
    ],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " and ",
    hours_suffix: "",
};

const TURKISH: Conventions = Conventions {
    decimal: ',',
    group: '.',
    currency: Currency::Before,
    months: [
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
        "Kasım", "Aralık",
    ],
    weekdays: [
        "Pazartesi",
        "Salı",
        "Çarşamba",
        "Perşembe",
        "Cuma",
        "Cumartesi",
        "Pazar",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " ve ",
    hours_suffix: "",
};

const ARABIC: Conventions = Conventions {
    decimal: '.',
    group: ',',
    currency: Currency::After,
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    weekdays: [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " و",
    hours_suffix: "",
};

const UKRAINIAN: Conventions = Conventions {
    decimal: ',',
    group: NBSP,
    currency: Currency::After,
    months: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    weekdays: [
        "Понеділок",
        "Вівторок",
        "Середа",
        "Четвер",
        "П’ятниця",
        "Субота",
        "Неділя",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " і ",
    hours_suffix: "",
};

const RUSSIAN: Conventions = Conventions {
    decimal: ',',
    group: NBSP,
    currency: Currency::After,
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    weekdays: [
        "Понедельник",
        "Вторник",
        "Среда",
        "Четверг",
        "Пятница",
        "Суббота",
        "Воскресенье",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " и ",
    hours_suffix: "",
};

const POLISH: Conventions = Conventions {
    decimal: ',',
    group: NBSP,
    currency: Currency::After,
    months: [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    weekdays: [
        "Poniedziałek",
        "Wtorek",
        "Środa",
        "Czwartek",
        "Piątek",
        "Sobota",
        "Niedziela",
    ],
    date: "{day}\u{a0}{month}\u{a0}{year}",
    and: " i ",
    hours_suffix: "",
};

impl Locale {
    /// How this language writes numbers, money and dates.
    pub fn conventions(self) -> &'static Conventions {
        match self {
            Locale::De | Locale::DeEasy => &GERMAN,
            Locale::En => &ENGLISH,
            Locale::Tr => &TURKISH,
            Locale::Ar => &ARABIC,
            Locale::Uk => &UKRAINIAN,
            Locale::Ru => &RUSSIAN,
            Locale::Pl => &POLISH,
        }
    }
}
