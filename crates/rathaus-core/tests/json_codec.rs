//! The app's JSON codec reads what serde writes and writes what serde reads, for every
//! wire type: the backend (serde) and the app (rathaus_core::json) speak one format.

use std::fmt::Debug;

use rathaus_core::answers::{Answer, Answers, DateInput, FileRef};
use rathaus_core::api::*;
use rathaus_core::case::CaseStatus;
use rathaus_core::definition::{
    FieldKind, OptionFilter, OptionList, OptionsFrom, Section, SectionUse, ServiceDefinition,
};
use rathaus_core::json::{self, FromJson, ToJson};
use rathaus_core::payment::*;
use rathaus_core::validate::{ErrorCode, FieldError};
use rathaus_core::{Locale, Money, Text};
use serde::{de::DeserializeOwned, Serialize};

#[path = "../benches/shipped_catalogue.rs"]
mod shipped_catalogue;

fn both_ways<T>(value: &T)
where
    T: Serialize + DeserializeOwned + FromJson + ToJson + PartialEq + Debug,
{
    let by_serde = serde_json::to_string(value).unwrap();
    assert_eq!(
        &json::from_str::<T>(&by_serde).unwrap(),
        value,
        "codec reading {by_serde}"
    );
    let by_codec = json::to_string(value);
    assert_eq!(
        &serde_json::from_str::<T>(&by_codec).unwrap(),
        value,
        "serde reading {by_codec}"
    );
}

fn shipped_definitions() -> Vec<ServiceDefinition> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../services");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let by_serde: ServiceDefinition = serde_json::from_str(&text).unwrap();
            let by_codec: ServiceDefinition = json::from_str(&text).unwrap();
            assert_eq!(by_codec, by_serde, "{}", p.display());
            by_serde
        })
        .collect()
}

#[test]
fn service_definitions() {
    let defs = shipped_definitions();
    assert!(!defs.is_empty());
    for def in &defs {
        both_ways(def);
    }
    let every_condition: ServiceDefinition = serde_json::from_str(
        r#"{"id":"c","version":3,"title":{"de":"T"},"summary":{"de":"S"},
            "privacy":{"de":"Zweck: § 30 BZRG","en":"Purpose"},
            "fee":{"rules":[{"fixed":250},{"fixed":0}]},
            "steps":[{"id":"s","title":{"de":"1"},"intro":{"de":"i","en":"e"},"fields":[
              {"id":"a","type":"long_text","label":{"de":"A"},"optional":true,
               "constraints":{"min_length":2,"max_length":9},
               "messages":{"required":{"de":"x"}}},
              {"id":"b","type":"date","label":{"de":"B"},"autocomplete":"bday",
               "constraints":{"not_in_future":true,"min_years_ago":1,"max_years_ago":99},
               "show_if":{"all":[{"not":{"answered":{"field":"a"}}},
                                 {"any":[{"one_of":{"field":"a","values":["x","y"]}},
                                         {"equals":{"field":"a","value":"z"}}]}]}}]}]}"#,
    )
    .unwrap();
    both_ways(&every_condition);
}

#[test]
fn a_definition_with_sections_as_written_and_expanded() {
    let written: ServiceDefinition = serde_json::from_str(
        r#"{"id":"s","version":1,"title":{"de":"T"},"summary":{"de":"S"},
            "sections":{"partner":{"fields":[{"id":"name","type":"text","label":{"de":"Name"}}]}},
            "steps":[{"id":"a","title":{"de":"A"},"section":{"name":"partner","prefix":"p1"}},
                     {"id":"b","title":{"de":"B von {p1_name}"},"section":{"name":"partner","prefix":"p2"}}]}"#,
    )
    .unwrap();
    both_ways(&written);
    let section: &Section = &written.sections["partner"];
    both_ways(section);
    let using: &SectionUse = written.steps[1].section.as_ref().unwrap();
    both_ways(using);
    // As the backend serves it: ordinary steps, no sections.
    let (expanded, problems) = written.expanded();
    assert!(problems.is_empty());
    both_ways(&expanded);
    assert!(!json::to_string(&expanded).contains("section"));
}

