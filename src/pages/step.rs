//! One step of the wizard: its questions, Continue and Back, progress, and errors.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::flow;
use rathaus_core::validate::{validate_field, validate_step};
use rathaus_core::FieldError;

use crate::components::{BackLink, Button, ErrorSummary, SummaryError};
use crate::i18n::{fill, use_i18n, Key};
use crate::page::use_document_title;
use crate::router::{urls, use_router};
use crate::services::with_service;
use crate::store::{self, Draft};
use crate::wizard::messages::{anchor_id, field_error_message};
use crate::wizard::question::Question;
use crate::wizard::today;

#[component]
pub fn StepPage(service: String, step: String, from_check: bool) -> impl IntoView {
    with_service(service, move |def| {
        view! { <StepForm def=def step_id=step.clone() from_check=from_check /> }
    })
}

/// What to show after sending: never the form again.
#[component]
pub fn AlreadySent(service_id: String, case_number: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::AlreadySentTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::AlreadySentTitle)}</h1>
        <p>{i18n.t(Key::AlreadySentText)}</p>
        <p><a href=urls::confirmation(&case_number)>{i18n.t(Key::ShowConfirmation)}</a></p>
        <p><a href=urls::start(&service_id)>{i18n.t(Key::StartAgain)}</a></p>
    }
}

/// Sends the citizen elsewhere without adding a history entry: a page they should not
/// be on must not trap the back button.
pub(crate) fn redirect(url: String) {
    let router = use_router();
    request_animation_frame(move || router.replace(&url));
}

/// The visible steps of the service and the visible questions of this step.
#[derive(Clone, PartialEq)]
struct Layout {
    steps: Vec<String>,
    fields: Vec<String>,
}

