//! The field components in a real browser (headless Chromium via wasm-bindgen-test):
//! the accessibility wiring each one promises, and that typing reaches the answers.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rathaus::components::{
    Checkbox, DateInput, ErrorSummary, RadioOption, Radios, SummaryError, TextInput, TextInputKind,
};
use rathaus::i18n::I18n;
use rathaus::wizard::question::Question;
use rathaus_core::{Answer, Answers, DateInput as DateParts, ErrorCode, Field, FieldError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "components/device_data.rs"]
mod device_data;
#[path = "components/fallback_lang.rs"]
mod fallback_lang;
#[path = "components/task.rs"]
mod task;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts `view` in a fresh container, with the app's context, and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    // The wizard's and legal pages' German texts, which the app loads with their code.
    for json in [
        include_str!("../public/i18n/de.wizard.json"),
        include_str!("../public/i18n/de.legal.json"),
    ] {
        let texts: Vec<String> = rathaus_core::json::from_str(json).unwrap();
        assert!(rathaus::i18n::keep_texts(rathaus_core::Locale::De, texts));
    }
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        provide_context(I18n::new());
        view()
    });
    handle.forget();
    container
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

fn type_into(input: &Element, text: &str) {
    let input: HtmlInputElement = input.clone().unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn text_input_wires_label_hint_and_error() {
    let error = RwSignal::new(None::<String>);
    let value = RwSignal::new(String::new());
    let root = mount(move || {
        view! {
            <TextInput
                id="family_name"
                label="Familienname"
                hint="Wie im Ausweis"
                error=error
                value=value
                on_input=move |v: String| value.set(v)
                autocomplete="family-name"
            />
        }
    });
    assert_eq!(attr(&root, "label", "for").as_deref(), Some("family_name"));
    assert_eq!(
        find(&root, "#family_name-hint").text_content().as_deref(),
        Some("Wie im Ausweis")
    );
    assert_eq!(
        attr(&root, "input", "aria-describedby").as_deref(),
        Some("family_name-hint")
    );
    assert_eq!(attr(&root, "input", "aria-invalid"), None);
    assert_eq!(
        attr(&root, "input", "autocomplete").as_deref(),
        Some("family-name")
    );
    assert!(root.query_selector("#family_name-error").unwrap().is_none());

    error.set(Some("Geben Sie Ihren Familiennamen ein".into()));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "input", "aria-describedby").as_deref(),
        Some("family_name-hint family_name-error")
    );
    assert_eq!(
        attr(&root, "input", "aria-invalid").as_deref(),
        Some("true")
    );
    let message = find(&root, "#family_name-error");
    assert_eq!(
        message.text_content().as_deref(),
        Some("Fehler: Geben Sie Ihren Familiennamen ein")
    );
    assert_eq!(
        find(&message, ".visually-hidden").text_content().as_deref(),
        Some("Fehler: ")
    );
    assert!(find(&root, ".form-group")
        .class_list()
        .contains("form-group--error"));

    type_into(&find(&root, "input"), "Müller-Lüdenscheidt");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "Müller-Lüdenscheidt");
}

#[wasm_bindgen_test]
async fn a_single_question_is_the_page_heading() {
    let root = mount(|| {
        view! {
            <TextInput
                id="purpose"
                label="Wofür brauchen Sie das Führungszeugnis?"
                error=Signal::stored(None::<String>)
                value=Signal::stored(String::new())
                on_input=|_: String| {}
                is_page_heading=true
            />
        }
    });
    assert_eq!(
        find(&root, "h1 label").text_content().as_deref(),
        Some("Wofür brauchen Sie das Führungszeugnis?")
    );
    assert_eq!(attr(&root, "input", "aria-describedby"), None);
}

#[wasm_bindgen_test]
async fn postcodes_get_the_numeric_keyboard_and_a_narrow_box() {
    let root = mount(|| {
        view! {
            <TextInput
                id="postcode"
                label="Postleitzahl"
                error=Signal::stored(None::<String>)
                value=Signal::stored(String::new())
                on_input=|_: String| {}
                kind=TextInputKind::Postcode
            />
        }
    });
    assert_eq!(
        attr(&root, "input", "inputmode").as_deref(),
        Some("numeric")
    );
    assert!(find(&root, "input").class_list().contains("input--width-5"));
}

