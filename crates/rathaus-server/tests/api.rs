//! The reference backend as a client sees it: a real server on an ephemeral port, a real
//! SQLite file in a temporary folder, plain HTTP.

mod common;

use common::*;
use rathaus_core::api::{ApplicationReceipt, CaseView, ErrorBody, ServiceList};
use rathaus_server::db::Db;
use serde_json::{json, Value};

#[test]
fn catalogue_and_definitions() {
    let s = Server::start();
    let (status, body) = response(ureq::get(&s.url("/api/v1/services")).call());
    assert_eq!(status, 200);
    let list: ServiceList = serde_json::from_value(body).unwrap();
    let fz = list
        .services
        .iter()
        .find(|s| s.id == "fuehrungszeugnis")
        .unwrap();
    assert_eq!(fz.fee.map(|m| m.cents()), Some(1300));
    let (status, body) = response(ureq::get(&s.url("/api/v1/services/fuehrungszeugnis")).call());
    assert_eq!(status, 200);
    assert_eq!(body["steps"][0]["fields"][0]["id"], "kind");
    let (status, body) = response(ureq::get(&s.url("/api/v1/services/nope")).call());
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")));
    let (status, body) = response(ureq::get(&s.url("/api/v1/no-such-endpoint")).call());
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")));
}

#[test]
fn a_valid_application_becomes_a_case_that_its_code_opens() {
    let s = Server::start();
    let (status, body) = s.submit(Some("key-1"), &valid_application());
    assert_eq!(status, 201, "{body}");
    let receipt: ApplicationReceipt = serde_json::from_value(body).unwrap();
    assert_eq!(receipt.fee.cents(), 1300);
    assert!(rathaus_core::case::normalize_case_number(&receipt.case_number).is_some());
    assert_eq!(s.cases(), 1);

    let auth = format!("AccessCode {}", receipt.access_code);
    let (status, body) = s.lookup(&receipt.case_number, Some(&auth));
    assert_eq!(status, 200, "{body}");
    let view: CaseView = serde_json::from_value(body).unwrap();
    assert_eq!(view.case_number, receipt.case_number);
    assert_eq!(view.events.len(), 1);
    assert_eq!(
        view.service_title.get(rathaus_core::Locale::De),
        "Führungszeugnis beantragen"
    );

    // Codes are forgiving of how they are typed.
    let sloppy = format!(
        "accesscode {}",
        receipt.access_code.to_lowercase().replace('-', " ")
    );
    assert_eq!(
        s.lookup(&receipt.case_number.to_lowercase(), Some(&sloppy))
            .0,
        200
    );
}

#[test]
fn wrong_code_and_unknown_case_answer_alike_and_no_code_is_401_for_any_case() {
    let s = Server::start();
    let (_, body) = s.submit(Some("k"), &valid_application());
    let receipt: ApplicationReceipt = serde_json::from_value(body).unwrap();
    let mut wrong = receipt.access_code.clone();
    wrong.replace_range(0..1, if wrong.starts_with('A') { "B" } else { "A" });
    let answers = [
        s.lookup(&receipt.case_number, Some(&format!("AccessCode {wrong}"))),
        s.lookup(
            "2026-AAAA-AAAA",
            Some(&format!("AccessCode {}", receipt.access_code)),
        ),
        s.lookup("not-a-case", Some(&format!("AccessCode {wrong}"))),
    ];
    for a in &answers {
        assert_eq!(a, &answers[0]);
    }
    assert_eq!(answers[0].0, 404);
    // Without a code (none, another scheme, not a code's shape) the answer does not
    // depend on the case either, and says what is missing.
    let without = [
        s.lookup(&receipt.case_number, None),
        s.lookup("2026-AAAA-AAAA", None),
        s.lookup(
            &receipt.case_number,
            Some(&format!("Bearer {}", receipt.access_code)),
        ),
        s.lookup("not-a-case", Some("AccessCode x")),
    ];
    for a in &without {
        assert_eq!(a, &without[0]);
    }
    assert_eq!(without[0].0, 401);
    assert_eq!(without[0].1["error"], "unauthorized");
    let resp = ureq::get(&s.url(&format!("/api/v1/applications/{}", receipt.case_number)))
        .call()
        .unwrap_err();
    let ureq::Error::Status(401, resp) = resp else {
        panic!("expected 401, got {resp:?}")
    };
    assert_eq!(resp.header("WWW-Authenticate"), Some("AccessCode"));
}

#[test]
fn the_same_key_twice_gives_the_same_case_never_a_second() {
    let s = Server::start();
    let (first_status, first) = s.submit(Some("same-key"), &valid_application());
    let (second_status, second) = s.submit(Some("same-key"), &valid_application());
    assert_eq!((first_status, second_status), (201, 200));
    assert_eq!(first, second);
    assert_eq!(s.cases(), 1);
    // A different application under the same key is refused, not merged.
    let mut other = valid_application();
    other["answers"]["city"] = json!("Bonn");
    let (status, body) = s.submit(Some("same-key"), &other);
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("idempotency_key_reused"))
    );
    assert_eq!(s.cases(), 1);
    // A new key is a new case.
    assert_eq!(s.submit(Some("other-key"), &valid_application()).0, 201);
    assert_eq!(s.cases(), 2);
}