#[component]
fn StepForm(def: Arc<ServiceDefinition>, step_id: String, from_check: bool) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let Some(step) = def.step(&step_id).cloned() else {
        return view! { <super::NotFoundPage /> }.into_any();
    };
    let draft = store::load_draft(&def.id).unwrap_or_else(|| Draft::new(&def.id, def.version));
    if let Some(case_number) = draft.submitted_case.clone() {
        return view! { <AlreadySent service_id=def.id.clone() case_number=case_number /> }
            .into_any();
    }
    // A step the answers hide (an old bookmark, a changed answer) is not a page to be on.
    if !flow::is_step_visible(&def, &step.id, &draft.answers) {
        let target = match flow::first_incomplete_step(&def, &draft.answers, today()) {
            Some(s) => urls::step(&def.id, &s.id, from_check),
            None => urls::check(&def.id),
        };
        redirect(target);
        return ().into_any();
    }

    let field_ids: Vec<String> = step.fields.iter().map(|f| f.id.clone()).collect();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(
        draft
            .server_errors
            .iter()
            .filter(|e| field_ids.contains(&e.field))
            .cloned()
            .collect(),
    );
    let answers = RwSignal::new(draft.answers.clone());
    let draft = StoredValue::new(draft);

    // Every change is on the device at once: nothing typed lives only in memory.
    {
        let (step_id, version) = (step.id.clone(), def.version);
        Effect::new(move |_| {
            let current = answers.get();
            draft.update_value(|d| {
                d.answers = current;
                d.step = Some(step_id.clone());
                d.service_version = version;
            });
            draft.with_value(store::save_draft);
        });
    }

    // Typing may remove an error the citizen has just fixed, never add one.
    let on_change = {
        let def = def.clone();
        move |field_id: String| {
            if !errors.with_untracked(|es| es.iter().any(|e| e.field == field_id)) {
                return;
            }
            let fixed = def.field(&field_id).is_some_and(|f| {
                answers.with_untracked(|a| validate_field(f, a.get(&field_id), today()).is_none())
            });
            let from_server =
                draft.with_value(|d| d.server_errors.iter().any(|e| e.field == field_id));
            if fixed || from_server {
                errors.update(|es| es.retain(|e| e.field != field_id));
                draft.update_value(|d| d.server_errors.retain(|e| e.field != field_id));
            }
        }
    };

    // What the answers show, from one walk per change: the visible steps (for the
    // progress line and "back") and this step's visible questions.
    let layout = {
        let (def, step_id) = (def.clone(), step.id.clone());
        Memo::new(move |_| {
            answers.with(|a| {
                let walk = flow::walk(&def, a);
                let fields = walk
                    .steps
                    .iter()
                    .find(|(s, _)| s.id == step_id)
                    .map(|(_, fields)| fields.iter().map(|f| f.id.clone()).collect())
                    .unwrap_or_default();
                let steps = walk.steps.into_iter().map(|(s, _)| s.id.clone()).collect();
                Layout { steps, fields }
            })
        })
    };

    let single_question = step.fields.len() == 1;
    let heading = if single_question {
        i18n.text(&step.fields[0].label)
    } else {
        i18n.text(&step.title)
    };
    use_document_title(
        format!("{heading} – {}", i18n.text(&def.title)),
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
                            href: format!("#{}", anchor_id(field)),
                            message: field_error_message(field, e, locale),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };

    let progress = {
        let step_id = step.id.clone();
        move || {
            layout.with(|l| {
                let at = l.steps.iter().position(|s| *s == step_id)?;
                let (n, total) = ((at + 1).to_string(), l.steps.len().to_string());
                Some(fill(i18n.t(Key::StepOf), &[("n", &n), ("total", &total)]))
            })
        }
    };

    let back_href = {
        let (service, step_id) = (def.id.clone(), step.id.clone());
        Signal::derive(move || {
            if from_check {
                return urls::check(&service);
            }
            // This step is visible (conditions only look back), so the one before it in
            // the list is the previous page.
            layout.with(|l| match l.steps.iter().position(|s| *s == step_id) {
                Some(at) if at > 0 => urls::step(&service, &l.steps[at - 1], false),
                _ => urls::start(&service),
            })
        })
    };

    let on_submit = {
        let (def, step) = (def.clone(), step.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let found = answers.with_untracked(|a| validate_step(&def, &step, a, today()));
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(Vec::new());
            let next = answers.with_untracked(|a| {
                if from_check {
                    // After a change, the first page still missing something (a newly
                    // shown step, say), or back to the check page.
                    flow::first_incomplete_step(&def, a, today())
                } else {
                    flow::next_step(&def, a, &step.id)
                }
                .map(|s| s.id.clone())
            });
            let url = match next {
                Some(next) => urls::step(&def.id, &next, from_check),
                None => urls::check(&def.id),
            };
            router.navigate(&url);
        }
    };

    let questions = step
        .fields
        .iter()
        .cloned()
        .map(|field| {
            let id = field.id.clone();
            let error = {
                let field = field.clone();
                Signal::derive(move || {
                    errors.with(|es| {
                        es.iter()
                            .find(|e| e.field == field.id)
                            .map(|e| field_error_message(&field, e, i18n.locale()))
                    })
                })
            };
            let on_change = on_change.clone();
            view! {
                {move || {
                    layout.with(|l| l.fields.contains(&id)).then(|| view! {
                        <Question
                            field=field.clone()
                            answers=answers
                            error=error
                            on_change=on_change.clone()
                            is_page_heading=single_question
                        />
                    })
                }}
            }
        })
        .collect_view();

    let service_title = def.title.clone();
    let intro = step.intro.clone();
    view! {
        <BackLink href=back_href />
        <ErrorSummary errors=summary />
        <span class="caption">{i18n.text(&service_title)} " · " {progress}</span>
        {(!single_question).then(|| view! { <h1 class="heading-xl">{heading}</h1> })}
        {intro.filter(|_| !single_question).map(|t| view! { <p class="lead">{i18n.text(&t)}</p> })}
        <form novalidate on:submit=on_submit>
            {questions}
            <Button label=i18n.t(Key::Continue) />
        </form>
    }
    .into_any()
}
