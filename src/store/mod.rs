//! What the app keeps on the device (localStorage): the language, drafts, and the
//! applications sent from here. Every key carries a format version.

use std::cell::RefCell;

use rathaus_core::drafts::{stamp_changes, EditTimes};
use rathaus_core::json::{self, FromJson, ToJson};
use rathaus_core::json_struct;
use rathaus_core::{Answers, FieldError, Locale, Text};

mod answers;
mod applications;

pub use crate::outbox::NotSent;
pub use answers::*;
pub use applications::*;

const PREFIX: &str = "rathaus.v1.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// Everything written in this visit, so the app keeps working where the device
    /// refuses storage (disabled, full, some private modes): nothing typed is lost
    /// between pages, only across a reload.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

fn remembered(key: &str) -> Option<String> {
    MEMORY.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    })
}

fn remember(key: &str, value: Option<String>) {
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|(k, _)| k != key);
        if let Some(value) = value {
            m.push((key.to_owned(), value));
        }
    });
}

thread_local! {
    /// Set when damaged data was found and set aside in this visit; the frame says so.
    static SET_ASIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether damaged data was set aside in this visit (and the citizen not yet told).
pub fn take_set_aside() -> bool {
    SET_ASIDE.with(|s| s.replace(false))
}

/// What is kept under `rathaus.v1.<key>`: this visit's copy if storing it failed, else
/// the device's.
fn raw(key: &str) -> Option<String> {
    let full = format!("{PREFIX}{key}");
    // What memory holds is newer than storage: it is there because storing it failed.
    remembered(&full).or_else(|| storage().and_then(|s| s.get_item(&full).ok().flatten()))
}

fn read<T: FromJson>(key: &str) -> Option<T> {
    let raw = raw(key)?;
    let value = json::from_str(&raw).ok();
    if value.is_none() {
        set_aside(key, &raw);
    }
    value
}

/// Damaged, truncated or foreign data must never stop the app. It is moved out of the
/// way (kept, in case it can still be helped) and the citizen is told.
fn set_aside(key: &str, raw: &str) {
    let full = format!("{PREFIX}{key}");
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{ASIDE_PREFIX}{key}"), raw);
        let _ = s.remove_item(&full);
    }
    remember(&full, None);
    SET_ASIDE.with(|s| s.set(true));
}

/// Where damaged entries are set aside; "delete all" on the device page clears them.
const ASIDE_PREFIX: &str = "rathaus.aside.";

/// Reads a list entry by entry: one damaged entry is set aside on its own
/// (`rathaus.aside.<key>.<time>-<n>`) and the others are kept, so that one bad
/// application never hides all of them. A value that is no list at all goes aside
/// whole, as [`read`] does.
fn read_list<T: FromJson + ToJson>(key: &str) -> Vec<T> {
    let Some(raw) = raw(key) else {
        return Vec::new();
    };
    let items = match json::parse(&raw) {
        Ok(json::Json::Array(items)) => items,
        _ => {
            set_aside(key, &raw);
            return Vec::new();
        }
    };
    let mut good = Vec::with_capacity(items.len());
    let mut damaged = Vec::new();
    for item in items {
        match T::from_json(&item) {
            Ok(value) => good.push(value),
            Err(_) => damaged.push(item),
        }
    }
    if !damaged.is_empty() {
        if let Some(s) = storage() {
            let stamp = now_ms();
            for (n, item) in damaged.iter().enumerate() {
                let _ = s.set_item(&format!("{ASIDE_PREFIX}{key}.{stamp}-{n}"), &item.encode());
            }
        }
        write(key, &good);
        SET_ASIDE.with(|s| s.set(true));
    }
    good
}

/// How many entries of `key` (a list) were set aside as damaged and are still kept.
fn set_aside_count(key: &str) -> usize {
    let Some(s) = storage() else {
        return 0;
    };
    let whole = format!("{ASIDE_PREFIX}{key}");
    let entry = format!("{whole}.");
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| *k == whole || k.starts_with(&entry))
        .count()
}

/// Whether the last write of `key` reached the device's storage (none refused since).
fn on_device(key: &str) -> bool {
    storage().is_some() && remembered(&format!("{PREFIX}{key}")).is_none()
}

