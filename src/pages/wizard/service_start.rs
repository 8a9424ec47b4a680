//! The start page of a service: what it is, what you need, what it costs, how long it
//! takes; and, if a draft exists, the choice to resume or start again.

use std::sync::Arc;

use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::format;

use super::login::{
    use_session, AccountBar, DraftsInAccount, IdentificationNotice, LoginLink, LogoutButton,
};
use crate::i18n::{fill, use_i18n, Key};
use crate::page::use_document_title;
use crate::router::{urls, use_router};
use crate::services::with_service;
use crate::store;
use crate::task::Loader;
use crate::wizard::account::{assurance_key, standing, Standing};
use rathaus_core::api::SessionView;
use rathaus_core::identity::Identification;

#[component]
pub fn ServiceStartPage(service: String) -> impl IntoView {
    with_service(service, |def| view! { <ServiceStart def=def /> })
}

#[component]
fn ServiceStart(def: Arc<ServiceDefinition>) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    use_document_title(i18n.text(&def.title), false.into());
    let draft = RwSignal::new(store::load_draft(&def.id).filter(store::Draft::has_answers));
    let confirming_restart = RwSignal::new(false);

    let first_step = def.steps.first().map(|s| s.id.clone()).unwrap_or_default();
    let start = {
        let (def, first_step) = (def.clone(), first_step.clone());
        move |_| {
            // Starting again: the old answers and their files go.
            store::delete_draft(&def.id);
            store::save_draft(&store::Draft::new(&def.id, def.version));
            router.navigate(&urls::step(&def.id, &first_step, false));
        }
    };
    let resume = {
        let id = def.id.clone();
        move |_| router.navigate(&urls::resume(&id))
    };

    let fee_text = match def.fee.fixed_amount() {
        Some(m) if m.cents() == 0 => i18n.t(Key::NoFee).to_owned(),
        Some(m) => format::money(m, i18n.locale()),
        None => i18n.t(Key::FeeDependsOnAnswers).to_owned(),
    };
    let fee_purpose = def.fee.purpose.clone();
    // How a fee that depends on the answers is worked out.
    let fee_explanation = def
        .fee
        .explanation
        .clone()
        .filter(|_| def.fee.fixed_amount().is_none());
    let needs = def.before_you_start.clone();
    let duration = def.duration.clone();
    let office = def.office.clone();
    let privacy = def.privacy.clone();
    let (title, summary) = (def.title.clone(), def.summary.clone());

    // A service that uses identification asks who is logged in first.
    let session = (!def.identification.is_none()).then(use_session);
    if let Some(session) = session {
        // Asking who is logged in may have taken another account's draft off the
        // device (`account::load`): the draft is read again once it is known.
        let id = def.id.clone();
        Effect::new(move |_| {
            if session.get().is_some() {
                draft.set(store::load_draft(&id).filter(store::Draft::has_answers));
            }
        });
    }
    let login_standing = {
        let def = def.clone();
        let here = urls::start(&def.id);
        move || login_step(&def, session, &here, draft)
    };

    let actions = move || {
        if draft.with(Option::is_none) {
            return view! {
                <button type="button" class="button button--start" on:click=start.clone()>
                    {i18n.t(Key::StartNow)}
                </button>
            }
            .into_any();
        }
        if confirming_restart.get() {
            let start = start.clone();
            return view! {
                <div class="notice notice--error" role="alert">
                    <p>{i18n.t(Key::StartAgainConfirm)}</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=start>
                            {i18n.t(Key::StartAgainYes)}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| confirming_restart.set(false)
                        >
                            {i18n.t(Key::StartAgainNo)}
                        </button>
                    </div>
                </div>
            }
            .into_any();
        }
        view! {
            <div class="notice">
                <p><strong>{i18n.t(Key::DraftFound)}</strong> " " {i18n.t(Key::DraftSavedOnDevice)}</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=resume.clone()>
                        {i18n.t(Key::Resume)}
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| confirming_restart.set(true)
                    >
                        {i18n.t(Key::StartAgain)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    };

    view! {
        <a class="back-link" href="/">{i18n.t(Key::ToCatalogue)}</a>
        <h1 class="heading-xl" lang=i18n.lang_of(&title)>{i18n.text(&title)}</h1>
        <p class="lead" lang=i18n.lang_of(&summary)>{i18n.text(&summary)}</p>
        {(!needs.is_empty()).then(|| view! {
            <h2 class="heading-m">{i18n.t(Key::WhatYouNeed)}</h2>
            <ul class="list list--bullet">
                {needs.into_iter().map(|n| view! { <li lang=i18n.lang_of(&n)>{i18n.text(&n)}</li> }).collect_view()}
            </ul>
        })}
        <dl class="facts">
            <div class="facts__row">
                <dt>{i18n.t(Key::FeeLabel)}</dt>
                <dd>
                    <strong>{fee_text}</strong>
                    {fee_purpose.map(|p| view! { <span class="facts__detail" lang=i18n.lang_of(&p)>{i18n.text(&p)}</span> })}
                    {fee_explanation.map(|e| view! { <span class="facts__detail" lang=i18n.lang_of(&e)>{i18n.text(&e)}</span> })}
                </dd>
            </div>
            {duration.map(|d| view! {
                <div class="facts__row">
                    <dt>{i18n.t(Key::Duration)}</dt>
                    <dd lang=i18n.lang_of(&d)>{i18n.text(&d)}</dd>
                </div>
            })}
            {office.map(|o| view! {
                <div class="facts__row">
                    <dt>{i18n.t(Key::Office)}</dt>
                    <dd lang=i18n.lang_of(&o)>{i18n.text(&o)}</dd>
                </div>
            })}
        </dl>
        {crate::legal::privacy_notice(privacy)}
        <IdentificationNotice def=def.clone() />
        {move || match login_standing() {
            // Anonymous service, or the login lets the citizen start.
            LoginStep::Start(bar) => view! { {bar} {actions.clone()} }.into_any(),
            LoginStep::Instead(view) => view,
        }}
    }
}

/// What the start page shows for the login: the citizen may start (with who is logged
/// in above the buttons), or must log in (or in again) first.
enum LoginStep {
    Start(AnyView),
    Instead(AnyView),
}

fn login_step(
    def: &Arc<ServiceDefinition>,
    session: Option<Loader<SessionView>>,
    here: &str,
    draft: RwSignal<Option<store::Draft>>,
) -> LoginStep {
    let i18n = use_i18n();
    let Some(session) = session else {
        return LoginStep::Start(().into_any());
    };
    let required = def.identification == Identification::Required;
    match session.get() {
        None => LoginStep::Instead(view! { <p role="status">{i18n.t(Key::Loading)}</p> }.into_any()),
        // Not known: an optional login is offered, a required one asked for.
        Some(Err(_)) if !required => LoginStep::Start(().into_any()),
        Some(Err(_)) => LoginStep::Instead(
            view! {
                <div class="notice notice--error" role="alert"><p>{i18n.t(Key::SessionUnknown)}</p></div>
                <LoginLink return_to=here.to_owned() label=Key::LoginAndStart primary=true />
            }
            .into_any(),
        ),
        Some(Ok(s)) => match standing(def, &s) {
            Standing::Fine if s.identity.is_some() => {
                let tag = s.account.clone().unwrap_or_default();
                LoginStep::Start(
                    view! {
                        <AccountBar session=s return_to=here.to_owned() />
                        <DraftsInAccount def=def.clone() tag=tag draft=draft />
                    }
                    .into_any(),
                )
            }
            Standing::Fine if s.login_available => LoginStep::Start(
                view! { <p><LoginLink return_to=here.to_owned() label=Key::LogIn /></p> }.into_any(),
            ),
            Standing::Fine => LoginStep::Start(().into_any()),
            Standing::LoginNeeded => LoginStep::Instead(
                view! { <LoginLink return_to=here.to_owned() label=Key::LoginAndStart primary=true /> }
                    .into_any(),
            ),
            Standing::TooLow { have, need } => LoginStep::Instead(
                view! {
                    <div class="notice notice--action" data-testid="login-too-low">
                        <p>{fill(
                            i18n.t(Key::AssuranceTooLowText),
                            &[("have", i18n.t(assurance_key(have))), ("need", i18n.t(assurance_key(need)))],
                        )}</p>
                        <LogoutButton />
                    </div>
                }
                .into_any(),
            ),
        },
    }
}
