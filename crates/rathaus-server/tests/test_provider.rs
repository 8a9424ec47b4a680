//! The reference backend's test payment provider as a browser sees it: a page labelled
//! as a test, styled by its own stylesheet (the page's policy admits no inline style),
//! offering the methods the backend models, each of which pays.

mod common;

use common::*;

/// An open payment of a new Führungszeugnis case: the case's `Authorization`, the
/// payment's id and the provider page's path.
fn open_payment(s: &Server, key: &str) -> (String, String, String, String) {
    let (status, receipt) = s.submit(Some(key), &valid_application());
    assert_eq!(status, 201, "{receipt}");
    let case = receipt["case_number"].as_str().unwrap().to_owned();
    let auth = format!("AccessCode {}", receipt["access_code"].as_str().unwrap());
    let (status, payment) = create_payment(s, &case, &auth, key, "/back");
    assert_eq!(status, 201, "{payment}");
    let id = payment["id"].as_str().unwrap().to_owned();
    let page = payment["redirect_url"].as_str().unwrap().to_owned();
    (case, auth, id, page)
}

fn post_form(s: &Server, path: &str, form: &str) -> u16 {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    any_status(
        agent
            .post(&s.url(path))
            .set("Content-Type", "application/x-www-form-urlencoded")
            .send_string(form),
    )
    .status()
}

const METHODS: [&str; 5] = [
    "credit_card",
    "paypal",
    "sepa_direct_debit",
    "wallet",
    "wero",
];

#[test]
fn the_page_is_a_labelled_test_page_with_its_own_stylesheet() {
    let s = Server::start();
    let (_, _, _, path) = open_payment(&s, "page");
    let resp = ureq::get(&s.url(&path)).call().unwrap();
    let csp = resp.header("content-security-policy").unwrap().to_owned();
    assert!(csp.contains("style-src 'self'"), "{csp}");
    let page = resp.into_string().unwrap();

    assert!(page.contains("<html lang=\"de\">"));
    assert!(page.contains("<title>Bezahlen – Test-Zahlungsanbieter</title>"));
    assert!(page.contains("<h1>Bezahlen</h1>"));
    assert!(page.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
    assert!(page.contains("TEST-ZAHLUNGSANBIETER"));
    assert!(page.contains("kein echtes Geld"));
    assert!(page.contains("<span lang=\"en\">Test payment provider – no real money"));
    // Styled from its own route, so the policy allows it; no inline style anywhere.
    assert!(page.contains("<link rel=\"stylesheet\" href=\"/test-provider/style.css\">"));
    assert!(!page.contains("<style") && !page.contains("style=\""));

    // Every method a radio with a label of its own, the first one chosen.
    for method in METHODS {
        assert!(
            page.contains(&format!(
                "id=\"method-{method}\" name=\"method\" value=\"{method}\""
            )),
            "{method}"
        );
        assert!(
            page.contains(&format!("<label for=\"method-{method}\">")),
            "{method}"
        );
    }
    assert!(page.contains("value=\"credit_card\" checked>"));
    assert_eq!(page.matches("type=\"radio\"").count(), METHODS.len());
    assert!(page.contains("<legend>Zahlungsart</legend>"));
    // Discontinued in 2024: not offered.
    assert!(!page.to_lowercase().contains("giropay"));
    for button in [
        "Jetzt bezahlen (Test)",
        "Abbrechen",
        "Zahlung scheitern lassen (Test)",
    ] {
        assert!(page.contains(&format!("{button}</button>")), "{button}");
    }
}

#[test]
fn the_stylesheet_shows_focus_and_fits_a_small_screen() {
    let s = Server::start();
    let resp = ureq::get(&s.url("/test-provider/style.css"))
        .call()
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(resp.header("x-content-type-options"), Some("nosniff"));
    let css = resp.into_string().unwrap();
    assert!(css.contains(":focus-visible"));
    assert!(css.contains("@media (max-width:"));
}

#[test]
fn every_offered_method_pays_and_a_withdrawn_one_is_refused() {
    let s = Server::start();
    for method in METHODS {
        let (case, auth, id, path) = open_payment(&s, method);
        assert_eq!(
            post_form(&s, &path, &format!("action=pay&method={method}")),
            303,
            "{method}"
        );
        let (_, paid) = get_json(
            &s,
            &format!("/api/v1/applications/{case}/payments/{id}"),
            &auth,
        );
        assert_eq!(
            (paid["state"].as_str(), paid["method"].as_str()),
            (Some("PAYED"), Some(method))
        );
    }
    let (_, _, _, path) = open_payment(&s, "giro");
    assert_eq!(post_form(&s, &path, "action=pay&method=giropay"), 400);
}

#[test]
fn a_finished_payment_says_so_on_the_same_styled_page() {
    let s = Server::start();
    let (_, _, _, path) = open_payment(&s, "done");
    assert_eq!(post_form(&s, &path, "action=cancel&method=paypal"), 303);
    let page = ureq::get(&s.url(&path))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(page.contains("<h1>Diese Zahlung ist abgeschlossen (CANCELED)</h1>"));
    assert!(page.contains("href=\"/back\""));
    assert!(page.contains("href=\"/test-provider/style.css\""));
    assert!(!page.contains("<form"));
}