#[test]
fn concurrent_retries_with_one_key_make_one_case() {
    let s = Server::start();
    let url = s.url("/api/v1/applications");
    let (cookie, csrf) = common::log_in_high(&s, "racer");
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (url, cookie, csrf) = (url.clone(), cookie.clone(), csrf.clone());
            std::thread::spawn(move || {
                response(
                    ureq::post(&url)
                        .set("Idempotency-Key", "race")
                        .set("Cookie", &cookie)
                        .set("X-CSRF-Token", &csrf)
                        .send_json(valid_application()),
                )
            })
        })
        .collect();
    let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(results.iter().filter(|(st, _)| *st == 201).count(), 1);
    assert!(results.iter().all(|(st, _)| *st == 201 || *st == 200));
    assert!(results
        .iter()
        .all(|(_, b)| b["case_number"] == results[0].1["case_number"]));
    assert_eq!(s.cases(), 1);
}

#[test]
fn invalid_answers_get_field_errors_and_store_nothing() {
    let s = Server::start();
    let mut bad = valid_application();
    bad["answers"]["postcode"] = json!("5114");
    bad["answers"]["birth_date"] = json!({"day": "31", "month": "4", "year": "1990"});
    bad["answers"]
        .as_object_mut()
        .unwrap()
        .remove("family_name");
    let (status, body) = s.submit(Some("k1"), &bad);
    assert_eq!(status, 422);
    let body: ErrorBody = serde_json::from_value(body).unwrap();
    let errors: Vec<_> = body
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.name()))
        .collect();
    assert_eq!(
        errors,
        [
            ("family_name", "required"),
            ("birth_date", "date_invalid"),
            ("postcode", "invalid_postcode")
        ]
    );
    assert_eq!(s.cases(), 0);
    // Nothing was created, so the corrected application may use the same key.
    assert_eq!(s.submit(Some("k1"), &valid_application()).0, 201);
}

#[test]
fn the_fee_is_the_servers_own() {
    let s = Server::start();
    let mut cheap = valid_application();
    cheap["fee"] = json!(1);
    cheap["answers"]["fee"] = json!("1");
    let (status, body) = s.submit(Some("k"), &cheap);
    // An answer to a question the service does not ask is refused…
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "fee");
    // …and a fee sent alongside is ignored.
    cheap["answers"].as_object_mut().unwrap().remove("fee");
    let (status, body) = s.submit(Some("k"), &cheap);
    assert_eq!((status, body["fee"].as_i64()), (201, Some(1300)));
}

#[test]
fn hostile_and_malformed_requests_get_clear_errors() {
    let s = Server::start();
    assert_eq!(s.submit(None, &valid_application()).0, 400);
    assert_eq!(s.submit(Some(""), &valid_application()).0, 400);
    assert_eq!(
        s.submit(Some(&"k".repeat(201)), &valid_application()).0,
        400
    );
    let (status, body) = response(
        ureq::post(&s.url("/api/v1/applications"))
            .set("Idempotency-Key", "k")
            .set("Content-Type", "application/json")
            .send_string("{not json"),
    );
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    let huge = json!({"service_id": "fuehrungszeugnis", "service_version": 1,
                      "answers": {"purpose": "x".repeat(300_000)}});
    let (status, body) = s.submit(Some("k"), &huge);
    assert_eq!(
        (status, body["error"].as_str()),
        (413, Some("payload_too_large"))
    );
    let mut unknown = valid_application();
    unknown["service_id"] = json!("../../etc/passwd");
    assert_eq!(s.submit(Some("k"), &unknown).0, 404);
    let mut script = valid_application();
    script["answers"]["purpose"] = json!("<script>alert(1)</script>");
    // Stored as text (the app escapes on output); never interpreted here.
    assert_eq!(s.submit(Some("k2"), &script).0, 201);
    assert_eq!(s.cases(), 1);
}

