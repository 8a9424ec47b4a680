//! What a browser may fill into a question (`autocomplete`). Most questions name an
//! HTML autofill token (`given-name`, `email`); an address says whose it is, because a
//! browser fills every address with the citizen's home unless told otherwise — wrong
//! for the tree to be felled or the site of a street party.

/// An address question's `autocomplete`: the citizen's own address, where something is
/// to be sent, or (the default) a place that is nobody's saved address.
pub const ADDRESS_PURPOSES: &[&str] = &["home", "shipping", "off"];

/// The tokens of an address's four boxes (street, extra line, postcode, town) for its
/// `autocomplete`; `None` for a value that is not one of [`ADDRESS_PURPOSES`].
pub fn address_tokens(autocomplete: Option<&str>) -> Option<[&'static str; 4]> {
    match autocomplete.unwrap_or("off") {
        "home" => Some([
            "address-line1",
            "address-line2",
            "postal-code",
            "address-level2",
        ]),
        "shipping" => Some([
            "shipping address-line1",
            "shipping address-line2",
            "shipping postal-code",
            "shipping address-level2",
        ]),
        "off" => Some(["off"; 4]),
        _ => None,
    }
}

/// The autofill field names of the HTML standard a one-box question can use.
const FIELD_NAMES: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "organization-title",
    "username",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "language",
    "photo",
    "tel",
    "tel-national",
    "tel-local",
    "email",
    "impp",
];

/// Contact tokens may say whose contact it is (`work email`, `mobile tel`).
const CONTACT_PREFIXES: &[&str] = &["home", "work", "mobile", "fax", "pager"];

/// Whether `value` is an autofill token a browser understands for a one-box question:
/// `off`, or an optional `shipping` / `billing`, an optional contact prefix before
/// `tel` or `email`, and a field name.
pub fn is_field_token(value: &str) -> bool {
    let words: Vec<&str> = value.split_ascii_whitespace().collect();
    let Some((name, before)) = words.split_last() else {
        return false;
    };
    if before.is_empty() && *name == "off" {
        return true;
    }
    let contact = name.starts_with("tel") || *name == "email" || *name == "impp";
    let mut before = before.iter().peekable();
    before.next_if(|w| **w == "shipping" || **w == "billing");
    if contact {
        before.next_if(|w| CONTACT_PREFIXES.contains(w));
    }
    before.next().is_none() && FIELD_NAMES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_a_purpose_is_not_filled_in() {
        assert_eq!(address_tokens(None), Some(["off"; 4]));
        assert_eq!(address_tokens(Some("home")).unwrap()[2], "postal-code");
        assert_eq!(
            address_tokens(Some("shipping")).unwrap()[0],
            "shipping address-line1"
        );
        assert_eq!(address_tokens(Some("street-address")), None);
    }

    #[test]
    fn field_tokens_are_those_of_the_html_standard() {
        for ok in [
            "given-name",
            "email",
            "work email",
            "mobile tel",
            "shipping postal-code",
            "off",
        ] {
            assert!(is_field_token(ok), "{ok}");
        }
        for wrong in [
            "",
            "firstname",
            "Email",
            "work given-name",
            "tel work",
            "off email",
            "nope",
        ] {
            assert!(!is_field_token(wrong), "{wrong}");
        }
    }
}
