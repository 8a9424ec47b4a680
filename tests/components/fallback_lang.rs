//! A service's text without the reader's language is shown in German, and its element
//! says so (`lang="de"`), so that a screen reader pronounces it as German.

use leptos::prelude::*;
use rathaus::components::{RadioOption, Radios, TextInput};
use rathaus::i18n::Said;
use wasm_bindgen_test::*;

use super::{attr, mount};

fn german(text: &str) -> Said {
    Said {
        text: text.to_owned(),
        lang: Some("de"),
    }
}

#[wasm_bindgen_test]
async fn a_german_label_and_hint_carry_their_language() {
    let value = RwSignal::new(String::new());
    let root = mount(move || {
        view! {
            <TextInput
                id="breed"
                label=german("Rasse")
                hint=german("Wie im Impfpass")
                error=Signal::stored(None::<String>)
                value=value
                on_input=move |v: String| value.set(v)
            />
        }
    });
    assert_eq!(attr(&root, "label", "lang").as_deref(), Some("de"));
    assert_eq!(attr(&root, "#breed-hint", "lang").as_deref(), Some("de"));
    // The input itself is the page's language: what the citizen types is theirs.
    assert_eq!(attr(&root, "input", "lang"), None);
}

#[wasm_bindgen_test]
async fn only_the_german_parts_of_a_choice_are_marked() {
    let value = RwSignal::new(String::new());
    let options = vec![
        RadioOption {
            value: "big".into(),
            label: german("Großer Hund"),
            hint: Some(german("Über 40 cm")),
        },
        RadioOption {
            value: "small".into(),
            label: "Small dog".into(),
            hint: None,
        },
    ];
    let root = mount(move || {
        view! {
            <Radios
                id="size"
                legend="How big is the dog?"
                error=Signal::stored(None::<String>)
                options=options
                value=value
                on_change=move |v: String| value.set(v)
            />
        }
    });
    assert_eq!(attr(&root, "legend", "lang"), None);
    assert_eq!(
        attr(&root, "label[for=size]", "lang").as_deref(),
        Some("de")
    );
    assert_eq!(
        attr(&root, "#size-item-hint", "lang").as_deref(),
        Some("de")
    );
    assert_eq!(attr(&root, "label[for=size-2]", "lang"), None);
}

#[wasm_bindgen_test]
async fn a_german_text_in_running_text_gets_a_span() {
    let root = mount(|| {
        view! {
            <p id="mixed">"Fee: " {german("nach Aufwand").view()}</p>
            <p id="plain">"Fee: " {Said::from("by effort").view()}</p>
        }
    });
    assert_eq!(attr(&root, "#mixed span", "lang").as_deref(), Some("de"));
    assert!(root.query_selector("#plain span").unwrap().is_none());
}
