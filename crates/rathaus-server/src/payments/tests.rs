//! Creation, settling and expiry of a case's payments, against a real SQLite file.

use super::*;
use crate::db::NewCase;
use PaymentState::*;

const CASE: &str = "2026-PAYT-0001";
const NINETY_MINUTES: i64 = 90 * 60;

fn db_with_case() -> (tempfile::TempDir, Db) {
    let tmp = tempfile::tempdir().unwrap();
    let db = Db::open(tmp.path()).unwrap();
    db.seed_case(
        CASE,
        "AAAA-BBBB-CCCC",
        NewCase {
            attachments: &[],
            service_id: "fuehrungszeugnis",
            service_version: 1,
            answers_json: "{}",
            fee: Money(1300),
            locale: "de",
            now: Timestamp(1_800_000_000),
            account: None,
            from_identity: &[],
        },
    )
    .unwrap();
    (tmp, db)
}

fn create(db: &Db, request: &str, now: i64) -> Created {
    db.create_payment(
        CASE,
        request,
        "hash of /back",
        Money(1300),
        "/back",
        Timestamp(now),
        NINETY_MINUTES,
    )
    .unwrap()
}

fn new_payment(db: &Db, request: &str, now: i64) -> Payment {
    match create(db, request, now) {
        Created::New(p) => p,
        _ => panic!("expected a new payment"),
    }
}

#[test]
fn the_same_request_or_an_open_payment_gives_that_payment_again() {
    let (_tmp, db) = db_with_case();
    let first = new_payment(&db, "r1", 1_800_000_100);
    assert_eq!((first.state, first.amount), (Initial, Money(1300)));
    assert_eq!(first.events.len(), 1);
    for request in ["r1", "r2"] {
        match create(&db, request, 1_800_000_200) {
            Created::Existing(p) => assert_eq!(p.id, first.id),
            _ => panic!("{request}: expected the open payment"),
        }
    }
    assert_eq!(
        db.payments(CASE, Timestamp(1_800_000_300)).unwrap().len(),
        1
    );
    // The same request id with another request is refused.
    let other = db
        .create_payment(
            CASE,
            "r1",
            "hash of /elsewhere",
            Money(1300),
            "/elsewhere",
            Timestamp(1_800_000_400),
            NINETY_MINUTES,
        )
        .unwrap();
    assert!(matches!(other, Created::KeyReused));
}

#[test]
fn cancelled_then_paid_then_nothing_more_to_pay() {
    let (_tmp, db) = db_with_case();
    let first = new_payment(&db, "r1", 1_800_000_100);
    let cancelled = db
        .settle_payment(&first.id, Canceled, None, None, Timestamp(1_800_000_200))
        .unwrap();
    assert_eq!(cancelled.state, Canceled);
    let second = new_payment(&db, "r2", 1_800_000_300);
    assert_ne!(second.id, first.id);
    let paid = db
        .settle_payment(
            &second.id,
            Payed,
            Some(PaymentMethod::SepaDirectDebit),
            None,
            Timestamp(1_800_000_400),
        )
        .unwrap();
    assert_eq!(
        (paid.state, paid.method),
        (Payed, Some(PaymentMethod::SepaDirectDebit))
    );
    let states: Vec<_> = paid.events.iter().map(|e| e.state).collect();
    assert_eq!(states, [Initial, Payed]);
    assert!(matches!(
        create(&db, "r3", 1_800_000_500),
        Created::AlreadyPaid
    ));
    // The same request as the paid one still answers with it.
    assert!(matches!(create(&db, "r2", 1_800_000_500), Created::Existing(p) if p.state == Payed));
}

#[test]
fn every_move_out_of_a_final_state_is_refused() {
    let (_tmp, db) = db_with_case();
    let mut at = 1_800_000_000;
    for end in [Payed, Canceled, Failed] {
        at += 100;
        let p = new_payment(&db, &format!("r{at}"), at);
        db.settle_payment(&p.id, end, None, Some("test"), Timestamp(at + 1))
            .unwrap();
        for next in PaymentState::ALL {
            let refused = db.settle_payment(&p.id, next, None, None, Timestamp(at + 2));
            assert!(
                matches!(refused, Err(SettleError::Illegal(s)) if s == end),
                "{end:?} -> {next:?}"
            );
        }
        if end == Payed {
            break; // a paid case takes no new payment
        }
    }
    // Back to INITIAL is no move either, nor is an unknown payment.
    let (_tmp2, db2) = db_with_case();
    let p = new_payment(&db2, "x", 1_800_000_100);
    assert!(matches!(
        db2.settle_payment(&p.id, Initial, None, None, Timestamp(1_800_000_200)),
        Err(SettleError::Illegal(Initial))
    ));
    assert!(matches!(
        db2.settle_payment("nope", Payed, None, None, Timestamp(1_800_000_200)),
        Err(SettleError::Unknown)
    ));
}

#[test]
fn an_open_payment_fails_with_timeout_when_its_time_is_up() {
    let (_tmp, db) = db_with_case();
    let p = new_payment(&db, "r1", 1_800_000_000);
    let still = db
        .payment(&p.id, Timestamp(1_800_000_000 + NINETY_MINUTES - 1))
        .unwrap();
    assert_eq!(still.unwrap().state, Initial);
    let late = db
        .payment(&p.id, Timestamp(1_800_000_000 + NINETY_MINUTES))
        .unwrap()
        .unwrap();
    assert_eq!(
        (late.state, late.failure_reason.as_deref()),
        (Failed, Some("timeout"))
    );
    assert_eq!(
        late.events.last().unwrap().reason.as_deref(),
        Some("timeout")
    );
    // Too late to pay it; a new attempt is a new payment.
    assert!(matches!(
        db.settle_payment(&p.id, Payed, None, None, Timestamp(1_800_010_000)),
        Err(SettleError::Illegal(Failed))
    ));
    assert!(matches!(create(&db, "r2", 1_800_010_000), Created::New(_)));
}
