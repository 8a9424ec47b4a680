//! The shipped Führungszeugnis definition, walked the way citizens walk it.

use rathaus_core::answers::{Answer, Answers, DateInput};
use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::fee::Money;
use rathaus_core::flow;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::validate::{validate_application, validate_step, ErrorCode};

fn definition() -> ServiceDefinition {
    serde_json::from_str(include_str!("../../../services/fuehrungszeugnis.json")).unwrap()
}

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

fn complete_private_application() -> Answers {
    let mut a = Answers::default();
    a.set_text("kind", "private");
    a.set_text("purpose", "Bewerbung als Erzieherin");
    a.set_text("given_names", "Erika");
    a.set_text("family_name", "Mustermann");
    a.set(
        "birth_date",
        Answer::Date(DateInput {
            day: "12".into(),
            month: "8".into(),
            year: "1964".into(),
        }),
    );
    a.set_text("birth_place", "Berlin");
    a.set_text("nationality", "deutsch");
    a.set_text("street", "Heidestraße 17");
    a.set_text("postcode", "51147");
    a.set_text("city", "Köln");
    a.set_text("delivery", "home");
    a
}

fn step_ids(def: &ServiceDefinition, a: &Answers) -> Vec<String> {
    flow::visible_steps(def, a, today())
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn the_shipped_definition_has_no_problems() {
    let problems = definition().problems();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn private_certificate_skips_the_authority_and_asks_for_delivery() {
    let def = definition();
    let a = complete_private_application();
    assert_eq!(
        step_ids(&def, &a),
        [
            "art",
            "zweck",
            "name",
            "geburt",
            "staatsangehoerigkeit",
            "anschrift",
            "zustellung",
            "kontakt"
        ]
    );
    assert_eq!(flow::position(&def, &a, "geburt", today()), Some((4, 8)));
    assert_eq!(
        flow::next_step(&def, &a, "art", today()).unwrap().id,
        "zweck"
    );
    assert_eq!(
        flow::previous_step(&def, &a, "zweck", today()).unwrap().id,
        "art"
    );
    assert!(flow::previous_step(&def, &a, "art", today()).is_none());
    assert!(flow::next_step(&def, &a, "kontakt", today()).is_none());
}

#[test]
fn authority_certificate_asks_for_the_authority_and_not_for_delivery() {
    let def = definition();
    let mut a = complete_private_application();
    a.set_text("kind", "authority");
    let steps = step_ids(&def, &a);
    assert!(steps.contains(&"behoerde".to_owned()));
    assert!(!steps.contains(&"zustellung".to_owned()));
    assert_eq!(
        flow::next_step(&def, &a, "art", today()).unwrap().id,
        "behoerde"
    );
    // The authority step is now incomplete, so submitting is not possible yet…
    assert_eq!(
        first_incomplete_step(&def, &a, today()).unwrap().id,
        "behoerde"
    );
    let errors = validate_application(&def, &a, today()).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "authority_name",
            "authority_street",
            "authority_postcode",
            "authority_city"
        ]
    );
    // …and once it is answered, the now hidden delivery answer is not submitted.
    a.set_text("authority_name", "Jugendamt der Stadt Köln");
    a.set_text("authority_street", "Ottmar-Pohl-Platz 1");
    a.set_text("authority_postcode", "51103");
    a.set_text("authority_city", "Köln");
    let submitted = validate_application(&def, &a, today()).unwrap();
    assert!(submitted.get("delivery").is_none());
    assert_eq!(submitted.text("authority_city"), "Köln");
}

#[test]
fn a_different_delivery_address_is_asked_for_only_when_chosen() {
    let def = definition();
    let mut a = complete_private_application();
    let step = def.step("zustellung").unwrap();
    assert_eq!(flow::visible_fields(&def, step, &a, today()).len(), 1);
    a.set_text("delivery", "other");
    let errors = validate_step(&def, step, &a, today());
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    // The c/o name is optional; the address is required.
    assert_eq!(
        fields,
        ["delivery_street", "delivery_postcode", "delivery_city"]
    );
}

#[test]
fn birth_date_rules() {
    let def = definition();
    let step = def.step("geburt").unwrap();
    let mut a = complete_private_application();
    let mut code_for = |d: &str, m: &str, y: &str| {
        a.set(
            "birth_date",
            Answer::Date(DateInput {
                day: d.into(),
                month: m.into(),
                year: y.into(),
            }),
        );
        validate_step(&def, step, &a, today())
            .first()
            .map(|e| (e.code, e.limit.as_ref().map(|l| l.parse::<u32>().unwrap())))
    };
    assert_eq!(code_for("", "", ""), Some((ErrorCode::Required, None)));
    assert_eq!(
        code_for("12", "", "1990"),
        Some((ErrorCode::DateIncomplete, None))
    );
    assert_eq!(
        code_for("31", "4", "1990"),
        Some((ErrorCode::DateInvalid, None))
    );
    assert_eq!(
        code_for("1", "1", "2027"),
        Some((ErrorCode::DateInFuture, None))
    );
    // 14 years old tomorrow: too young today.
    assert_eq!(
        code_for("27", "11", "2012"),
        Some((ErrorCode::DateTooRecent, Some(14)))
    );
    assert_eq!(code_for("26", "11", "2012"), None);
    assert_eq!(
        code_for("1", "1", "1890"),
        Some((ErrorCode::DateTooOld, Some(130)))
    );
}

#[test]
fn the_complete_application_is_valid_and_costs_13_euros() {
    let def = definition();
    let a = complete_private_application();
    assert!(first_incomplete_step(&def, &a, today()).is_none());
    assert!(validate_application(&def, &a, today()).is_ok());
    assert_eq!(def.fee_for(&a, today()), Money(1300));
    assert_eq!(def.summary_entry().fee, Some(Money(1300)));
}

#[test]
fn answers_for_questions_the_service_does_not_ask_are_refused() {
    let def = definition();
    let mut a = complete_private_application();
    a.set_text("is_admin", "yes");
    let errors = validate_application(&def, &a, today()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].field.as_str(), errors[0].code),
        ("is_admin", ErrorCode::UnknownField)
    );
}
