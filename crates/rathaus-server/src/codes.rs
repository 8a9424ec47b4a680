//! Case numbers and access codes: random, readable aloud, and stored only as hashes.

use rathaus_core::case::CODE_ALPHABET;
use sha2::{Digest, Sha256};

fn random_chars(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("operating system random source");
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(b % 32)] as char)
        .collect()
}

fn grouped(chars: &str) -> String {
    rathaus_core::case::normalize_access_code(chars)
        .or_else(|| {
            // Eight characters: two groups.
            let (a, b) = chars.split_at(4);
            Some(format!("{a}-{b}"))
        })
        .unwrap_or_default()
}

/// `2026-7KQ4-M2XD`: the year and 40 random bits, so numbers reveal nothing about how
/// many cases there are and cannot be enumerated.
pub fn new_case_number(year: i32) -> String {
    format!("{year}-{}", grouped(&random_chars(8)))
}

/// `T-7KQ4-M2XD`: an appointment's number, 40 random bits like a case number's.
pub fn new_appointment_number() -> String {
    format!("T-{}", grouped(&random_chars(8)))
}

/// An attachment's id: 26 characters, 130 random bits. Knowing it is what lets an
/// application refer to the file, so it must not be guessable.
pub fn new_attachment_id() -> String {
    random_chars(26).to_ascii_lowercase()
}

/// `K7PQ-M2XD-3RTA`: 60 random bits.
pub fn new_access_code() -> String {
    grouped(&random_chars(12))
}

/// What the database keeps instead of the code: bound to the case so equal codes on two
/// cases hash differently.
pub fn access_code_hash(case_number: &str, normalized_code: &str) -> String {
    hex(&Sha256::digest(
        format!("{case_number}\n{normalized_code}").as_bytes(),
    ))
}

/// The hash an idempotency record keeps of a request: of the request as parsed, so the
/// same request sent twice hashes the same however its JSON was spaced or ordered.
pub fn request_hash(request: &impl serde::Serialize) -> String {
    sha256_hex(&serde_json::to_vec(request).expect("a request serialises"))
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares without stopping at the first difference, so timing tells nothing.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::case::{normalize_access_code, normalize_case_number};

    #[test]
    fn generated_codes_read_back_as_themselves() {
        for _ in 0..200 {
            let case = new_case_number(2026);
            assert_eq!(normalize_case_number(&case).as_deref(), Some(case.as_str()));
            let code = new_access_code();
            assert_eq!(normalize_access_code(&code).as_deref(), Some(code.as_str()));
        }
        assert_ne!(new_access_code(), new_access_code());
    }

    #[test]
    fn hashes_bind_code_to_case() {
        let h = access_code_hash("2026-AAAA-BBBB", "K7PQ-M2XD-3RTA");
        assert_eq!(h.len(), 64);
        assert_ne!(h, access_code_hash("2026-AAAA-BBBC", "K7PQ-M2XD-3RTA"));
        assert!(constant_time_eq(&h, &h.clone()));
        assert!(!constant_time_eq(&h, &h[1..]));
    }
}
