//! Login as the API sees it: a service that requires identification refuses an
//! application without a session at its level; a read-only prefilled answer is the
//! session's, whatever the request says; a logged-in browser's change needs its CSRF
//! token; a case of an account opens for that account only; a forged or replayed
//! callback starts no session. (The journeys with the real provider: e2e/login.spec.ts.)

mod common;

use common::{log_in, Server};
use rathaus_core::identity::{Assurance, Identity, IdentityAddress};
use serde_json::{json, Value};

fn erika(level: Assurance) -> Identity {
    Identity {
        given_name: Some("Erika".into()),
        family_name: Some("Mustermann".into()),
        birth_date: Some("1964-08-12".into()),
        birth_place: Some("Berlin".into()),
        nationality: Some("DE".into()),
        email: Some("erika@example.org".into()),
        address: Some(IdentityAddress {
            street: "Friedensplatz 1".into(),
            postcode: "44135".into(),
            town: "Dortmund".into(),
            country: "DE".into(),
        }),
        assurance: level,
    }
}

/// A whole Wohnsitzanmeldung whose name and birth date are not the login's.
fn registration(s: &Server) -> Value {
    let file = s
        .upload("bestaetigung.pdf", "application/pdf", common::PDF)
        .1;
    json!({
        "service_id": "wohnsitzanmeldung",
        "service_version": 1,
        "locale": "de",
        "answers": {
            "einzugsdatum": {"day": "1", "month": "11", "year": "2026"},
            "neue_anschrift": {"street": "Friedensplatz 1", "extra": "", "postcode": "44135", "town": "Dortmund"},
            "wohnungsart": "hauptwohnung",
            "zuzug_aus": "inland",
            "bisherige_anschrift": {"street": "Heidestraße 17", "extra": "", "postcode": "51147", "town": "Köln"},
            "bisherige_beibehalten": "no",
            "familienname": "Mallory",
            "vornamen": "Eve",
            "geburtsdatum": {"day": "1", "month": "1", "year": "1990"},
            "geburtsort": "Essen",
            "staatsangehoerigkeit": "deutsch",
            "weitere-personen": [],
            "wohnungsgeberbestaetigung": {"files": [file]},
            "email": "erika@example.org",
            "telefon": "",
        },
    })
}

fn send(s: &Server, key: &str, body: &Value, headers: &[(&str, &str)]) -> (u16, Value) {
    let mut request = ureq::post(&s.url("/api/v1/applications"))
        .set("Idempotency-Key", key)
        .set("Content-Type", "application/json");
    for (name, value) in headers {
        request = request.set(name, value);
    }
    common::response(request.send_string(&body.to_string()))
}