#[wasm_bindgen_test]
async fn date_input_keeps_each_box_as_typed() {
    let value = RwSignal::new(DateParts {
        day: "7".into(),
        month: String::new(),
        year: "1990".into(),
    });
    let error = RwSignal::new(None::<String>);
    let root = mount(move || {
        view! {
            <DateInput
                id="birth_date"
                legend="Geburtsdatum"
                hint="Zum Beispiel 27 3 1990"
                error=error
                value=value
                on_input=move |d: DateParts| value.set(d)
                autocomplete="bday"
            />
        }
    });
    assert_eq!(
        find(&root, "legend").text_content().as_deref(),
        Some("Geburtsdatum")
    );
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("birth_date-hint")
    );
    for (part, label) in [("day", "Tag"), ("month", "Monat"), ("year", "Jahr")] {
        let selector = format!("label[for='birth_date-{part}']");
        assert_eq!(
            find(&root, &selector).text_content().as_deref(),
            Some(label)
        );
        let input = format!("#birth_date-{part}");
        assert_eq!(attr(&root, &input, "inputmode").as_deref(), Some("numeric"));
        assert_eq!(
            attr(&root, &input, "autocomplete"),
            Some(format!("bday-{part}"))
        );
    }
    leptos::task::tick().await;
    let day: HtmlInputElement = find(&root, "#birth_date-day").unchecked_into();
    assert_eq!(day.value(), "7");

    type_into(&find(&root, "#birth_date-month"), "03");
    leptos::task::tick().await;
    assert_eq!(
        value.get_untracked(),
        DateParts {
            day: "7".into(),
            month: "03".into(),
            year: "1990".into()
        }
    );

    error.set(Some("Geburtsdatum muss ein echtes Datum sein".into()));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("birth_date-hint birth_date-error")
    );
    assert_eq!(
        attr(&root, "#birth_date-year", "aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn radios_report_the_chosen_value() {
    let value = RwSignal::new(String::new());
    let options = vec![
        RadioOption {
            value: "private".into(),
            label: "Für mich selbst".into(),
            hint: Some("Wir schicken es Ihnen.".into()),
        },
        RadioOption {
            value: "authority".into(),
            label: "Für eine Behörde".into(),
            hint: None,
        },
    ];
    let root = mount(move || {
        view! {
            <Radios
                id="kind"
                legend="Welches Führungszeugnis brauchen Sie?"
                error=Signal::stored(None::<String>)
                options=options
                value=value
                on_change=move |v: String| value.set(v)
                is_page_heading=true
            />
        }
    });
    assert_eq!(
        find(&root, "legend h1").text_content().as_deref(),
        Some("Welches Führungszeugnis brauchen Sie?")
    );
    // The first radio carries the question's id, so error links land on it.
    assert_eq!(
        attr(&root, "input[value='private']", "id").as_deref(),
        Some("kind")
    );
    assert_eq!(
        attr(&root, "input[value='authority']", "id").as_deref(),
        Some("kind-2")
    );
    assert_eq!(
        attr(&root, "#kind", "aria-describedby").as_deref(),
        Some("kind-item-hint")
    );
    assert_eq!(attr(&root, "#kind-2", "aria-describedby"), None);

    let second: HtmlInputElement = find(&root, "#kind-2").unchecked_into();
    second.click();
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), "authority");

    value.set("private".into());
    leptos::task::tick().await;
    let first: HtmlInputElement = find(&root, "#kind").unchecked_into();
    assert!(first.checked());
    assert!(!second.checked());
}

#[wasm_bindgen_test]
async fn checkbox_reports_ticks_and_shows_its_error() {
    let checked = RwSignal::new(false);
    let error = RwSignal::new(Some("Bestätigen Sie die Erklärung".to_owned()));
    let root = mount(move || {
        view! {
            <Checkbox
                id="declaration"
                label="Meine Angaben sind richtig."
                error=error
                checked=checked
                on_change=move |v: bool| checked.set(v)
            />
        }
    });
    assert_eq!(
        attr(&root, "input", "aria-describedby").as_deref(),
        Some("declaration-error")
    );
    let input: HtmlInputElement = find(&root, "input").unchecked_into();
    input.click();
    leptos::task::tick().await;
    assert!(checked.get_untracked());
}

