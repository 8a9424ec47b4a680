//! Check your answers, confirm the declaration, and send — exactly once.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::api::SubmitApplication;
use rathaus_core::definition::{Field, FieldKind, ServiceDefinition};
use rathaus_core::scope::Scope;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::{flow, format, Answer, Answers, FieldError};

use super::arrival::{changed_notice, AlreadySent};
use super::group::item_name;
use super::login::{LoginGate, LoginLink};
use crate::api;
use crate::components::{
    BackLink, Button, Checkbox, ErrorSummary, SummaryError, SummaryList, SummaryRow,
};
use crate::i18n::{use_i18n, I18n, Key};
use crate::outbox::{self, use_outbox, Outcome};
use crate::page::use_document_title;
use crate::router::{urls, use_router};
use crate::services::with_service;
use crate::store::{self, PendingSubmission};
use crate::wizard::account;
use crate::wizard::messages::field_error_message;
use crate::wizard::navigation::redirect;
use crate::wizard::{display_answer, today};

#[component]
pub fn CheckAnswersPage(service: String) -> impl IntoView {
    with_service(service, |def| {
        let here = urls::check(&def.id);
        let page = {
            let def = def.clone();
            move || view! { <CheckAnswers def=def.clone() /> }
        };
        view! { <LoginGate def=def return_to=here>{page.clone()}</LoginGate> }
    })
}