#[test]
fn every_response_carries_the_security_headers_that_apply_to_it() {
    let s = Server::start();
    let get = |path: &str| match ureq::get(&s.url(path)).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    // Documents: the page (every app address) and the service worker.
    for path in ["/", "/services/fuehrungszeugnis/apply/art", "/sw.js"] {
        let resp = get(path);
        let csp = resp.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(resp.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(
            resp.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(
            resp.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    // A page the browser has (a reload): the 304's headers replace the kept ones, so
    // they must be the page's.
    let page = get("/services/fuehrungszeugnis");
    let modified = page
        .header("last-modified")
        .expect("a last-modified")
        .to_owned();
    let again = ureq::get(&s.url("/services/fuehrungszeugnis"))
        .set("If-Modified-Since", &modified)
        .call()
        .unwrap();
    assert_eq!(again.status(), 304);
    let csp = again.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    // Everything else may load nothing if opened as a page, and is never sniffed.
    for path in [
        "/api/v1/services",
        "/api/v1/nope",
        "/api/v1/catalogue/overview",
        "/app-0123456789abcdef.js",
    ] {
        let resp = get(path);
        assert_eq!(
            resp.header("content-security-policy"),
            Some("default-src 'none'; frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            resp.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            resp.header("cross-origin-resource-policy"),
            Some("same-origin"),
            "{path}"
        );
    }
}

#[test]
fn app_routes_fall_back_to_the_app_and_built_files_are_cached_forever() {
    let s = Server::start();
    let deep = ureq::get(&s.url("/services/fuehrungszeugnis/check"))
        .call()
        .unwrap();
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.header("cache-control"), Some("no-cache"));
    assert!(deep
        .into_string()
        .unwrap()
        .contains("<title>Rathaus</title>"));
    let asset = ureq::get(&s.url("/app-0123456789abcdef.js"))
        .call()
        .unwrap();
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
}

#[test]
fn a_bad_definition_stops_the_server_from_starting() {
    let tmp = tempfile::tempdir().unwrap();
    let mut def: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("services/fuehrungszeugnis.json")).unwrap(),
    )
    .unwrap();
    def["steps"][1]["show_if"] = json!({"equals": {"field": "kind", "value": "behoerde"}});
    std::fs::write(tmp.path().join("fuehrungszeugnis.json"), def.to_string()).unwrap();
    let err = rathaus_server::catalogue::Catalogue::load(tmp.path())
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains(
            "fuehrungszeugnis.json: steps[1].show_if: 'behoerde' is not an option of 'kind'"
        ),
        "{err}"
    );
    std::fs::write(tmp.path().join("broken.json"), "{").unwrap();
    let err = rathaus_server::catalogue::Catalogue::load(tmp.path())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("broken.json: EOF while parsing"), "{err}");
}

/// A Wohnsitzanmeldung with two further persons (a child under 18) and the landlord's
/// confirmation `file`.
fn move_in(file: Value) -> Value {
    json!({
        "service_id": "wohnsitzanmeldung",
        "service_version": 1,
        "answers": {
            "einzugsdatum": {"day": "2", "month": "11", "year": "2026"},
            "neue_anschrift": {"street": "Markt 1", "extra": "", "postcode": "44135", "town": "Musterstadt"},
            "wohnungsart": "hauptwohnung",
            "zuzug_aus": "ausland",
            "herkunftsstaat": "Österreich",
            "familienname": "Mustermann",
            "vornamen": "Erika",
            "geburtsdatum": {"day": "12", "month": "8", "year": "1984"},
            "geburtsort": "Wien",
            "staatsangehoerigkeit": "oesterreichisch",
            "weitere-personen": [
                {"person_familienname": "Mustermann", "person_vornamen": "Max",
                 "person_geburtsdatum": {"day": "1", "month": "1", "year": "1983"},
                 "person_beziehung": "ehepartner"},
                {"person_familienname": "Mustermann", "person_vornamen": "Lena",
                 "person_geburtsdatum": {"day": "5", "month": "6", "year": "2015"},
                 "person_beziehung": "kind", "person_sorgeberechtigt": "yes"}
            ],
            "wohnungsgeberbestaetigung": {"files": [file]}
        }
    })
}

#[test]
fn an_uploaded_file_is_judged_by_its_content_and_joins_the_case() {
    let s = Server::start();
    let (status, stored) = s.upload("Wohnungsgeberbest%C3%A4tigung.pdf", "application/pdf", PDF);
    assert_eq!(status, 201, "{stored}");
    assert_eq!(stored["type"], "application/pdf");
    assert_eq!(stored["size"], PDF.len());
    assert_eq!(stored["name"], "Wohnungsgeberbestätigung.pdf");
    let id = stored["id"].as_str().unwrap().to_owned();
    assert!(id.len() >= 26, "ids are not guessable: {id}");

    // The app's word on the file does not count: what was recorded does.
    let lying = json!({"id": id, "name": "x.pdf", "size": 1, "type": "application/pdf"});
    let (status, receipt) = s.submit(Some("move-in-1"), &move_in(lying));
    assert_eq!(status, 201, "{receipt}");
    let case = receipt["case_number"].as_str().unwrap();
    let files = Db::open(&s.data_dir)
        .unwrap()
        .case_attachments(case)
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "Wohnungsgeberbestätigung.pdf");
    assert_eq!(files[0].2, PDF);

    // A file belongs to one case: another application cannot claim it.
    let again = json!({"id": id, "name": "x.pdf", "size": 1, "type": "application/pdf"});
    let (status, body) = s.submit(Some("move-in-2"), &move_in(again));
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "wohnungsgeberbestaetigung");
    assert_eq!(body["errors"][0]["code"], "invalid");
}

