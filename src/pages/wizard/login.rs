//! Logging in and out, as the wizard's pages show it: what a service needs
//! ([`IdentificationNotice`]), the gate in front of a service's steps that needs a
//! login ([`LoginGate`]), who is logged in with "Abmelden" ([`AccountBar`]), and the
//! page a failed login comes back to ([`LoginPage`]). The login itself is the
//! backend's: a link to `/api/v1/auth/login` (crate::api::login_url).

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::api::{LoginFailure, SessionView};
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::identity::{Assurance, Identification};

use crate::api;
use crate::components::Checkbox;
use crate::i18n::{fill, use_i18n, Key};
use crate::page::use_document_title;
use crate::store;
use crate::task::{use_loader, use_task, Loader};
use crate::wizard::account::{self, assurance_key, display_name, standing, Standing};

/// The session, asked once per visit (crate::wizard::account).
pub fn use_session() -> Loader<SessionView> {
    use_loader(account::current)
}

/// A link that logs in and comes back to `return_to`: a page load, not a route of the
/// app (`rel="external"`).
#[component]
pub fn LoginLink(return_to: String, label: Key, #[prop(optional)] primary: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = if primary {
        "button button--start"
    } else {
        "button button--secondary"
    };
    view! {
        <a class=class role="button" rel="external" href=api::login_url(&return_to) data-testid="login">
            {i18n.t(label)}
        </a>
    }
}

/// On the start page: whether the service needs a login, and at which level.
#[component]
pub fn IdentificationNotice(def: Arc<ServiceDefinition>) -> impl IntoView {
    let i18n = use_i18n();
    let (heading, detail) = match (def.identification, def.required_assurance()) {
        (Identification::None, _) => return ().into_any(),
        (Identification::Optional, _) => return view! {
            <div class="notice" data-testid="identification"><p>{i18n.t(Key::IdOptional)}</p></div>
        }
        .into_any(),
        (Identification::Required, Assurance::High) => {
            (Key::IdRequiredHigh, Key::IdRequiredHighDetail)
        }
        (Identification::Required, _) => {
            (Key::IdRequiredSubstantial, Key::IdRequiredSubstantialDetail)
        }
    };
    view! {
        <div class="notice notice--action" data-testid="identification">
            <p><strong>{i18n.t(heading)}</strong></p>
            <p>{i18n.t(detail)}</p>
        </div>
    }
    .into_any()
}

/// What a session's standing asks of the citizen before the service's pages.
fn standing_view(standing: Standing, return_to: String) -> AnyView {
    let i18n = use_i18n();
    match standing {
        Standing::Fine => ().into_any(),
        Standing::LoginNeeded => view! {
            <div class="notice notice--action" data-testid="login-needed">
                <h2 class="heading-m">{i18n.t(Key::LoginNeededTitle)}</h2>
                <p>{i18n.t(Key::LoginNeededText)}</p>
                <LoginLink return_to=return_to label=Key::LogIn primary=true />
            </div>
        }
        .into_any(),
        Standing::TooLow { have, need } => view! {
            <div class="notice notice--action" data-testid="login-too-low">
                <h2 class="heading-m">{i18n.t(Key::LoginNeededTitle)}</h2>
                <p>{fill(
                    i18n.t(Key::AssuranceTooLowText),
                    &[("have", i18n.t(assurance_key(have))), ("need", i18n.t(assurance_key(need)))],
                )}</p>
                <LogoutButton />
            </div>
        }
        .into_any(),
    }
}

/// In front of a service's pages: for a service that uses identification, asks who is
/// logged in first; one that requires a login shows why and how instead of the page
/// (the draft stays as it is). Anonymous services pass straight through.
#[component]
pub fn LoginGate(
    def: Arc<ServiceDefinition>,
    /// Where the login comes back to: this page.
    return_to: String,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    if def.identification.is_none() {
        return children().into_any();
    }
    let session = use_session();
    let children = StoredValue::new(children);
    (move || match session.get() {
        None => view! { <p role="status">{i18n.t(Key::Loading)}</p> }.into_any(),
        // Not known (offline, say): the pages work as without a login — what the login
        // filled in earlier is in the draft, and the backend decides when it is sent.
        Some(Err(_)) => children.with_value(|c| c()).into_any(),
        Some(Ok(s)) => match standing(&def, &s) {
            Standing::Fine => children.with_value(|c| c()).into_any(),
            other => {
                use_document_title(i18n.t(Key::LoginNeededTitle).into(), false.into());
                view! {
                    <h1 class="heading-xl">{i18n.text(&def.title)}</h1>
                    {standing_view(other, return_to.clone())}
                }
                .into_any()
            }
        },
    })
    .into_any()
}

