//! Answers through serde and back, and what date boxes read as.

use super::*;

#[test]
fn answers_round_trip_through_json() {
    let json =
        r#"{"birth":{"day":"7","month":"02","year":"1990"},"kind":"private","langs":["de","en"]}"#;
    let answers: Answers = serde_json::from_str(json).unwrap();
    assert_eq!(answers.text("kind"), "private");
    assert_eq!(
        answers.get("langs"),
        Some(&Answer::Choices(vec!["de".into(), "en".into()]))
    );
    let Some(Answer::Date(d)) = answers.get("birth") else {
        panic!("date expected")
    };
    assert_eq!(d.to_date(), Date::new(1990, 2, 7));
    assert_eq!(serde_json::to_string(&answers).unwrap(), json);
}

#[test]
fn compound_answers_round_trip() {
    let json = r#"{"addr":{"street":"Markt 1","extra":"","postcode":"44135","town":"Dortmund"},"docs":{"files":[{"id":"f1","name":"plan.pdf","size":2048,"type":"application/pdf"}]},"dogs":[{"name":"Bello"},{"name":"Rex"}],"none":[]}"#;
    let answers: Answers = serde_json::from_str(json).unwrap();
    let Some(Answer::Address(a)) = answers.get("addr") else {
        panic!("address expected")
    };
    assert_eq!(a.town, "Dortmund");
    let Some(Answer::Files(f)) = answers.get("docs") else {
        panic!("files expected")
    };
    assert_eq!(f[0].size, 2048);
    assert_eq!(answers.get("dogs").unwrap().items()[1].text("name"), "Rex");
    assert!(answers.get("none").unwrap().is_blank());
    assert_eq!(serde_json::to_string(&answers).unwrap(), json);
}

#[test]
fn rejects_foreign_shapes() {
    assert!(serde_json::from_str::<Answers>(r#"{"a":{"day":"1","town":"x"}}"#).is_err());
    assert!(serde_json::from_str::<Answers>(r#"{"a":["x",{"b":"c"}]}"#).is_err());
    assert!(serde_json::from_str::<Answers>(r#"{"a":{"files":[],"day":"1"}}"#).is_err());
    assert!(serde_json::from_str::<Answers>(r#"{"a":{"hour":"1"}}"#).is_err());
    assert!(serde_json::from_str::<Answers>(r#"{"a":12}"#).is_err());
    assert!(serde_json::from_str::<Answers>(r#"{"a":[1]}"#).is_err());
}

#[test]
fn date_boxes_keep_what_was_typed_and_read_only_real_dates() {
    let typed = |d: &str, m: &str, y: &str| DateInput {
        day: d.into(),
        month: m.into(),
        year: y.into(),
    };
    assert_eq!(typed(" 1 ", "12", "2000").to_date(), Date::new(2000, 12, 1));
    assert_eq!(typed("31", "4", "2000").to_date(), None);
    assert_eq!(typed("1", "1", "90").to_date(), None);
    assert_eq!(typed("1", "1", "19x0").to_date(), None);
    assert_eq!(typed("-1", "1", "1990").to_date(), None);
    assert!(typed(" ", "", "").is_blank());
}
