//! The city's offices in the catalogue: what the check refuses, how opening hours read,
//! and the order a life situation's page lists its services in.

use rathaus_core::catalogue::{Catalogue, TopicKind};
use rathaus_core::date::Date;
use rathaus_core::offices::{hours_text, minutes, Office, Weekday};
use rathaus_core::Locale;

#[path = "../benches/shipped_catalogue.rs"]
mod shipped_catalogue;

fn office(extra: serde_json::Value) -> Office {
    let mut o = serde_json::json!({
        "id": "buergerbuero-test", "name": {"de": "Bürgerbüro Test", "en": "Citizens' Office Test"},
        "street": "Friedensplatz 1", "postcode": "44135", "town": "Musterstadt",
        "hours": [
            {"days": ["mo", "tu", "we", "th", "fr"], "from": "08:00", "to": "12:30"},
            {"days": ["th"], "from": "14:00", "to": "18:00"}
        ],
        "phone": "0231 555-1000", "email": "test@musterstadt.de",
        "web": "https://www.musterstadt.de/test",
        "access": {"step_free": true, "hearing_loop": false, "accessible_toilet": true}
    });
    for (k, v) in extra.as_object().unwrap() {
        o[k] = v.clone();
    }
    serde_json::from_value(o).unwrap()
}

/// A catalogue of one in-person service and one online service, and `offices`.
fn catalogue(in_person_offices: &[&str], offices: Vec<Office>) -> Catalogue {
    serde_json::from_value(serde_json::json!({
        "life_situations": [{"id": "umzug-wohnen", "name": {"de": "Umzug", "en": "Moving"},
                             "intro": {"de": "Melden Sie sich an.", "en": "Register."}}],
        "categories": [{"id": "buergerdienste", "name": {"de": "Bürgerdienste", "en": "Citizen services"}}],
        "services": [
            {"id": "ummelden", "name": {"de": "Ummelden", "en": "Change address"},
             "summary": {"de": "S", "en": "S"}, "category": "buergerdienste",
             "life_situations": ["umzug-wohnen"], "channel": "in_person",
             "offices": in_person_offices,
             "fee": {"de": "kostenlos", "en": "free"}, "office": {"de": "Bürgerbüro", "en": "Office"}},
            {"id": "abmelden", "name": {"de": "Abmelden", "en": "Deregister"},
             "summary": {"de": "S", "en": "S"}, "category": "buergerdienste",
             "life_situations": ["umzug-wohnen"], "channel": "online",
             "url": "https://service.musterstadt.de/abmelden",
             "fee": {"de": "kostenlos", "en": "free"}, "office": {"de": "Bürgerbüro", "en": "Office"}}
        ],
        "offices": offices
    }))
    .unwrap()
}

#[test]
fn the_shipped_catalogue_names_an_office_for_every_in_person_service() {
    let c = shipped_catalogue::shipped();
    assert!(c.offices.len() >= 10);
    let wizards: Vec<String> = c.services.iter().filter_map(|s| s.wizard.clone()).collect();
    assert_eq!(c.problems(&wizards), Vec::<String>::new());
    let personalausweis = c.service("personalausweis").unwrap();
    assert!(personalausweis
        .offices
        .iter()
        .any(|o| o == "buergerbuero-mitte"));
}

#[test]
fn an_in_person_service_needs_an_office_that_exists() {
    let sound = catalogue(&["buergerbuero-test"], vec![office(serde_json::json!({}))]);
    assert_eq!(sound.problems(&[]), Vec::<String>::new());

    let without = catalogue(&[], vec![office(serde_json::json!({}))]);
    assert_eq!(
        without.problems(&[]),
        ["ummelden: channel 'in_person' needs 'offices'"]
    );
    let unknown = catalogue(&["buergerbuero-gibts-nicht"], vec![]);
    assert_eq!(
        unknown.problems(&[]),
        ["ummelden: unknown office 'buergerbuero-gibts-nicht'"]
    );

    // An online service may name an office too, but only one that exists.
    let mut online = catalogue(&["buergerbuero-test"], vec![office(serde_json::json!({}))]);
    online.services[1].offices = vec!["steueramt".into()];
    assert_eq!(
        online.problems(&[]),
        ["abmelden: unknown office 'steueramt'"]
    );
}