/// "Abmelden": the device forgets the account's cases and drafts, the backend ends
/// the session, the provider is asked to end its own.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let i18n = use_i18n();
    let leaving = use_task();
    let failed = RwSignal::new(false);
    let on_click = move |_| {
        failed.set(false);
        leaving.start(account::log_out(), move |result| match result {
            Ok(end_session) => {
                let to = end_session.unwrap_or_else(|| "/".to_owned());
                if let Some(w) = web_sys::window() {
                    let _ = w.location().assign(&to);
                }
            }
            Err(_) => failed.set(true),
        });
    };
    view! {
        <button type="button" class="button button--secondary" on:click=on_click data-testid="logout">
            {i18n.t(Key::LogOut)}
        </button>
        {move || failed.get().then(|| view! {
            <p class="notice notice--error" role="alert">{i18n.t(Key::LogoutFailed)}</p>
        })}
    }
}

/// Who is logged in, with "Abmelden"; or, where the backend offers it, "Anmelden".
#[component]
pub fn AccountBar(session: SessionView, return_to: String) -> impl IntoView {
    let i18n = use_i18n();
    match session.identity {
        Some(identity) => view! {
            <div class="notice" data-testid="account">
                <p>
                    <strong>{fill(i18n.t(Key::LoggedInAs), &[("name", &display_name(&identity))])}</strong>
                </p>
                <p>{i18n.t(Key::LogoutNote)}</p>
                <LogoutButton />
            </div>
        }
        .into_any(),
        None if session.login_available => view! {
            <p><LoginLink return_to=return_to label=Key::LogIn /></p>
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// On a start page, logged in: whether this device keeps its drafts in the account
/// too (to go on on another device), and the account's draft from another device,
/// taken into this one's `draft`.
#[component]
pub fn DraftsInAccount(
    def: Arc<ServiceDefinition>,
    tag: String,
    draft: RwSignal<Option<store::Draft>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(store::drafts_in_account());
    let taken = RwSignal::new(None::<usize>);
    let fetching = use_task();
    {
        let def = def.clone();
        fetching.start(
            async move { account::take_account_draft(&def, &tag).await },
            move |found| {
                if let Some((merged, answers)) = found {
                    draft.set(Some(merged).filter(store::Draft::has_answers));
                    taken.set(Some(answers));
                }
            },
        );
    }
    let on_change = Callback::new(move |checked: bool| {
        on.set(checked);
        store::set_drafts_in_account(checked);
        if let Some(d) = checked.then(|| draft.get_untracked()).flatten() {
            account::keep_in_account(&d);
        }
    });
    view! {
        {move || taken.get().map(|n| view! {
            <div class="notice notice--success" role="status" data-testid="draft-from-account">
                <p>{fill(i18n.t(Key::DraftFromAccount), &[("n", &n.to_string())])}</p>
            </div>
        })}
        <Checkbox
            id="drafts-in-account"
            label=i18n.t(Key::DraftsInAccount)
            error=Signal::derive(|| None::<String>)
            checked=on
            on_change=on_change
        />
    }
}

/// `/login?failed=…&return=…`: why logging in did not work, and a way on.
#[component]
pub fn LoginPage(failed: Option<String>, return_to: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = if failed.is_some() {
        Key::LoginFailedTitle
    } else {
        Key::LoginTitle
    };
    use_document_title(i18n.t(heading).into(), false.into());
    let why = failed
        .as_deref()
        .and_then(LoginFailure::from_name)
        .map(|f| match f {
            LoginFailure::Cancelled => Key::LoginFailedCancelled,
            LoginFailure::Expired => Key::LoginFailedExpired,
            LoginFailure::Unavailable => Key::LoginFailedUnavailable,
            LoginFailure::Refused => Key::LoginFailedRefused,
            LoginFailure::NotConfigured => Key::LoginFailedNotConfigured,
        });
    let back = return_to.unwrap_or_else(|| "/".to_owned());
    let can_retry = failed.as_deref() != Some("not_configured");
    view! {
        <h1 class="heading-xl">{i18n.t(heading)}</h1>
        {why.map(|key| view! {
            <div class="notice notice--error" data-testid="login-failed"><p>{i18n.t(key)}</p></div>
        })}
        <div class="button-group">
            {can_retry.then(|| view! { <LoginLink return_to=back.clone() label=Key::TryLoginAgain primary=true /> })}
            <a class="button button--secondary" href=back.clone()>{i18n.t(Key::Back)}</a>
        </div>
    }
}
