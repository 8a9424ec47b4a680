use std::path::Path;

use super::Bookings;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn city() -> rathaus_core::catalogue::Catalogue {
    let wizards = crate::catalogue::Catalogue::load(&repo().join("services")).unwrap();
    crate::catalogue::load_city_catalogue(&repo().join("catalogue"), &wizards, None).unwrap()
}

#[test]
fn the_shipped_rules_book_every_in_person_service_or_say_why_not() {
    let city = city();
    let bookings = Bookings::load(&repo().join("catalogue/appointments.json"), &city)
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    let offices: Vec<&str> = bookings
        .for_service("personalausweis")
        .map(|(o, _)| o.id.as_str())
        .collect();
    assert_eq!(
        offices,
        [
            "buergerbuero-mitte",
            "buergerbuero-nord",
            "buergerbuero-sued",
            "buergerbuero-west"
        ]
    );
    assert!(bookings.why_not("recyclinghof").is_some());
    assert!(bookings.office("standesamt").is_some());
}

#[test]
fn rules_for_an_office_the_catalogue_does_not_name_and_an_unbooked_service_are_problems() {
    let city = city();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("appointments.json");
    std::fs::write(
        &file,
        r#"{"offices":[{"office":"standesamt","slot_minutes":15,"counters":1,"days_ahead":30,
             "services":{"personalausweis":{"minutes":20}}}]}"#,
    )
    .unwrap();
    let problems = Bookings::load(&file, &city).unwrap_err();
    let text: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        text.iter()
            .any(|p| p
                .contains("services.personalausweis: the catalogue does not name 'standesamt'")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|p| p.starts_with("reisepass: an in-person service is booked")),
        "{text:#?}"
    );
}
