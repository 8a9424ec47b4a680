//! Who is logged in, for the wizard's pages: asked of the backend once per visit (the
//! session cookie is unreadable here, by design), and what it means for a service —
//! may the citizen start, which answers come from the login, which are locked.
//! docs/architecture.md, 'Login and identity'.

use std::cell::RefCell;

use rathaus_core::api::{AccountDraft, SessionView};
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::drafts::{merge, Side};
use rathaus_core::identity::{apply_prefill, locked_fields, Assurance, Identification, Identity};

use crate::api::{self, ApiError};
use crate::i18n::Key;
use crate::store::{self, Draft};

thread_local! {
    /// The backend's answer this visit; asked again after logging in or out (a full
    /// page load) and when a request found the session ended.
    static KNOWN: RefCell<Option<SessionView>> = const { RefCell::new(None) };
}

/// The session as last asked this visit, if it was.
pub fn known() -> Option<SessionView> {
    KNOWN.with(|k| k.borrow().clone())
}

/// Asks the backend who is logged in. When another account than the one the device
/// remembers has logged in, the earlier account's cases and drafts leave the device.
pub async fn load() -> Result<SessionView, ApiError> {
    let session = api::get_session().await?;
    if let Some(tag) = &session.account {
        match store::account() {
            Some(before) if &before != tag => {
                store::forget_account(&before);
                store::set_account(tag);
            }
            Some(_) => {}
            None => store::set_account(tag),
        }
    }
    KNOWN.with(|k| *k.borrow_mut() = Some(session.clone()));
    Ok(session)
}

/// The session as known, or asked now.
pub async fn current() -> Result<SessionView, ApiError> {
    match known() {
        Some(session) => Ok(session),
        None => load().await,
    }
}

/// Whether the citizen may fill in `def` now, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// Anonymous, or logged in at a level that suffices.
    Fine,
    /// The service requires a login and there is none.
    LoginNeeded,
    /// Logged in, below the service's level.
    TooLow { have: Assurance, need: Assurance },
}

pub fn standing(def: &ServiceDefinition, session: &SessionView) -> Standing {
    if def.identification != Identification::Required {
        return Standing::Fine;
    }
    match &session.identity {
        None => Standing::LoginNeeded,
        Some(identity) if !identity.suffices_for(def) => Standing::TooLow {
            have: identity.assurance,
            need: def.required_assurance(),
        },
        Some(_) => Standing::Fine,
    }
}

/// What a service's pages know of the login: the identity (when logged in and the
/// service uses identification) and the questions it locks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefill {
    pub identity: Option<Identity>,
    pub locked: Vec<String>,
}

impl Prefill {
    pub fn of(def: &ServiceDefinition, session: Option<&SessionView>) -> Prefill {
        let identity = session
            .and_then(|s| s.identity.clone())
            .filter(|_| !def.identification.is_none());
        let locked = identity
            .as_ref()
            .map(|i| locked_fields(def, i))
            .unwrap_or_default();
        Prefill { identity, locked }
    }

    pub fn is_locked(&self, field_id: &str) -> bool {
        self.locked.iter().any(|id| id == field_id)
    }

    /// Fills the draft's blank prefillable answers (and every locked one) from the
    /// identity, and marks the draft as the account's; the ids now from the login.
    pub fn fill(
        &self,
        draft: &mut Draft,
        def: &ServiceDefinition,
        tag: Option<&str>,
    ) -> Vec<String> {
        let Some(identity) = &self.identity else {
            return Vec::new();
        };
        let filled = apply_prefill(def, identity, &mut draft.answers);
        if let Some(tag) = tag {
            draft.account = Some(tag.to_owned());
        }
        filled
    }
}

/// A logged-in citizen's draft goes to the account too, when they asked for it on this
/// device: sent in the background, the device's copy is what counts here.
pub fn keep_in_account(draft: &Draft) {
    if draft.account.is_none() || draft.submitted_case.is_some() || !store::drafts_in_account() {
        return;
    }
    let service_id = draft.service_id.clone();
    // The answers' times are the device's copy's: saving gave them.
    let edited = store::load_draft(&service_id)
        .filter(|d| d.answers == draft.answers)
        .map_or_else(|| draft.edited.clone(), |d| d.edited);
    let kept = AccountDraft {
        service_version: draft.service_version,
        answers: draft.answers.clone(),
        saved_at: store::now_ms(),
        edited,
    };
    crate::spawn(async move {
        let _ = api::save_account_draft(&service_id, &kept).await;
    });
}

