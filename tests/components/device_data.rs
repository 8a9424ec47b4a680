//! The pages that show what is kept on the device: "Meine Anträge" reads each saved
//! application on its own, and the device page asks before deleting and keeps focus.

use leptos::prelude::*;
use rathaus::pages::wizard::{ApplicationsPage, DevicePage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::{document, find, gloo_timers_sleep, mount};

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A saved application as the app writes it.
fn saved(case_number: &str, access_code: &str) -> String {
    format!(
        r#"{{"case_number":"{case_number}","access_code":"{access_code}","service_id":"hundesteuer",
        "service_title":{{"de":"Hundesteuer anmelden","en":"Dog tax"}},"fee":0,
        "submitted_at":"2026-11-26T09:00:00Z","what_happens_next":null}}"#
    )
}

fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn one_damaged_application_hides_none_of_the_others() {
    storage().clear().unwrap();
    let list = format!(
        "[{}, {{\"case_number\": 42}}, {}]",
        saved("2026-AAAA-0001", "K7PQ-M2XD-3RTA"),
        saved("2026-AAAA-0002", "ZZZZ-YYYY-XXXX")
    );
    storage()
        .set_item("rathaus.v1.applications", &list)
        .unwrap();
    let root = mount(|| view! { <ApplicationsPage /> });
    let rows = root
        .inner_html()
        .matches("data-testid=\"my-application\"")
        .count();
    assert_eq!(rows, 2);
    assert!(find(&root, "[data-testid=unreadable]")
        .text_content()
        .unwrap()
        .contains("Ein Eintrag konnte nicht gelesen werden."));
    // The damaged one is kept aside, the others stay as they were.
    let aside: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("rathaus.aside.applications."))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = storage()
        .get_item("rathaus.v1.applications")
        .unwrap()
        .unwrap();
    assert!(kept.contains("2026-AAAA-0001") && kept.contains("2026-AAAA-0002"));
    assert!(!kept.contains("42"));
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_asks_first_and_keeps_focus_in_place() {
    storage().clear().unwrap();
    let list = format!(
        "[{}, {}]",
        saved("2026-AAAA-0001", "K7PQ-M2XD-3RTA"),
        saved("2026-AAAA-0002", "ZZZZ-YYYY-XXXX")
    );
    storage()
        .set_item("rathaus.v1.applications", &list)
        .unwrap();
    let root = mount(|| view! { <DevicePage /> });

    // One tap asks, in place, naming what is lost; focus is on the question.
    click(&root, "#delete-case-2026-AAAA-0001");
    leptos::task::tick().await;
    gloo_timers_sleep(50).await;
    let confirm = find(&root, "#confirm-case-2026-AAAA-0001");
    assert_eq!(focused_id(), "confirm-case-2026-AAAA-0001");
    let text = confirm.text_content().unwrap();
    assert!(text.contains("Ohne Zugangscode können Sie den Antrag nicht mehr verfolgen"));
    assert!(text.contains("K7PQ-M2XD-3RTA"));
    assert!(storage()
        .get_item("rathaus.v1.applications")
        .unwrap()
        .unwrap()
        .contains("2026-AAAA-0001"));

    // "Löschen": gone, and focus on the next row.
    click(&confirm, ".button--warning");
    leptos::task::tick().await;
    gloo_timers_sleep(50).await;
    assert!(root
        .query_selector("#row-case-2026-AAAA-0001")
        .unwrap()
        .is_none());
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&find(&root, "#row-case-2026-AAAA-0002 a"))),
        "focus is on the next row"
    );

    // The last one: focus on the list's heading, never on <body>.
    click(&root, "#delete-case-2026-AAAA-0002");
    leptos::task::tick().await;
    gloo_timers_sleep(50).await;
    click(&root, "#confirm-case-2026-AAAA-0002 .button--warning");
    leptos::task::tick().await;
    gloo_timers_sleep(50).await;
    assert_eq!(focused_id(), "sent-title");
    assert_eq!(
        storage()
            .get_item("rathaus.v1.applications")
            .unwrap()
            .as_deref(),
        Some("[]")
    );
    root.remove();
}