#[test]
fn an_office_with_bad_hours_or_addresses_is_refused() {
    let cases = [
        (
            serde_json::json!({"hours": [{"days": ["mo"], "from": "08:00", "to": "25:00"}]}),
            "office buergerbuero-test: hours 08:00–25:00: times are HH:MM, 00:00 to 23:59",
        ),
        (
            serde_json::json!({"hours": [{"days": ["mo"], "from": "8:00", "to": "12:00"}]}),
            "office buergerbuero-test: hours 8:00–12:00: times are HH:MM, 00:00 to 23:59",
        ),
        (
            serde_json::json!({"hours": [{"days": ["mo"], "from": "14:00", "to": "12:00"}]}),
            "office buergerbuero-test: hours 14:00–12:00: must end after it starts",
        ),
        (
            serde_json::json!({"hours": [{"days": ["mo"], "from": "08:00", "to": "12:00"},
                                         {"days": ["mo", "tu"], "from": "11:00", "to": "15:00"}]}),
            "office buergerbuero-test: hours on 'mo' overlap",
        ),
        (
            serde_json::json!({"web": "http://www.musterstadt.de/test"}),
            "office buergerbuero-test: 'http://www.musterstadt.de/test' is not an https address",
        ),
        (
            serde_json::json!({"appointments": {"url": "termine.musterstadt.de"}}),
            "office buergerbuero-test: 'termine.musterstadt.de' is not an https address",
        ),
        (
            serde_json::json!({"phone": "ruf an"}),
            "office buergerbuero-test: phone 'ruf an' is not a phone number",
        ),
        (
            serde_json::json!({"email": "buergerbuero.musterstadt.de"}),
            "office buergerbuero-test: email 'buergerbuero.musterstadt.de' is not an address",
        ),
        (
            serde_json::json!({"postcode": "4413"}),
            "office buergerbuero-test: postcode '4413' is not 5 digits",
        ),
        (
            serde_json::json!({"transit": {"de": "Bus 450"}}),
            "office buergerbuero-test: transit needs German and English",
        ),
        (
            serde_json::json!({"hours": []}),
            "office buergerbuero-test: no opening hours and no appointments",
        ),
    ];
    for (change, expected) in cases {
        let c = catalogue(&["buergerbuero-test"], vec![office(change.clone())]);
        assert_eq!(c.problems(&[]), [expected], "{change}");
    }
    // Open by appointment only: no hours is fine then.
    let by_appointment = office(serde_json::json!({"hours": [], "appointments": {}}));
    let c = catalogue(&["buergerbuero-test"], vec![by_appointment]);
    assert_eq!(c.problems(&[]), Vec::<String>::new());

    let twice = catalogue(
        &["buergerbuero-test"],
        vec![office(serde_json::json!({})), office(serde_json::json!({}))],
    );
    assert_eq!(
        twice.problems(&[]),
        ["office buergerbuero-test: the id is used twice"]
    );
}

#[test]
fn times_are_read_strictly() {
    assert_eq!(minutes("08:30"), Some(8 * 60 + 30));
    assert_eq!(minutes("23:59"), Some(23 * 60 + 59));
    for bad in [
        "24:00", "25:00", "12:60", "8:30", "08:3", "0830", "ab:cd", "+8:30", "",
    ] {
        assert_eq!(minutes(bad), None, "{bad}");
    }
}

#[test]
fn the_week_starts_today_and_shows_closed_days_and_several_ranges() {
    let o = office(serde_json::json!({}));
    // 26 November 2026 is a Thursday.
    let thursday = Weekday::of(Date::new(2026, 11, 26).unwrap());
    assert_eq!(thursday, Weekday::Th);
    let week = o.week(thursday, Locale::De);
    let days: Vec<_> = week.iter().map(|d| d.day.label(Locale::De)).collect();
    assert_eq!(
        days,
        [
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
            "Montag",
            "Dienstag",
            "Mittwoch"
        ]
    );
    assert!(week[0].today && week.iter().skip(1).all(|d| !d.today));
    assert_eq!(
        week[0].hours.as_deref(),
        Some("08:00–12:30 und 14:00–18:00 Uhr")
    );
    assert_eq!(week[1].hours.as_deref(), Some("08:00–12:30 Uhr"));
    assert_eq!(week[2].hours, None, "closed on Saturday");
    assert_eq!(week[3].hours, None, "closed on Sunday");

    let sunday = o.week(Weekday::Su, Locale::En);
    assert_eq!(sunday[0].day.label(Locale::En), "Sunday");
    assert_eq!(sunday[0].hours, None);
    assert_eq!(sunday[4].day, Weekday::Th);
    assert_eq!(
        sunday[4].hours.as_deref(),
        Some("08:00–12:30 and 14:00–18:00")
    );
}