#[test]
fn files_that_are_not_pdf_or_images_or_too_large_are_refused() {
    let s = Server::start();
    let (status, body) = s.upload(
        "evil.pdf",
        "application/pdf",
        b"<html><script>alert(1)</script>",
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("unsupported_media_type"))
    );
    let (status, body) = s.upload("empty.pdf", "application/pdf", b"");
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    let huge = vec![b'%'; 26 * 1024 * 1024];
    let (status, _) = s.upload("huge.pdf", "application/pdf", &huge);
    assert_eq!(status, 413);
    // A name with a path and control characters keeps only its printable last part.
    let (status, stored) = s.upload("..%2F..%2Fetc%2Fpasswd%0A.png", "image/png", PNG);
    assert_eq!(status, 201);
    assert_eq!(stored["name"], "passwd.png");
    assert_eq!(stored["type"], "image/png");
}

#[test]
fn a_file_over_the_questions_limit_is_refused_on_submit() {
    let s = Server::start();
    // Bauantrag accepts only PDF for the site plan: a PNG is refused by the rule of
    // the question, whatever the app claimed its type was.
    let (_, png) = s.upload("plan.png", "image/png", PNG);
    let claimed_pdf =
        json!({"id": png["id"], "name": "plan.pdf", "size": 8, "type": "application/pdf"});
    let (status, body) = s.submit(
        Some("bau-1"),
        &json!({
            "service_id": "bauantrag",
            "service_version": 1,
            "answers": {"lageplan": {"files": [claimed_pdf]}}
        }),
    );
    assert_eq!(status, 422);
    let errors = body["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["field"] == "lageplan" && e["code"] == "file_type"),
        "{body}"
    );
    // An id that was never uploaded.
    let (status, body) = s.submit(
        Some("bau-2"),
        &json!({
            "service_id": "bauantrag",
            "service_version": 1,
            "answers": {"lageplan": {"files": [{"id": "nope", "name": "a.pdf", "size": 1, "type": "application/pdf"}]}}
        }),
    );
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("lageplan"))
    );
}

#[test]
fn errors_inside_a_group_name_the_item_and_the_fee_follows_the_groups() {
    let s = Server::start();
    let (_, stored) = s.upload("wgb.pdf", "application/pdf", PDF);
    let mut app = move_in(stored.clone());
    // The child's parental responsibility is asked (under 18) but missing.
    app["answers"]["weitere-personen"][1]
        .as_object_mut()
        .unwrap()
        .remove("person_sorgeberechtigt");
    let (status, body) = s.submit(Some("group-1"), &app);
    assert_eq!(status, 422);
    assert_eq!(
        body["errors"][0]["field"],
        "weitere-personen.1.person_sorgeberechtigt"
    );
    assert_eq!(body["errors"][0]["code"], "required");
    assert_eq!(s.cases(), 0);

    // Dog tax: 96 € + 132 € and 504 € for the listed breed, computed by the server.
    let (status, receipt) = s.submit(
        Some("dogs-1"),
        &json!({
            "service_id": "hundesteuer",
            "service_version": 1,
            "answers": {
                "familienname": "Mustermann", "vornamen": "Erika",
                "geburtsdatum": {"day": "12", "month": "8", "year": "1964"},
                "anschrift": {"street": "Markt 1", "extra": "", "postcode": "44135", "town": "Musterstadt"},
                "hunde": [
                    {"hundename": "Bello", "rasse": "labrador", "haltung_seit": {"day": "1", "month": "3", "year": "2024"}},
                    {"hundename": "Rex", "rasse": "bullterrier", "haltung_seit": {"day": "1", "month": "3", "year": "2025"},
                     "erlaubnis": {"files": [stored]}, "versichert": "yes"}
                ]
            },
            "fee": 1
        }),
    );
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["fee"], 9600 + 13200 + 50400);
}

#[test]
fn every_shipped_service_is_served_with_english_texts() {
    let s = Server::start();
    let (_, body) = response(ureq::get(&s.url("/api/v1/services")).call());
    let list: ServiceList = serde_json::from_value(body).unwrap();
    let ids: Vec<&str> = list.services.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "fuehrungszeugnis",
        "wohnsitzanmeldung",
        "bauantrag",
        "bewohnerparkausweis",
        "hundesteuer",
        "maengelmelder",
        "gewerbeanmeldung",
        "sperrmuell",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
        let (status, def) = response(ureq::get(&s.url(&format!("/api/v1/services/{id}"))).call());
        assert_eq!(status, 200);
        // Every text of the definition has an English version.
        fn check(v: &Value, path: &str) {
            match v {
                Value::Object(map) if map.contains_key("de") => {
                    assert!(
                        map.get("en")
                            .and_then(Value::as_str)
                            .is_some_and(|t| !t.is_empty()),
                        "{path} has no English text"
                    );
                }
                Value::Object(map) => map
                    .iter()
                    .for_each(|(k, v)| check(v, &format!("{path}.{k}"))),
                Value::Array(list) => list
                    .iter()
                    .enumerate()
                    .for_each(|(i, v)| check(v, &format!("{path}[{i}]"))),
                _ => {}
            }
        }
        check(&def, id);
    }
}

// Payments: the amount from the backend, idempotent creation, the test provider's
// round trip without an outcome in the URL, the state read from the backend.

