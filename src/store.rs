//! What the app keeps on the device (localStorage): the language, drafts, and the
//! applications sent from here. Every key carries a format version.

use std::cell::RefCell;

use rathaus_core::api::{ApplicationReceipt, CaseView};
use rathaus_core::case::CaseStatus;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::json::{self, FromJson, ToJson};
use rathaus_core::json_struct;
use rathaus_core::payment::PaymentState;
use rathaus_core::{Answers, FieldError, FileRef, Locale, Money, Text};

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

fn read<T: FromJson>(key: &str) -> Option<T> {
    let full = format!("{PREFIX}{key}");
    // What memory holds is newer than storage: it is there because storing it failed.
    let raw =
        remembered(&full).or_else(|| storage().and_then(|s| s.get_item(&full).ok().flatten()))?;
    let value = json::from_str(&raw).ok();
    if value.is_none() {
        // Damaged, truncated or foreign data must never stop the app. It is moved out of
        // the way (kept, in case it can still be helped) and the citizen is told.
        if let Some(s) = storage() {
            let _ = s.set_item(&format!("{ASIDE_PREFIX}{key}"), &raw);
            let _ = s.remove_item(&full);
        }
        remember(&full, None);
        SET_ASIDE.with(|s| s.set(true));
    }
    value
}

/// Where damaged entries are set aside; "delete all" on the device page clears them.
const ASIDE_PREFIX: &str = "rathaus.aside.";

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
    if let Some(s) = session() {
        let _ = s.remove_item(LOOKED_UP);
    }
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
    /// Questions to answer again because the service changed since the draft began.
    pub answer_again: Vec<String>,
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
    answer_again = default,
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
}

json_struct!(PendingSubmission {
    idempotency_key,
    answers,
    body,
    service_title = default,
    what_happens_next = default,
});

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

/// Saves a draft, stamped with the time; `false` if the device refused (see [`write`]).
pub fn save_draft(draft: &Draft) -> bool {
    let mut stamped = draft.clone();
    stamped.saved_at = now_ms();
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
    let limit = now_ms().saturating_sub(draft_days() * 24 * 60 * 60 * 1000);
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

/// An application sent from this device: enough to show its confirmation again and to
/// look up its status without typing the code.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedApplication {
    pub case_number: String,
    pub access_code: String,
    pub service_id: String,
    pub service_title: Text,
    pub fee: Money,
    pub submitted_at: String,
    /// The service's "what happens next", so the confirmation survives a reload offline.
    pub what_happens_next: Option<Text>,
    /// The request id of the payment being made: pressing "pay" again (or twice) finds
    /// the same payment instead of making a second one.
    pub pay_request: Option<String>,
    /// What the backend said last: for "Meine Anträge" without a connection.
    pub last_status: Option<CaseStatus>,
    /// The fee's state when last asked: `Payed`, `Initial` (being paid), or another
    /// (not paid).
    pub last_payment: Option<PaymentState>,
}

json_struct!(SavedApplication {
    case_number,
    access_code,
    service_id,
    service_title,
    fee,
    submitted_at,
    what_happens_next,
    pay_request = default,
    last_status = default,
    last_payment = default,
});

impl SavedApplication {
    pub fn from_receipt(receipt: &ApplicationReceipt, def: &ServiceDefinition) -> SavedApplication {
        SavedApplication {
            case_number: receipt.case_number.clone(),
            access_code: receipt.access_code.clone(),
            service_id: receipt.service_id.clone(),
            service_title: def.title.clone(),
            fee: receipt.fee,
            submitted_at: receipt.submitted_at.clone(),
            what_happens_next: def.what_happens_next.clone(),
            pay_request: None,
            last_status: Some(receipt.status),
            last_payment: None,
        }
    }

