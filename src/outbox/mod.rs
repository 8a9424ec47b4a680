//! The outbox: an application whose sending failed stays in its draft, with its
//! idempotency key and the exact body (see [`PendingSubmission`]), and is sent again —
//! when the connection returns, when the app starts, and by a retry with growing
//! pauses. The backend's idempotency makes every attempt safe: one application, one
//! case, whatever the network did.
//!
//! Only what may pass later is tried again: no connection, 408, 429 and 5xx. A refusal
//! (400, 404, 409, 413, 422, any other 4xx) takes the application out of the outbox and
//! makes it a draft again, with the reason; so does waiting longer than `outbox_days`,
//! which is shorter than the backend remembers its keys.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use rathaus_core::FieldError;

use crate::api::{self, ApiError};
use crate::file_store;

mod not_sent;
use crate::store::{self, Draft, PendingSubmission, SavedApplication};
use crate::task::{use_timer, Timer};
pub use not_sent::{refusal, NotSent};

/// What became of one attempt to send.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The case exists; its confirmation is on the device.
    Sent { case_number: String },
    /// The backend found mistakes (422): out of the outbox, the errors are in the draft
    /// and shown at their questions.
    Rejected(Vec<FieldError>),
    /// No connection, or the backend cannot take it for now: it stays in the outbox.
    Queued,
    /// Refused, or waited too long: out of the outbox, the answers are a draft again.
    Returned(NotSent),
    /// A file kept on the device for uploading is gone; it was taken out of the answers.
    FileLost,
    /// Nothing to send (already sent, or being sent right now).
    Nothing,
}

/// An application the outbox sent while the citizen was on another page.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub service_id: String,
    pub case_number: String,
}

#[derive(Clone, Copy)]
pub struct Outbox {
    /// The last application sent by the outbox; pages that wait for it react.
    pub sent: RwSignal<Option<Sent>>,
    /// The service whose application the outbox last gave back as a draft (refused, or
    /// not sent in time): the frame says so.
    pub returned: RwSignal<Option<String>>,
    sending: StoredValue<Sending, LocalStorage>,
    retry: Timer,
}

/// What the outbox keeps while it sends.
#[derive(Default)]
struct Sending {
    /// Services whose application is on its way right now: never two requests at once.
    in_flight: RefCell<Vec<String>>,
    /// Retries since the last success, for the growing pause.
    failures: Cell<u32>,
}

pub fn use_outbox() -> Outbox {
    expect_context()
}

impl Outbox {
    /// Sends what waits now and whenever the connection returns; deletes expired drafts.
    pub fn install() -> Outbox {
        let outbox = Outbox {
            sent: RwSignal::new(None),
            returned: RwSignal::new(None),
            sending: StoredValue::new_local(Sending::default()),
            retry: use_timer(),
        };
        let handle = window_event_listener_untyped("online", move |_| outbox.flush());
        // The listener lives as long as the app.
        std::mem::forget(handle);
        // After the first page has what it needs from the network.
        crate::page::after(1000, Box::new(move || outbox.flush()));
        outbox
    }

    /// Sends every application waiting in a draft (none with open mistakes). The code
    /// that sends is loaded with the wizard, and only when something waits.
    pub fn flush(self) {
        // Reading the drafts is the sending code's part too: without drafts, nothing.
        if store::keeps("draft.") {
            crate::spawn(async move {
                // Without the sending code (offline before it was ever loaded), the
                // next reconnect tries again.
                if crate::lazy::code_ready("deferred").await.is_ok() {
                    crate::pages::wizard::deferred(crate::pages::wizard::Deferred::SendWaiting(
                        self,
                    ))
                    .await;
                }
            });
        }
    }

    /// Sends every application waiting in a draft (see [`Outbox::flush`]).
    pub fn send_waiting(self) {
        let waiting: Vec<String> = store::all_drafts()
            .into_iter()
            .filter(|d| d.pending.is_some() && d.server_errors.is_empty())
            .map(|d| d.service_id)
            .collect();
        if waiting.is_empty() {
            return;
        }
        crate::spawn(async move {
            let mut queued = false;
            for service_id in waiting {
                match self.send(&service_id).await {
                    Outcome::Sent { case_number } => self.sent.set(Some(Sent {
                        service_id,
                        case_number,
                    })),
                    Outcome::Queued => queued = true,
                    Outcome::Rejected(_) | Outcome::Returned(_) => {
                        self.returned.set(Some(service_id))
                    }
                    Outcome::FileLost | Outcome::Nothing => {}
                }
            }
            if queued {
                self.retry_later();
            } else {
                self.sending.with_value(|s| s.failures.set(0));
            }
        });
    }

    /// Tries again after 5 s, 10 s, 20 s … up to 5 minutes.
    pub fn retry_later(self) {
        if self.retry.is_pending() {
            return;
        }
        let failures = self
            .sending
            .with_value(|s| s.failures.replace(s.failures.get() + 1));
        let seconds = (5u64 << failures.min(6)).min(300);
        self.retry.start(seconds * 1000, move || self.flush());
    }