/// The provider's form, as a browser posts it; the answer is not followed.
fn provider_report(s: &Server, redirect_url: &str, form: &str) -> (u16, Option<String>) {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let resp = match agent
        .post(&s.url(redirect_url))
        .set("Content-Type", "application/x-www-form-urlencoded")
        .send_string(form)
    {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    (resp.status(), resp.header("Location").map(str::to_owned))
}

#[test]
fn pay_through_the_test_provider_and_read_the_outcome_from_the_backend() {
    let s = Server::start();
    let (case, auth) = paid_service_case(&s);
    let (status, payment) = create_payment(&s, &case, &auth, "pay-1", "/payment/return");
    assert_eq!(status, 201, "{payment}");
    assert_eq!(payment["state"], "INITIAL");
    assert_eq!(
        payment["amount"], 1300,
        "the backend's own fee for the case"
    );
    assert!(payment["purpose"]["de"].as_str().unwrap().contains(&case));
    let redirect = payment["redirect_url"].as_str().unwrap().to_owned();
    assert_eq!(
        redirect,
        format!(
            "/test-provider/payments/{}",
            payment["id"].as_str().unwrap()
        )
    );

    // The same request again, or another while one is open: that payment, not a second.
    for key in ["pay-1", "pay-2"] {
        let (status, again) = create_payment(&s, &case, &auth, key, "/payment/return");
        assert_eq!((status, &again["id"]), (200, &payment["id"]), "{key}");
    }

    // The provider's page, clearly a test, with amount and purpose.
    let page = ureq::get(&s.url(&redirect))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(page.contains("TEST-ZAHLUNGSANBIETER"));
    assert!(page.contains("13,00"));
    assert!(page.contains(&case));

    let (status, location) = provider_report(&s, &redirect, "method=paypal&action=pay");
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some("/payment/return"),
        "no outcome in the return URL"
    );

    let id = payment["id"].as_str().unwrap();
    let (status, paid) = get_json(
        &s,
        &format!("/api/v1/applications/{case}/payments/{id}"),
        &auth,
    );
    assert_eq!(status, 200);
    assert_eq!(paid["state"], "PAYED");
    assert_eq!(paid["method"], "paypal");
    assert!(
        paid.get("redirect_url").is_none(),
        "nowhere to pay any more"
    );
    let states: Vec<_> = paid["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["state"].clone())
        .collect();
    assert_eq!(states, [json!("INITIAL"), json!("PAYED")]);

    // Paid: no new payment, and the provider cannot change it any more.
    let (status, body) = create_payment(&s, &case, &auth, "pay-3", "/payment/return");
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("already_paid"))
    );
    let (status, _) = provider_report(&s, &redirect, "action=cancel");
    assert_eq!(status, 409);
    let (status, list) = get_json(&s, &format!("/api/v1/applications/{case}/payments"), &auth);
    assert_eq!(status, 200);
    assert_eq!(list["payments"].as_array().unwrap().len(), 1);
}

