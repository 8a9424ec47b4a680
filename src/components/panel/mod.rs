use leptos::prelude::*;

/// The confirmation panel: a big, unmistakable "done", with the key facts.
#[component]
pub fn Panel(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <div class="panel">
            <h1 class="panel__title">{title}</h1>
            <div class="panel__body">{children()}</div>
        </div>
    }
}
