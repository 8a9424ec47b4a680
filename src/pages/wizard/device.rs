//! "Data on this device": the drafts, the applications waiting to be sent and those
//! sent from here — each can be deleted, or everything at once. Nothing is deleted
//! without asking first in place, saying what is lost (an access code, an application
//! that will then not be sent); focus stays where the citizen is.

use leptos::prelude::*;

use crate::components::error_summary::focus_selector;
use crate::i18n::{fill, use_i18n, Key};
use crate::page::{local_date, next_frame, use_document_title};
use crate::router::urls;
use crate::store::{self, Draft, SavedApplication};

/// One thing kept on the device.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Draft(Draft),
    Sent(SavedApplication),
}

impl Item {
    /// Unique on the page, and safe in an id (service ids and case numbers are).
    fn id(&self) -> String {
        match self {
            Item::Draft(d) => format!("draft-{}", d.service_id),
            Item::Sent(a) => format!("case-{}", a.case_number),
        }
    }

    fn delete(&self) {
        match self {
            Item::Draft(d) => store::delete_draft(&d.service_id),
            Item::Sent(a) => store::delete_application(&a.case_number),
        }
    }
}

fn drafts() -> Vec<Item> {
    store::all_drafts()
        .into_iter()
        .filter(|d| d.has_answers() || d.pending.is_some() || d.not_sent.is_some())
        .map(Item::Draft)
        .collect()
}

fn sent() -> Vec<Item> {
    store::load_applications()
        .into_iter()
        .map(Item::Sent)
        .collect()
}

#[component]
pub fn DevicePage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::DeviceTitle).into(), false.into());
    // One that waited too long is listed as a draft again, not as still being tried.
    crate::outbox::return_expired();
    let drafts = RwSignal::new(drafts());
    let applications = RwSignal::new(sent());
    // The row whose deletion is being confirmed.
    let asking = RwSignal::new(None::<String>);
    let confirming_all = RwSignal::new(false);
    let deleted_all = RwSignal::new(false);

    let delete = Callback::new(move |item: Item| {
        let list = if matches!(item, Item::Draft(_)) {
            drafts
        } else {
            applications
        };
        // Focus goes to the row after it, or the list's heading when it was the last.
        let next = list.with_untracked(|rows| {
            let at = rows.iter().position(|r| *r == item)?;
            rows.get(at + 1).map(Item::id)
        });
        item.delete();
        asking.set(None);
        drafts.set(self::drafts());
        applications.set(sent());
        let heading = if matches!(item, Item::Draft(_)) {
            "#drafts-title"
        } else {
            "#sent-title"
        };
        next_frame(move || match next {
            Some(id) => focus_selector(&format!("#row-{id} a")),
            None => focus_selector(heading),
        });
    });
    let list = move |items: RwSignal<Vec<Item>>, testid: &'static str| {
        move || {
            if items.with(Vec::is_empty) {
                return view! { <p>{i18n.t(Key::NoneStored)}</p> }.into_any();
            }
            let rows = items
                .get()
                .into_iter()
                .map(|item| view! { <Row item=item asking=asking delete=delete /> })
                .collect_view();
            view! { <ul class="device-list" data-testid=testid>{rows}</ul> }.into_any()
        }
    };

    view! {
        <h1 class="heading-xl">{i18n.t(Key::DeviceTitle)}</h1>
        <p class="lead">{i18n.t(Key::DeviceIntro)}</p>
        <p>{fill(i18n.t(Key::DraftsExpire), &[("days", &store::draft_days().to_string())])}</p>
        <p>{fill(i18n.t(Key::OutboxExpires), &[("days", &store::outbox_days().to_string())])}</p>
        {move || deleted_all.get().then(|| view! {
            <div class="notice" role="status" id="deleted-all" tabindex="-1"><p>{i18n.t(Key::DeletedAll)}</p></div>
        })}
        <h2 class="heading-m" id="drafts-title" tabindex="-1">{i18n.t(Key::DraftsHeading)}</h2>
        {list(drafts, "drafts")}
        <h2 class="heading-m" id="sent-title" tabindex="-1">{i18n.t(Key::SentHeading)}</h2>
        {list(applications, "applications")}
        // What the login keeps, and where: only when this device has logged in.
        {store::account().map(|_| view! {
            <h2 class="heading-m">{i18n.t(Key::LoginKeptHeading)}</h2>
            <p data-testid="login-kept">{i18n.t(Key::LoginKept)}</p>
            <p>{i18n.t(if store::drafts_in_account() { Key::DraftsInAccountOn } else { Key::DraftsInAccountOff })}</p>
        })}
        {move || if confirming_all.get() {
            view! {
                <DeleteAllConfirm
                    drafts=drafts.get_untracked()
                    sent=applications.get_untracked().len()
                    done=Callback::new(move |deleted: bool| {
                        confirming_all.set(false);
                        if deleted {
                            // Logged in: the drafts kept in the account go too.
                            if store::account().is_some() {
                                // The token first: the device forgets the account below.
                                crate::spawn(async {
                                    let _ = crate::api::get_session().await;
                                    let _ = crate::api::delete_account_drafts(None).await;
                                });
                            }
                            store::delete_everything();
                            deleted_all.set(true);
                            drafts.set(Vec::new());
                            applications.set(Vec::new());
                            next_frame(|| focus_selector("#deleted-all"));
                        } else {
                            next_frame(|| focus_selector("#delete-all"));
                        }
                    })
                />
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button--warning" id="delete-all"
                    on:click=move |_| {
                        deleted_all.set(false);
                        confirming_all.set(true);
                        next_frame(|| focus_selector("#confirm-all"));
                    }>
                    {i18n.t(Key::DeleteAll)}
                </button>
            }
            .into_any()
        }}
    }
}