#[component]
fn CheckAnswers(def: Arc<ServiceDefinition>) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    // One that waited too long is a draft again before anything offers to send it.
    outbox::return_expired();
    let mut draft = crate::wizard::draft_for(&def);
    // Logged in: the answers the login vouches for, as the backend will take them.
    let session = account::known();
    let prefill = account::Prefill::of(&def, session.as_ref());
    let before = draft.answers.clone();
    let from_login = prefill.fill(
        &mut draft,
        &def,
        session.as_ref().and_then(|s| s.account.as_deref()),
    );
    // The questions' texts with the answers they name, as the pages asked them.
    let def = Arc::new(def.with_answers(&draft.answers));
    if draft.answers != before && draft.submitted_case.is_none() {
        store::save_draft(&draft);
    }
    if let Some(case_number) = draft.submitted_case.clone() {
        return view! { <AlreadySent service_id=def.id.clone() case_number=case_number /> }
            .into_any();
    }
    if let Some(step) = first_incomplete_step(&def, &draft.answers, today()) {
        redirect(urls::step(&def.id, &step.id, false));
        return ().into_any();
    }
    // One walk for everything the page shows: the groups, the fee, where "back" goes,
    // and what is sent.
    let today = today();
    let walk = flow::walk(&def, &draft.answers, today);
    let back = match walk.steps.last() {
        Some((step, _)) => urls::step(&def.id, &step.id, false),
        None => urls::start(&def.id),
    };
    let fee = def.fee_for(&walk.answers, today);
    let locale = i18n.locale();
    let rows = |fields: &[&Field],
                answers: &Answers,
                href: String,
                context: Option<String>|
     -> Vec<SummaryRow> {
        let scope = Scope::new(&def, &walk.answers, today).with_item(answers);
        fields
            .iter()
            .filter(|f| f.kind != FieldKind::Info)
            .map(|f| SummaryRow {
                key: i18n.said(&f.label),
                value: match &f.compute {
                    // Worked out, as the server will: shown, not changed.
                    Some(c) if f.kind == FieldKind::Computed => {
                        scope.computed(c).map(|n| n.to_string())
                    }
                    _ => display_answer(f, answers.get(&f.id), locale),
                }
                .unwrap_or_else(|| i18n.t(Key::NotProvided).to_owned()),
                // A locked or computed answer cannot be changed here.
                change_href: (!prefill.is_locked(&f.id) && f.kind != FieldKind::Computed)
                    .then(|| href.clone()),
                context: context.clone(),
                note: from_login
                    .contains(&f.id)
                    .then(|| i18n.t(Key::FromLogin).to_owned()),
            })
            .collect()
    };
    // One group of rows per visible step, each answer with its change link; a
    // repeatable group with one list per item.
    let groups = walk
        .steps
        .iter()
        .map(|(step, fields)| {
            let title = i18n.said(&step.title);
            if step.repeat.is_none() {
                let rows = rows(
                    fields,
                    &walk.answers,
                    urls::step(&def.id, &step.id, true),
                    None,
                );
                return view! {
                    <h2 class="heading-m" lang=title.lang>{title.text}</h2>
                    <SummaryList rows=rows />
                }
                .into_any();
            }
            let items = walk.answers.get(&step.id).map(Answer::items).unwrap_or_default();
            let list_href = urls::step(&def.id, &step.id, true);
            let item_lang = step.repeat.as_ref().and_then(|r| i18n.lang_of(&r.item));
            let lists = items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let scope = Scope::new(&def, &walk.answers, today).with_item(item);
                    let shown = flow::item_fields(step, scope);
                    let href = urls::item(&def.id, &step.id, Some(index), true);
                    let name = item_name(i18n, step, index);
                    view! {
                        <h3 class="heading-s" lang=item_lang>{name.clone()}</h3>
                        <SummaryList rows=rows(&shown, item, href, Some(name)) />
                    }
                })
                .collect_view();
            view! {
                <h2 class="heading-m" lang=title.lang>{title.text}</h2>
                {items.is_empty().then(|| view! { <p>{i18n.t(Key::NoItemsYet)}</p> })}
                {lists}
                <p><a href=list_href>{i18n.t(Key::Change)} <span class="visually-hidden" lang=title.lang>{format!(" {}", step.title.get(locale))}</span></a></p>
            }
            .into_any()
        })
        .collect_view();
    let changed = changed_notice(&def, &draft, locale);
    let submitted_answers = walk.answers;
    let draft = StoredValue::new(draft);

    let declared = RwSignal::new(false);
    let declaration_missing = RwSignal::new(false);
    // The backend's mistakes, also when the outbox met them while the citizen was away.
    let server_errors =
        RwSignal::new(draft.with_value(|d| summary_errors(&def, &d.server_errors, i18n)));
    let failure = RwSignal::new(None::<Key>);
    // Why what waited in the outbox is a draft again, said first thing on arrival (a
    // 422's errors speak for themselves in the summary).
    let login_service = def.id.clone();
    let returned = draft
        .with_value(|d| d.not_sent)
        .filter(|why| *why != outbox::NotSent::Invalid)
        .map(|why| view! {
            <div class="notice notice--error" data-testid="not-sent"><p>{not_sent_text(why.message(), i18n)}</p></div>
        });

    use_document_title(
        i18n.t(Key::CheckTitle).into(),
        Signal::derive(move || declaration_missing.get() || !server_errors.with(Vec::is_empty)),
    );

    let pending = RwSignal::new(false);

    // Already waiting in the outbox (sent while offline, the page reloaded since).
    let queued =
        RwSignal::new(draft.with_value(|d| d.pending.is_some() && d.server_errors.is_empty()));
    // The outbox sent it meanwhile: on to the confirmation.
    let outbox = use_outbox();
    {
        let service_id = def.id.clone();
        Effect::new(move |_| {
            if let Some(sent) = outbox.sent.get().filter(|s| s.service_id == service_id) {
                router.replace(&urls::case(&sent.case_number));
            }
        });
    }
    // The outbox gave it back meanwhile (refused, or waited too long): why, and the
    // backend's errors.
    {
        let def = def.clone();
        Effect::new(move |_| {
            if outbox.returned.get().as_deref() != Some(def.id.as_str()) {
                return;
            }
            let Some(back) = store::load_draft(&def.id) else {
                return;
            };
            queued.set(false);
            server_errors.set(summary_errors(&def, &back.server_errors, i18n));
            failure.set(
                back.not_sent
                    .filter(|why| *why != outbox::NotSent::Invalid)
                    .map(outbox::NotSent::message),
            );
            // Sent again, it gets a new key: the old one is out of the outbox for good.
            draft.set_value(back);
        });
    }

    // What became of a submission. Runs even if the citizen has left the page meanwhile
    // (the outbox has recorded the outcome on the device already).
    let on_outcome = {
        let def = def.clone();
        move |outcome: Outcome| {
            if pending.try_set(false).is_some() {
                return;
            }
            failure.set(None);
            queued.set(false);
            match outcome {
                Outcome::Sent { case_number } => {
                    router.replace(&urls::case(&case_number));
                }
                // Mistakes the backend named none of: said as a whole.
                Outcome::Rejected(errors) if errors.is_empty() => {
                    failure.set(Some(outbox::NotSent::Invalid.message()));
                }
                Outcome::Rejected(errors) => {
                    server_errors.set(summary_errors(&def, &errors, i18n));
                }
                Outcome::Queued => {
                    queued.set(true);
                    outbox.retry_later();
                }
                Outcome::Nothing => queued.set(true),
                Outcome::Returned(why) => failure.set(Some(why.message())),
                Outcome::FileLost => failure.set(Some(Key::FileLost)),
            }
        }
    };

    let on_submit = {
        let def = def.clone();
        let pending_flag = pending;
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            if def.declaration.is_some() && !declared.get_untracked() {
                declaration_missing.set(true);
                return;
            }
            declaration_missing.set(false);
            failure.set(None);
            let request = SubmitApplication {
                service_id: def.id.clone(),
                service_version: def.version,
                answers: submitted_answers.clone(),
                locale: i18n.locale(),
            };
            // The same answers sent again travel with the same key and the very same
            // body, whatever happened to the first attempt: never a second case.
            // What waits on the device counts: one the outbox gave back (refused, or
            // kept too long) is gone from there, and goes out anew with a new key.
            let submission = store::load_draft(&def.id)
                .and_then(|d| d.pending)
                .filter(|p| p.answers == request.answers)
                .unwrap_or_else(|| PendingSubmission {
                    idempotency_key: api::new_idempotency_key(),
                    answers: request.answers.clone(),
                    body: api::submission_body(&request),
                    service_title: Some(def.title.clone()),
                    what_happens_next: def.what_happens_next.clone(),
                    queued_at: store::now_ms(),
                });
            draft.update_value(|d| {
                d.pending = Some(submission);
                d.server_errors.clear();
                d.not_sent = None;
            });
            draft.with_value(store::save_draft);
            pending_flag.set(true);
            let (on_outcome, service_id) = (on_outcome.clone(), def.id.clone());
            crate::spawn(async move { on_outcome(outbox.send(&service_id).await) });
        }
    };

    let declaration_error = Signal::derive(move || {
        declaration_missing
            .get()
            .then(|| i18n.t(Key::DeclarationRequired).to_owned())
    });
    let summary = Signal::derive(move || {
        let mut all = server_errors.get();
        if let Some(message) = declaration_error.get() {
            all.push(SummaryError {
                href: "#declaration".into(),
                message,
            });
        }
        all
    });

    let fee_purpose = def.fee.purpose.clone();
    let declaration = def.declaration.clone();
    let service_id = def.id.clone();
    view! {
        <BackLink href=back />
        <ErrorSummary errors=summary />
        <h1 class="heading-xl">{i18n.t(Key::CheckTitle)}</h1>
        {returned}
        <p class="lead">{i18n.t(Key::CheckIntro)}</p>
        {changed}
        {groups}
        {(fee.cents() > 0).then(|| view! {
            <h2 class="heading-m">{i18n.t(Key::FeeToPay)}</h2>
            <p class="fee">
                <strong class="fee__amount">{format::money(fee, i18n.locale())}</strong>
                {fee_purpose.map(|p| view! { <span class="fee__purpose" lang=i18n.lang_of(&p)>{i18n.text(&p)}</span> })}
            </p>
            <p>{i18n.t(Key::FeePaidAfter)}</p>
        })}
        <form novalidate on:submit=on_submit>
            {declaration.map(|text| view! {
                <h2 class="heading-m">{i18n.t(Key::DeclarationTitle)}</h2>
                <Checkbox
                    id="declaration"
                    label=i18n.said(&text)
                    error=declaration_error
                    checked=declared
                    on_change=move |v: bool| {
                        declared.set(v);
                        if v {
                            declaration_missing.set(false);
                        }
                    }
                />
            })}
            {move || failure.get().map(|key| view! {
                <div class="notice notice--error" role="alert">
                    <p>{not_sent_text(key, i18n)}</p>
                    {(key == Key::NotSentLoginNeeded).then(|| view! {
                        <LoginLink return_to=urls::check(&login_service) label=Key::LogIn primary=true />
                    })}
                </div>
            })}
            {move || queued.get().then(|| {
                // Said only if true: a device that refused it keeps it while the page is open.
                let kept = store::draft_on_device(&service_id);
                view! {
                    <div class="notice" role="status">
                        <p>{i18n.t(if kept { Key::SubmitQueued } else { Key::SubmitQueuedThisPageOnly })}</p>
                    </div>
                }
            })}
            <Button
                label=i18n.t(Key::Submit)
                busy=pending
                busy_label=i18n.t(Key::Submitting)
            />
            <p class="visually-hidden" role="status">
                {move || pending.get().then(|| i18n.t(Key::Submitting))}
            </p>
        </form>
    }
    .into_any()
}

/// The backend's errors as the error summary lists them: each a link to its question
/// (inside a group, to its item), or a general line when it names no question here.
fn summary_errors(def: &ServiceDefinition, errors: &[FieldError], i18n: I18n) -> Vec<SummaryError> {
    let locale = i18n.locale();
    let general = || SummaryError {
        href: urls::start(&def.id),
        message: i18n.t(Key::SubmitRejected).to_owned(),
    };
    let mut all: Vec<SummaryError> = errors
        .iter()
        .map(|e| {
            // Inside a group the error names its item: `group.1.field`.
            let (item, field_id) = match e.item_path() {
                Some((_, index, field)) => (Some(index), field),
                None => (None, e.field.as_str()),
            };
            match def.field(field_id).zip(def.step_of_field(field_id)) {
                Some((field, step)) => SummaryError {
                    href: urls::item(&def.id, &step.id, item, true),
                    message: field_error_message(field, e, locale),
                },
                None => general(),
            }
        })
        .collect();
    all.dedup();
    all
}

/// A message that may name how long the outbox tries (`{days}`).
fn not_sent_text(key: Key, i18n: I18n) -> String {
    crate::i18n::fill(i18n.t(key), &[("days", &store::outbox_days().to_string())])
}
