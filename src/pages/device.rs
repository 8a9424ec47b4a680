//! "Data on this device": the drafts, the applications waiting to be sent and those
//! sent from here — each can be deleted, or everything at once.

use leptos::prelude::*;

use crate::i18n::{fill, use_i18n, Key};
use crate::page::{local_date, use_document_title};
use crate::router::urls;
use crate::store::{self, Draft};

#[component]
pub fn DevicePage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::DeviceTitle).into(), false.into());
    let drafts = RwSignal::new(Vec::<Draft>::new());
    let applications = RwSignal::new(Vec::new());
    let refresh = move || {
        drafts.set(
            store::all_drafts()
                .into_iter()
                .filter(|d| d.has_answers() || d.pending.is_some())
                .collect(),
        );
        applications.set(store::load_applications());
    };
    refresh();
    let confirming = RwSignal::new(false);
    let deleted_all = RwSignal::new(false);

    let draft_rows = move || {
        drafts
            .get()
            .into_iter()
            .map(|d| {
                let title = d
                    .service_title
                    .as_ref()
                    .map(|t| i18n.text(t))
                    .unwrap_or_else(|| d.service_id.clone());
                let detail = if d.pending.is_some() {
                    i18n.t(Key::DraftWaitingToSend).to_owned()
                } else {
                    fill(
                        i18n.t(Key::DraftLastSaved),
                        &[("date", &local_date(d.saved_at))],
                    )
                };
                let id = d.service_id.clone();
                let delete = move || {
                    store::delete_draft(&id);
                    refresh();
                };
                row(
                    urls::start(&d.service_id),
                    title.clone(),
                    detail,
                    title,
                    delete,
                )
            })
            .collect_view()
    };
    let application_rows = move || {
        applications
            .get()
            .into_iter()
            .map(|a| {
                let detail = format!(
                    "{} · {}",
                    a.case_number,
                    crate::pages::case::format_timestamp(&a.submitted_at, i18n.locale())
                );
                let case = a.case_number.clone();
                let delete = move || {
                    store::delete_application(&case);
                    refresh();
                };
                let href = urls::case(&a.case_number);
                row(
                    href,
                    i18n.text(&a.service_title),
                    detail,
                    a.case_number,
                    delete,
                )
            })
            .collect_view()
    };

    view! {
        <h1 class="heading-xl">{i18n.t(Key::DeviceTitle)}</h1>
        <p class="lead">{i18n.t(Key::DeviceIntro)}</p>
        <p>{fill(i18n.t(Key::DraftsExpire), &[("days", &store::draft_days().to_string())])}</p>
        {move || deleted_all.get().then(|| view! {
            <div class="notice" role="status"><p>{i18n.t(Key::DeletedAll)}</p></div>
        })}
        <h2 class="heading-m">{i18n.t(Key::DraftsHeading)}</h2>
        {move || if drafts.with(Vec::is_empty) {
            view! { <p>{i18n.t(Key::NoneStored)}</p> }.into_any()
        } else {
            view! { <ul class="device-list" data-testid="drafts">{draft_rows}</ul> }.into_any()
        }}
        <h2 class="heading-m">{i18n.t(Key::SentHeading)}</h2>
        {move || if applications.with(Vec::is_empty) {
            view! { <p>{i18n.t(Key::NoneStored)}</p> }.into_any()
        } else {
            view! { <ul class="device-list" data-testid="applications">{application_rows}</ul> }.into_any()
        }}
        {move || if confirming.get() {
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{i18n.t(Key::DeleteAllConfirm)}</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| {
                            store::delete_everything();
                            confirming.set(false);
                            deleted_all.set(true);
                            refresh();
                        }>{i18n.t(Key::DeleteAllYes)}</button>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| confirming.set(false)>
                            {i18n.t(Key::Cancel)}
                        </button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="button button--warning"
                    on:click=move |_| { deleted_all.set(false); confirming.set(true) }>
                    {i18n.t(Key::DeleteAll)}
                </button>
            }.into_any()
        }}
    }
}

/// One thing kept on the device: its name (a link), a detail, and a delete button that
/// names what it deletes for screen readers.
fn row(
    href: String,
    title: String,
    detail: String,
    name: String,
    delete: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = fill(i18n.t(Key::DeleteNamed), &[("name", &name)]);
    view! {
        <li class="device-list__item">
            <a href=href>{title}</a>
            <span class="device-list__detail">{detail}</span>
            <button type="button" class="link-button" aria-label=label on:click=move |_| delete()>
                {i18n.t(Key::Delete)}
            </button>
        </li>
    }
}
