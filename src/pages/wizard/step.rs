//! One step of the wizard: its questions, Continue and Back, progress, and errors. A
//! repeatable group has two kinds of page: its list ([`super::group::GroupPage`]) and
//! one page per item, which is this form over the item's answers.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::flow;
use rathaus_core::scope::Scope;
use rathaus_core::validate::{first_incomplete_step, validate_field, validate_item, validate_step};
use rathaus_core::{Answer, Answers, FieldError};

use super::group::GroupPage;
use crate::components::{BackLink, Button, ErrorSummary, SummaryError};
use crate::i18n::{fill, use_i18n, Key, Said};
use crate::page::use_document_title;
use crate::router::{urls, use_router};
use crate::services::with_service;
use crate::store::Draft;
use crate::wizard::messages::{anchor_id, field_error_message};
use crate::wizard::question::{can_be_page_heading, Question};
use crate::wizard::saving::{draft_changed, state_on_arrival, write_waiting, SaveStatus};
use crate::wizard::today;

#[component]
pub fn StepPage(
    service: String,
    step: String,
    item: Option<usize>,
    from_check: bool,
) -> impl IntoView {
    with_service(service, move |def| {
        let is_group = def.step(&step).is_some_and(|s| s.repeat.is_some());
        if is_group && item.is_none() {
            view! { <GroupPage def=def step_id=step.clone() from_check=from_check /> }.into_any()
        } else {
            view! { <StepForm def=def step_id=step.clone() item=item from_check=from_check /> }
                .into_any()
        }
    })
}

/// Back into a draft: to the step where the citizen left off if it still applies, else
/// the first one still missing something, else the check page.
#[component]
pub fn ResumePage(service: String) -> impl IntoView {
    with_service(service, |def| {
        let d = crate::wizard::draft_for(&def);
        let url = match &d.submitted_case {
            Some(case_number) => urls::case(case_number),
            None => {
                let step = d
                    .step
                    .filter(|s| flow::is_step_visible(&def, s, &d.answers, today()))
                    .or_else(|| {
                        first_incomplete_step(&def, &d.answers, today()).map(|s| s.id.clone())
                    });
                match step {
                    Some(step) => urls::step(&def.id, &step, false),
                    None => urls::check(&def.id),
                }
            }
        };
        redirect(url);
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
        <p><a href=urls::case(&case_number)>{i18n.t(Key::ShowConfirmation)}</a></p>
        <p><a href=urls::start(&service_id)>{i18n.t(Key::StartAgain)}</a></p>
    }
}

/// A step of an application that waits in the outbox: not to be changed any more.
#[component]
fn WaitingToSend(service_id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::WaitingToSendTitle).into(), false.into());
    view! {
        <h1 class="heading-xl">{i18n.t(Key::WaitingToSendTitle)}</h1>
        <p>{i18n.t(Key::WaitingToSendText)}</p>
        <p><a href=urls::check(&service_id)>{i18n.t(Key::WaitingToSendLink)}</a></p>
    }
}

/// Sends the citizen elsewhere without adding a history entry: a page they should not
/// be on must not trap the back button.
pub(crate) fn redirect(url: String) {
    let router = use_router();
    crate::page::next_frame(move || router.replace(&url));
}

/// The draft of this service, or what to show instead of a step of it: the "already
/// sent" page, or nothing while redirecting away from a step the answers hide.
pub(crate) fn draft_for_step(
    def: &ServiceDefinition,
    step_id: &str,
    from_check: bool,
) -> Result<Draft, AnyView> {
    let draft = crate::wizard::draft_for(def);
    if let Some(case_number) = draft.submitted_case.clone() {
        return Err(
            view! { <AlreadySent service_id=def.id.clone() case_number=case_number /> }.into_any(),
        );
    }
    // Waiting in the outbox: what goes out is what was checked, so no more changes
    // (unless the office refused it, which the check page says).
    if draft.pending.is_some() && draft.server_errors.is_empty() {
        return Err(view! { <WaitingToSend service_id=def.id.clone() /> }.into_any());
    }
    // A step the answers hide (an old bookmark, a changed answer) is not a page to be on.
    if !flow::is_step_visible(def, step_id, &draft.answers, today()) {
        let target = match first_incomplete_step(def, &draft.answers, today()) {
            Some(s) => urls::step(&def.id, &s.id, from_check),
            None => urls::check(&def.id),
        };
        redirect(target);
        return Err(().into_any());
    }
    Ok(draft)
}

/// Where Continue leads once a step is complete.
pub(crate) fn after_step(
    def: &ServiceDefinition,
    answers: &Answers,
    step_id: &str,
    from_check: bool,
) -> String {
    let next = if from_check {
        // After a change, the first page still missing something (a newly shown step,
        // say), or back to the check page.
        first_incomplete_step(def, answers, today())
    } else {
        flow::next_step(def, answers, step_id, today())
    };
    match next {
        Some(next) => urls::step(&def.id, &next.id, from_check),
        None => urls::check(&def.id),
    }
}

