//! Slows down guessing access codes: after too many wrong attempts on one case number,
//! or from one client address, within a window, every attempt is refused (429, with the
//! seconds to wait) until the window ends — right codes too, or guessing would go on.
//! Unknown cases count like wrong codes, so the limit tells nothing about which exist.
//! A case is counted under its number as the lookup reads it ([`case_key`]), so every
//! spelling of one number shares one count; a client under [`client_key`].

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Entries kept at most; beyond this the oldest windows are forgotten first, so that
/// random case numbers cannot fill the memory.
const MAX_ENTRIES: usize = 100_000;

/// What a case number is counted under: the number as the lookup reads it
/// (`normalize_case_number`: any case, spaces, O as 0, I/L as 1), so that no other
/// spelling gets attempts of its own or opens a refused case. A number that cannot be
/// read opens no case; it is counted as typed, bounded in length.
pub fn case_key(typed: &str) -> String {
    match rathaus_core::case::normalize_case_number(typed) {
        Some(number) => number,
        None => typed.chars().take(32).collect::<String>().to_uppercase(),
    }
}

/// What a client is counted under: its IPv4 address, or the /64 network of an IPv6
/// address (one household or phone gets a whole /64 and could pick a new address for
/// every attempt). An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) counts as IPv4.
pub fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

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
        let mut keys = vec![(
            format!("case {}", case_key(case_number)),
            self.limits.per_case,
        )];
        if let (Some(ip), true) = (client, self.limits.per_client > 0) {
            keys.push((format!("client {}", client_key(ip)), self.limits.per_client));
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
    fn every_spelling_of_a_number_shares_one_count() {
        let l = limiter(5, 0);
        // Five wrong attempts, each under another spelling of 2026-D3M0-0001.
        for typed in [
            "2026-d3m0-0001",   // lower case
            " 2026 D3M0 0001 ", // spaces instead of dashes, around too
            "2026D3M00001",     // no separators
            "2O26-D3MO-OOO1",   // O for 0
            "2026-D3M0-000l",   // l for 1
        ] {
            assert_eq!(l.blocked(typed, HOME, 0), None, "{typed}");
            l.failed(typed, HOME, 0);
        }
        for typed in [
            "2026-D3M0-0001",
            "2026-D3M0-000I",
            "2026-D3M0-000i",
            "2026-D3M0-000L",
            "2o26 d3mo oooi",
            "2026--D3M0--0001",
        ] {
            assert_eq!(l.blocked(typed, OTHER, 10), Some(890), "{typed}");
        }
        assert_eq!(case_key("2o26 d3mo oool"), "2026-D3M0-0001");
        // Unreadable numbers are bounded and kept apart from real ones.
        assert_eq!(case_key(&"x".repeat(100)).len(), 32);
    }

    #[test]
    fn ipv6_clients_count_per_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(elsewhere));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_key(mapped), "10.0.0.1");
        let l = limiter(100, 3);
        for i in 0..3 {
            let ip: IpAddr = format!("2001:db8:1:2::{i}").parse().unwrap();
            l.failed(&format!("2026-AAAA-000{i}"), Some(ip), 0);
        }
        assert_eq!(l.blocked("2026-ZZZZ-ZZZZ", Some(b), 1), Some(899));
        assert_eq!(l.blocked("2026-ZZZZ-ZZZZ", Some(elsewhere), 1), None);
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
