//! One step of the wizard: its questions, Continue and Back, progress, and errors. A
//! repeatable group has two kinds of page: its list ([`super::group::GroupPage`]) and
//! one page per item, which is this form over the item's answers. What the form does
//! is its model's ([`form::StepForm`]); this file holds it in signals and draws it.

mod form;

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::definition::{FieldKind, ServiceDefinition, Stop};
use rathaus_core::FieldError;

use super::arrival::{changed_notice, draft_for_step};
use super::group::GroupPage;
use super::login::LoginGate;
use crate::components::{BackLink, Button, ErrorSummary, SummaryError};
use crate::components::{SummaryList, SummaryRow};
use crate::i18n::{fill, use_i18n, Key, Said};
use crate::page::use_document_title;
use crate::router::use_router;
use crate::services::with_service;
use crate::store;
use crate::wizard::messages::{anchor_id, field_error_message};
use crate::wizard::navigation::{redirect, resume_url};
use crate::wizard::question::{can_be_page_heading, Question};
use crate::wizard::saving::{draft_changed, state_on_arrival, write_waiting, SaveStatus};
use crate::wizard::{account, display_answer, today};
use form::{NotOpened, StepForm};

#[component]
pub fn StepPage(
    service: String,
    step: String,
    item: Option<usize>,
    from_check: bool,
) -> impl IntoView {
    with_service(service, move |def| {
        let is_group = def.step(&step).is_some_and(|s| s.repeat.is_some());
        let here = crate::router::urls::item(&def.id, &step, item, from_check);
        let page = {
            let (def, step) = (def.clone(), step.clone());
            move || {
                if is_group && item.is_none() {
                    view! { <GroupPage def=def.clone() step_id=step.clone() from_check=from_check /> }
                        .into_any()
                } else {
                    view! { <StepFormPage def=def.clone() step_id=step.clone() item=item from_check=from_check /> }
                        .into_any()
                }
            }
        };
        view! { <LoginGate def=def return_to=here>{page.clone()}</LoginGate> }
    })
}

/// Back into a draft: where [`resume_url`] says.
#[component]
pub fn ResumePage(service: String) -> impl IntoView {
    with_service(service, |def| {
        redirect(resume_url(&def, &crate::wizard::draft_for(&def), today()));
    })
}

