//! Identifiers with a shape or a checksum: telephone numbers, IBANs, tax ids.

/// A telephone number as people write it: digits, spaces, `/`, `-`, brackets and a
/// leading `+`; between 6 and 15 digits (the E.164 maximum).
pub fn is_phone_number(text: &str) -> bool {
    let text = text.trim();
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'/' | b'-' | b'(' | b')'))
}

/// An IBAN with a correct ISO 13616 checksum (mod 97); German ones have 22 characters.
/// Spaces and lower case are accepted, as on printed bank cards.
pub fn is_iban(text: &str) -> bool {
    let iban: Vec<u8> = text
        .bytes()
        .filter(|b| *b != b' ')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if !(15..=34).contains(&iban.len())
        || !iban[..2].iter().all(u8::is_ascii_uppercase)
        || !iban[2..4].iter().all(u8::is_ascii_digit)
        || !iban.iter().all(u8::is_ascii_alphanumeric)
        || (&iban[..2] == b"DE" && iban.len() != 22)
    {
        return false;
    }
    let mut remainder: u32 = 0;
    for &b in iban[4..].iter().chain(&iban[..4]) {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

/// The German tax identification number (Steuer-IdNr.): 11 digits, no leading zero,
/// in the first ten exactly one digit repeated (twice, or three times but not three in
/// a row), and the ISO 7064 MOD 11,10 check digit.
pub fn is_tax_id(text: &str) -> bool {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| *b != b' ')
        .map(|b| b.wrapping_sub(b'0'))
        .collect();
    if digits.len() != 11 || digits.iter().any(|d| *d > 9) || digits[0] == 0 {
        return false;
    }
    let mut counts = [0u8; 10];
    for d in &digits[..10] {
        counts[usize::from(*d)] += 1;
    }
    let repeated: Vec<u8> = counts.iter().copied().filter(|c| *c > 1).collect();
    if repeated != [2] && repeated != [3] {
        return false;
    }
    if digits[..10]
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2])
    {
        return false;
    }
    let mut product: u32 = 10;
    for d in &digits[..10] {
        let mut sum = (u32::from(*d) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    check == u32::from(digits[10])
}
