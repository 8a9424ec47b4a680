//! The office's moves against the status model, and a request's life from asking to answer.

use super::*;
use crate::db::timeline::{open_request, timeline};
use crate::db::NewCase;
use rathaus_core::api::AnswerRequest;
use rathaus_core::fee::Money;

fn db_with_case(dir: &std::path::Path) -> Db {
    let db = Db::open(dir).unwrap();
    db.seed_case(
        "2026-AAAA-BBBB",
        "AAAA-BBBB-CCCC",
        NewCase {
            attachments: &[],
            service_id: "x",
            service_version: 1,
            answers_json: "{}",
            fee: Money(0),
            locale: "de",
            now: Timestamp(1_000),
            account: None,
            from_identity: &[],
        },
    )
    .unwrap();
    db
}

const CASE: &str = "2026-AAAA-BBBB";

fn status(db: &Db) -> CaseStatus {
    status_of(&db.conn(), CASE).unwrap()
}

#[test]
fn the_office_can_only_make_the_moves_of_the_status_model() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_with_case(tmp.path());
    let now = Timestamp(2_000);
    // The seeded case is in review. Every move from every status: allowed ones
    // happen, the rest are refused and change nothing.
    for from in [CaseStatus::InReview] {
        for to in CaseStatus::ALL {
            let result = db.move_case(CASE, to, None, now);
            if to == CaseStatus::ActionNeeded {
                assert!(matches!(result, Err(OfficeError::AskWithQuestion)));
            } else if from.can_move_to(to) {
                assert!(result.is_ok(), "{from:?} → {to:?}");
                break;
            } else {
                assert!(
                    matches!(result, Err(OfficeError::Illegal { .. })),
                    "{from:?} → {to:?}"
                );
                assert_eq!(status(&db), from);
            }
        }
    }
    // InReview → Approved happened (first allowed in ALL order after ActionNeeded).
    assert_eq!(status(&db), CaseStatus::Approved);
    for to in CaseStatus::ALL {
        if to != CaseStatus::Completed {
            assert!(
                db.move_case(CASE, to, None, now).is_err(),
                "approved → {to:?}"
            );
        }
    }
    db.move_case(CASE, CaseStatus::Completed, Some("Erledigt."), now)
        .unwrap();
    for to in CaseStatus::ALL {
        assert!(
            db.move_case(CASE, to, None, now).is_err(),
            "completed → {to:?}"
        );
    }
    assert!(db.ask(CASE, "Noch etwas?", false, now).is_err());
    assert!(matches!(
        db.move_case("2026-ZZZZ-ZZZZ", CaseStatus::InReview, None, now),
        Err(OfficeError::UnknownCase(_))
    ));
    let kinds: Vec<_> = timeline(&db.conn(), CASE)
        .unwrap()
        .into_iter()
        .map(|e| (e.status, e.message))
        .collect();
    assert_eq!(
        kinds.last().unwrap(),
        &(CaseStatus::Completed, Some("Erledigt.".to_owned()))
    );
}

#[test]
fn a_request_is_answered_once_and_moving_on_closes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_with_case(tmp.path());
    let now = Timestamp(2_000);
    assert!(matches!(
        db.ask(CASE, "   ", false, now),
        Err(OfficeError::EmptyMessage)
    ));
    let first = db
        .ask(CASE, "Welche Farbe hat der Hund?", false, now)
        .unwrap();
    assert_eq!(status(&db), CaseStatus::ActionNeeded);
    // One question at a time.
    assert!(db.ask(CASE, "Und wie heißt er?", false, now).is_err());
    db.add_message(CASE, "Wir warten auf Ihre Antwort.", now)
        .unwrap();
    assert_eq!(
        status(&db),
        CaseStatus::ActionNeeded,
        "a message keeps the status"
    );
    let answer = AnswerRequest {
        request_id: first.clone(),
        text: "Braun".into(),
        attachments: vec![],
    };
    assert_eq!(db.answer(CASE, "k1", &answer, now).unwrap(), Answered::Now);
    assert_eq!(status(&db), CaseStatus::InReview);
    assert_eq!(
        db.answer(CASE, "k1", &answer, now).unwrap(),
        Answered::Before
    );
    // The same key with another answer is refused, not taken for the first.
    let other = AnswerRequest {
        text: "Schwarz".into(),
        ..answer.clone()
    };
    assert!(matches!(
        db.answer(CASE, "k1", &other, now),
        Err(OfficeError::KeyReused)
    ));
    assert!(matches!(
        db.answer(CASE, "k2", &answer, now),
        Err(OfficeError::RequestClosed)
    ));
    assert_eq!(open_request(&db.conn(), CASE).unwrap(), None);

    // The office asks again, then moves on without waiting: the request closes.
    let second = db.ask(CASE, "Noch ein Foto, bitte.", true, now).unwrap();
    assert_eq!(open_request(&db.conn(), CASE).unwrap().unwrap().id, second);
    db.move_case(CASE, CaseStatus::InReview, Some("Hat sich erledigt."), now)
        .unwrap();
    assert_eq!(open_request(&db.conn(), CASE).unwrap(), None);
    let late = AnswerRequest {
        request_id: second,
        text: "Hier".into(),
        attachments: vec![],
    };
    assert!(matches!(
        db.answer(CASE, "k3", &late, now),
        Err(OfficeError::RequestClosed)
    ));
    // A file that was never uploaded cannot come with an answer; nothing is kept.
    let third = db.ask(CASE, "Bitte den Vertrag.", true, now).unwrap();
    let ghost = AnswerRequest {
        request_id: third,
        text: String::new(),
        attachments: vec![rathaus_core::FileRef {
            id: "nope".into(),
            name: "x.pdf".into(),
            size: 1,
            media_type: "application/pdf".into(),
        }],
    };
    assert!(matches!(
        db.answer(CASE, "k4", &ghost, now),
        Err(OfficeError::UnknownAttachment(_))
    ));
    assert_eq!(status(&db), CaseStatus::ActionNeeded);
}
