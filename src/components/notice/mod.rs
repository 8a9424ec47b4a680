//! Short messages: loading, a failed request with a retry, a notice.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_i18n, Key};

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{i18n.t(Key::Loading)}</p> }
}

/// What went wrong with a request, in words, and a way to try again.
#[component]
pub fn LoadError(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let message = match &error {
        ApiError::Network => i18n.t(Key::OfflineError),
        _ => i18n.t(Key::ServerError),
    };
    view! {
        <div class="notice notice--error" role="alert">
            <p>{message}</p>
            <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                {i18n.t(Key::TryAgain)}
            </button>
        </div>
    }
}

#[component]
pub fn Notice(#[prop(optional)] error: bool, children: Children) -> impl IntoView {
    view! {
        <div class="notice" class:notice--error=error role=if error { "alert" } else { "status" }>
            {children()}
        </div>
    }
}