/// The visible steps of the service and the visible questions of this page.
#[derive(Clone, PartialEq)]
pub(crate) struct Layout {
    pub steps: Steps,
    pub fields: Vec<String>,
}

/// The visible steps, and whether answers still to come can change them.
#[derive(Clone, PartialEq)]
pub(crate) struct Steps {
    pub ids: Vec<String>,
    pub settled: bool,
}

impl Steps {
    pub fn of(walk: &flow::Walk, def: &ServiceDefinition, current: &str) -> Steps {
        Steps {
            ids: walk.steps.iter().map(|(s, _)| s.id.clone()).collect(),
            settled: walk.step_count_settled(def, current),
        }
    }

    /// "Schritt 3 von 7", or "Schritt 3" while the total may still change.
    pub fn progress(&self, i18n: crate::i18n::I18n, step_id: &str) -> Option<String> {
        let at = self.ids.iter().position(|s| s == step_id)?;
        let (n, total) = ((at + 1).to_string(), self.ids.len().to_string());
        let template = if self.settled {
            i18n.t(Key::StepOf)
        } else {
            i18n.t(Key::StepN)
        };
        Some(fill(template, &[("n", &n), ("total", &total)]))
    }
}

#[component]
fn StepForm(
    def: Arc<ServiceDefinition>,
    step_id: String,
    item: Option<usize>,
    from_check: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let Some(step) = def.step(&step_id).cloned() else {
        return view! { <crate::pages::NotFoundPage /> }.into_any();
    };
    let draft = match draft_for_step(&def, &step.id, from_check) {
        Ok(draft) => draft,
        Err(instead) => return instead,
    };
    let today = today();
    // On an item's page the answers edited are the item's; the answers before the
    // group and the visible steps do not change there, so they are walked once.
    let outer: Option<(Answers, Steps)> = item.map(|_| {
        let walk = flow::walk(&def, &draft.answers, today);
        let steps = Steps::of(&walk, &def, &step_id);
        (walk.answers, steps)
    });
    let initial = match (item, &step.repeat) {
        (None, _) => draft.answers.clone(),
        (Some(index), Some(repeat)) => {
            let items = draft
                .answers
                .get(&step.id)
                .map(Answer::items)
                .unwrap_or_default();
            if index > items.len() || index >= repeat.max as usize {
                redirect(urls::step(&def.id, &step.id, from_check));
                return ().into_any();
            }
            items.get(index).cloned().unwrap_or_default()
        }
        (Some(_), None) => return view! { <crate::pages::NotFoundPage /> }.into_any(),
    };
    // Errors the server found on this page (inside a group: `group.index.field`).
    let prefix = item.map(|i| format!("{}.{i}.", step.id));
    let path = {
        let prefix = prefix.clone();
        move |field: &str| match &prefix {
            Some(p) => format!("{p}{field}"),
            None => field.to_owned(),
        }
    };
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(
        draft
            .server_errors
            .iter()
            .filter_map(|e| {
                let field = match &prefix {
                    Some(p) => e.field.strip_prefix(p.as_str())?,
                    None => e.field.as_str(),
                };
                step.fields
                    .iter()
                    .any(|f| f.id == field)
                    .then(|| FieldError {
                        field: field.to_owned(),
                        ..e.clone()
                    })
            })
            .collect(),
    );
    let answers = RwSignal::new(initial);
    let changed_notice = changed_notice(&def, &draft, i18n.locale());
    let draft = StoredValue::new(draft);

    // Every change goes to the device within half a second (and at once when leaving):
    // nothing typed lives only in memory for long.
    let save_state =
        RwSignal::new(draft.with_value(|d| state_on_arrival(&d.service_id, d.saved_at)));
    on_cleanup(write_waiting);
    {
        let (step_id, version) = (step.id.clone(), def.version);
        Effect::new(move |first: Option<()>| {
            let current = answers.get();
            draft.update_value(|d| {
                match item {
                    None => d.answers = current,
                    Some(index) => {
                        let mut items = d
                            .answers
                            .get(&step_id)
                            .map(Answer::items)
                            .unwrap_or_default()
                            .to_vec();
                        if index < items.len() {
                            items[index] = current;
                        } else if current.0.values().any(|a| !a.is_blank()) {
                            // A new item exists once something is typed into it.
                            items.push(current);
                        }
                        d.answers.set(step_id.clone(), Answer::Items(items));
                    }
                }
                d.step = Some(step_id.clone());
                d.service_version = version;
            });
            // Opening a page changes nothing: only what the citizen does is saved.
            if first.is_some() {
                draft.with_value(|d| draft_changed(d.clone(), save_state));
            }
        });
    }

    // Typing may remove an error the citizen has just fixed, never add one.
    let on_change = {
        let (def, path) = (def.clone(), path.clone());
        move |field_id: String| {
            if !errors.with_untracked(|es| es.iter().any(|e| e.field == field_id)) {
                return;
            }
            let fixed = def.field(&field_id).is_some_and(|f| {
                answers.with_untracked(|a| validate_field(f, a.get(&field_id), today).is_none())
            });
            let full = path(&field_id);
            let from_server = draft.with_value(|d| d.server_errors.iter().any(|e| e.field == full));
            if fixed || from_server {
                errors.update(|es| es.retain(|e| e.field != field_id));
                draft.update_value(|d| d.server_errors.retain(|e| e.field != full));
            }
        }
    };

    // What the answers show, from one walk per change: the visible steps (for the
    // progress line and "back") and this page's visible questions.
    let outer = StoredValue::new(outer);
    let layout = {
        let (def, step) = (def.clone(), step.clone());
        Memo::new(move |_| {
            answers.with(|a| {
                outer.with_value(|outer| match outer {
                    None => {
                        let walk = flow::walk(&def, a, today);
                        let fields = walk
                            .steps
                            .iter()
                            .find(|(s, _)| s.id == step.id)
                            .map(|(_, fields)| fields.iter().map(|f| f.id.clone()).collect())
                            .unwrap_or_default();
                        let steps = Steps::of(&walk, &def, &step.id);
                        Layout { steps, fields }
                    }
                    Some((outer_answers, steps)) => {
                        let scope = Scope::new(&def, outer_answers, today).with_item(a);
                        let fields = flow::item_fields(&step, scope)
                            .iter()
                            .map(|f| f.id.clone())
                            .collect();
                        Layout {
                            steps: steps.clone(),
                            fields,
                        }
                    }
                })
            })
        })
    };

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

    let group_is_empty = draft.with_value(|d| {
        d.answers
            .get(&step.id)
            .map(Answer::items)
            .unwrap_or_default()
            .is_empty()
    });
    let back_href = {
        let (service, step_id) = (def.id.clone(), step.id.clone());
        Signal::derive(move || {
            // An item goes back to its group's list, unless the list is still empty
            // (the first item of a group that needs one): that would only lead here again.
            if item.is_some() && !group_is_empty {
                return urls::step(&service, &step_id, from_check);
            }
            if from_check {
                return urls::check(&service);
            }
            // This step is visible (conditions only look back), so the one before it in
            // the list is the previous page.
            layout.with(|l| match l.steps.ids.iter().position(|s| *s == step_id) {
                Some(at) if at > 0 => urls::step(&service, &l.steps.ids[at - 1], false),
                _ => urls::start(&service),
            })
        })
    };

    let on_submit = {
        let (def, step) = (def.clone(), step.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let found = answers.with_untracked(|a| {
                outer.with_value(|outer| match outer {
                    None => validate_step(&def, &step, a, today),
                    Some((outer_answers, _)) => validate_item(&def, &step, a, outer_answers, today),
                })
            });
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(Vec::new());
            let url = match item {
                // Back to the group's list, which asks whether there is another.
                Some(_) => urls::step(&def.id, &step.id, from_check),
                None => answers.with_untracked(|a| after_step(&def, a, &step.id, from_check)),
            };
            router.navigate(&url);
        }
    };

    let on_this_page = |id: &str| step.fields.iter().any(|f| f.id == id);
    let questions = step
        .fields
        .iter()
        .cloned()
        .map(|field| {
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
            let on_change = on_change.clone();
            view! {
                {move || {
                    layout.with(|l| l.fields.contains(&id)).then(|| view! {
                        <div class=if follows { "conditional" } else { "unconditional" }>
                            <Question
                                field=field.clone()
                                answers=answers
                                error=error
                                on_change=on_change.clone()
                                is_page_heading=single_question
                            />
                        </div>
                    })
                }}
            }
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
        <form novalidate on:submit=on_submit>
            {questions}
            <Button label=i18n.t(Key::Continue) />
        </form>
        <SaveStatus state=save_state />
    }
    .into_any()
}

/// Names the questions to answer again because the service changed since the draft
/// began (nothing when there are none).
pub(crate) fn changed_notice(
    def: &ServiceDefinition,
    draft: &Draft,
    locale: rathaus_core::Locale,
) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let labels = crate::wizard::answer_again_labels(def, draft, locale);
    (!labels.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-testid="changed-notice">
                <p><strong>{i18n.t(Key::ServiceChanged)}</strong></p>
                <p>{i18n.t(Key::AnswerAgain)}</p>
                <ul class="list list--bullet">
                    {labels.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