#[wasm_bindgen_test]
async fn error_summary_links_to_fields_and_takes_focus() {
    let errors = RwSignal::new(Vec::<SummaryError>::new());
    let root = mount(move || {
        view! {
            <ErrorSummary errors=errors />
            <div class="form-group"><input id="city" /></div>
        }
    });
    assert!(root.query_selector(".error-summary").unwrap().is_none());
    errors.set(vec![SummaryError {
        href: "#city".into(),
        message: "Geben Sie Ihren Wohnort ein".into(),
    }]);
    leptos::task::tick().await;
    // Focus moves on the next animation frame.
    gloo_timers_sleep(50).await;
    let summary = find(&root, ".error-summary");
    assert_eq!(
        find(&summary, "h2").text_content().as_deref(),
        Some("Es gibt ein Problem")
    );
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&summary)),
        "focus is on the summary"
    );

    let link: HtmlElement = find(&summary, "a").unchecked_into();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#city"));
    link.click();
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "city");
}

#[wasm_bindgen_test]
async fn a_question_from_a_definition_writes_into_the_answers() {
    let field: Field = rathaus_core::json::from_str(
        r#"{"id":"email","type":"email","label":{"de":"E-Mail-Adresse","en":"Email address"},
            "hint":{"de":"Für Nachrichten zu Ihrem Antrag"},"optional":true,"autocomplete":"email"}"#,
    )
    .unwrap();
    let answers = RwSignal::new(Answers::default());
    let root = mount(move || {
        view! {
            <Question field=field answers=answers error=Signal::stored(None::<rathaus_core::FieldError>) on_change=|_: String| {} />
        }
    });
    assert_eq!(
        find(&root, "label").text_content().as_deref(),
        Some("E-Mail-Adresse (optional)")
    );
    assert_eq!(attr(&root, "input", "type").as_deref(), Some("email"));
    assert_eq!(
        attr(&root, "input", "aria-describedby").as_deref(),
        Some("email-hint")
    );
    type_into(&find(&root, "input"), "erika@beispiel.de");
    leptos::task::tick().await;
    assert_eq!(answers.get_untracked().text("email"), "erika@beispiel.de");
}

/// Mounts the question of `json` over `answers`, with `error` on it.
fn question(
    json: &str,
    answers: RwSignal<Answers>,
    error: RwSignal<Option<FieldError>>,
) -> Element {
    let field: Field = rathaus_core::json::from_str(json).unwrap();
    mount(move || {
        view! { <Question field=field answers=answers error=error on_change=|_: String| {} /> }
    })
}

fn error(field: &str, code: ErrorCode) -> Option<FieldError> {
    Some(FieldError {
        field: field.into(),
        code,
        limit: None,
    })
}

#[wasm_bindgen_test]
async fn checkboxes_keep_the_options_order_and_describe_their_error() {
    let answers = RwSignal::new(Answers::default());
    let err = RwSignal::new(None);
    let root = question(
        r#"{"id":"zone","type":"multiple_choice","label":{"de":"Zonen"},"hint":{"de":"Alle zutreffenden"},
            "options":[{"value":"a","label":{"de":"A"}},{"value":"b","label":{"de":"B"}},{"value":"c","label":{"de":"C"}}]}"#,
        answers,
        err,
    );
    assert_eq!(attr(&root, "#zone", "type").as_deref(), Some("checkbox"));
    let c: HtmlInputElement = find(&root, "#zone-3").unchecked_into();
    let a: HtmlInputElement = find(&root, "#zone").unchecked_into();
    c.click();
    a.click();
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("zone"),
        Some(&Answer::Choices(vec!["a".into(), "c".into()]))
    );
    c.click();
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("zone"),
        Some(&Answer::Choices(vec!["a".into()]))
    );
    err.set(error("zone", ErrorCode::Required));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("zone-hint zone-error")
    );
    assert_eq!(
        find(&root, "#zone-error").text_content().as_deref(),
        Some("Fehler: Wählen Sie bei „Zonen“ eine Antwort aus")
    );
}

