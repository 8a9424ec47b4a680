//! Slows down guessing access codes: after too many wrong attempts on one case number,
//! or from one client address, within a window, every attempt is refused (429, with the
//! seconds to wait) until the window ends — right codes too, or guessing would go on.
//! Unknown cases count like wrong codes, so the limit tells nothing about which exist.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Entries kept at most; beyond this the oldest windows are forgotten first, so that
/// random case numbers cannot fill the memory.
const MAX_ENTRIES: usize = 100_000;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Wrong attempts allowed per case number and window.
    pub per_case: u32,
    /// Wrong attempts allowed per client address and window; 0 switches this off (a
    /// backend behind a proxy sees one address for everyone).
    pub per_client: u32,
    pub window_seconds: i64,
}

#[derive(Debug)]
pub struct AttemptLimiter {
    limits: Limits,
    /// key → (start of its window, wrong attempts in it).
    entries: Mutex<HashMap<String, (i64, u32)>>,
}

impl AttemptLimiter {
    pub fn new(limits: Limits) -> AttemptLimiter {
        AttemptLimiter {
            limits,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn keys(&self, case_number: &str, client: Option<IpAddr>) -> Vec<(String, u32)> {
        // The number as typed may be anything: bound what is kept of it.
        let case: String = case_number.chars().take(32).collect();
        let mut keys = vec![(
            format!("case {}", case.to_uppercase()),
            self.limits.per_case,
        )];
        if let (Some(ip), true) = (client, self.limits.per_client > 0) {
            keys.push((format!("client {ip}"), self.limits.per_client));
        }
        keys
    }

    /// Seconds to wait if attempts on this case from this client are refused now.
    pub fn blocked(&self, case_number: &str, client: Option<IpAddr>, now: i64) -> Option<u64> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        self.keys(case_number, client)
            .into_iter()
            .filter_map(|(key, max)| {
                let (start, failures) = *entries.get(&key)?;
                let ends = start + self.limits.window_seconds;
                (failures >= max && now < ends).then(|| (ends - now) as u64)
            })
            .max()
    }

    /// Counts a wrong attempt (wrong code, unknown case, malformed number).
    pub fn failed(&self, case_number: &str, client: Option<IpAddr>, now: i64) {
        let keys = self.keys(case_number, client);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            let window = self.limits.window_seconds;
            entries.retain(|_, (start, _)| now < *start + window);
            if entries.len() >= MAX_ENTRIES {
                // All current: forget the oldest half.
                let mut starts: Vec<i64> = entries.values().map(|(s, _)| *s).collect();
                starts.sort_unstable();
                let cut = starts[starts.len() / 2];
                entries.retain(|_, (start, _)| *start > cut);
            }
        }
        for (key, _) in keys {
            let entry = entries.entry(key).or_insert((now, 0));
            if now >= entry.0 + self.limits.window_seconds {
                *entry = (now, 0);
            }
            entry.1 += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_case: u32, per_client: u32) -> AttemptLimiter {
        AttemptLimiter::new(Limits {
            per_case,
            per_client,
            window_seconds: 900,
        })
    }

    const HOME: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1)));
    const OTHER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2)));

    #[test]
    fn a_case_is_refused_after_its_wrong_attempts_until_the_window_ends() {
        let l = limiter(3, 0);
        for _ in 0..2 {
            l.failed("2026-AAAA-BBBB", HOME, 1000);
        }
        assert_eq!(l.blocked("2026-AAAA-BBBB", HOME, 1000), None);
        l.failed("2026-AAAA-BBBB", HOME, 1000);
        assert_eq!(l.blocked("2026-AAAA-BBBB", HOME, 1100), Some(800));
        // From anywhere, and however the number is written.
        assert_eq!(l.blocked("2026-aaaa-bbbb", OTHER, 1100), Some(800));
        // Other cases are not affected.
        assert_eq!(l.blocked("2026-CCCC-DDDD", HOME, 1100), None);
        // The window ends; counting starts again.
        assert_eq!(l.blocked("2026-AAAA-BBBB", HOME, 1900), None);
        l.failed("2026-AAAA-BBBB", HOME, 1900);
        assert_eq!(l.blocked("2026-AAAA-BBBB", HOME, 1900), None);
    }

    #[test]
    fn a_client_trying_many_cases_is_refused_too() {
        let l = limiter(3, 5);
        for i in 0..5 {
            l.failed(&format!("2026-AAAA-000{i}"), HOME, 0);
        }
        assert_eq!(l.blocked("2026-ZZZZ-ZZZZ", HOME, 10), Some(890));
        assert_eq!(l.blocked("2026-ZZZZ-ZZZZ", OTHER, 10), None);
        // Switched off: only the case counts.
        let off = limiter(3, 0);
        for i in 0..50 {
            off.failed(&format!("2026-AAAA-{i:04}"), HOME, 0);
        }
        assert_eq!(off.blocked("2026-ZZZZ-ZZZZ", HOME, 10), None);
    }

    #[test]
    fn memory_stays_bounded() {
        let l = limiter(3, 0);
        for i in 0..(MAX_ENTRIES + 10) {
            l.failed(&format!("{i}"), None, i as i64 / 1000);
        }
        assert!(l.entries.lock().unwrap().len() <= MAX_ENTRIES);
        // The newest are kept.
        let newest = format!("{}", MAX_ENTRIES + 9);
        assert!(l
            .entries
            .lock()
            .unwrap()
            .contains_key(&format!("case {newest}")));
    }
}
