//! The list page of a repeatable group ("add another person"; docs/architecture.md,
//! 'Interaction rules', 6): what was added, each with Change and Remove, and the
//! question whether there is another.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::definition::{ServiceDefinition, Step};
use rathaus_core::flow;
use rathaus_core::validate::validate_group;
use rathaus_core::{Answer, Answers, ErrorCode};

use super::arrival::draft_for_step;
use crate::components::{BackLink, Button, ErrorSummary, RadioOption, Radios, SummaryError};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::page::{focus_main_heading, use_document_title};
use crate::router::{urls, use_router};
use crate::store;
use crate::wizard::navigation::{after_step, redirect, Steps};
use crate::wizard::{display_answer, today};

/// "Person 2": the name of item `index` of a group.
pub fn item_name(i18n: I18n, step: &Step, index: usize) -> String {
    let item = step
        .repeat
        .as_ref()
        .map(|r| r.item.get(i18n.locale()))
        .unwrap_or("");
    fill(
        i18n.t(Key::ItemNumbered),
        &[("item", item), ("n", &(index + 1).to_string())],
    )
}

/// What names an item in lists: its summary field's answer, or "Person 2".
pub fn item_label(i18n: I18n, step: &Step, index: usize, item: &Answers) -> String {
    let name = item_name(i18n, step, index);
    step.summary_field()
        .and_then(|f| display_answer(f, item.get(&f.id), i18n.locale()))
        .map(|answer| format!("{name}: {answer}"))
        .unwrap_or(name)
}