#[test]
fn a_question_with_options_from_a_list_as_written_and_filled() {
    let list: OptionList = serde_json::from_str(
        r#"{"id":"kitas","options":[
            {"value":"a","label":{"de":"A"},"attributes":{"ab":"1","bezirk":"nord"}},
            {"value":"b","label":{"de":"B"},"attributes":{"ab":"3"}}]}"#,
    )
    .unwrap();
    both_ways(&list);
    let written: ServiceDefinition = serde_json::from_str(
        r#"{"id":"s","version":1,"title":{"de":"T"},"summary":{"de":"S"},"steps":[
            {"id":"a","title":{"de":"A"},"fields":[{"id":"alter","type":"number","label":{"de":"Alter"}}]},
            {"id":"b","title":{"de":"B"},"fields":[{"id":"wunsch","type":"ranking","label":{"de":"W"},
              "options_from":{"list":"kitas","where":[{"attribute":"ab","at_most":"alter"}]}}]}]}"#,
    )
    .unwrap();
    both_ways(&written);
    let from: &OptionsFrom = written.steps[1].fields[0].options_from.as_ref().unwrap();
    both_ways(from);
    let filter: &OptionFilter = &from.only[0];
    both_ways(filter);
    // As the backend serves it: the list's options, attributes and all, in the question.
    let lists = std::collections::BTreeMap::from([(list.id.clone(), list)]);
    let (filled, problems) = written.with_lists(&lists);
    assert!(problems.is_empty());
    both_ways(&filled);
    assert!(json::to_string(&filled).contains(r#""bezirk":"nord""#));
}

#[test]
fn the_shipped_catalogue() {
    let catalogue = shipped_catalogue::shipped();
    assert!(catalogue.services.iter().any(|e| e.popular));
    assert!(catalogue.services.iter().any(|e| !e.bring.is_empty()));
    // Every member of the offices and life situations is in the shipped data, so
    // reading it back checks each of them.
    assert!(catalogue.services.iter().any(|e| !e.offices.is_empty()));
    assert!(catalogue.life_situations.iter().all(|t| t.intro.is_some()));
    assert!(catalogue
        .life_situations
        .iter()
        .any(|t| !t.first.is_empty()));
    let offices = &catalogue.offices;
    assert!(offices.iter().any(|o| o.hours_note.is_some()));
    assert!(offices.iter().any(|o| o.transit.is_some()));
    assert!(offices.iter().any(|o| o.access.note.is_some()));
    assert!(offices.iter().any(|o| o.access.hearing_loop));
    assert!(offices.iter().any(|o| !o.access.step_free));
    assert!(offices.iter().any(|o| o.appointments.is_none()));
    assert!(offices
        .iter()
        .any(|o| o.appointments.as_ref().is_some_and(|a| a.url.is_some())));
    assert!(offices
        .iter()
        .any(|o| o.appointments.as_ref().is_some_and(|a| a.url.is_none())));
    both_ways(&catalogue);
    // Read by the codec exactly as serde reads the files.
    let by_codec: Vec<rathaus_core::offices::Office> = json::from_str(
        &std::fs::read_to_string(shipped_catalogue::folder().join("offices.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(&by_codec, offices);
    let topics: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shipped_catalogue::folder().join("topics.json")).unwrap(),
    )
    .unwrap();
    let life_situations = topics["life_situations"].to_string();
    let by_codec: Vec<rathaus_core::catalogue::Topic> = json::from_str(&life_situations).unwrap();
    assert_eq!(by_codec, catalogue.life_situations);
}

#[test]
fn the_front_page_overview_counts_what_each_topic_page_lists() {
    use rathaus_core::catalogue::TopicKind;
    let catalogue = shipped_catalogue::shipped();
    let overview = catalogue.overview();
    both_ways(&overview);
    for (kind, counts) in [
        (TopicKind::LifeSituation, &overview.life_situations),
        (TopicKind::Category, &overview.categories),
    ] {
        let ids: Vec<&str> = catalogue
            .topics(kind)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(
            counts.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ids
        );
        for t in counts {
            let listed = catalogue.services_in(kind, &t.id, rathaus_core::text::Locale::De);
            assert_eq!(t.count as usize, listed.len(), "{}", t.id);
        }
    }
    // The most used wizards, as the catalogue has them but without their search words,
    // and the number of all.
    let all = catalogue
        .services
        .iter()
        .filter(|e| e.wizard.is_some())
        .count();
    assert_eq!(overview.online_count as usize, all);
    let wizards: Vec<_> = catalogue
        .services
        .iter()
        .filter(|e| e.wizard.is_some() && e.popular)
        .map(|e| rathaus_core::catalogue::CatalogueEntry {
            keywords: Vec::new(),
            keywords_by_language: Default::default(),
            ..e.clone()
        })
        .collect();
    assert_eq!(overview.online, wizards);
    assert!(!wizards.is_empty() && wizards.len() < all);
}

#[test]
fn an_office_with_only_what_it_must_have() {
    let office: rathaus_core::offices::Office = serde_json::from_str(
        r#"{"id":"o","name":{"de":"Amt"},"street":"Olpe 1","postcode":"44135",
            "town":"Musterstadt","hours":[],"phone":"0231 555-1","email":"a@musterstadt.de",
            "web":"https://www.musterstadt.de/","appointments":{},
            "access":{"step_free":false,"hearing_loop":false,"accessible_toilet":false}}"#,
    )
    .unwrap();
    both_ways(&office);
    assert_eq!(
        json::from_str::<rathaus_core::offices::Office>(&serde_json::to_string(&office).unwrap())
            .unwrap()
            .appointments,
        Some(Default::default())
    );
}

#[test]
fn answers_of_every_shape() {
    let mut answers = Answers::default();
    answers.set_text("text", "Zeile 1\nZeile \"2\" \\ ä ✓");
    answers.set("choices", Answer::Choices(vec!["a".into(), "b".into()]));
    answers.set("none", Answer::Choices(vec![]));
    answers.set(
        "date",
        Answer::Date(DateInput {
            day: "1".into(),
            month: "".into(),
            year: "19x0".into(),
        }),
    );
    both_ways(&answers);
    both_ways(&SubmitApplication {
        service_id: "fuehrungszeugnis".into(),
        service_version: 2,
        answers,
        locale: Locale::En,
    });
    // serde's default for a missing locale.
    let no_locale: SubmitApplication =
        json::from_str(r#"{"service_id":"x","service_version":1,"answers":{}}"#).unwrap();
    assert_eq!(no_locale.locale, Locale::De);
}

#[test]
fn responses() {
    both_ways(&ServiceList {
        services: vec![
            ServiceSummary {
                id: "a".into(),
                title: Text::new("A", "A"),
                summary: Text::new("s", "s"),
                fee: Some(Money(1300)),
            },
            ServiceSummary {
                id: "b".into(),
                title: Text::new("B", "B"),
                summary: Text::new("s", "s"),
                fee: None,
            },
        ],
    });
    both_ways(&ApplicationReceipt {
        case_number: "2026-7KQ4-M2XD".into(),
        access_code: "K7PQ-M2XD-3RTA".into(),
        service_id: "fuehrungszeugnis".into(),
        status: CaseStatus::Received,
        fee: Money(1300),
        submitted_at: "2026-11-26T14:32:00Z".into(),
    });
    both_ways(&CaseView {
        case_number: "2026-7KQ4-M2XD".into(),
        service_id: "x".into(),
        service_title: Text::new("Titel", "Title"),
        status: CaseStatus::ActionNeeded,
        fee: Money(0),
        submitted_at: "2026-11-26T14:32:00Z".into(),
        events: vec![
            CaseEvent {
                at: "2026-11-26T14:32:00Z".into(),
                status: CaseStatus::Received,
                kind: EventKind::Status,
                message: None,
                attachments: vec![],
            },
            CaseEvent {
                at: "2026-11-27T09:00:00Z".into(),
                status: CaseStatus::ActionNeeded,
                kind: EventKind::Request,
                message: Some("Bitte senden Sie uns …".into()),
                attachments: vec![],
            },
            CaseEvent {
                at: "2026-11-27T10:00:00Z".into(),
                status: CaseStatus::InReview,
                kind: EventKind::Answer,
                message: Some("Anbei".into()),
                attachments: vec!["mietvertrag.pdf".into()],
            },
        ],
        open_request: Some(OpenRequest {
            id: "R1".into(),
            message: "Bitte senden Sie uns den Mietvertrag.".into(),
            wants_document: true,
            asked_at: "2026-11-27T09:00:00Z".into(),
        }),
    });
    both_ways(&AnswerRequest {
        request_id: "R1".into(),
        text: "Anbei der Vertrag".into(),
        attachments: vec![FileRef {
            id: "f1".into(),
            name: "mietvertrag.pdf".into(),
            size: 1234,
            media_type: "application/pdf".into(),
        }],
    });
    both_ways(&ErrorBody {
        error: ApiErrorCode::ValidationFailed,
        errors: vec![
            FieldError {
                field: "postcode".into(),
                code: ErrorCode::InvalidPostcode,
                limit: None,
            },
            FieldError {
                field: "purpose".into(),
                code: ErrorCode::TooLong,
                limit: Some("100".into()),
            },
        ],
    });
    both_ways(&ErrorBody {
        error: ApiErrorCode::NotFound,
        errors: vec![],
    });
}

#[test]
fn barrier_reports() {
    let report = FeedbackReport {
        page: "/services/hundesteuer/apply/hunde".into(),
        description: "Zeile 1\nDer Fehler wird nicht \"vorgelesen\" \u{202e}".into(),
        contact: "erika@example.org".into(),
        locale: Locale::En,
    };
    both_ways(&report);
    both_ways(&FeedbackReport {
        contact: String::new(),
        ..report
    });
    // Contact and language may be left out, as serde's defaults allow.
    let minimal: FeedbackReport =
        json::from_str(r#"{"page":"/","description":"Kontrast zu gering"}"#).unwrap();
    assert_eq!((minimal.contact.as_str(), minimal.locale), ("", Locale::De));
    both_ways(&FeedbackReceipt {
        reference: "BF-7KQ4-M2XD".into(),
        received_at: "2026-11-26T14:32:00Z".into(),
    });
}

#[test]
fn payments() {
    let open = PaymentView {
        id: "p1".into(),
        case_number: "2026-7KQ4-M2XD".into(),
        state: PaymentState::Initial,
        amount: Money(1300),
        purpose: Text::new("Gebühr", "Fee"),
        method: None,
        reference: "RH-K7PQ-M2XD-3RTA".into(),
        failure_reason: None,
        created_at: "2026-11-26T14:32:00Z".into(),
        expires_at: "2026-11-26T16:02:00Z".into(),
        redirect_url: Some("/test-provider/payments/p1".into()),
        events: vec![PaymentEvent {
            at: "2026-11-26T14:32:00Z".into(),
            state: PaymentState::Initial,
            reason: None,
        }],
    };
    both_ways(&open);
    let failed = PaymentView {
        state: PaymentState::Failed,
        method: Some(PaymentMethod::CreditCard),
        failure_reason: Some("timeout".into()),
        redirect_url: None,
        events: vec![PaymentEvent {
            at: "2026-11-26T16:02:00Z".into(),
            state: PaymentState::Failed,
            reason: Some("timeout".into()),
        }],
        ..open.clone()
    };
    both_ways(&PaymentList {
        payments: vec![open, failed],
    });
    both_ways(&CreatePayment {
        return_url: "/applications/2026-7KQ4-M2XD/payment".into(),
    });
}

#[test]
fn the_login_and_the_account() {
    use rathaus_core::identity::{Attribute, Identification, Identity, IdentityAddress, Prefill};
    let identity = Identity {
        given_name: Some("Leyla".into()),
        family_name: Some("Yılmaz".into()),
        birth_date: Some("1990-03-05".into()),
        birth_place: Some("İstanbul".into()),
        address: Some(IdentityAddress {
            street: "Friedensplatz 1".into(),
            postcode: "44135".into(),
            town: "Dortmund".into(),
            country: String::new(),
        }),
        nationality: Some("TR".into()),
        email: None,
        assurance: rathaus_core::identity::Assurance::High,
    };
    both_ways(&identity);
    both_ways(&SessionView::default());
    both_ways(&SessionView {
        login_available: true,
        identity: Some(identity),
        account: Some("0123456789abcdef".into()),
        csrf_token: Some("t".into()),
        expires_at: Some("2026-12-03T18:00:00Z".into()),
    });
    both_ways(&LogoutView {
        end_session_url: Some("https://id.example/session/end?x=1".into()),
    });
    both_ways(&LogoutView {
        end_session_url: None,
    });
    both_ways(&AccountApplications {
        applications: vec![AccountApplication {
            case_number: "2026-7KQ4-M2XD".into(),
            service_id: "wohnsitzanmeldung".into(),
            service_title: Text::new("Wohnsitz anmelden", "Register"),
            status: CaseStatus::Received,
            fee: Money(0),
            submitted_at: "2026-12-03T10:00:00Z".into(),
        }],
    });
    for failure in [
        LoginFailure::Cancelled,
        LoginFailure::Expired,
        LoginFailure::Unavailable,
        LoginFailure::Refused,
        LoginFailure::NotConfigured,
    ] {
        both_ways(&failure);
    }
    for identification in [
        Identification::None,
        Identification::Optional,
        Identification::Required,
    ] {
        both_ways(&identification);
    }
    for attribute in Attribute::ALL {
        both_ways(&attribute);
    }
    both_ways(&Prefill {
        from: Attribute::Nationality,
        read_only: false,
        values: [("DE".to_owned(), "deutsch".to_owned())].into(),
    });
    both_ways(&AccountDraft {
        service_version: 1,
        answers: Answers([("purpose".to_owned(), Answer::Text("Bewerbung".into()))].into()),
        saved_at: 1_767_261_600_000,
        edited: Default::default(),
    });
    both_ways(&AccountDraft {
        service_version: 2,
        answers: Answers::default(),
        saved_at: 5,
        edited: [("purpose".to_owned(), 1_767_261_000_000)].into(),
    });
    both_ways(&DraftsDeleted { deleted: 2 });
    both_ways(&Prefill {
        from: Attribute::GivenName,
        read_only: true,
        values: Default::default(),
    });
}

#[test]
fn appointments() {
    use rathaus_core::appointments::{BookingRules, ServiceTime};
    let rules = BookingRules {
        office: "buergerbuero-mitte".into(),
        slot_minutes: 15,
        counters: 3,
        services: [
            (
                "personalausweis".to_owned(),
                ServiceTime {
                    minutes: 20,
                    max_persons: Some(4),
                },
            ),
            (
                "meldebescheinigung".to_owned(),
                ServiceTime {
                    minutes: 10,
                    max_persons: None,
                },
            ),
        ]
        .into(),
        closed: vec!["2026-12-24".into()],
        days_ahead: 42,
        notice_minutes: 60,
    };
    both_ways(&rules);
    both_ways(&BookingRules {
        closed: vec![],
        ..rules
    });
    both_ways(&BookableOffices {
        offices: vec![BookableOffice {
            office: "buergerbuero-mitte".into(),
            max_persons: 4,
            minutes: 20,
            days_ahead: 42,
        }],
    });
    both_ways(&FreeTimes {
        office: "buergerbuero-mitte".into(),
        service: "personalausweis".into(),
        persons: 2,
        minutes: 45,
        days: vec![FreeDay {
            date: "2026-12-14".into(),
            times: vec!["08:00".into(), "08:15".into()],
        }],
    });
    both_ways(&BookAppointment {
        office: "buergerbuero-mitte".into(),
        service: "personalausweis".into(),
        persons: 1,
        date: "2026-12-14".into(),
        time: "08:15".into(),
        name: "Ayşe Yılmaz \u{202e}".into(),
        contact: "0231 1234567".into(),
    });
    both_ways(&ChangeAppointment {
        date: "2026-12-15".into(),
        time: "09:00".into(),
    });
    let view = AppointmentView {
        number: "T-7KQ4-M2XD".into(),
        access_code: Some("K7PQ-M2XD-3RTA".into()),
        office: "buergerbuero-mitte".into(),
        service: "personalausweis".into(),
        persons: 1,
        date: "2026-12-14".into(),
        time: "08:15".into(),
        minutes: 30,
        name: "Ayşe Yılmaz".into(),
        status: AppointmentStatus::Booked,
    };
    both_ways(&view);
    both_ways(&AppointmentView {
        access_code: None,
        status: AppointmentStatus::CalledOff,
        ..view
    });
}

#[test]
fn every_name_matches_serde() {
    fn same<T: Serialize + ToJson + FromJson + PartialEq + Debug>(values: &[T]) {
        for v in values {
            assert_eq!(serde_json::to_string(v).unwrap(), json::to_string(v));
            assert_eq!(
                &json::from_str::<T>(&serde_json::to_string(v).unwrap()).unwrap(),
                v
            );
        }
    }
    same(ErrorCode::ALL);
    same(&CaseStatus::ALL);
    same(FieldKind::ALL);
    same(&ApiErrorCode::ALL);
    same(&PaymentState::ALL);
    same(&PaymentMethod::ALL);
    same(&Locale::ALL);
    same(&EventKind::ALL);
    same(&[
        AppointmentStatus::Booked,
        AppointmentStatus::Cancelled,
        AppointmentStatus::CalledOff,
    ]);
    same(&rathaus_core::catalogue::Channel::ALL);
    same(&rathaus_core::offices::Weekday::ALL);
}

#[test]
fn foreign_shapes_are_errors_not_panics() {
    for bad in [
        r#"{"a":{"hour":"1"}}"#,
        r#"{"a":12}"#,
        r#"{"a":[1]}"#,
        r#"[]"#,
        r#"{"a":null"#,
    ] {
        assert!(json::from_str::<Answers>(bad).is_err(), "{bad}");
    }
    assert!(json::from_str::<ErrorBody>(r#"{"error":"teapot"}"#).is_err());
    assert!(json::from_str::<ApplicationReceipt>(r#"{"case_number":"x"}"#).is_err());
    let err = json::from_str::<ServiceDefinition>(
        r#"{"id":"x","version":1,"title":{"de":"T"},"summary":{"de":"S"},
            "steps":[{"id":"s","title":{"de":"S"},"fields":[{"id":"f","type":"text","label":{"de":"L"},
            "show_if":{"maybe":{}}}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "unknown condition at steps.fields.show_if");
}

#[test]
fn field_errors_saved_by_the_earlier_app_still_read() {
    // Before amounts, `limit` was a whole number; drafts on devices still hold that.
    let old: FieldError =
        json::from_str(r#"{"field":"purpose","code":"too_long","limit":100}"#).unwrap();
    assert_eq!(old.limit.as_deref(), Some("100"));
    let new: FieldError =
        json::from_str(r#"{"field":"m","code":"number_too_small","limit":"0.5"}"#).unwrap();
    assert_eq!(new.limit.as_deref(), Some("0.5"));
    let none: FieldError = json::from_str(r#"{"field":"m","code":"required"}"#).unwrap();
    assert_eq!(none.limit, None);
}

/// Each part of a definition and of the catalogue on its own (the tests above read
/// them only inside the whole), with every kind of fee rule and condition.
#[test]
fn every_part_of_definitions_and_the_catalogue() {
    use rathaus_core::catalogue::{Catalogue, CatalogueEntry, Overview, TopicCount};
    use rathaus_core::condition::Condition;
    use rathaus_core::definition::{
        ChoiceOption, Computation, Constraints, DateBound, Field, Repeat, Step, Stop,
    };
    use rathaus_core::fee::{FeeRule, FeeSchedule, FeeTier};
    use rathaus_core::number::Decimal;
    use rathaus_core::offices::{Access, Appointments, Opening};

    let defs = shipped_definitions();
    let steps: Vec<&Step> = defs.iter().flat_map(|d| &d.steps).collect();
    assert!(steps.iter().any(|s| s.repeat.is_some()));
    for step in &steps {
        both_ways::<Step>(step);
        if let Some(repeat) = &step.repeat {
            both_ways::<Repeat>(repeat);
        }
        if let Some(stop) = &step.stop {
            both_ways::<Stop>(stop);
        }
        for field in &step.fields {
            both_ways::<Field>(field);
            both_ways::<Constraints>(&field.constraints);
            if let Some(compute) = &field.compute {
                both_ways::<Computation>(compute);
            }
            for bound in [&field.constraints.earliest, &field.constraints.latest] {
                bound.iter().for_each(both_ways::<DateBound>);
            }
            for option in &field.options {
                both_ways::<ChoiceOption>(option);
            }
        }
    }
    // Every shape, whether or not a shipped definition uses it yet.
    let computations: Vec<Computation> = serde_json::from_str(
        r#"[{"calendar_days":{"from":"a","to":"b"}},{"whole_years":{"from":"a","to":"b"}}]"#,
    )
    .unwrap();
    computations.iter().for_each(both_ways::<Computation>);
    let options: Vec<ChoiceOption> = serde_json::from_str(
        r#"[{"value":"a","label":{"de":"A"}},{"value":"n","label":{"de":"N"},"exclusive":true}]"#,
    )
    .unwrap();
    assert!(options[1].exclusive);
    options.iter().for_each(both_ways::<ChoiceOption>);
    let bounds: Vec<DateBound> = serde_json::from_str(
        r#"[{},{"days":3},{"field":"start","years":-1,"months":2,"days":-30}]"#,
    )
    .unwrap();
    bounds.iter().for_each(both_ways::<DateBound>);
    both_ways::<Stop>(
        &serde_json::from_str(
            r#"{"link":"/services/hundesteuer","link_label":{"de":"Zur Hundesteuer"}}"#,
        )
        .unwrap(),
    );
    let fee: FeeSchedule = serde_json::from_str(
        r#"{"rules":[{"fixed":1300},{"per_option":{"field":"k","amounts":{"a":100,"b":0}}},
            {"per_item":{"group":"g","amounts":[3000,6000]}},
            {"per_item":{"group":"g","amounts":[500],"when":{"answered":{"field":"x"}}}},
            {"tiered":{"field":"cost","tiers":[{"up_to":5000.50,"amount":100},{"up_to":null,"per_mille":7}]}},
            {"per_unit":{"amount":150,"factors":["days","metres"]}},
            {"when":{"condition":{"at_least":{"field":"n","value":2.5}},"rules":[{"fixed":1}]}}],
            "purpose":{"de":"Gebühr"}}"#,
    )
    .unwrap();
    both_ways::<FeeSchedule>(&fee);
    for rule in &fee.rules {
        both_ways::<FeeRule>(rule);
        if let FeeRule::Tiered { tiers, .. } = rule {
            tiers.iter().for_each(both_ways::<FeeTier>);
        }
    }
    let conditions: Vec<Condition> = serde_json::from_str(
        r#"[{"equals":{"field":"a","value":"x"}},{"one_of":{"field":"a","values":["x","y"]}},
            {"answered":{"field":"a"}},{"at_least":{"field":"n","value":18}},
            {"below":{"field":"n","value":0.5}},{"years_since_at_least":{"field":"d","years":18}},
            {"years_since_below":{"field":"d","years":3}},{"not":{"answered":{"field":"a"}}},
            {"all":[{"answered":{"field":"a"}}]},{"any":[]}]"#,
    )
    .unwrap();
    conditions.iter().for_each(both_ways::<Condition>);
    for n in ["0", "-12.5", "1000000.01"] {
        both_ways::<Decimal>(&serde_json::from_str(n).unwrap());
    }

    let catalogue: Catalogue = shipped_catalogue::shipped();
    both_ways::<Catalogue>(&catalogue);
    catalogue
        .services
        .iter()
        .for_each(both_ways::<CatalogueEntry>);
    let overview: Overview = catalogue.overview();
    overview
        .life_situations
        .iter()
        .for_each(both_ways::<TopicCount>);
    for office in &catalogue.offices {
        both_ways::<Access>(&office.access);
        office.hours.iter().for_each(both_ways::<Opening>);
        if let Some(appointments) = &office.appointments {
            both_ways::<Appointments>(appointments);
        }
    }
}

/// The core's source files, with their text.
fn core_sources() -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut out,
    );
    out
}

/// Every type that serde reads or writes has the app's codec too (derived from the
/// same attributes, or written by hand beside a hand-written serde), and this file
/// checks it: a new wire type cannot be left out of either.
#[test]
fn every_wire_type_has_the_codec_and_is_checked_here() {
    let this_file = include_str!("json_codec.rs");
    let mut wire_types = Vec::new();
    for (path, text) in core_sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(name) = line
                .trim_start()
                .strip_prefix("pub struct ")
                .or_else(|| line.trim_start().strip_prefix("pub enum "))
                .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next())
            else {
                continue;
            };
            let attributes: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .take_while(|l| {
                    l.trim_start().starts_with("#[") || l.trim_start().starts_with("///")
                })
                .copied()
                .collect();
            let derives = |what: &str| {
                attributes
                    .iter()
                    .any(|a| a.contains("derive(") && a.contains(what))
            };
            let serde = derives("Serialize") || derives("Deserialize");
            let by_hand = text.contains(&format!("impl FromJson for {name} "));
            if serde && !derives("Wire") && !by_hand {
                panic!("{}: {name} has serde but not derive(Wire)", path.display());
            }
            if derives("Wire") || by_hand {
                wire_types.push(name.to_owned());
            }
        }
    }
    assert!(wire_types.len() > 40, "{wire_types:?}");
    // Each is named in a test above (as a type or a value), above this test.
    let tests_above = &this_file[..this_file.find("fn core_sources").unwrap()];
    let unchecked: Vec<&String> = wire_types
        .iter()
        .filter(|name| {
            !tests_above.match_indices(name.as_str()).any(|(at, _)| {
                let after = tests_above[at + name.len()..].chars().next();
                let before = tests_above[..at].chars().next_back();
                !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
        .collect();
    assert!(
        unchecked.is_empty(),
        "wire types that tests/json_codec.rs never checks: {unchecked:?}"
    );
}