fn stored_answers(s: &Server, case: &str) -> Value {
    let conn = rusqlite::Connection::open(s.data_dir.join("rathaus.sqlite3")).unwrap();
    let text: String = conn
        .query_row(
            "SELECT answers FROM cases WHERE case_number = ?1",
            [case],
            |r| r.get(0),
        )
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_service_that_requires_identification_is_refused_without_a_session_at_its_level() {
    let s = Server::start();
    let body = registration(&s);
    let (status, refused) = send(&s, "anonymous", &body, &[]);
    assert_eq!(
        (status, refused["error"].as_str()),
        (403, Some("identification_required"))
    );
    let (cookie, csrf) = log_in(&s, "max", &erika(Assurance::Substantial));
    let (status, refused) = send(
        &s,
        "too-low",
        &body,
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
    );
    assert_eq!(
        (status, refused["error"].as_str()),
        (403, Some("assurance_too_low"))
    );
    assert_eq!(s.cases(), 0);
}

#[test]
fn read_only_prefilled_answers_are_the_sessions_never_the_requests() {
    let s = Server::start();
    let (cookie, csrf) = log_in(&s, "erika", &erika(Assurance::High));
    let (status, receipt) = send(
        &s,
        "tampered",
        &registration(&s),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
    );
    assert_eq!(status, 201, "{receipt}");
    let case = receipt["case_number"].as_str().unwrap();
    let answers = stored_answers(&s, case);
    assert_eq!(answers["familienname"], "Mustermann");
    assert_eq!(answers["vornamen"], "Erika");
    assert_eq!(
        answers["geburtsdatum"],
        json!({"day": "12", "month": "8", "year": "1964"})
    );
    // An editable prefill stays as the citizen changed it.
    assert_eq!(answers["geburtsort"], "Essen");
}

#[test]
fn a_logged_in_browsers_change_needs_its_csrf_token() {
    let s = Server::start();
    let (cookie, csrf) = log_in(&s, "erika", &erika(Assurance::High));
    let body = registration(&s);
    let (status, refused) = send(&s, "no-token", &body, &[("Cookie", &cookie)]);
    assert_eq!(
        (status, refused["error"].as_str()),
        (403, Some("csrf_failed"))
    );
    let (status, _) = send(
        &s,
        "wrong-token",
        &body,
        &[("Cookie", &cookie), ("X-CSRF-Token", "x")],
    );
    assert_eq!(status, 403);
    assert_eq!(s.cases(), 0);
    let (status, _) = send(
        &s,
        "token",
        &body,
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
    );
    assert_eq!(status, 201);
    // Reading needs no token.
    let (status, session) = common::response(
        ureq::get(&s.url("/api/v1/session"))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(status, 200);
    assert_eq!(session["identity"]["given_name"], "Erika");
    assert_eq!(session["csrf_token"], csrf.as_str());
}

#[test]
fn an_accounts_case_opens_for_that_account_on_any_device_and_for_no_other() {
    let s = Server::start();
    let (erika_cookie, csrf) = log_in(&s, "erika", &erika(Assurance::High));
    let (_, receipt) = send(
        &s,
        "case",
        &registration(&s),
        &[("Cookie", &erika_cookie), ("X-CSRF-Token", &csrf)],
    );
    let case = receipt["case_number"].as_str().unwrap().to_owned();
    let get = |cookie: Option<&str>| {
        let mut request = ureq::get(&s.url(&format!("/api/v1/applications/{case}")));
        if let Some(cookie) = cookie {
            request = request.set("Cookie", cookie);
        }
        common::response(request.call())
    };
    // Another device of the same account: a new session, no access code.
    let (elsewhere, _) = log_in(&s, "erika", &erika(Assurance::High));
    assert_ne!(elsewhere, erika_cookie);
    assert_eq!(get(Some(&elsewhere)).0, 200);
    let (status, list) = common::response(
        ureq::get(&s.url("/api/v1/account/applications"))
            .set("Cookie", &erika_cookie)
            .call(),
    );
    assert_eq!(status, 200);
    assert_eq!(list["applications"][0]["case_number"], case.as_str());
    assert_eq!(
        list["applications"][0]["service_title"]["de"],
        "Wohnsitz anmelden"
    );
    // Another account's session: as unknown as a wrong code.
    let (otto, _) = log_in(&s, "otto", &erika(Assurance::High));
    assert_eq!(get(Some(&otto)).0, 404);
    let (status, list) = common::response(
        ureq::get(&s.url("/api/v1/account/applications"))
            .set("Cookie", &otto)
            .call(),
    );
    assert_eq!(
        (status, list["applications"].as_array().map(Vec::len)),
        (200, Some(0))
    );
    // No session, no code.
    assert_eq!(get(None).0, 401);
}

#[test]
fn logging_out_ends_the_session_and_what_it_held() {
    let s = Server::start();
    let (cookie, csrf) = log_in(&s, "erika", &erika(Assurance::High));
    let answer = common::any_status(
        ureq::post(&s.url("/api/v1/auth/logout"))
            .set("Cookie", &cookie)
            .set("X-CSRF-Token", &csrf)
            .call(),
    );
    assert_eq!(answer.status(), 200);
    let cleared = answer.header("Set-Cookie").unwrap_or_default().to_owned();
    assert!(
        cleared.contains("Max-Age=0") && cleared.contains("HttpOnly"),
        "{cleared}"
    );
    let (_, session) = common::response(
        ureq::get(&s.url("/api/v1/session"))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(session["identity"], Value::Null);
    assert_eq!(session["login_available"], true);
}

#[test]
fn a_session_ends_after_a_while_without_use() {
    let s = Server::start();
    let (cookie, _) = log_in(&s, "erika", &erika(Assurance::High));
    s.advance(31 * 60);
    let (_, session) = common::response(
        ureq::get(&s.url("/api/v1/session"))
            .set("Cookie", &cookie)
            .call(),
    );
    assert_eq!(session["identity"], Value::Null);
}

/// The address a redirect goes to, not followed.
fn redirect(s: &Server, path: &str) -> (u16, String) {
    let answer = common::any_status(
        ureq::builder()
            .redirects(0)
            .build()
            .get(&s.url(path))
            .call(),
    );
    let location = answer.header("Location").unwrap_or_default().to_owned();
    assert!(answer.header("Set-Cookie").is_none(), "{path} set a cookie");
    (answer.status(), location)
}

#[test]
fn a_forged_or_replayed_callback_starts_no_session() {
    let s = Server::start();
    for path in [
        "/api/v1/auth/callback?code=abc&state=forged",
        "/api/v1/auth/callback?code=abc",
        "/api/v1/auth/callback?error=access_denied&state=forged",
    ] {
        assert_eq!(
            redirect(&s, path),
            (303, "/login?failed=expired&return=%2F".to_owned()),
            "{path}"
        );
    }
    // The provider is not there: the login says so and keeps where the citizen was.
    assert_eq!(
        redirect(&s, "/api/v1/auth/login?return=/services/wohnsitzanmeldung"),
        (
            303,
            "/login?failed=unavailable&return=%2Fservices%2Fwohnsitzanmeldung".to_owned()
        )
    );
    // Never back to another site.
    let (_, to) = redirect(&s, "/api/v1/auth/login?return=//evil.example");
    assert!(to.ends_with("return=%2F"), "{to}");
}

#[test]
fn a_draft_kept_for_the_account_is_the_accounts_on_any_device_for_thirty_days() {
    let s = Server::start();
    let (first, csrf) = log_in(&s, "erika", &erika(Assurance::High));
    let draft = json!({"service_version": 1, "answers": {"purpose": "Bewerbung"}, "saved_at": 1});
    let put = |cookie: &str, csrf: &str| {
        common::response(
            ureq::put(&s.url("/api/v1/account/drafts/fuehrungszeugnis"))
                .set("Cookie", cookie)
                .set("X-CSRF-Token", csrf)
                .send_json(draft.clone()),
        )
    };
    let get = |cookie: &str| {
        common::response(
            ureq::get(&s.url("/api/v1/account/drafts/fuehrungszeugnis"))
                .set("Cookie", cookie)
                .call(),
        )
    };
    assert_eq!(put(&first, &csrf).0, 200);
    // Another device of the account finds it; another account does not.
    let (second, second_csrf) = log_in(&s, "erika", &erika(Assurance::High));
    assert_eq!(get(&second), (200, draft.clone()));
    let (otto, _) = log_in(&s, "otto", &erika(Assurance::High));
    assert_eq!(get(&otto).0, 404);
    // "Delete everything" on a device deletes it for the account.
    let (status, deleted) = common::response(
        ureq::delete(&s.url("/api/v1/account/drafts"))
            .set("Cookie", &second)
            .set("X-CSRF-Token", &second_csrf)
            .call(),
    );
    assert_eq!((status, deleted["deleted"].as_u64()), (200, Some(1)));
    assert_eq!(get(&first).0, 404);
    // Kept 30 days after it was last saved, like a draft on the device.
    assert_eq!(put(&first, &csrf).0, 200);
    s.advance(29 * 86_400);
    let (fresh, _) = log_in(&s, "erika", &erika(Assurance::High));
    assert_eq!(get(&fresh).0, 200);
    s.advance(2 * 86_400);
    let (later, _) = log_in(&s, "erika", &erika(Assurance::High));
    assert_eq!(get(&later).0, 404);
}
