//! Calendar dates without a date/time crate: the app must stay small, and the wizard only
//! needs civil dates, day counts and "N years ago".

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A real calendar date, or `None` (31 April, 29 February 2025, month 13, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The same day `years` years earlier; 29 February becomes 28 February.
    pub fn years_earlier(self, years: u32) -> Date {
        let year = self.year - years as i32;
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// `months` later (earlier when negative), on the same day or the month's last day
    /// where it has none (31 January + 1 month = 28 or 29 February).
    pub fn months_later(self, months: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub fn days_later(self, days: i32) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + i64::from(days))
    }

    /// Calendar days from `self` to `to`, both counted (the same day is 1); `None` when
    /// `to` is earlier.
    pub fn calendar_days_through(self, to: Date) -> Option<i64> {
        let days = to.days_since_epoch() - self.days_since_epoch();
        (days >= 0).then_some(days + 1)
    }

    /// Full years from `self` (a birth date, say) to `on`.
    pub fn whole_years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Weekday, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days_since_epoch() + 3).rem_euclid(7)) as u8
    }
}

/// A time of day as typed: `14:30`, `9:05`, `14.30` (hours 0–23, minutes two digits),
/// as hours and minutes. Written back as [`time_of_day`].
pub fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (hours, minutes) = text.trim().split_once([':', '.'])?;
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let (h, m) = (digits(hours, 1..=2)?, digits(minutes, 2..=2)?);
    (h < 24 && m < 60).then_some((h, m))
}

/// `07:05`: the one way a time is stored and shown.
pub fn time_of_day((hours, minutes): (u8, u8)) -> String {
    format!("{hours:02}:{minutes:02}")
}

impl fmt::Display for Date {
    /// ISO 8601, the form dates travel in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A point in time as seconds since the Unix epoch, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// RFC 3339 in UTC, e.g. `2026-11-26T14:32:00Z`.
    pub fn to_rfc3339(self) -> String {
        let date = Date::from_days_since_epoch(self.0.div_euclid(86_400));
        let secs = self.0.rem_euclid(86_400);
        format!(
            "{date}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }

    /// Parses the RFC 3339 form this crate writes (`Z` or a `±HH:MM` offset).
    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let (date, rest) = s.split_once('T')?;
        let date = Date::parse_iso(date)?;
        let (time, offset) = if let Some(t) = rest.strip_suffix('Z') {
            (t, 0)
        } else {
            let at = rest.rfind(['+', '-'])?;
            let (t, off) = rest.split_at(at);
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let (h, m) = off[1..].split_once(':')?;
            (
                t,
                sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60),
            )
        };
        let time = time.split('.').next()?;
        let mut hms = time.splitn(3, ':').map(|p| p.parse::<i64>().ok());
        let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
        if h > 23 || m > 59 || sec > 60 {
            return None;
        }
        Some(Timestamp(
            date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec - offset,
        ))
    }

    /// Offset of German civil time (CET/CEST) from UTC in seconds at this instant.
    /// Summer time runs from the last Sunday of March, 01:00 UTC, to the last Sunday of
    /// October, 01:00 UTC (EU rule since 1996).
    pub fn berlin_offset_seconds(self) -> i64 {
        let year = Date::from_days_since_epoch(self.0.div_euclid(86_400)).year;
        let start = last_sunday(year, 3).days_since_epoch() * 86_400 + 3600;
        let end = last_sunday(year, 10).days_since_epoch() * 86_400 + 3600;
        if self.0 >= start && self.0 < end {
            7200
        } else {
            3600
        }
    }

    /// The civil date and minutes past midnight in Berlin.
    pub fn berlin_local(self) -> (Date, u32) {
        let local = self.0 + self.berlin_offset_seconds();
        (
            Date::from_days_since_epoch(local.div_euclid(86_400)),
            (local.rem_euclid(86_400) / 60) as u32,
        )
    }
}