#[component]
fn StepFormPage(
    def: Arc<ServiceDefinition>,
    step_id: String,
    item: Option<usize>,
    from_check: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let mut draft = match draft_for_step(&def, &step_id, from_check) {
        Ok(draft) => draft,
        Err(instead) => return instead,
    };
    // Logged in: what the login vouches for is filled in (and kept on the device at
    // once, for the pages after this one); locked answers are shown, not asked.
    let session = account::known();
    let prefill = account::Prefill::of(&def, session.as_ref());
    let before = draft.answers.clone();
    let tag = session.as_ref().and_then(|s| s.account.as_deref());
    prefill.fill(&mut draft, &def, tag);
    if draft.answers != before {
        store::save_draft(&draft);
    }
    // The page's texts with the earlier answers they name ("Geburtsname von Ayşe").
    let def = Arc::new(def.as_asked(&draft.answers, crate::page::today()));
    let (form, initial) =
        match StepForm::open(def.clone(), &step_id, item, from_check, &draft, today()) {
            Ok(opened) => opened,
            Err(NotOpened::NotFound) => return view! { <crate::pages::NotFoundPage /> }.into_any(),
            Err(NotOpened::Elsewhere(url)) => {
                redirect(url);
                return ().into_any();
            }
        };
    let step = form.step.clone();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(form.server_errors(&draft.server_errors));
    let answers = RwSignal::new(initial);
    let changed_notice = changed_notice(&def, &draft, i18n.locale());
    let draft = StoredValue::new(draft);
    let form = StoredValue::new(form);

    // Every change goes to the device within half a second (and at once when leaving):
    // nothing typed lives only in memory for long.
    let save_state =
        RwSignal::new(draft.with_value(|d| state_on_arrival(&d.service_id, d.saved_at)));
    on_cleanup(write_waiting);
    Effect::new(move |first: Option<()>| {
        let current = answers.get();
        form.with_value(|f| draft.update_value(|d| f.keep(d, current)));
        // Opening a page changes nothing: only what the citizen does is saved.
        if first.is_some() {
            draft.with_value(|d| draft_changed(d.clone(), save_state));
        }
    });

    // Typing may remove an error the citizen has just fixed, never add one.
    let on_change = move |field_id: String| {
        if !errors.with_untracked(|es| es.iter().any(|e| e.field == field_id)) {
            return;
        }
        let fixed = form.with_value(|f| answers.with_untracked(|a| f.is_fixed(&field_id, a)));
        let full = form.with_value(|f| f.path(&field_id));
        let from_server = draft.with_value(|d| d.server_errors.iter().any(|e| e.field == full));
        if fixed || from_server {
            errors.update(|es| es.retain(|e| e.field != field_id));
            draft.update_value(|d| d.server_errors.retain(|e| e.field != full));
        }
    };

    let layout = Memo::new(move |_| answers.with(|a| form.with_value(|f| f.layout(a))));

    let single_question =
        item.is_none() && step.fields.len() == 1 && can_be_page_heading(&step.fields[0]);
    let heading = match (item, &step.repeat) {
        // "{item} {n}" in every language: the item's language is the heading's.
        (Some(index), Some(repeat)) => Said {
            text: fill(
                i18n.t(Key::ItemNumbered),
                &[
                    ("item", repeat.item.get(i18n.locale())),
                    ("n", &(index + 1).to_string()),
                ],
            ),
            lang: i18n.lang_of(&repeat.item),
        },
        _ if single_question => i18n.said(&step.fields[0].label),
        _ => i18n.said(&step.title),
    };
    use_document_title(
        format!("{} – {}", heading.text, i18n.text(&def.title)),
        Signal::derive(move || !errors.with(Vec::is_empty)),
    );

    let summary = {
        let def = def.clone();
        Signal::derive(move || {
            let locale = i18n.locale();
            errors.with(|es| {
                es.iter()
                    .filter_map(|e| {
                        let field = def.field(&e.field)?;
                        Some(SummaryError {
                            href: format!("#{}", anchor_id(field, e.code)),
                            message: field_error_message(field, e, locale),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };

    let progress = {
        let step_id = step.id.clone();
        move || layout.with(|l| l.steps.progress(i18n, &step_id))
    };
    let back_href = Signal::derive(move || layout.with(|l| form.with_value(|f| f.back(l))));

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match answers.with_untracked(|a| form.with_value(|f| f.submit(a))) {
            Err(found) => errors.set(found),
            Ok(url) => {
                errors.set(Vec::new());
                router.navigate(&url);
            }
        }
    };

    let on_this_page = |id: &str| step.fields.iter().any(|f| f.id == id);
    let questions = step
        .fields
        .iter()
        .cloned()
        .map(|mut field| {
            // Required in the first item only: marked optional in the others.
            field.optional |= field.optional_after_first && item.is_some_and(|i| i > 0);
            // A follow-up to an answer on this page stands indented under it.
            let follows = field
                .show_if
                .as_ref()
                .is_some_and(|c| c.referenced_fields().into_iter().any(on_this_page));
            let id = field.id.clone();
            let error = {
                let id = id.clone();
                Signal::derive(move || errors.with(|es| es.iter().find(|e| e.field == id).cloned()))
            };
            if prefill.is_locked(&field.id) {
                let value = answers.with_untracked(|a| {
                    display_answer(&field, a.get(&field.id), i18n.locale()).unwrap_or_default()
                });
                let row = SummaryRow {
                    key: i18n.said(&field.label),
                    value,
                    change_href: None,
                    context: None,
                    note: Some(i18n.t(Key::FromLoginLocked).to_owned()),
                };
                let heading = single_question.then(|| {
                    view! {
                        <h1 class="heading-xl" lang=row.key.lang>{row.key.text.clone()}</h1>
                    }
                });
                // The login's answer may still be refused (too young for the service):
                // said here, where the error summary leads, though it cannot be changed.
                let refused = {
                    let field = field.clone();
                    move || {
                        error.get().map(|e| view! {
                            <p class="error-message" id=anchor_id(&field, e.code) tabindex="-1">
                                <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)} " "</span>
                                {field_error_message(&field, &e, i18n.locale())}
                            </p>
                        })
                    }
                };
                return view! {
                    {heading}
                    <div data-testid=format!("locked-{}", field.id)>
                        {refused}
                        <SummaryList rows=vec![row] />
                    </div>
                }
                .into_any();
            }
            if field.kind == FieldKind::Computed {
                // Shown, never typed: worked out as the answers change (as the server
                // will), and read out when it changes.
                let label = i18n.said(&field.label);
                let hint = field.hint.as_ref().map(|h| i18n.said(h));
                let test_id = format!("computed-{}", field.id);
                let value = move || {
                    let value = answers.with(|a| form.with_value(|f| f.computed_value(&field, a)));
                    value.map_or_else(|| i18n.t(Key::ComputedPending).to_owned(), |n| n.to_string())
                };
                let shown = move || layout.with(|l| l.fields.contains(&id));
                return view! {
                    <Show when=shown>
                        <dl class="computed" data-testid=test_id.clone()>
                            <dt class="label" lang=label.lang>{label.text.clone()}</dt>
                            <dd class="computed__value" aria-live="polite">{value.clone()}</dd>
                            {hint.clone().map(|h| view! { <dd class="hint" lang=h.lang>{h.text}</dd> })}
                        </dl>
                    </Show>
                }
                .into_any();
            }
            view! {
                {move || {
                    layout.with(|l| l.fields.contains(&id)).then(|| view! {
                        <div class=if follows { "conditional" } else { "unconditional" }>
                            <Question
                                field=field.clone()
                                answers=answers
                                error=error
                                on_change=on_change
                                is_page_heading=single_question
                            />
                        </div>
                    })
                }}
            }
            .into_any()
        })
        .collect_view();

    let service_title = def.title.clone();
    let intro = step
        .intro
        .clone()
        .filter(|_| !single_question && item.is_none());
    view! {
        <BackLink href=back_href />
        <ErrorSummary errors=summary />
        <span class="caption">{i18n.text_view(&service_title)} " · " {progress}</span>
        {(!single_question).then(|| view! { <h1 class="heading-xl" lang=heading.lang>{heading.text}</h1> })}
        {intro.map(|t| view! { <p class="lead" lang=i18n.lang_of(&t)>{i18n.text(&t)}</p> })}
        {changed_notice}
        {match step.stop.clone() {
            // A stopping page: the explanation above, where to go instead, and no way on.
            Some(stop) => view! {
                {questions}
                <p><StopLink stop=stop /></p>
            }
            .into_any(),
            None => view! {
                <form novalidate on:submit=on_submit>
                    {questions}
                    <Button label=i18n.t(Key::Continue) />
                </form>
            }
            .into_any(),
        }}
        <SaveStatus state=save_state />
    }
    .into_any()
}

/// A stopping page's link onwards: a page of the app, or another site.
#[component]
fn StopLink(stop: Stop) -> impl IntoView {
    let i18n = use_i18n();
    let label = i18n.said(&stop.link_label);
    view! {
        <a class="button" href=stop.link data-testid="stop-link" lang=label.lang>{label.text}</a>
    }
}