#[wasm_bindgen_test]
async fn none_of_these_is_ticked_alone_after_an_or() {
    let answers = RwSignal::new(Answers::default());
    let root = question(
        r#"{"id":"bedarf","type":"multiple_choice","label":{"de":"Bedarf"},
            "options":[{"value":"rollstuhl","label":{"de":"Rollstuhl"}},{"value":"zimmer","label":{"de":"Zimmer"}},
                       {"value":"keiner","label":{"de":"Nichts davon"},"exclusive":true}]}"#,
        answers,
        RwSignal::new(None),
    );
    let divider = find(&root, ".checkboxes__divider");
    assert_eq!(divider.text_content().as_deref(), Some("oder"));
    let after: HtmlElement = divider.next_element_sibling().unwrap().unchecked_into();
    assert!(
        after.query_selector("#bedarf-3").unwrap().is_some(),
        "the 'or' stands before 'none of these'"
    );
    let input = |sel: &str| -> HtmlInputElement { find(&root, sel).unchecked_into() };
    input("#bedarf").click();
    input("#bedarf-2").click();
    input("#bedarf-3").click();
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("bedarf"),
        Some(&Answer::Choices(vec!["keiner".into()]))
    );
    assert!(!input("#bedarf").checked() && !input("#bedarf-2").checked());
    input("#bedarf-2").click();
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("bedarf"),
        Some(&Answer::Choices(vec!["zimmer".into()]))
    );
    assert!(
        !input("#bedarf-3").checked(),
        "a need unticks 'none of these'"
    );
}

#[wasm_bindgen_test]
async fn select_and_yes_no_write_their_values() {
    let answers = RwSignal::new(Answers::default());
    let root = question(
        r#"{"id":"rasse","type":"select","label":{"de":"Rasse"},
            "options":[{"value":"dackel","label":{"de":"Dackel"}},{"value":"pudel","label":{"de":"Pudel"}}]}"#,
        answers,
        RwSignal::new(None),
    );
    assert_eq!(
        find(&root, "label").get_attribute("for").as_deref(),
        Some("rasse")
    );
    let select: web_sys::HtmlSelectElement = find(&root, "select").unchecked_into();
    assert_eq!(select.value(), "", "nothing chosen yet: the placeholder");
    select.set_value("pudel");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(answers.get_untracked().text("rasse"), "pudel");

    let root = question(
        r#"{"id":"versichert","type":"yes_no","label":{"de":"Versichert?"}}"#,
        answers,
        RwSignal::new(None),
    );
    assert_eq!(
        find(&root, "label[for='versichert']")
            .text_content()
            .as_deref(),
        Some("Ja")
    );
    let no: HtmlInputElement = find(&root, "#versichert-2").unchecked_into();
    no.click();
    leptos::task::tick().await;
    assert_eq!(answers.get_untracked().text("versichert"), "no");
}

#[wasm_bindgen_test]
async fn a_ranking_labels_each_place_and_ranks_an_option_once() {
    let answers = RwSignal::new(Answers::default());
    let error = RwSignal::new(None);
    let root = question(
        r#"{"id":"wunsch","type":"ranking","label":{"de":"Wünsche"},"hint":{"de":"Der Reihe nach"},
            "constraints":{"max_count":2},
            "options":[{"value":"a","label":{"de":"Kita A"}},{"value":"b","label":{"de":"Kita B"}},
                       {"value":"c","label":{"de":"Kita C"}}]}"#,
        answers,
        error,
    );
    // One fieldset, its legend the question, its hint and error wired to it; one
    // labelled drop-down per place, the first with the question's id.
    assert!(root.query_selector("#wunsch-2").unwrap().is_some());
    assert!(
        root.query_selector("#wunsch-3").unwrap().is_none(),
        "two places"
    );
    assert_eq!(
        find(&root, "label[for='wunsch']").text_content().as_deref(),
        Some("1. Wahl")
    );
    assert_eq!(
        find(&root, "label[for='wunsch-2']")
            .text_content()
            .as_deref(),
        Some("2. Wahl")
    );
    let choose = |id: &str, value: &str| {
        let select: web_sys::HtmlSelectElement = find(&root, id).unchecked_into();
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    choose("#wunsch-2", "b");
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("wunsch"),
        Some(&Answer::Choices(vec!["".into(), "b".into()]))
    );
    // B put first leaves the second place: each option is ranked once.
    choose("#wunsch", "b");
    leptos::task::tick().await;
    assert_eq!(
        answers.get_untracked().get("wunsch"),
        Some(&Answer::Choices(vec!["b".into()]))
    );
    error.set(Some(FieldError {
        field: "wunsch".into(),
        code: ErrorCode::RankingGap,
        limit: Some("2".into()),
    }));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("wunsch-hint wunsch-error")
    );
    assert!(find(&root, "#wunsch-error")
        .text_content()
        .unwrap()
        .contains("fehlt die 2. Wahl"));
}

