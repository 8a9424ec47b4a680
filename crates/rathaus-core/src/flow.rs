//! Which steps and fields a citizen sees, given their answers, and the order of pages.

use crate::answers::Answers;
use crate::date::Date;
use crate::definition::{Field, ServiceDefinition, Step};
use crate::validate::validate_field;

/// The result of walking a definition front to back with a set of answers.
pub struct Walk<'d> {
    /// Visible steps, each with its visible fields.
    pub steps: Vec<(&'d Step, Vec<&'d Field>)>,
    /// The answers on visible fields; everything else is as if never given.
    pub answers: Answers,
}

/// Conditions may only look back (the definition check enforces it), so one pass in
/// order decides everything. A condition sees only answers that are themselves visible:
/// hiding a step also hides whatever depended on its (now stale) answers.
pub fn walk<'d>(def: &'d ServiceDefinition, answers: &Answers) -> Walk<'d> {
    let mut effective = Answers::default();
    let mut steps = Vec::new();
    for step in &def.steps {
        if !step.show_if.as_ref().is_none_or(|c| c.holds(&effective)) {
            continue;
        }
        let mut fields = Vec::new();
        for field in &step.fields {
            if field.show_if.as_ref().is_none_or(|c| c.holds(&effective)) {
                if let Some(answer) = answers.get(&field.id).filter(|a| !a.is_blank()) {
                    effective.set(field.id.clone(), answer.clone());
                }
                fields.push(field);
            }
        }
        steps.push((step, fields));
    }
    Walk {
        steps,
        answers: effective,
    }
}

pub fn visible_steps<'d>(def: &'d ServiceDefinition, answers: &Answers) -> Vec<&'d Step> {
    walk(def, answers)
        .steps
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// The fields of `step` the citizen sees now (empty if the step itself is hidden).
pub fn visible_fields<'d>(
    def: &'d ServiceDefinition,
    step: &Step,
    answers: &Answers,
) -> Vec<&'d Field> {
    walk(def, answers)
        .steps
        .into_iter()
        .find(|(s, _)| s.id == step.id)
        .map(|(_, f)| f)
        .unwrap_or_default()
}

pub fn is_step_visible(def: &ServiceDefinition, step_id: &str, answers: &Answers) -> bool {
    visible_steps(def, answers).iter().any(|s| s.id == step_id)
}

/// The page after `current`, or `None` when the next page is "check your answers".
pub fn next_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    current: &str,
) -> Option<&'d Step> {
    let steps = visible_steps(def, answers);
    let at = steps.iter().position(|s| s.id == current)?;
    steps.get(at + 1).copied()
}

/// The page before `current`, or `None` on the first page (back to the start page).
pub fn previous_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    current: &str,
) -> Option<&'d Step> {
    let steps = visible_steps(def, answers);
    // A step that just became hidden still has a sensible "back": the nearest visible
    // step before it in definition order.
    let order = def.steps.iter().position(|s| s.id == current)?;
    steps
        .into_iter()
        .rev()
        .find(|s| def.steps.iter().position(|d| d.id == s.id) < Some(order))
}

/// "Step 3 of 7": the 1-based position of `current` among the visible steps.
pub fn position(
    def: &ServiceDefinition,
    answers: &Answers,
    current: &str,
) -> Option<(usize, usize)> {
    let steps = visible_steps(def, answers);
    let at = steps.iter().position(|s| s.id == current)?;
    Some((at + 1, steps.len()))
}

/// The first visible step that still has errors; `None` when all can be submitted.
pub fn first_incomplete_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    today: Date,
) -> Option<&'d Step> {
    // One walk for all steps (not one per step): linear in the number of questions.
    walk(def, answers)
        .steps
        .into_iter()
        .find(|(_, fields)| {
            fields
                .iter()
                .any(|f| validate_field(f, answers.get(&f.id), today).is_some())
        })
        .map(|(step, _)| step)
}
