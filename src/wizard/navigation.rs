//! Where the wizard goes: which page a citizen arriving at a step may see, where
//! Continue and Back lead, and where a draft resumes. Plain functions over the
//! definition and the draft (tested natively below); the pages only follow them.

use rathaus_core::date::Date;
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::validate::first_incomplete_step;
use rathaus_core::{flow, Answers};

use crate::i18n::{fill, Key};
use crate::router::{urls, use_router};
use crate::store::Draft;

/// What a citizen arriving at a step of a draft gets to see.
#[derive(Debug, PartialEq)]
pub enum Arrival {
    /// The step itself.
    Step,
    /// The application was sent: the "already sent" page, never the form again.
    Sent { case_number: String },
    /// It waits in the outbox: what goes out is what was checked, so no more changes.
    Waiting,
    /// The answers hide this step (an old bookmark, a changed answer): another page.
    Elsewhere(String),
}

pub fn arrival(
    def: &ServiceDefinition,
    step_id: &str,
    draft: &Draft,
    from_check: bool,
    today: Date,
) -> Arrival {
    if let Some(case_number) = &draft.submitted_case {
        return Arrival::Sent {
            case_number: case_number.clone(),
        };
    }
    // Unless the office refused it, which the check page says.
    if draft.pending.is_some() && draft.server_errors.is_empty() {
        return Arrival::Waiting;
    }
    if !flow::is_step_visible(def, step_id, &draft.answers, today) {
        return Arrival::Elsewhere(match first_incomplete_step(def, &draft.answers, today) {
            Some(s) => urls::step(&def.id, &s.id, from_check),
            None => urls::check(&def.id),
        });
    }
    Arrival::Step
}

/// Back into a draft: its confirmation once sent; else the step where the citizen left
/// off if it still applies, else the first one still missing something, else the check
/// page.
pub fn resume_url(def: &ServiceDefinition, draft: &Draft, today: Date) -> String {
    if let Some(case_number) = &draft.submitted_case {
        return urls::case(case_number);
    }
    let step = draft
        .step
        .clone()
        .filter(|s| flow::is_step_visible(def, s, &draft.answers, today))
        .or_else(|| first_incomplete_step(def, &draft.answers, today).map(|s| s.id.clone()));
    match step {
        Some(step) => urls::step(&def.id, &step, false),
        None => urls::check(&def.id),
    }
}

/// Where Continue leads once a step is complete.
pub fn after_step(
    def: &ServiceDefinition,
    answers: &Answers,
    step_id: &str,
    from_check: bool,
    today: Date,
) -> String {
    let next = if from_check {
        // After a change, the first page still missing something (a newly shown step,
        // say), or back to the check page.
        first_incomplete_step(def, answers, today)
    } else {
        flow::next_step(def, answers, step_id, today)
    };
    match next {
        Some(next) => urls::step(&def.id, &next.id, from_check),
        None => urls::check(&def.id),
    }
}

/// Where Back leads from a step (or from an item of a group, `in_group`).
pub fn back_url(
    service: &str,
    step_id: &str,
    steps: &Steps,
    in_group: InGroup,
    from_check: bool,
) -> String {
    // An item goes back to its group's list, unless the list is still empty (the first
    // item of a group that needs one): that would only lead here again.
    if in_group == InGroup::ItemOfListed {
        return urls::step(service, step_id, from_check);
    }
    if from_check {
        return urls::check(service);
    }
    // This step is visible (conditions only look back), so the one before it in the
    // list is the previous page.
    match steps.ids.iter().position(|s| s == step_id) {
        Some(at) if at > 0 => urls::step(service, &steps.ids[at - 1], false),
        _ => urls::start(service),
    }
}

/// Whether a page is an item of a repeatable group, and whether that group has a list
/// to go back to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InGroup {
    No,
    ItemOfEmpty,
    ItemOfListed,
}

/// The visible steps, and whether answers still to come can change them.
#[derive(Clone, Debug, PartialEq)]
pub struct Steps {
    pub ids: Vec<String>,
    pub settled: bool,
}

impl Steps {
    pub fn of(walk: &flow::Walk, def: &ServiceDefinition, current: &str) -> Steps {
        Steps {
            ids: walk.steps.iter().map(|(s, _)| s.id.clone()).collect(),
            settled: walk.step_count_settled(def, current),
        }
    }

    /// "Schritt 3 von 7", or "Schritt 3" while the total may still change.
    pub fn progress(&self, i18n: crate::i18n::I18n, step_id: &str) -> Option<String> {
        let at = self.ids.iter().position(|s| s == step_id)?;
        let (n, total) = ((at + 1).to_string(), self.ids.len().to_string());
        let template = if self.settled {
            i18n.t(Key::StepOf)
        } else {
            i18n.t(Key::StepN)
        };
        Some(fill(template, &[("n", &n), ("total", &total)]))
    }
}

