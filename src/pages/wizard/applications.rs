//! "Meine Anträge": the applications sent from (or kept on) this device, with their last
//! known status and payment, and a clear mark — a link to the answer form — where the
//! office needs something. An entry that cannot be read is set aside and mentioned; the
//! others are shown.

use leptos::prelude::*;
use rathaus_core::case::CaseStatus;
use rathaus_core::payment::PaymentState;

use super::login::{use_session, AccountBar};
use crate::api::ApiError;
use crate::i18n::{fill, use_i18n, Key};
use crate::page::{time_of_day, use_document_title};
use crate::pages::wizard::case::Latest;
use crate::pages::wizard::case::{format_timestamp, status_key};
use crate::router::urls;
use crate::store::{self, SavedApplication};
use crate::task::use_task;

/// How the last round of asking the backend went.
#[derive(Clone, Copy, PartialEq)]
enum Checked {
    Asking,
    /// Every case answered, at this device time (ms).
    At(u64),
    /// Some could not be asked: what is shown may be old.
    Failed(bool),
}

/// Asks the backend about every case and remembers what it said.
async fn check_all(apps: Vec<SavedApplication>) -> (Vec<SavedApplication>, Option<ApiError>) {
    let mut out = Vec::with_capacity(apps.len());
    let mut failure = None;
    for app in apps {
        let latest = Latest::of(&app).await;
        failure = failure.or(latest.failure());
        out.push(latest.remember(&app));
    }
    (out, failure)
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(i18n.t(Key::NavApplications).into(), false.into());
    let apps = RwSignal::new(store::load_applications());
    let unreadable = store::applications_set_aside();
    let checked = RwSignal::new(Checked::Asking);
    let asking = use_task();
    let check = move || {
        checked.set(Checked::Asking);
        asking.start(check_all(apps.get_untracked()), move |(fresh, failure)| {
            apps.set(fresh);
            checked.set(match failure {
                None => Checked::At(store::now_ms()),
                Some(e) => Checked::Failed(e == ApiError::Network),
            });
        });
    };
    if !apps.with_untracked(Vec::is_empty) {
        check();
    }
    // Logged in: the account's cases from the backend join those on the device.
    let session = use_session();
    let syncing = use_task();
    Effect::new(move |_| {
        let Some(Ok(s)) = session.get() else { return };
        // Asking who is logged in may have taken another account's cases off the
        // device (`account::load`): the list is read again.
        apps.set(store::load_applications());
        if s.identity.is_none() {
            return;
        }
        syncing.start(take_account_cases(s.account.clone()), move |added| {
            if added {
                apps.set(store::load_applications());
                check();
            }
        });
    });
    let account_bar = move || {
        session.get().and_then(Result::ok).map(|s| {
            view! { <AccountBar session=s return_to="/applications".to_owned() /> }
        })
    };

    // Each question waiting for an answer is a link to its form.
    let waiting = move || {
        let asking: Vec<SavedApplication> = apps.with(|a| {
            a.iter()
                .filter(|a| a.last_status == Some(CaseStatus::ActionNeeded))
                .cloned()
                .collect()
        });
        let count = fill(
            i18n.t(Key::ActionNeededCount),
            &[("n", &asking.len().to_string())],
        );
        match asking.as_slice() {
            [] => None,
            [one] => Some(
                view! {
                    <div class="notice notice--action" data-testid="action-needed-summary">
                        <p><strong><a href=answer_link(&one.case_number)>{count}</a></strong></p>
                    </div>
                }
                .into_any(),
            ),
            many => {
                let links = many
                    .iter()
                    .map(|a| {
                        let name = i18n.text_view(&a.service_title);
                        view! { <li><a href=answer_link(&a.case_number)>{name} " (" <bdi>{a.case_number.clone()}</bdi> ")"</a></li> }
                    })
                    .collect_view();
                Some(
                    view! {
                        <div class="notice notice--action" data-testid="action-needed-summary">
                            <p><strong>{count}</strong></p>
                            <ul>{links}</ul>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    };
    let rows = move || {
        apps.get()
            .into_iter()
            .map(|a| {
                let status = a.last_status.map(|s| {
                    view! { <span class=format!("tag tag--{}", s.name())>{i18n.t(status_key(s))}</span> }
                });
                let payment = match a.last_payment {
                    _ if a.fee.cents() <= 0 => None,
                    Some(PaymentState::Payed) => Some(Key::PaymentPaid),
                    Some(PaymentState::Initial) => Some(Key::PaymentPending),
                    Some(_) => Some(Key::PaymentOpen),
                    None => None,
                };
                let action = (a.last_status == Some(CaseStatus::ActionNeeded)).then(|| {
                    let which = i18n.text_view(&a.service_title);
                    view! {
                        <p class="case-list__action">
                            <strong>
                                <a href=answer_link(&a.case_number)>
                                    {i18n.t(Key::ActionNeededMark)}
                                    <span class="visually-hidden">": " {which}</span>
                                </a>
                            </strong>
                        </p>
                    }
                });
                view! {
                    <li class="case-list__item" data-testid="my-application">
                        <h2 class="heading-s">
                            <a href=urls::case(&a.case_number) lang=i18n.lang_of(&a.service_title)>{i18n.text(&a.service_title)}</a>
                        </h2>
                        <p class="case-list__meta">
                            {i18n.t(Key::CaseNumberLabel)} " " <bdi>{a.case_number.clone()}</bdi> " · "
                            {i18n.t(Key::SubmittedOn)} " " {format_timestamp(&a.submitted_at, i18n.locale())}
                        </p>
                        <p class="case-list__state">
                            {status}
                            {payment.map(|k| view! { " " <span class="case-list__payment">{i18n.t(k)}</span> })}
                        </p>
                        {action}
                    </li>
                }
            })
            .collect_view()
    };
    let state_line = move || match checked.get() {
        Checked::Asking => i18n.t(Key::CheckingCases).to_owned(),
        Checked::At(ms) => fill(
            i18n.t(Key::CasesCheckedAt),
            &[("time", &time_of_day(Some(ms)))],
        ),
        Checked::Failed(offline) => i18n
            .t(if offline {
                Key::CasesOffline
            } else {
                Key::CasesNotChecked
            })
            .to_owned(),
    };
    let retry = move || {
        matches!(checked.get(), Checked::Failed(_)).then(|| {
            view! {
                <button type="button" class="link-button" on:click=move |_| check()>
                    {i18n.t(Key::TryAgain)}
                </button>
            }
        })
    };

    let set_aside = (unreadable > 0).then(|| {
        let text = if unreadable == 1 {
            i18n.t(Key::EntryUnreadable).to_owned()
        } else {
            fill(
                i18n.t(Key::EntriesUnreadable),
                &[("n", &unreadable.to_string())],
            )
        };
        view! {
            <div class="notice notice--error" data-testid="unreadable">
                <p>{text} " " <a href="/device">{i18n.t(Key::DeviceTitle)}</a></p>
            </div>
        }
    });

    view! {
        <h1 class="heading-xl">{i18n.t(Key::NavApplications)}</h1>
        {account_bar}
        {set_aside}
        {move || if apps.with(Vec::is_empty) {
            view! { <p>{i18n.t(Key::NoApplications)}</p> }.into_any()
        } else {
            view! {
                <p class="lead">{i18n.t(Key::ApplicationsIntro)}</p>
                {waiting}
                <p class="case-list__checked" role="status">{state_line} " " {retry}</p>
                <ul class="case-list">{rows}</ul>
            }
            .into_any()
        }}
        <p><a href="/status">{i18n.t(Key::AddFromOtherDevice)}</a></p>
    }
}

/// Keeps the account's cases on the device that it does not keep yet (sent from
/// another device): without their access codes, the session opens them. Whether any
/// was new.
async fn take_account_cases(tag: Option<String>) -> bool {
    let Ok(list) = crate::api::account_applications().await else {
        return false;
    };
    let mut added = false;
    for a in list.applications {
        if store::find_application(&a.case_number).is_some() {
            continue;
        }
        added |= store::save_application(SavedApplication {
            case_number: a.case_number,
            access_code: String::new(),
            service_id: a.service_id,
            service_title: a.service_title,
            fee: a.fee,
            submitted_at: a.submitted_at,
            what_happens_next: None,
            pay_request: None,
            last_status: Some(a.status),
            last_payment: None,
            sent_here: false,
            account: tag.clone(),
        });
    }
    added
}

/// The case page, at its answer form.
fn answer_link(case_number: &str) -> String {
    format!("{}#answer", urls::case(case_number))
}
