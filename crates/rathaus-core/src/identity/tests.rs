use super::*;
use crate::answers::{Answer, Answers};

fn service(identification: &str) -> ServiceDefinition {
    serde_json::from_str(&format!(
        r#"{{
        "id": "s", "version": 1, "title": {{"de": "T", "en": "T"}},
        "summary": {{"de": "S", "en": "S"}}, "identification": "{identification}",
        "steps": [
          {{"id": "person", "title": {{"de": "P", "en": "P"}}, "fields": [
            {{"id": "vorname", "type": "text", "label": {{"de": "V", "en": "V"}},
              "prefill": {{"from": "given_name", "read_only": true}}}},
            {{"id": "geburt", "type": "date", "label": {{"de": "G", "en": "G"}},
              "prefill": {{"from": "birth_date", "read_only": true}}}},
            {{"id": "mail", "type": "email", "label": {{"de": "E", "en": "E"}},
              "prefill": {{"from": "email"}}}},
            {{"id": "land", "type": "select", "label": {{"de": "L", "en": "L"}},
              "options": [{{"value": "deutsch", "label": {{"de": "d", "en": "d"}}}},
                          {{"value": "andere", "label": {{"de": "a", "en": "a"}}}}],
              "prefill": {{"from": "nationality", "values": {{"DE": "deutsch"}}}}}}
          ]}}
        ]}}"#
    ))
    .unwrap()
}

fn erika() -> Identity {
    Identity {
        given_name: Some("Erika".into()),
        family_name: Some("Mustermann".into()),
        birth_date: Some("1964-08-12".into()),
        email: Some("erika@example.org".into()),
        nationality: Some("DE".into()),
        assurance: Assurance::High,
        ..Identity::default()
    }
}

fn text(answers: &Answers, id: &str) -> Option<String> {
    answers
        .0
        .get(id)
        .and_then(|a| a.as_text())
        .map(str::to_owned)
}

#[test]
fn blank_questions_are_filled_in_from_the_identity() {
    let def = service("required");
    let mut answers = Answers::default();
    let filled = apply_prefill(&def, &erika(), &mut answers);
    assert_eq!(filled, ["vorname", "geburt", "mail", "land"]);
    assert_eq!(text(&answers, "vorname").as_deref(), Some("Erika"));
    assert_eq!(
        answers.0.get("geburt"),
        Some(&Answer::Date(DateInput {
            day: "12".into(),
            month: "8".into(),
            year: "1964".into()
        }))
    );
    assert_eq!(text(&answers, "land").as_deref(), Some("deutsch"));
}

#[test]
fn a_read_only_answer_is_the_identitys_whatever_the_request_says() {
    let def = service("required");
    let mut answers = Answers::default();
    answers
        .0
        .insert("vorname".into(), Answer::Text("Mallory".into()));
    answers
        .0
        .insert("mail".into(), Answer::Text("own@example.org".into()));
    let filled = apply_prefill(&def, &erika(), &mut answers);
    assert_eq!(text(&answers, "vorname").as_deref(), Some("Erika"));
    // An editable prefill keeps what the citizen changed it to.
    assert_eq!(text(&answers, "mail").as_deref(), Some("own@example.org"));
    assert!(!filled.contains(&"mail".to_owned()));
    assert_eq!(locked_fields(&def, &erika()), ["vorname", "geburt"]);
}

#[test]
fn what_the_identity_lacks_is_left_to_the_citizen() {
    let def = service("optional");
    let identity = Identity {
        given_name: Some("  ".into()),
        birth_date: Some("12.08.1964".into()),
        nationality: Some("TR".into()),
        ..erika()
    };
    let mut answers = Answers::default();
    answers
        .0
        .insert("vorname".into(), Answer::Text("Erika".into()));
    let filled = apply_prefill(&def, &identity, &mut answers);
    assert_eq!(filled, ["mail"]);
    // Not locked: the citizen typed it, the identity has no value for it.
    assert_eq!(text(&answers, "vorname").as_deref(), Some("Erika"));
    assert!(locked_fields(&def, &identity).is_empty());
}

#[test]
fn a_higher_level_satisfies_a_lower_one() {
    let mut def = service("required");
    assert_eq!(def.required_assurance(), Assurance::Substantial);
    let mut identity = erika();
    for (level, high, substantial) in [
        (Assurance::High, true, true),
        (Assurance::Substantial, false, true),
        (Assurance::Low, false, false),
    ] {
        identity.assurance = level;
        def.assurance = Some(Assurance::High);
        assert_eq!(identity.suffices_for(&def), high, "{level:?} for high");
        def.assurance = Some(Assurance::Substantial);
        assert_eq!(identity.suffices_for(&def), substantial, "{level:?}");
    }
}

#[test]
fn an_attribute_fills_only_questions_of_its_kind() {
    assert!(Attribute::BirthDate.fits(FieldKind::Date));
    assert!(!Attribute::BirthDate.fits(FieldKind::Text));
    assert!(Attribute::Nationality.fits(FieldKind::Select));
    assert!(!Attribute::Email.fits(FieldKind::Text));
    for attribute in Attribute::ALL {
        let json = format!("\"{}\"", attribute.name());
        assert_eq!(serde_json::from_str::<Attribute>(&json).unwrap(), attribute);
    }
}

#[test]
fn the_backend_takes_read_only_answers_from_the_login_and_leaves_the_rest() {
    let def = service("required");
    let mut answers = Answers::default();
    answers
        .0
        .insert("vorname".into(), Answer::Text("Mallory".into()));
    answers
        .0
        .insert("mail".into(), Answer::Text("erika@example.org".into()));
    let from_identity = enforce_prefill(&def, &erika(), &mut answers);
    assert_eq!(text(&answers, "vorname").as_deref(), Some("Erika"));
    // Blank editable questions are not filled in behind the citizen's back.
    assert!(!answers.0.contains_key("land"));
    assert_eq!(from_identity, ["vorname", "geburt", "mail"]);
}