/// The keys under `rathaus.v1.<prefix>` in storage.
fn keys(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_owned))
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Whether the device keeps anything of this app under `rathaus.v1.<prefix>` (a draft,
/// an application). A first visit keeps nothing: the code that reads these is then not
/// even loaded (src/pages/wizard/mod.rs, `Deferred::ReadStore`).
pub fn keeps(prefix: &str) -> bool {
    !keys(prefix).is_empty()
}

/// Deletes everything the app keeps on this device (the language choice stays).
pub fn delete_everything() {
    if let Some(s) = storage() {
        let n = s.length().unwrap_or(0);
        let ours: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with("rathaus.") && *k != format!("{PREFIX}locale"))
            .collect();
        for k in ours {
            let _ = s.remove_item(&k);
        }
    }
    MEMORY.with(|m| m.borrow_mut().clear());
    applications::forget_looked_up();
    crate::file_store::forget_all();
}

/// Milliseconds since 1970, the device's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Writes `value`; `false` if the device refused (storage full, disabled, private
/// mode), in which case it is kept for this visit only.
fn write<T: ToJson + ?Sized>(key: &str, value: &T) -> bool {
    let full = format!("{PREFIX}{key}");
    let text = json::to_string(value);
    let stored = storage().is_some_and(|s| s.set_item(&full, &text).is_ok());
    remember(&full, (!stored).then_some(text));
    stored
}

fn remove(key: &str) {
    let full = format!("{PREFIX}{key}");
    if let Some(s) = storage() {
        let _ = s.remove_item(&full);
    }
    remember(&full, None);
}

/// The account last logged in on this device (its tag), whose cases and drafts the
/// device keeps until logging out.
pub fn account() -> Option<String> {
    read("account")
}

pub fn set_account(tag: &str) {
    write("account", tag);
}

/// Whether this device keeps the logged-in account's drafts in the account too, to go
/// on on another device (the citizen asked for it on a start page).
pub fn drafts_in_account() -> bool {
    read::<bool>("drafts_in_account").unwrap_or(false)
}

pub fn set_drafts_in_account(on: bool) {
    write("drafts_in_account", &on);
}

/// Logging out (or another account logging in): the account's cases and drafts leave
/// the device, with the files kept for them.
pub fn forget_account(tag: &str) {
    for draft in all_drafts() {
        if draft.account.as_deref() == Some(tag) {
            delete_draft(&draft.service_id);
        }
    }
    for app in load_applications() {
        if app.account.as_deref() == Some(tag) {
            delete_application(&app.case_number);
        }
    }
    if account().as_deref() == Some(tag) {
        remove("account");
        remove("drafts_in_account");
    }
}

pub fn load_locale() -> Option<Locale> {
    read("locale")
}

pub fn save_locale(locale: Locale) {
    write("locale", &locale);
}

/// An application in progress, saved as it is typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub service_id: String,
    pub service_version: u32,
    pub answers: Answers,
    /// The step the citizen was last on, to resume there.
    pub step: Option<String>,
    /// Errors the server reported on submit, shown on their fields until changed.
    pub server_errors: Vec<FieldError>,
    /// The submission being sent: its idempotency key and exact body. Sending the same
    /// body again reuses the key, so a retry can never make a second case.
    pub pending: Option<PendingSubmission>,
    /// Set once sent: the draft's answers are gone, only this is left, so that going
    /// back after submitting says so instead of offering to send again.
    pub submitted_case: Option<String>,
    /// The service's name when last saved, for the list of what is on this device.
    pub service_title: Option<Text>,
    /// When it was last saved (ms since 1970): shown, and drafts expire after a while.
    pub saved_at: u64,
    /// When each answer was last changed (ms), so that a draft merged with the
    /// account's from another device keeps the answer changed last.
    pub edited: EditTimes,
    /// Questions to answer again because the service changed since the draft began.
    pub answer_again: Vec<String>,
    /// Why the application that waited in the outbox went back to being a draft (the
    /// backend refused it, or it could not be sent in time); said until it is sent again.
    pub not_sent: Option<NotSent>,
    /// The logged-in account whose identity filled answers in (its tag): logging out
    /// removes the draft from the device.
    pub account: Option<String>,
}

json_struct!(Draft {
    service_id,
    service_version,
    answers,
    step,
    server_errors = default,
    pending,
    submitted_case,
    service_title = default,
    saved_at = default,
    edited = default,
    answer_again = default,
    not_sent = default,
    account = default,
});