#[test]
fn cancelled_then_paid_with_a_new_payment() {
    let s = Server::start();
    let (case, auth) = paid_service_case(&s);
    let (_, first) = create_payment(&s, &case, &auth, "a", "/back");
    let (status, _) = provider_report(&s, first["redirect_url"].as_str().unwrap(), "action=cancel");
    assert_eq!(status, 303);
    let (status, second) = create_payment(&s, &case, &auth, "b", "/back");
    assert_eq!(status, 201);
    assert_ne!(second["id"], first["id"]);
    let (status, _) = provider_report(&s, second["redirect_url"].as_str().unwrap(), "action=fail");
    assert_eq!(status, 303);
    let (_, list) = get_json(&s, &format!("/api/v1/applications/{case}/payments"), &auth);
    let states: Vec<_> = list["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["state"].clone())
        .collect();
    assert_eq!(states, [json!("CANCELED"), json!("FAILED")]);
}

#[test]
fn payments_need_the_access_code_a_local_return_address_and_a_fee() {
    let s = Server::start();
    let (case, auth) = paid_service_case(&s);
    let (status, _) = create_payment(&s, &case, "AccessCode AAAA-BBBB-CCCC", "k", "/back");
    assert_eq!(status, 404, "a wrong code learns nothing");
    let (status, _) = get_json(
        &s,
        &format!("/api/v1/applications/{case}/payments"),
        "AccessCode AAAA-BBBB-CCCC",
    );
    assert_eq!(status, 404);
    for bad in [
        "https://evil.example/",
        "//evil.example/x",
        "back",
        "/\\evil",
    ] {
        let (status, _) = create_payment(&s, &case, &auth, "k", bad);
        assert_eq!(status, 400, "{bad}");
    }
    let (status, _) = provider_report(
        &s,
        "/test-provider/payments/nope",
        "action=pay&method=credit_card",
    );
    assert_eq!(status, 404);
}

#[test]
fn an_open_payment_expires_after_the_configured_time() {
    let s = Server::start_configured(repo().join("services"), |c| c.payment_seconds = 0);
    let (case, auth) = paid_service_case(&s);
    let (status, payment) = create_payment(&s, &case, &auth, "k", "/back");
    assert_eq!(status, 201);
    let id = payment["id"].as_str().unwrap();
    let (_, read) = get_json(
        &s,
        &format!("/api/v1/applications/{case}/payments/{id}"),
        &auth,
    );
    assert_eq!(
        (read["state"].as_str(), read["failure_reason"].as_str()),
        (Some("FAILED"), Some("timeout"))
    );
    let (status, _) = provider_report(
        &s,
        &format!("/test-provider/payments/{id}"),
        "action=pay&method=credit_card",
    );
    assert_eq!(status, 409, "too late to pay");
}

#[test]
fn the_office_asks_for_a_document_and_the_citizen_answers_once() {
    use rathaus_core::api::EventKind;
    use rathaus_core::case::CaseStatus;
    let s = Server::start();
    let (case, auth) = paid_service_case(&s);
    let office = Db::open(&s.data_dir).unwrap();
    let now = rathaus_server::clock::now();
    office
        .move_case(
            &case,
            CaseStatus::InReview,
            Some("Wir prüfen Ihren Antrag."),
            now,
        )
        .unwrap();
    let request = office
        .ask(
            &case,
            "Bitte senden Sie uns eine Kopie Ihres Ausweises.",
            true,
            now,
        )
        .unwrap();
    let (status, body) = s.lookup(&case, Some(&auth));
    assert_eq!(status, 200);
    let view: CaseView = serde_json::from_value(body).unwrap();
    assert_eq!(view.status, CaseStatus::ActionNeeded);
    let open = view.open_request.expect("an open request");
    assert_eq!(open.id, request);
    assert!(open.wants_document);
    let kinds: Vec<_> = view.events.iter().map(|e| (e.status, e.kind)).collect();
    assert_eq!(
        kinds,
        [
            (CaseStatus::Received, EventKind::Status),
            (CaseStatus::InReview, EventKind::Status),
            (CaseStatus::ActionNeeded, EventKind::Request),
        ]
    );

    // The office wants a document: text alone is refused, next to the field.
    let (status, body) = answer(
        &s,
        &case,
        &auth,
        "a1",
        json!({"request_id": request, "text": "Kommt per Post"}),
    );
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "attachments");
    assert_eq!(body["errors"][0]["code"], "required");
    // Someone else's code answers nothing.
    let (status, _) = answer(
        &s,
        &case,
        "AccessCode AAAA-AAAA-AAAA",
        "a1",
        json!({"request_id": request}),
    );
    assert_eq!(status, 404);

    let (_, file) = s.upload("ausweis.pdf", "application/pdf", PDF);
    let body = json!({"request_id": request, "text": "Anbei die Kopie.", "attachments": [file]});
    let (status, after) = answer(&s, &case, &auth, "a2", body.clone());
    assert_eq!(status, 200, "{after}");
    let view: CaseView = serde_json::from_value(after.clone()).unwrap();
    assert_eq!(view.status, CaseStatus::InReview);
    assert_eq!(view.open_request, None);
    let last = view.events.last().unwrap();
    assert_eq!(last.kind, EventKind::Answer);
    assert_eq!(last.message.as_deref(), Some("Anbei die Kopie."));
    assert_eq!(last.attachments, ["ausweis.pdf"]);
    assert_eq!(office.case_attachments(&case).unwrap().len(), 1);

    // The same answer again (a retry): the same case, nothing doubled.
    let (status, again) = answer(&s, &case, &auth, "a2", body);
    assert_eq!(status, 200);
    assert_eq!(again, after);
    // Another answer to the closed request is refused.
    let (status, body) = answer(
        &s,
        &case,
        &auth,
        "a3",
        json!({"request_id": request, "text": "Noch etwas"}),
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("request_closed"))
    );
}

#[test]
fn wrong_codes_are_refused_for_a_while_per_case_and_per_client() {
    let s = Server::start_configured(repo().join("services"), |c| {
        c.attempts_per_case = 3;
        c.attempts_per_client = 6;
    });
    let (case, auth) = paid_service_case(&s);
    let (_, other) = s.submit(Some("other"), &valid_application());
    let other_case = other["case_number"].as_str().unwrap().to_owned();
    let other_auth = format!("AccessCode {}", other["access_code"].as_str().unwrap());
    let wrong = "AccessCode AAAA-AAAA-AAAA";
    for _ in 0..3 {
        assert_eq!(s.lookup(&case, Some(wrong)).0, 404);
    }
    // Now even the right code waits, and the answer says how long.
    let resp = match ureq::get(&s.url(&format!("/api/v1/applications/{case}")))
        .set("Authorization", &auth)
        .call()
    {
        Err(ureq::Error::Status(429, r)) => r,
        other => panic!("expected 429, got {other:?}"),
    };
    let wait: u64 = resp.header("Retry-After").unwrap().parse().unwrap();
    assert!((1..=900).contains(&wait), "{wait}");
    assert_eq!(
        resp.into_json::<Value>().unwrap()["error"],
        "too_many_requests"
    );
    // Paying counts the same door.
    assert_eq!(create_payment(&s, &case, &auth, "p", "/x").0, 429);
    // An unknown case is treated exactly like a known one.
    for _ in 0..3 {
        assert_eq!(s.lookup("2026-AAAA-AAAA", Some(wrong)).0, 404);
    }
    // That made 6 wrong attempts from this client: its other cases wait too.
    assert_eq!(s.lookup(&other_case, Some(&other_auth)).0, 429);
}