#[wasm_bindgen_test]
async fn an_address_marks_the_box_its_error_is_about() {
    let answers = RwSignal::new(Answers::default());
    let err = RwSignal::new(None);
    let root = question(
        r#"{"id":"lage","type":"address","label":{"de":"Anschrift"}}"#,
        answers,
        err,
    );
    assert_eq!(attr(&root, "fieldset", "role").as_deref(), Some("group"));
    assert_eq!(
        attr(&root, "#lage-postcode", "autocomplete").as_deref(),
        Some("off"),
        "a place that is not the citizen's own is not filled in by the browser"
    );
    type_into(&find(&root, "#lage-street"), "Markt 1");
    type_into(&find(&root, "#lage-town"), "Musterstadt");
    leptos::task::tick().await;
    let Some(Answer::Address(a)) = answers.get_untracked().get("lage").cloned() else {
        panic!("an address answer")
    };
    assert_eq!(
        (a.street.as_str(), a.town.as_str(), a.postcode.as_str()),
        ("Markt 1", "Musterstadt", "")
    );
    err.set(error("lage", ErrorCode::PostcodeMissing));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "#lage-postcode", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(attr(&root, "#lage-street", "aria-invalid"), None);
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("lage-error")
    );
    assert_eq!(
        find(&root, "#lage-error").text_content().as_deref(),
        Some("Fehler: Geben Sie bei „Anschrift“ die Postleitzahl an")
    );
}

#[wasm_bindgen_test]
async fn the_citizens_own_address_asks_the_browser_for_its_parts() {
    let root = question(
        r#"{"id":"wohnung","type":"address","label":{"de":"Anschrift"},"autocomplete":"home"}"#,
        RwSignal::new(Answers::default()),
        RwSignal::new(None),
    );
    let tokens: Vec<Option<String>> = ["street", "extra", "postcode", "town"]
        .iter()
        .map(|part| attr(&root, &format!("#wohnung-{part}"), "autocomplete"))
        .collect();
    assert_eq!(
        tokens,
        [
            Some("address-line1".to_string()),
            Some("address-line2".to_string()),
            Some("postal-code".to_string()),
            Some("address-level2".to_string())
        ]
    );
}

#[wasm_bindgen_test]
async fn money_has_the_decimal_keyboard_and_a_euro_sign() {
    let root = question(
        r#"{"id":"kosten","type":"money","label":{"de":"Baukosten"}}"#,
        RwSignal::new(Answers::default()),
        RwSignal::new(None),
    );
    assert_eq!(
        attr(&root, "#kosten", "inputmode").as_deref(),
        Some("decimal")
    );
    assert_eq!(
        find(&root, ".input__suffix").text_content().as_deref(),
        Some("€")
    );
    assert_eq!(
        attr(&root, ".input__suffix", "aria-hidden").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_file_question_accepts_what_the_definition_allows() {
    let root = question(
        r#"{"id":"plan","type":"file","label":{"de":"Lageplan"},"hint":{"de":"Als PDF"},
            "constraints":{"accept":["application/pdf"],"max_count":3}}"#,
        RwSignal::new(Answers::default()),
        RwSignal::new(None),
    );
    let input: HtmlInputElement = find(&root, "#plan").unchecked_into();
    assert_eq!(input.type_(), "file");
    assert_eq!(input.accept(), "application/pdf");
    assert!(input.multiple());
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("plan-hint")
    );
    assert_eq!(attr(&root, "label", "for").as_deref(), Some("plan"));
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
