//! The codec's own tests; `tests/json_codec.rs` checks the wire types against serde.

use super::*;

#[test]
fn parses_and_writes_back() {
    let text = r#"{"a":[1,-2.5,true,false,null],"b":"x\"y\\z\n\u00e4\ud83d\ude00","c":{}}"#;
    let v = parse(text).unwrap();
    assert_eq!(v.get("b"), Some(&Json::String("x\"y\\z\nä😀".into())));
    let again = parse(&v.encode()).unwrap();
    assert_eq!(again, v);
    assert_eq!(parse(" [ ] ").unwrap(), Json::Array(vec![]));
}

#[test]
fn refuses_what_is_not_json() {
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "\"abc",
        "01x",
        "tru",
        "[1] 2",
        "{1:2}",
        "\"\\q\"",
        "NaN",
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert!(parse(&deep).is_err());
}

#[test]
fn control_characters_are_escaped() {
    let s = Json::String("a\u{1}b\u{1f}".into()).encode();
    assert_eq!(s, "\"a\\u0001b\\u001f\"");
    assert_eq!(parse(&s).unwrap(), Json::String("a\u{1}b\u{1f}".into()));
}

#[test]
fn numbers_keep_their_meaning() {
    assert_eq!(i64::from_json(&parse("1300").unwrap()), Ok(1300));
    assert!(u32::from_json(&parse("-1").unwrap()).is_err());
    assert!(u32::from_json(&parse("1.5").unwrap()).is_err());
    assert!(i64::from_json(&parse("1.0").unwrap()).is_err());
    assert_eq!(parse("-0.25e+3").unwrap().encode(), "-0.25e+3");
    for bad in ["-", "1.", ".5", "01", "1e", "+1", "--1"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}