/// The account's draft of `def` from another device, merged into this device's (no
/// answer of either is lost; where both differ, the one changed last wins): the draft now, and
/// how many answers came from the other device. `None` when the account keeps none
/// (or nothing came of it).
pub async fn take_account_draft(def: &ServiceDefinition, tag: &str) -> Option<(Draft, usize)> {
    let theirs = api::get_account_draft(&def.id).await.ok()?;
    if theirs.service_version != def.version {
        return None;
    }
    let mut draft = store::load_draft(&def.id)
        .filter(|d| d.submitted_case.is_none())
        .unwrap_or_else(|| Draft::new(&def.id, def.version));
    let merged = merge(
        Side {
            answers: &draft.answers,
            edited: &draft.edited,
            saved_at: draft.saved_at,
        },
        Side {
            answers: &theirs.answers,
            edited: &theirs.edited,
            saved_at: theirs.saved_at,
        },
    );
    if merged.changed.is_empty() {
        return None;
    }
    draft.answers = merged.answers;
    draft.edited = merged.edited;
    draft.account = Some(tag.to_owned());
    draft.service_title = Some(def.title.clone());
    store::save_draft(&draft);
    Some((draft, merged.changed.len()))
}

/// The level's name, as the citizen reads it.
pub fn assurance_key(level: Assurance) -> Key {
    match level {
        Assurance::Low => Key::AssuranceLow,
        Assurance::Substantial => Key::AssuranceSubstantial,
        Assurance::High => Key::AssuranceHigh,
    }
}

/// "Erika Mustermann", as the login names the citizen.
pub fn display_name(identity: &Identity) -> String {
    [
        identity.given_name.as_deref(),
        identity.family_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// Logs out here: the account's cases and drafts leave the device, then the session
/// ends at the backend; where to end it at the provider. The device is cleared first,
/// so that a failed request still leaves nothing of the account behind.
pub async fn log_out() -> Result<Option<String>, ApiError> {
    if let Some(tag) = store::account() {
        store::forget_account(&tag);
    }
    KNOWN.with(|k| *k.borrow_mut() = None);
    let answer = api::logout().await?;
    Ok(answer.end_session_url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::identity::Identity;

    fn service(identification: &str, assurance: &str) -> ServiceDefinition {
        rathaus_core::json::from_str(&format!(
            r#"{{"id":"s","version":1,"title":{{"de":"T"}},"summary":{{"de":"S"}},
            "identification":"{identification}"{assurance},
            "steps":[{{"id":"p","title":{{"de":"P"}},"fields":[
              {{"id":"vorname","type":"text","label":{{"de":"V"}},
                "prefill":{{"from":"given_name","read_only":true}}}},
              {{"id":"mail","type":"email","label":{{"de":"E"}},"prefill":{{"from":"email"}}}}]}}]}}"#
        ))
        .unwrap()
    }

    fn logged_in(level: Assurance) -> SessionView {
        SessionView {
            login_available: true,
            identity: Some(Identity {
                given_name: Some("Erika".into()),
                family_name: Some("Mustermann".into()),
                email: Some("erika@example.org".into()),
                assurance: level,
                ..Identity::default()
            }),
            account: Some("a1".into()),
            ..SessionView::default()
        }
    }

    #[test]
    fn a_required_login_at_its_level_lets_the_citizen_start() {
        let high = service("required", r#","assurance":"high""#);
        let nobody = SessionView::default();
        assert_eq!(standing(&high, &nobody), Standing::LoginNeeded);
        assert_eq!(
            standing(&high, &logged_in(Assurance::Substantial)),
            Standing::TooLow {
                have: Assurance::Substantial,
                need: Assurance::High
            }
        );
        assert_eq!(standing(&high, &logged_in(Assurance::High)), Standing::Fine);
        // Optional: anyone may start.
        assert_eq!(standing(&service("optional", ""), &nobody), Standing::Fine);
    }

    #[test]
    fn the_login_fills_in_and_locks_what_the_service_says() {
        let def = service("optional", "");
        let session = logged_in(Assurance::Substantial);
        let prefill = Prefill::of(&def, Some(&session));
        assert!(prefill.is_locked("vorname"));
        assert!(!prefill.is_locked("mail"));
        let mut draft = Draft::new("s", 1);
        let filled = prefill.fill(&mut draft, &def, session.account.as_deref());
        assert_eq!(filled, ["vorname", "mail"]);
        assert_eq!(draft.account.as_deref(), Some("a1"));
        // Anonymous: nothing filled, nothing locked.
        let none = Prefill::of(&def, Some(&SessionView::default()));
        assert!(none.locked.is_empty());
        let mut draft = Draft::new("s", 1);
        assert!(none.fill(&mut draft, &def, None).is_empty());
        assert_eq!(draft.account, None);
    }
}