/// Sends the citizen elsewhere without adding a history entry: a page they should not
/// be on must not trap the back button.
pub fn redirect(url: String) {
    let router = use_router();
    crate::page::next_frame(move || router.replace(&url));
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::PendingSubmission;
    use rathaus_core::Answer;

    /// Three steps; the second only for a business, the third a repeatable group.
    pub(crate) fn three_steps() -> ServiceDefinition {
        rathaus_core::json::from_str(
            r#"{"id":"s","version":1,"title":{"de":"S"},"summary":{"de":"S"},"steps":[
              {"id":"wer","title":{"de":"Wer"},"fields":[
                {"id":"art","type":"single_choice","label":{"de":"Art"},
                 "options":[{"value":"privat","label":{"de":"Privat"}},
                            {"value":"firma","label":{"de":"Firma"}}]}]},
              {"id":"firma","title":{"de":"Firma"},
               "show_if":{"equals":{"field":"art","value":"firma"}},
               "fields":[{"id":"name","type":"text","label":{"de":"Name"}}]},
              {"id":"dinge","title":{"de":"Dinge"},
               "repeat":{"min":1,"max":3,"item":{"de":"Ding"},
                         "add_another":{"de":"Noch eins?"},"summary_field":"was"},
               "fields":[{"id":"was","type":"text","label":{"de":"Was"}},
                         {"id":"anzahl","type":"number","label":{"de":"Anzahl"},
                          "optional":true}]}]}"#,
        )
        .unwrap()
    }

    pub(crate) fn today() -> Date {
        Date::new(2026, 12, 2).unwrap()
    }

    pub(crate) fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set((*k).to_owned(), Answer::Text((*v).into()));
        }
        a
    }

    fn draft(pairs: &[(&str, &str)]) -> Draft {
        let mut d = Draft::new("s", 1);
        d.answers = answers(pairs);
        d
    }

    #[test]
    fn a_step_the_answers_hide_leads_to_the_first_one_missing_something() {
        let def = three_steps();
        assert_eq!(
            arrival(&def, "firma", &draft(&[("art", "privat")]), false, today()),
            Arrival::Elsewhere(urls::step("s", "dinge", false))
        );
        assert_eq!(
            arrival(&def, "firma", &draft(&[("art", "firma")]), false, today()),
            Arrival::Step
        );
    }

    #[test]
    fn a_sent_or_waiting_application_is_not_opened_for_change() {
        let def = three_steps();
        let mut sent = draft(&[]);
        sent.submitted_case = Some("2026-000123".into());
        assert_eq!(
            arrival(&def, "wer", &sent, false, today()),
            Arrival::Sent {
                case_number: "2026-000123".into()
            }
        );
        assert_eq!(resume_url(&def, &sent, today()), urls::case("2026-000123"));
        let mut waiting = draft(&[("art", "privat")]);
        waiting.pending = Some(PendingSubmission {
            idempotency_key: "k".into(),
            answers: waiting.answers.clone(),
            body: "{}".into(),
            service_title: None,
            what_happens_next: None,
            queued_at: 0,
        });
        assert_eq!(
            arrival(&def, "wer", &waiting, false, today()),
            Arrival::Waiting
        );
        // Refused by the office: open again, to fix what it found.
        waiting.server_errors.push(rathaus_core::FieldError {
            field: "art".into(),
            code: rathaus_core::ErrorCode::Required,
            limit: None,
        });
        assert_eq!(
            arrival(&def, "wer", &waiting, false, today()),
            Arrival::Step
        );
    }

    #[test]
    fn continue_skips_hidden_steps_and_a_change_returns_to_the_check_page() {
        let def = three_steps();
        let private = answers(&[("art", "privat")]);
        assert_eq!(
            after_step(&def, &private, "wer", false, today()),
            urls::step("s", "dinge", false)
        );
        let firm = answers(&[("art", "firma")]);
        assert_eq!(
            after_step(&def, &firm, "wer", false, today()),
            urls::step("s", "firma", false)
        );
        // From the check page: a newly shown step still to answer comes first.
        assert_eq!(
            after_step(&def, &firm, "wer", true, today()),
            urls::step("s", "firma", true)
        );
    }

    #[test]
    fn resuming_goes_where_the_citizen_left_off_while_that_step_applies() {
        let def = three_steps();
        let mut d = draft(&[("art", "firma")]);
        d.step = Some("firma".into());
        assert_eq!(
            resume_url(&def, &d, today()),
            urls::step("s", "firma", false)
        );
        d.answers = answers(&[("art", "privat")]);
        assert_eq!(
            resume_url(&def, &d, today()),
            urls::step("s", "dinge", false)
        );
    }

    #[test]
    fn back_goes_to_the_previous_visible_step_the_list_or_the_check_page() {
        let def = three_steps();
        let private = answers(&[("art", "privat")]);
        let walk = flow::walk(&def, &private, today());
        let steps = Steps::of(&walk, &def, "dinge");
        assert_eq!(steps.ids, ["wer", "dinge"]);
        assert_eq!(
            back_url("s", "dinge", &steps, InGroup::No, false),
            urls::step("s", "wer", false)
        );
        assert_eq!(
            back_url("s", "wer", &steps, InGroup::No, false),
            urls::start("s")
        );
        assert_eq!(
            back_url("s", "wer", &steps, InGroup::No, true),
            urls::check("s")
        );
        assert_eq!(
            back_url("s", "dinge", &steps, InGroup::ItemOfListed, true),
            urls::step("s", "dinge", true)
        );
        // The first item of an empty group: its list would only lead back here.
        assert_eq!(
            back_url("s", "dinge", &steps, InGroup::ItemOfEmpty, false),
            urls::step("s", "wer", false)
        );
    }
}
