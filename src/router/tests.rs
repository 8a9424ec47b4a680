//! Every route reads back from its address; addresses that are no route are not found.

use super::*;

#[test]
fn every_route_reads_back_from_its_address() {
    let routes = [
        Route::Catalogue,
        Route::Wizard(WizardRoute::ServiceStart {
            service: "fuehrungszeugnis".into(),
        }),
        Route::Wizard(WizardRoute::Step {
            service: "fuehrungszeugnis".into(),
            step: "geburt".into(),
            item: None,
            from_check: false,
        }),
        Route::Wizard(WizardRoute::Step {
            service: "fuehrungszeugnis".into(),
            step: "geburt".into(),
            item: None,
            from_check: true,
        }),
        Route::Wizard(WizardRoute::Step {
            service: "hundesteuer".into(),
            step: "hunde".into(),
            item: Some(1),
            from_check: true,
        }),
        Route::Wizard(WizardRoute::Resume {
            service: "fuehrungszeugnis".into(),
        }),
        Route::Wizard(WizardRoute::Check {
            service: "fuehrungszeugnis".into(),
        }),
        Route::Wizard(WizardRoute::Case {
            case_number: "2026-7KQ4-M2XD".into(),
        }),
        Route::Wizard(WizardRoute::PaymentReturn {
            case_number: "2026-7KQ4-M2XD".into(),
        }),
        Route::Wizard(WizardRoute::Status),
        Route::Wizard(WizardRoute::Device),
        Route::Wizard(WizardRoute::Applications),
        Route::Browse(BrowseRoute::Life {
            id: "umzug-wohnen".into(),
        }),
        Route::Browse(BrowseRoute::Area { id: "bauen".into() }),
        Route::Browse(BrowseRoute::Info {
            id: "reisepass".into(),
        }),
        Route::Legal(LegalRoute::Imprint),
        Route::Legal(LegalRoute::Privacy),
        Route::Legal(LegalRoute::Accessibility),
        Route::Legal(LegalRoute::BarrierReport),
    ];
    for route in routes {
        let href = route.href();
        let (path, query) = href.split_once('?').unwrap_or((&href, ""));
        assert_eq!(Route::parse(path, query), route, "{href}");
    }
}

#[test]
fn unknown_addresses_are_not_found() {
    assert_eq!(Route::parse("/services/a/b", ""), Route::NotFound);
    assert_eq!(Route::parse("/admin", ""), Route::NotFound);
    assert_eq!(Route::parse("/services/a/apply/b/c/d", ""), Route::NotFound);
    assert_eq!(Route::parse("//", ""), Route::Catalogue);
    assert_eq!(
        Route::parse("/status/", "?x=1"),
        Route::Wizard(WizardRoute::Status)
    );
    assert_eq!(
        Route::parse("/services/a/apply/b", "?utm=1&from=check"),
        Route::Wizard(WizardRoute::Step {
            service: "a".into(),
            step: "b".into(),
            item: None,
            from_check: true
        })
    );
    assert_eq!(
        Route::parse("/services/a/apply/b/2", ""),
        Route::Wizard(WizardRoute::Step {
            service: "a".into(),
            step: "b".into(),
            item: Some(1),
            from_check: false
        })
    );
    assert_eq!(Route::parse("/services/a/apply/b/0", ""), Route::NotFound);
    assert_eq!(Route::parse("/services/a/apply/b/x", ""), Route::NotFound);
}

#[test]
fn a_failed_login_names_why_and_only_a_page_of_this_app_to_return_to() {
    let parsed = Route::parse(
        "/login",
        "?failed=expired&return=%2Fservices%2Fwohnsitzanmeldung%2Fapply",
    );
    assert_eq!(
        parsed,
        Route::Wizard(WizardRoute::Login {
            failed: Some("expired".into()),
            return_to: Some("/services/wohnsitzanmeldung/apply".into()),
        })
    );
    for elsewhere in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil",
    ] {
        assert_eq!(
            Route::parse("/login", &format!("?return={elsewhere}")),
            Route::Wizard(WizardRoute::Login {
                failed: None,
                return_to: None
            }),
            "{elsewhere}"
        );
    }
    assert_eq!(
        Route::parse("/login", ""),
        Route::Wizard(WizardRoute::Login {
            failed: None,
            return_to: None
        })
    );
    assert_eq!(Route::parse("/login", "").href(), "/login");
}