#[test]
fn the_whole_catalogue_is_served_and_its_wizards_exist() {
    let s = Server::start();
    let resp = ureq::get(&s.url("/api/v1/catalogue")).call().unwrap();
    assert_eq!(resp.header("Cache-Control"), Some("no-cache"));
    let catalogue: rathaus_core::catalogue::Catalogue = resp.into_json().unwrap();
    assert!(
        catalogue.services.len() >= 200,
        "{}",
        catalogue.services.len()
    );
    assert!(catalogue.life_situations.len() >= 10);
    let (_, list) = response(ureq::get(&s.url("/api/v1/services")).call());
    let list: ServiceList = serde_json::from_value(list).unwrap();
    for entry in catalogue.services.iter().filter(|e| e.wizard.is_some()) {
        let wizard = entry.wizard.as_deref().unwrap();
        let summary = list.services.iter().find(|s| s.id == wizard);
        assert!(summary.is_some(), "{} links to {wizard}", entry.id);
        // The entry's fee is the one its wizard charges, in the same words.
        if let Some(fee) = summary.and_then(|s| s.fee).filter(|f| f.cents() > 0) {
            let de = rathaus_core::text::Locale::De;
            assert_eq!(
                entry.fee.get(de),
                rathaus_core::format::money(fee, de),
                "{}",
                entry.id
            );
        }
    }
    // Every definition has its place in the catalogue.
    for definition in &list.services {
        assert!(
            catalogue
                .services
                .iter()
                .any(|e| e.wizard.as_deref() == Some(definition.id.as_str())),
            "{} is not in the catalogue",
            definition.id
        );
    }
}

