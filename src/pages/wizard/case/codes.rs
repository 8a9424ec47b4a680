//! The case number and access code: what the citizen must keep to follow the case on
//! any device. When this device could not keep them, the page says so first, with a
//! way to print or copy them.

use leptos::prelude::*;

use crate::i18n::{fill, use_i18n, Key};
use crate::store::{self, SavedApplication};

#[component]
pub fn CaseCodes(app: SavedApplication, kept: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let number = app.case_number.clone();
    // Only one meant to be kept (sent from here, or kept from a lookup) is missed.
    let lost_on_reload = move || kept.get() && !store::application_on_device(&number);
    let warning = {
        let app = app.clone();
        move || lost_on_reload().then(|| view! { <NotKept app=app.clone() /> })
    };
    view! {
        {warning}
        <div class="notice case-codes">
            <p>
                {i18n.t(Key::YourCaseNumber)} ": "
                <strong class="code" data-testid="case-number">{app.case_number.clone()}</strong>
            </p>
            <p>
                {i18n.t(Key::YourAccessCode)} ": "
                <strong class="code" data-testid="access-code">{app.access_code.clone()}</strong>
            </p>
            <p>{i18n.t(Key::KeepCodes)}</p>
        </div>
    }
}

/// The device refused to keep the application (storage full or blocked): after a reload
/// the codes are gone from here, so the citizen must note them now.
#[component]
fn NotKept(app: SavedApplication) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<Key>);
    let codes = fill(
        i18n.t(Key::CodesToCopy),
        &[("case", &app.case_number), ("code", &app.access_code)],
    );
    // The clipboard is there only in a secure context (https, or the device itself).
    let can_copy = web_sys::window().is_some_and(|w| w.is_secure_context());
    let copy = move |_| {
        let codes = codes.clone();
        crate::spawn(async move {
            let Some(window) = web_sys::window() else {
                return;
            };
            let written = window.navigator().clipboard().write_text(&codes);
            let done = wasm_bindgen_futures::JsFuture::from(written).await.is_ok();
            let _ = copied.try_set(Some(if done {
                Key::CodesCopied
            } else {
                Key::CodesNotCopied
            }));
        });
    };
    view! {
        <div class="notice notice--error" data-testid="not-kept">
            <p role="alert"><strong>{i18n.t(Key::CodesNotKept)}</strong></p>
            <p>{i18n.t(Key::CodesNotKeptText)}</p>
            <div class="button-group no-print">
                <crate::components::PrintButton />
                {can_copy.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=copy>
                        {i18n.t(Key::CopyCodes)}
                    </button>
                })}
            </div>
            <p role="status">{move || copied.get().map(|k| i18n.t(k))}</p>
        </div>
    }
}