    /// Sends the application waiting in this service's draft and records what became
    /// of it on the device, whoever asked (the check page or the outbox).
    pub async fn send(self, service_id: &str) -> Outcome {
        let Some(pending) = store::load_draft(service_id).and_then(|d| d.pending) else {
            return Outcome::Nothing;
        };
        if is_expired(&pending) {
            take_back(service_id, NotSent::Expired, Vec::new());
            return Outcome::Returned(NotSent::Expired);
        }
        let started = self.sending.with_value(|s| {
            let mut in_flight = s.in_flight.borrow_mut();
            let busy = in_flight.iter().any(|s| s == service_id);
            if !busy {
                in_flight.push(service_id.to_owned());
            }
            !busy
        });
        if !started {
            return Outcome::Nothing;
        }
        let outcome = match upload_kept_files(service_id, pending).await {
            Ok(pending) => {
                let result = api::submit_application(&pending.body, &pending.idempotency_key).await;
                record(service_id, &pending, result)
            }
            Err(outcome) => outcome,
        };
        self.sending
            .with_value(|s| s.in_flight.borrow_mut().retain(|s| s != service_id));
        outcome
    }
}

/// Uploads the files chosen offline (kept on the device) and puts the backend's ids
/// into the answers and the body, before the application is sent for the first time:
/// the body never changes once it may have reached the backend.
async fn upload_kept_files(
    service_id: &str,
    mut pending: PendingSubmission,
) -> Result<PendingSubmission, Outcome> {
    let local: Vec<_> = file_store::files_in(&pending.answers)
        .into_iter()
        .filter(|f| file_store::is_local(f))
        .cloned()
        .collect();
    for file in local {
        let Some(blob) = file_store::load(&file.id).await else {
            // Gone from the device (storage cleared): the citizen must add it again.
            if let Some(mut draft) = store::load_draft(service_id) {
                file_store::drop_file(&mut draft.answers, &file.id);
                draft.pending = None;
                store::save_draft(&draft);
            }
            return Err(Outcome::FileLost);
        };
        let stored = match api::upload_attachment(&blob, &file.name).await {
            Ok(stored) => stored,
            Err(e) => {
                return Err(match refusal(&e) {
                    None => Outcome::Queued,
                    Some(why) => {
                        take_back(service_id, why, Vec::new());
                        Outcome::Returned(why)
                    }
                })
            }
        };
        file_store::keep(&stored.id, &blob).await;
        file_store::forget(vec![file.id.clone()]);
        file_store::replace_file(&mut pending.answers, &file.id, &stored);
        pending.body = pending.body.replace(&file.id, &stored.id);
        if let Some(mut draft) = store::load_draft(service_id) {
            file_store::replace_file(&mut draft.answers, &file.id, &stored);
            draft.pending = Some(pending.clone());
            store::save_draft(&draft);
        }
    }
    Ok(pending)
}

fn record(
    service_id: &str,
    pending: &PendingSubmission,
    result: Result<rathaus_core::api::ApplicationReceipt, ApiError>,
) -> Outcome {
    match result {
        Ok(receipt) => {
            // Sent while logged in: the case is the account's, on the device too.
            let account = store::load_draft(service_id).and_then(|d| d.account);
            store::save_application(SavedApplication {
                case_number: receipt.case_number.clone(),
                access_code: receipt.access_code,
                service_id: receipt.service_id,
                service_title: pending.service_title.clone().unwrap_or_default(),
                fee: receipt.fee,
                submitted_at: receipt.submitted_at,
                what_happens_next: pending.what_happens_next.clone(),
                pay_request: None,
                last_status: Some(receipt.status),
                last_payment: None,
                sent_here: true,
                account: account.clone(),
            });
            // The answers (and their files) leave the device; a marker stays so that
            // "back" explains instead of offering to send again.
            file_store::forget(file_store::file_ids(&pending.answers));
            let mut done = Draft::new(service_id, 0);
            done.submitted_case = Some(receipt.case_number.clone());
            done.service_title = pending.service_title.clone();
            // The account's copy of the draft (kept for other devices) is done with too.
            if account.is_some() {
                let service_id = service_id.to_owned();
                crate::spawn(async move {
                    let _ = crate::api::delete_account_drafts(Some(&service_id)).await;
                });
            }
            done.account = account;
            store::save_draft(&done);
            Outcome::Sent {
                case_number: receipt.case_number,
            }
        }
        Err(e) => match refusal(&e) {
            None => Outcome::Queued,
            Some(NotSent::Invalid) => {
                let errors = match e {
                    ApiError::Status { body: Some(b), .. } => b.errors,
                    _ => Vec::new(),
                };
                take_back(service_id, NotSent::Invalid, errors.clone());
                Outcome::Rejected(errors)
            }
            Some(why) => {
                take_back(service_id, why, Vec::new());
                Outcome::Returned(why)
            }
        },
    }
}

/// Waited longer than `outbox_days`: the backend may have forgotten the key by now, so
/// sending it again could make a second case.
fn is_expired(pending: &PendingSubmission) -> bool {
    // 0: queued by a version that did not record the time; its clock starts now.
    pending.queued_at != 0 && store::now_ms() > pending.send_until()
}

/// Takes an application out of the outbox: its answers (and files) stay as a draft,
/// with the reason to tell the citizen and the backend's errors at their questions.
fn take_back(service_id: &str, why: NotSent, errors: Vec<FieldError>) {
    if let Some(mut draft) = store::load_draft(service_id) {
        draft.pending = None;
        draft.not_sent = Some(why);
        draft.server_errors = errors;
        store::save_draft(&draft);
    }
}

/// Gives back as drafts the applications that waited longer than `outbox_days`, so
/// that no page offers to send them by themselves (the outbox does the same before
/// every attempt). Stamps those queued by a version that did not record the time.
pub fn return_expired() {
    for mut draft in store::all_drafts() {
        let Some(pending) = draft.pending.as_mut() else {
            continue;
        };
        if pending.queued_at == 0 {
            pending.queued_at = store::now_ms();
            store::save_draft(&draft);
        } else if is_expired(pending) {
            take_back(&draft.service_id, NotSent::Expired, Vec::new());
        }
    }
}