    /// A case found with the status lookup (made on another device, perhaps).
    pub fn from_case(case: &CaseView, access_code: &str) -> SavedApplication {
        SavedApplication {
            case_number: case.case_number.clone(),
            access_code: access_code.to_owned(),
            service_id: case.service_id.clone(),
            service_title: case.service_title.clone(),
            fee: case.fee,
            submitted_at: case.submitted_at.clone(),
            what_happens_next: None,
            pay_request: None,
            last_status: Some(case.status),
            last_payment: None,
        }
    }
}

pub fn load_applications() -> Vec<SavedApplication> {
    read("applications").unwrap_or_default()
}

/// The applications looked up in this tab and not kept on the device: in session
/// storage, so that they survive the trip to the payment provider and back, and are
/// gone when the tab closes (a shared computer keeps no access code).
fn looked_up() -> Vec<SavedApplication> {
    session()
        .and_then(|s| s.get_item(LOOKED_UP).ok().flatten())
        .and_then(|raw| json::from_str(&raw).ok())
        .unwrap_or_default()
}

const LOOKED_UP: &str = "rathaus.v1.looked-up";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn write_looked_up(all: &[SavedApplication]) {
    if let Some(s) = session() {
        let _ = s.set_item(LOOKED_UP, &json::to_string(&all.to_vec()));
    }
}

/// Remembers a looked-up case for this tab (one kept on the device is there already).
pub fn remember_looked_up(app: SavedApplication) {
    if is_kept(&app.case_number) {
        return;
    }
    let mut all = looked_up();
    all.retain(|a| a.case_number != app.case_number);
    all.push(app);
    write_looked_up(&all);
}

/// Whether the case is in "Meine Anträge" (not only looked up in this tab).
pub fn is_kept(case_number: &str) -> bool {
    load_applications()
        .iter()
        .any(|a| a.case_number == case_number)
}

pub fn find_application(case_number: &str) -> Option<SavedApplication> {
    load_applications()
        .into_iter()
        .chain(looked_up())
        .find(|a| a.case_number == case_number)
}

/// An answer to the office's question, while it is being written: kept on the device
/// so that a reload or a closed tab loses nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerDraft {
    pub text: String,
    pub files: Vec<FileRef>,
}

json_struct!(AnswerDraft {
    text = default,
    files = default,
});

fn answer_key(case_number: &str, request_id: &str) -> String {
    format!("answer.{case_number}.{request_id}")
}

pub fn load_answer(case_number: &str, request_id: &str) -> AnswerDraft {
    read(&answer_key(case_number, request_id)).unwrap_or_default()
}

pub fn save_answer(case_number: &str, request_id: &str, draft: &AnswerDraft) {
    let key = answer_key(case_number, request_id);
    if draft == &AnswerDraft::default() {
        remove(&key);
    } else {
        write(&key, draft);
    }
}

pub fn delete_application(case_number: &str) {
    let mut all = load_applications();
    all.retain(|a| a.case_number != case_number);
    write("applications", &all);
}

/// Adds an application (newest first), or updates it where it is kept: on the device,
/// or in this tab if it was only looked up. `keep` moves a looked-up one to the device.
pub fn save_application(app: SavedApplication) -> bool {
    let mut tab = looked_up();
    if let Some(at) = tab.iter().position(|a| a.case_number == app.case_number) {
        tab[at] = app;
        write_looked_up(&tab);
        return true;
    }
    let mut all = load_applications();
    match all.iter().position(|a| a.case_number == app.case_number) {
        Some(at) => all[at] = app,
        None => all.insert(0, app),
    }
    write("applications", &all)
}

/// Moves a looked-up application into "Meine Anträge".
pub fn keep(case_number: &str) -> bool {
    let mut tab = looked_up();
    let Some(at) = tab.iter().position(|a| a.case_number == case_number) else {
        return is_kept(case_number);
    };
    let app = tab.remove(at);
    write_looked_up(&tab);
    let mut all = load_applications();
    all.insert(0, app);
    write("applications", &all)
}