/// One thing kept: its name (a link), a detail, and "Löschen" — which asks first, in
/// place, saying what is lost.
#[component]
fn Row(item: Item, asking: RwSignal<Option<String>>, delete: Callback<Item>) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id();
    let (href, title, detail, name) = match &item {
        Item::Draft(d) => {
            let title = d
                .service_title
                .as_ref()
                .map(|t| i18n.text(t))
                .unwrap_or_else(|| d.service_id.clone());
            let (href, detail) = match (&d.pending, d.not_sent) {
                (Some(p), _) => (
                    urls::start(&d.service_id),
                    fill(
                        i18n.t(Key::DraftWaitingUntil),
                        &[("date", &local_date(p.send_until()))],
                    ),
                ),
                (None, Some(_)) => (
                    urls::check(&d.service_id),
                    i18n.t(Key::DraftNotSent).to_owned(),
                ),
                (None, None) => (
                    urls::start(&d.service_id),
                    fill(
                        i18n.t(Key::DraftLastSaved),
                        &[("date", &local_date(d.saved_at))],
                    ),
                ),
            };
            (href, title.clone(), detail, title)
        }
        Item::Sent(a) => (
            urls::case(&a.case_number),
            i18n.text(&a.service_title),
            format!(
                "{} · {}",
                a.case_number,
                crate::pages::wizard::case::format_timestamp(&a.submitted_at, i18n.locale())
            ),
            a.case_number.clone(),
        ),
    };
    let lang = match &item {
        Item::Draft(d) => d.service_title.as_ref().and_then(|t| i18n.lang_of(t)),
        Item::Sent(a) => i18n.lang_of(&a.service_title),
    };
    let label = fill(i18n.t(Key::DeleteNamed), &[("name", &name)]);
    let confirm_id = format!("confirm-{id}");
    let button_id = format!("delete-{id}");
    let action = {
        let id = id.clone();
        move || {
            if asking.get().as_deref() != Some(id.as_str()) {
                let (id, confirm_id) = (id.clone(), confirm_id.clone());
                return view! {
                    <button type="button" class="link-button" id=button_id.clone() aria-label=label.clone()
                        on:click=move |_| {
                            asking.set(Some(id.clone()));
                            let confirm = format!("#{confirm_id}");
                            next_frame(move || focus_selector(&confirm));
                        }>
                        {i18n.t(Key::Delete)}
                    </button>
                }
                .into_any();
            }
            let (question, detail) = what_is_lost(&item, i18n);
            let (item, back) = (item.clone(), format!("#{button_id}"));
            view! {
                <div class="device-list__confirm notice notice--error" id=confirm_id.clone() tabindex="-1"
                    role="group" aria-labelledby=format!("{confirm_id}-text")>
                    <p id=format!("{confirm_id}-text")><strong>{question}</strong></p>
                    {detail.map(|d| view! { <p>{d}</p> })}
                    <div class="button-group">
                        <button type="button" class="button button--warning"
                            on:click=move |_| delete.run(item.clone())>
                            {i18n.t(Key::Delete)}
                        </button>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| {
                                asking.set(None);
                                let back = back.clone();
                                next_frame(move || focus_selector(&back));
                            }>
                            {i18n.t(Key::Cancel)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li class="device-list__item" id=format!("row-{id}")>
            <a href=href lang=lang>{title}</a>
            <span class="device-list__detail">{detail}</span>
            {action}
        </li>
    }
}

/// The question before deleting `item`, and what it costs: the codes of a sent
/// application (to note them), or that one waiting in the outbox will not be sent.
fn what_is_lost(item: &Item, i18n: crate::i18n::I18n) -> (String, Option<String>) {
    match item {
        Item::Sent(a) => (
            i18n.t(Key::DeleteSentConfirm).to_owned(),
            Some(fill(
                i18n.t(Key::CodesToCopy),
                &[("case", &a.case_number), ("code", &a.access_code)],
            )),
        ),
        Item::Draft(d) if d.pending.is_some() => {
            (i18n.t(Key::DeleteWaitingConfirm).to_owned(), None)
        }
        Item::Draft(_) => (i18n.t(Key::DeleteDraftConfirm).to_owned(), None),
    }
}

/// "Alles löschen?", naming what is lost.
#[component]
fn DeleteAllConfirm(drafts: Vec<Item>, sent: usize, done: Callback<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = drafts
        .iter()
        .filter(|d| matches!(d, Item::Draft(d) if d.pending.is_some()))
        .count();
    let lost = [
        (Key::LostDrafts, drafts.len() - waiting),
        (Key::LostWaiting, waiting),
        (Key::LostSent, sent),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| view! { <li>{fill(i18n.t(key), &[("n", &n.to_string())])}</li> })
    .collect_view();
    view! {
        <div class="notice notice--error" id="confirm-all" tabindex="-1" role="group"
            aria-labelledby="confirm-all-text">
            <p id="confirm-all-text"><strong>{i18n.t(Key::DeleteAllConfirm)}</strong></p>
            <ul>{lost}</ul>
            <p>{i18n.t(Key::DeleteAllCityKeeps)}</p>
            <div class="button-group">
                <button type="button" class="button button--warning" on:click=move |_| done.run(true)>
                    {i18n.t(Key::DeleteAllYes)}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| done.run(false)>
                    {i18n.t(Key::Cancel)}
                </button>
            </div>
        </div>
    }
}