#[derive(Clone, Debug, PartialEq)]
pub struct PendingSubmission {
    pub idempotency_key: String,
    /// The answers sent, to tell whether a new attempt is the same application.
    pub answers: Answers,
    pub body: String,
    /// What the confirmation shows, so that the outbox can record a case sent while
    /// the citizen is elsewhere (or offline since).
    pub service_title: Option<Text>,
    pub what_happens_next: Option<Text>,
    /// When it went into the outbox (ms since 1970): it is sent automatically for
    /// [`outbox_days`] from then, no longer than the backend remembers its key.
    pub queued_at: u64,
}

json_struct!(PendingSubmission {
    idempotency_key,
    answers,
    body,
    service_title = default,
    what_happens_next = default,
    queued_at = default,
});

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

impl PendingSubmission {
    /// Until when the outbox sends it by itself (ms since 1970).
    pub fn send_until(&self) -> u64 {
        self.queued_at.saturating_add(outbox_days() * DAY_MS)
    }
}

impl Draft {
    pub fn new(service_id: &str, service_version: u32) -> Draft {
        Draft {
            service_id: service_id.to_owned(),
            service_version,
            ..Draft::default()
        }
    }

    pub fn has_answers(&self) -> bool {
        self.submitted_case.is_none() && self.answers.0.values().any(|a| !a.is_blank())
    }
}

fn draft_key(service_id: &str) -> String {
    format!("draft.{service_id}")
}

pub fn load_draft(service_id: &str) -> Option<Draft> {
    read::<Draft>(&draft_key(service_id)).filter(|d| d.service_id == service_id)
}

/// Whether the draft as last saved is on the device, not only in this visit's memory
/// (the device refused it): "Gespeichert" may only be said then.
pub fn draft_on_device(service_id: &str) -> bool {
    on_device(&draft_key(service_id))
}

/// Saves a draft, stamped with the time, and each answer that changed since the last
/// save with it too; `false` if the device refused (see [`write`]).
pub fn save_draft(draft: &Draft) -> bool {
    let mut stamped = draft.clone();
    stamped.saved_at = now_ms();
    let before = load_draft(&draft.service_id).unwrap_or_default();
    stamp_changes(
        &before.answers,
        &before.edited,
        &stamped.answers,
        &mut stamped.edited,
        stamped.saved_at,
    );
    write(&draft_key(&draft.service_id), &stamped)
}

/// Every draft on this device.
pub fn all_drafts() -> Vec<Draft> {
    keys("draft.")
        .iter()
        .filter_map(|k| read::<Draft>(k))
        .collect()
}

thread_local! {
    static DRAFT_DAYS: std::cell::Cell<u64> =
        const { std::cell::Cell::new(crate::config::DEFAULT_DRAFT_DAYS) };
    static OUTBOX_DAYS: std::cell::Cell<u64> =
        const { std::cell::Cell::new(crate::config::DEFAULT_OUTBOX_DAYS) };
}

/// How many days an application waits in the outbox before it goes back to being a
/// draft (config.json `outbox_days`).
pub fn outbox_days() -> u64 {
    OUTBOX_DAYS.with(|d| d.get())
}

pub fn set_outbox_days(days: u64) {
    OUTBOX_DAYS.with(|d| d.set(days));
}

/// How many days a draft is kept after it was last saved (config.json `draft_days`).
pub fn draft_days() -> u64 {
    DRAFT_DAYS.with(|d| d.get())
}

pub fn set_draft_days(days: u64) {
    DRAFT_DAYS.with(|d| d.set(days));
}

/// Deletes drafts not saved for [`draft_days`]; one waiting to be sent is kept.
pub fn expire_drafts() {
    let limit = now_ms().saturating_sub(draft_days() * DAY_MS);
    for d in all_drafts() {
        // 0: saved by a version that did not record the time; it gets one when next saved.
        if d.saved_at != 0 && d.saved_at < limit && d.pending.is_none() {
            delete_draft(&d.service_id);
        }
    }
}

/// Deletes a draft and the files kept for it.
pub fn delete_draft(service_id: &str) {
    if let Some(draft) = load_draft(service_id) {
        crate::file_store::forget(crate::file_store::file_ids(&draft.answers));
    }
    remove(&draft_key(service_id));
}