#[component]
pub fn GroupPage(def: Arc<ServiceDefinition>, step_id: String, from_check: bool) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let Some(step) = def.step(&step_id).cloned() else {
        return view! { <crate::pages::NotFoundPage /> }.into_any();
    };
    let Some(repeat) = step.repeat.clone() else {
        return view! { <crate::pages::NotFoundPage /> }.into_any();
    };
    let draft = match draft_for_step(&def, &step.id, from_check) {
        Ok(draft) => draft,
        Err(instead) => return instead,
    };
    // The page's texts with the earlier answers they name.
    let def = Arc::new(def.as_asked(&draft.answers, crate::page::today()));
    let step = def.step(&step_id).cloned().unwrap_or(step);
    let items = RwSignal::new(
        draft
            .answers
            .get(&step.id)
            .map(Answer::items)
            .unwrap_or_default()
            .to_vec(),
    );
    // A group that needs an item starts with its first item's questions.
    if items.with_untracked(Vec::is_empty) && repeat.min > 0 {
        redirect(urls::item(&def.id, &step.id, Some(0), from_check));
        return ().into_any();
    }
    let draft = StoredValue::new(draft);
    let max = repeat.max as usize;
    let another = RwSignal::new(String::new());
    let another_missing = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<SummaryError>::new());

    let steps =
        draft.with_value(|d| Steps::of(&flow::walk(&def, &d.answers, today()), &def, &step.id));
    let progress = steps.progress(i18n, &step.id);
    let heading = i18n.said(&step.title);
    // "Kind 2" is in the language of the group's word for an item.
    let item_lang = i18n.lang_of(&repeat.item);
    use_document_title(
        format!("{} – {}", heading.text, i18n.text(&def.title)),
        Signal::derive(move || another_missing.get() || !problems.with(Vec::is_empty)),
    );

    let remove = {
        let step_id = step.id.clone();
        move |index: usize| {
            items.update(|list| {
                if index < list.len() {
                    list.remove(index);
                }
            });
            let now = items.get_untracked();
            draft.update_value(|d| {
                d.answers.set(step_id.clone(), Answer::Items(now));
                // Errors the server found on items refer to positions that just moved.
                let prefix = format!("{step_id}.");
                d.server_errors.retain(|e| !e.field.starts_with(&prefix));
            });
            draft.with_value(store::save_draft);
            problems.set(Vec::new());
            focus_main_heading();
        }
    };

    let rows = {
        let (def, step) = (def.clone(), step.clone());
        move || {
            let list = items.get();
            if list.is_empty() {
                return view! { <p>{i18n.t(Key::NoItemsYet)}</p> }.into_any();
            }
            let rows = list
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let label = item_label(i18n, &step, index, item);
                    let name = item_name(i18n, &step, index);
                    let href = urls::item(&def.id, &step.id, Some(index), from_check);
                    let remove = remove.clone();
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key" lang=item_lang>{label}</dt>
                            <dd class="summary-list__actions">
                                <a href=href>
                                    {i18n.t(Key::Change)}
                                    <span class="visually-hidden" lang=item_lang>{format!(" {name}")}</span>
                                </a>
                                " "
                                <button type="button" class="link-button" on:click=move |_| remove(index)>
                                    {i18n.t(Key::Remove)}
                                    <span class="visually-hidden" lang=item_lang>{format!(" {name}")}</span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="heading-m">{i18n.t(Key::ItemsAdded)}</h2>
                <dl class="summary-list">{rows}</dl>
            }
            .into_any()
        }
    };

    let another_label = i18n.said(&repeat.add_another);
    let another_error = {
        let label = another_label.text.clone();
        Signal::derive(move || {
            another_missing
                .get()
                .then(|| fill(i18n.t(Key::ErrRequiredChoice), &[("label", &label)]))
        })
    };
    let summary = Signal::derive(move || {
        let mut all = problems.get();
        if let Some(message) = another_error.get() {
            all.insert(
                0,
                SummaryError {
                    href: "#add-another".into(),
                    message,
                },
            );
        }
        all
    });

    let on_submit = {
        let (def, step) = (def.clone(), step.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let count = items.with_untracked(Vec::len);
            if count < max {
                match another.get_untracked().as_str() {
                    "yes" => {
                        another_missing.set(false);
                        router.navigate(&urls::item(&def.id, &step.id, Some(count), from_check));
                        return;
                    }
                    "no" => another_missing.set(false),
                    _ => {
                        another_missing.set(true);
                        return;
                    }
                }
            }
            let answers = draft.with_value(|d| d.answers.clone());
            let walked = flow::walk(&def, &answers, today()).answers;
            let found = validate_group(&def, &step, &walked, today());
            let locale = i18n.locale();
            let mut listed: Vec<SummaryError> = Vec::new();
            for e in &found {
                let (href, message) = match e.item_path() {
                    Some((_, index, _)) => (
                        urls::item(&def.id, &step.id, Some(index), from_check),
                        fill(
                            i18n.t(Key::ItemIncomplete),
                            &[("item", &item_name(i18n, &step, index))],
                        ),
                    ),
                    None => {
                        let key = if e.code == ErrorCode::TooMany {
                            Key::ErrTooMany
                        } else {
                            Key::ErrTooFew
                        };
                        let limit = e.limit.clone().unwrap_or_default();
                        (
                            "#add-another".into(),
                            fill(
                                key.text(locale),
                                &[("label", step.title.get(locale)), ("limit", &limit)],
                            ),
                        )
                    }
                };
                if !listed.iter().any(|l| l.href == href) {
                    listed.push(SummaryError { href, message });
                }
            }
            if !listed.is_empty() {
                problems.set(listed);
                return;
            }
            router.navigate(&after_step(&def, &answers, &step.id, from_check, today()));
        }
    };

    let back_href = if from_check {
        urls::check(&def.id)
    } else {
        match steps.ids.iter().position(|s| *s == step.id) {
            Some(at) if at > 0 => urls::step(&def.id, &steps.ids[at - 1], false),
            _ => urls::start(&def.id),
        }
    };
    let intro = step.intro.clone();
    let full_text = fill(i18n.t(Key::MaxItemsReached), &[("max", &max.to_string())]);
    view! {
        <BackLink href=back_href />
        <ErrorSummary errors=summary />
        <span class="caption">{i18n.text_view(&def.title)} " · " {progress}</span>
        <h1 class="heading-xl" lang=heading.lang>{heading.text}</h1>
        {intro.map(|t| view! { <p class="lead" lang=i18n.lang_of(&t)>{i18n.text(&t)}</p> })}
        {rows}
        <form novalidate on:submit=on_submit>
            {move || {
                if items.with(Vec::len) < max {
                    let options = [("yes", Key::Yes), ("no", Key::No)]
                        .into_iter()
                        .map(|(value, key)| RadioOption {
                            value: value.into(),
                            label: i18n.t(key).into(),
                            hint: None,
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <Radios
                            id="add-another"
                            legend=another_label.clone()
                            error=another_error
                            options=options
                            value=another
                            on_change=move |v: String| {
                                another.set(v);
                                another_missing.set(false);
                            }
                            inline=true
                        />
                    }
                    .into_any()
                } else {
                    view! { <p>{full_text.clone()}</p> }.into_any()
                }
            }}
            <Button label=i18n.t(Key::Continue) />
        </form>
    }
    .into_any()
}