#[test]
fn ranges_read_in_order_whatever_order_they_were_written_in() {
    let o = office(serde_json::json!({"hours": [
        {"days": ["we"], "from": "15:00", "to": "17:00"},
        {"days": ["we"], "from": "07:30", "to": "10:00"},
        {"days": ["we"], "from": "11:00", "to": "12:00"}
    ]}));
    assert_eq!(
        hours_text(&o.open_on(Weekday::We), Locale::De).as_deref(),
        Some("07:30–10:00, 11:00–12:00 und 15:00–17:00 Uhr")
    );
    assert_eq!(hours_text(&[], Locale::De), None);
}

#[test]
fn phone_numbers_become_international_links() {
    let link = |phone: &str| office(serde_json::json!({ "phone": phone })).tel_href();
    assert_eq!(link("0231 555-1000"), "tel:+492315551000");
    assert_eq!(link("+49 231 555 1000"), "tel:+492315551000");
    assert_eq!(link("(0231) 555/1000"), "tel:+492315551000");
}

#[test]
fn a_life_situation_lists_what_matters_first_then_the_popular_then_by_name() {
    let c = shipped_catalogue::shipped();
    let names = |kind, id, locale| -> Vec<String> {
        c.services_in(kind, id, locale)
            .into_iter()
            .map(|e| e.id.clone())
            .collect()
    };
    let moving = names(TopicKind::LifeSituation, "umzug-wohnen", Locale::De);
    assert_eq!(moving[0], "wohnsitz-anmelden");
    let topic = &c.life_situations[0];
    assert_eq!(topic.id, "umzug-wohnen");
    assert_eq!(moving[..topic.first.len()], topic.first[..]);
    // Then the popular ones, then the rest, each by name.
    let rest = &moving[topic.first.len()..];
    let popular = rest
        .iter()
        .take_while(|id| c.service(id).unwrap().popular)
        .count();
    assert!(popular > 0);
    assert!(rest[popular..]
        .iter()
        .all(|id| !c.service(id).unwrap().popular));
    for part in [&rest[..popular], &rest[popular..]] {
        let by_name: Vec<String> = part
            .iter()
            .map(|id| rathaus_core::search::fold(c.service(id).unwrap().name.get(Locale::De)))
            .collect();
        let mut sorted = by_name.clone();
        sorted.sort();
        assert_eq!(by_name, sorted);
    }
    assert_eq!(
        moving.len(),
        c.services
            .iter()
            .filter(|e| e.life_situations.contains(&topic.id))
            .count()
    );

    // An area: popular first, then by name.
    let area = names(TopicKind::Category, "buergerdienste", Locale::De);
    let first_plain = area
        .iter()
        .position(|id| !c.service(id).unwrap().popular)
        .unwrap();
    assert!(first_plain > 0);
    assert!(area[first_plain..]
        .iter()
        .all(|id| !c.service(id).unwrap().popular));
}

#[test]
fn first_names_only_services_of_the_life_situation() {
    let mut c = catalogue(&["buergerbuero-test"], vec![office(serde_json::json!({}))]);
    c.life_situations[0].first = vec!["abmelden".into(), "abmelden".into(), "hundesteuer".into()];
    c.life_situations[0].intro = None;
    assert_eq!(
        c.problems(&[]),
        [
            "life situation umzug-wohnen: intro needs German and English",
            "life situation umzug-wohnen: 'abmelden' is named twice in first",
            "life situation umzug-wohnen: first names 'hundesteuer', not one of its services",
        ]
    );
}
