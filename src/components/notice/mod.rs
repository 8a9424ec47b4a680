//! Short messages: loading, and a failed request with a retry.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_i18n, Key};

/// "Loading …". With `heading`, as the page's `<h1>`: for a page that has nothing else
/// to show yet, so it still has a heading to land on.
#[component]
pub fn Loading(#[prop(optional)] heading: bool) -> impl IntoView {
    let i18n = use_i18n();
    let text = i18n.t(Key::Loading);
    if heading {
        view! { <h1 class="heading-xl loading" role="status">{text}</h1> }.into_any()
    } else {
        view! { <p class="loading" role="status">{text}</p> }.into_any()
    }
}

/// What went wrong with a request, in words, and a way to try again. With `heading`,
/// it is the page's `<h1>` (the page could show nothing else).
#[component]
pub fn LoadError(
    error: ApiError,
    #[prop(into)] retry: Callback<()>,
    #[prop(optional)] heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = match &error {
        ApiError::Network => i18n.t(Key::OfflineError),
        _ => i18n.t(Key::ServerError),
    };
    view! {
        {heading.then(|| view! { <h1 class="heading-xl">{i18n.t(Key::LoadFailedTitle)}</h1> })}
        <div class="notice notice--error" role="alert">
            <p>{message}</p>
            <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                {i18n.t(Key::TryAgain)}
            </button>
        </div>
    }
}
