//! The applications sent from (or kept on) this device, and those looked up in this
//! tab only.

use rathaus_core::api::{ApplicationReceipt, CaseView};
use rathaus_core::case::CaseStatus;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::json::{self, FromJson};
use rathaus_core::json_struct;
use rathaus_core::payment::PaymentState;
use rathaus_core::{Money, Text};

use super::{read_list, set_aside_count, storage, write, PREFIX};

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
    /// Sent from this device (not found with the lookup): its page is the confirmation.
    pub sent_here: bool,
    /// The logged-in account it belongs to (its tag, `SessionView::account`): logging
    /// out removes it from the device. Such a case may have no access code here (found
    /// on the account from another device): the session opens it.
    pub account: Option<String>,
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
    sent_here = default,
    account = default,
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
            sent_here: true,
            account: None,
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
            sent_here: false,
            account: None,
        }
    }
}

pub fn load_applications() -> Vec<SavedApplication> {
    read_list("applications")
}

/// How many saved applications could not be read and were set aside.
pub fn applications_set_aside() -> usize {
    set_aside_count("applications")
}

/// Whether this application is in the device's storage, so that it is still there
/// after a reload (a full or refusing storage keeps it for this visit only).
pub fn application_on_device(case_number: &str) -> bool {
    let full = format!("{PREFIX}applications");
    let stored = storage().and_then(|s| s.get_item(&full).ok().flatten());
    stored.is_some_and(|raw| match json::parse(&raw) {
        Ok(json::Json::Array(items)) => items
            .iter()
            .any(|a| a.get("case_number").and_then(|n| n.as_str().ok()) == Some(case_number)),
        _ => false,
    })
}

/// The applications looked up in this tab and not kept on the device: in session
/// storage, so that they survive the trip to the payment provider and back, and are
/// gone when the tab closes (a shared computer keeps no access code).
fn looked_up() -> Vec<SavedApplication> {
    let Some(raw) = session().and_then(|s| s.get_item(LOOKED_UP).ok().flatten()) else {
        return Vec::new();
    };
    // Entry by entry, as on the device: one unreadable entry loses only itself.
    match json::parse(&raw) {
        Ok(json::Json::Array(items)) => items
            .iter()
            .filter_map(|item| SavedApplication::from_json(item).ok())
            .collect(),
        _ => Vec::new(),
    }
}

const LOOKED_UP: &str = "rathaus.v1.looked-up";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Forgets the applications looked up in this tab ("Alles löschen").
pub(super) fn forget_looked_up() {
    if let Some(s) = session() {
        let _ = s.remove_item(LOOKED_UP);
    }
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