#[test]
fn the_front_page_overview_is_the_catalogues_and_a_client_that_has_it_gets_a_304() {
    let s = Server::start();
    let catalogue: rathaus_core::catalogue::Catalogue = ureq::get(&s.url("/api/v1/catalogue"))
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    for path in ["/api/v1/catalogue/overview", "/api/v1/catalogue"] {
        let first = ureq::get(&s.url(path))
            .set("Accept-Encoding", "br")
            .call()
            .unwrap();
        assert_eq!(first.header("content-encoding"), Some("br"), "{path}");
        let tag = first.header("etag").expect("an etag").to_owned();
        let again = ureq::get(&s.url(path))
            .set("Accept-Encoding", "br")
            .set("If-None-Match", &tag)
            .call()
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.into_string().unwrap(), "");
        // Another encoding is other bytes: not the same version.
        let gzip = ureq::get(&s.url(path))
            .set("Accept-Encoding", "gzip")
            .set("If-None-Match", &tag)
            .call()
            .unwrap();
        assert_eq!(gzip.status(), 200, "{path}");
        assert_eq!(gzip.header("content-encoding"), Some("gzip"), "{path}");
    }
    let overview: rathaus_core::catalogue::Overview =
        ureq::get(&s.url("/api/v1/catalogue/overview"))
            .call()
            .unwrap()
            .into_json()
            .unwrap();
    // The same topics, counts and wizards; the overview has only the reader's texts.
    let names = |o: &rathaus_core::catalogue::Overview| -> Vec<(String, u32, String)> {
        o.life_situations
            .iter()
            .chain(&o.categories)
            .map(|t| {
                (
                    t.id.clone(),
                    t.count,
                    t.name.get(rathaus_core::Locale::De).to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(names(&overview), names(&catalogue.overview()));
    let online = |o: &rathaus_core::catalogue::Overview| -> Vec<String> {
        o.online.iter().map(|e| e.id.clone()).collect()
    };
    assert_eq!(online(&overview), online(&catalogue.overview()));
    assert!(!overview.online.is_empty());
}

/// The catalogue in the reader's language: its texts, German as every text's fallback,
/// English in the whole catalogue (searched), and the reader's own keywords.
#[test]
fn the_catalogue_comes_in_the_readers_language() {
    let s = Server::start();
    let get = |path: &str| -> serde_json::Value {
        ureq::get(&s.url(path)).call().unwrap().into_json().unwrap()
    };
    let languages = |text: &serde_json::Value| -> Vec<String> {
        text.as_object().unwrap().keys().cloned().collect()
    };
    let german = get("/api/v1/catalogue/overview");
    assert_eq!(languages(&german["life_situations"][0]["name"]), ["de"]);
    let turkish = get("/api/v1/catalogue/overview?lang=tr");
    // Only the reader's text where there is one: German stands in for a missing one.
    assert_eq!(languages(&turkish["life_situations"][0]["name"]), ["tr"]);
    let catalogue = get("/api/v1/catalogue?lang=ar");
    let dog = catalogue["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "hundesteuer")
        .unwrap();
    assert_eq!(languages(&dog["name"]), ["ar", "de", "en"]);
    // A wizard's entry is named and summarised by its definition, in the reader's
    // language as the wizard's own start page is.
    let definition = get("/api/v1/services/hundesteuer");
    for text in ["name", "summary"] {
        let from = if text == "name" { "title" } else { text };
        assert_eq!(dog[text]["ar"], definition[from]["ar"], "{text}");
        assert_eq!(dog[text]["de"], definition[from]["de"], "{text}");
    }
    assert_eq!(languages(&dog["keywords_by_language"]), ["ar"]);
    assert!(dog["keywords"].as_array().unwrap().contains(&"Hund".into()));
    // A region's tag is its language's; a language the app does not have is refused.
    let english = get("/api/v1/catalogue/overview?lang=en-GB");
    assert_eq!(languages(&english["categories"][0]["name"]), ["en"]);
    let unknown = ureq::get(&s.url("/api/v1/catalogue?lang=xx")).call();
    assert!(
        matches!(unknown, Err(ureq::Error::Status(400, _))),
        "{unknown:?}"
    );
}

/// Why the city's catalogue in `dir` was not loaded (it must not load).
fn catalogue_refused(
    dir: &std::path::Path,
    wizards: &rathaus_server::catalogue::Catalogue,
) -> String {
    rathaus_server::catalogue::load_city_catalogue(dir, wizards, None)
        .expect_err("the catalogue is refused")
        .to_string()
}

#[test]
fn a_bad_catalogue_stops_the_server_from_starting() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("services")).unwrap();
    std::fs::copy(
        repo().join("catalogue/topics.json"),
        tmp.path().join("topics.json"),
    )
    .unwrap();
    let entry = |id: &str, category: &str, wizard: &str| {
        json!({
            "id": id, "name": {"de": "Etwas", "en": "Something"},
            "summary": {"de": "Text", "en": "Text"}, "category": category,
            "life_situations": ["tiere"], "channel": "wizard", "wizard": wizard,
            "fee": {"de": "kostenlos", "en": "free"}, "office": {"de": "Amt", "en": "Office"}
        })
    };
    std::fs::write(
        tmp.path().join("services/neu.json"),
        json!([
            entry("hund-zwei", "steuern", "hundesteuer"),
            entry("hund-zwei", "gibt-es-nicht", "katzensteuer"),
            // The wizard's own entry with copies of what its definition says.
            entry("hundesteuer", "steuern", "hundesteuer"),
        ])
        .to_string(),
    )
    .unwrap();
    let wizards = rathaus_server::catalogue::Catalogue::load(&repo().join("services")).unwrap();
    let err = catalogue_refused(tmp.path(), &wizards);
    for expected in [
        "hund-zwei: the id is used twice",
        "hund-zwei: unknown category 'gibt-es-nicht'",
        "hund-zwei: no service definition 'katzensteuer'",
        "hundesteuer: name: the entry of the wizard 'hundesteuer' takes its name from the \
         definition's title: leave it out here",
        "hundesteuer: fee: the wizard 'hundesteuer' works its fee out, so the entry says \
         what its definition says: leave the fee out here",
    ] {
        assert!(err.contains(expected), "{expected} in {err}");
    }
    std::fs::write(tmp.path().join("services/kaputt.json"), "[{").unwrap();
    let err = catalogue_refused(tmp.path(), &wizards);
    assert!(err.contains("kaputt.json"), "{err}");
    std::fs::write(tmp.path().join("offices.json"), r#"[{"id": "amt"}]"#).unwrap();
    let err = catalogue_refused(tmp.path(), &wizards);
    assert!(err.contains("offices.json: missing field"), "{err}");
}

#[test]
fn an_in_person_service_without_an_office_stops_the_server_from_starting() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("services")).unwrap();
    for file in ["topics.json", "offices.json"] {
        std::fs::copy(repo().join("catalogue").join(file), tmp.path().join(file)).unwrap();
    }
    let entry = |id: &str, offices: &[&str]| {
        json!({
            "id": id, "name": {"de": "Etwas", "en": "Something"},
            "summary": {"de": "Text", "en": "Text"}, "category": "buergerdienste",
            "life_situations": ["tiere"], "channel": "in_person", "offices": offices,
            "fee": {"de": "kostenlos", "en": "free"}, "office": {"de": "Amt", "en": "Office"}
        })
    };
    std::fs::write(
        tmp.path().join("services/neu.json"),
        json!([
            entry("ohne-amt", &[]),
            entry("falsches-amt", &["rathaus-mond"]),
            entry("richtig", &["buergerbuero-mitte"]),
        ])
        .to_string(),
    )
    .unwrap();
    let wizards = rathaus_server::catalogue::Catalogue::load(&repo().join("services")).unwrap();
    let err = catalogue_refused(tmp.path(), &wizards);
    for expected in [
        "ohne-amt: channel 'in_person' needs 'offices'",
        "falsches-amt: unknown office 'rathaus-mond'",
    ] {
        assert!(err.contains(expected), "{expected} in {err}");
    }
    assert!(!err.contains("richtig:"), "{err}");
}