fn last_sunday(year: i32, month: u8) -> Date {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    let back = (i64::from(last.weekday()) + 1) % 7;
    Date::from_days_since_epoch(last.days_since_epoch() - back)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn months_keep_the_day_or_take_the_months_last() {
        assert_eq!(d(2026, 1, 31).months_later(1), d(2026, 2, 28));
        assert_eq!(d(2028, 1, 31).months_later(1), d(2028, 2, 29));
        assert_eq!(d(2026, 12, 4).months_later(6), d(2027, 6, 4));
        assert_eq!(d(2026, 3, 31).months_later(-6), d(2025, 9, 30));
        assert_eq!(d(2026, 1, 15).months_later(-13), d(2024, 12, 15));
    }

    #[test]
    fn times_of_day() {
        assert_eq!(parse_time("14:30"), Some((14, 30)));
        assert_eq!(parse_time(" 9.05 "), Some((9, 5)));
        assert_eq!(parse_time("0:00"), Some((0, 0)));
        assert_eq!(time_of_day(parse_time("7.00").unwrap()), "07:00");
        for bad in [
            "25:99", "24:00", "12:60", "1230", "12:5", "ab:cd", "123:00", "", "12:30:00",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_cross_months_and_years() {
        assert_eq!(d(2026, 12, 25).days_later(14), d(2027, 1, 8));
        assert_eq!(d(2028, 3, 1).days_later(-1), d(2028, 2, 29));
        assert_eq!(
            d(2026, 12, 4).calendar_days_through(d(2026, 12, 4)),
            Some(1)
        );
        assert_eq!(
            d(2026, 12, 30).calendar_days_through(d(2027, 1, 2)),
            Some(4)
        );
        assert_eq!(d(2026, 12, 4).calendar_days_through(d(2026, 12, 3)), None);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
    }

    #[test]
    fn epoch_day_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2026, 11, 26).unwrap().days_since_epoch(), 20_783);
        for days in (-800_000..800_000).step_by(997) {
            let d = Date::from_days_since_epoch(days);
            assert!(Date::new(d.year, d.month, d.day).is_some());
            assert_eq!(d.days_since_epoch(), days);
        }
    }

    #[test]
    fn ages_count_whole_years() {
        let born = Date::new(2000, 6, 15).unwrap();
        assert_eq!(born.whole_years_until(Date::new(2026, 6, 14).unwrap()), 25);
        assert_eq!(born.whole_years_until(Date::new(2026, 6, 15).unwrap()), 26);
        let leap = Date::new(2024, 2, 29).unwrap();
        assert_eq!(leap.years_earlier(1), Date::new(2023, 2, 28).unwrap());
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::new(2026, 11, 26).unwrap().weekday(), 3); // Thursday
        assert_eq!(Date::new(2026, 3, 29).unwrap().weekday(), 6); // Sunday
    }

    #[test]
    fn rfc3339_round_trip() {
        let t = Timestamp::parse_rfc3339("2026-11-26T14:32:05Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-26T14:32:05Z");
        let with_offset = Timestamp::parse_rfc3339("2026-11-26T15:32:05.123+01:00").unwrap();
        assert_eq!(with_offset, t);
        assert!(Timestamp::parse_rfc3339("2026-11-26 14:32").is_none());
        assert!(Timestamp::parse_rfc3339("2026-11-26T25:00:00Z").is_none());
    }

    #[test]
    fn berlin_summer_time() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let at = |s| Timestamp::parse_rfc3339(s).unwrap();
        assert_eq!(at("2026-03-29T00:59:59Z").berlin_offset_seconds(), 3600);
        assert_eq!(at("2026-03-29T01:00:00Z").berlin_offset_seconds(), 7200);
        assert_eq!(at("2026-10-25T00:59:59Z").berlin_offset_seconds(), 7200);
        assert_eq!(at("2026-10-25T01:00:00Z").berlin_offset_seconds(), 3600);
        // Half past eleven at night in UTC is already tomorrow in Berlin.
        let (date, minutes) = at("2026-11-26T23:30:00Z").berlin_local();
        assert_eq!(date, Date::new(2026, 11, 27).unwrap());
        assert_eq!(minutes, 30);
    }
}
