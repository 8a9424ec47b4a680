//! The outbox: an application whose sending failed stays in its draft, with its
//! idempotency key and the exact body (see [`PendingSubmission`]), and is sent again —
//! when the connection returns, when the app starts, and by a retry with growing
//! pauses. The backend's idempotency makes every attempt safe: one application, one
//! case, whatever the network did.

use std::cell::RefCell;

use leptos::prelude::*;
use rathaus_core::FieldError;

use crate::api::{self, ApiError};
use crate::file_store;
use crate::store::{self, Draft, PendingSubmission, SavedApplication};

/// What became of one attempt to send.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The case exists; its confirmation is on the device.
    Sent { case_number: String },
    /// The backend found mistakes; they are in the draft, shown at their questions.
    Rejected(Vec<FieldError>),
    /// No connection, or the backend is down for now: it stays in the outbox.
    Queued,
    /// Refused for another reason; trying again would not help.
    Failed,
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
}

thread_local! {
    /// Services whose application is on its way right now: never two requests at once.
    static IN_FLIGHT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Retries since the last success, for the growing pause.
    static FAILURES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static RETRY_SCHEDULED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn use_outbox() -> Outbox {
    expect_context()
}

impl Outbox {
    /// Sends what waits now and whenever the connection returns; deletes expired drafts.
    pub fn install() -> Outbox {
        let outbox = Outbox {
            sent: RwSignal::new(None),
        };
        store::expire_drafts();
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
        let waiting: Vec<String> = store::all_drafts()
            .into_iter()
            .filter(|d| d.pending.is_some() && d.server_errors.is_empty())
            .map(|d| d.service_id)
            .collect();
        if !waiting.is_empty() {
            crate::spawn(async move {
                // Without the sending code (offline before it was ever loaded), the
                // next reconnect tries again.
                if crate::app::code_ready("deferred").await.is_ok() {
                    crate::app::deferred(crate::app::Deferred::SendWaiting(self, waiting)).await;
                }
            });
        }
    }

    /// Sends these services' waiting applications (see [`Outbox::flush`]).
    pub fn send_waiting(self, waiting: Vec<String>) {
        crate::spawn(async move {
            let mut queued = false;
            for service_id in waiting {
                match send(&service_id).await {
                    Outcome::Sent { case_number } => self.sent.set(Some(Sent {
                        service_id,
                        case_number,
                    })),
                    Outcome::Queued => queued = true,
                    _ => {}
                }
            }
            if queued {
                self.retry_later();
            } else {
                FAILURES.with(|f| f.set(0));
            }
        });
    }

    /// Tries again after 5 s, 10 s, 20 s … up to 5 minutes.
    pub fn retry_later(self) {
        if RETRY_SCHEDULED.with(|r| r.replace(true)) {
            return;
        }
        let failures = FAILURES.with(|f| {
            let n = f.get();
            f.set(n + 1);
            n
        });
        let seconds = (5u64 << failures.min(6)).min(300);
        crate::page::after(
            seconds * 1000,
            Box::new(move || {
                RETRY_SCHEDULED.with(|r| r.set(false));
                self.flush();
            }),
        );
    }
}

/// Sends the application waiting in this service's draft and records what became of
/// it on the device, whoever asked (the check page or the outbox).
pub async fn send(service_id: &str) -> Outcome {
    let Some(pending) = store::load_draft(service_id).and_then(|d| d.pending) else {
        return Outcome::Nothing;
    };
    let busy = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        let busy = f.iter().any(|s| s == service_id);
        if !busy {
            f.push(service_id.to_owned());
        }
        busy
    });
    if busy {
        return Outcome::Nothing;
    }
    let outcome = match upload_kept_files(service_id, pending).await {
        Ok(pending) => {
            let result = api::submit_application(&pending.body, &pending.idempotency_key).await;
            record(service_id, &pending, result)
        }
        Err(outcome) => outcome,
    };
    IN_FLIGHT.with(|f| f.borrow_mut().retain(|s| s != service_id));
    outcome
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
            Err(ApiError::Network) => return Err(Outcome::Queued),
            Err(ApiError::Status { status, .. }) if status >= 500 => return Err(Outcome::Queued),
            Err(_) => return Err(Outcome::Failed),
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
            });
            // The answers (and their files) leave the device; a marker stays so that
            // "back" explains instead of offering to send again.
            file_store::forget(file_store::file_ids(&pending.answers));
            let mut done = Draft::new(service_id, 0);
            done.submitted_case = Some(receipt.case_number.clone());
            done.service_title = pending.service_title.clone();
            store::save_draft(&done);
            Outcome::Sent {
                case_number: receipt.case_number,
            }
        }
        Err(ApiError::Status {
            status: 422,
            body: Some(body),
        }) => {
            if let Some(mut kept) = store::load_draft(service_id) {
                kept.server_errors = body.errors.clone();
                store::save_draft(&kept);
            }
            Outcome::Rejected(body.errors)
        }
        Err(ApiError::Network) => Outcome::Queued,
        Err(ApiError::Status { status, .. }) if status >= 500 => Outcome::Queued,
        Err(_) => Outcome::Failed,
    }
}
