//! Which steps and fields a citizen sees, given their answers, and the order of pages.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::definition::{Field, ServiceDefinition, Step};
use crate::scope::Scope;

/// The result of walking a definition front to back with a set of answers.
pub struct Walk<'d> {
    /// Visible steps, each with its visible fields (for a repeatable group: all of its
    /// fields; which of them an item shows depends on the item, see [`item_fields`]).
    pub steps: Vec<(&'d Step, Vec<&'d Field>)>,
    /// The answers on visible fields; everything else is as if never given.
    pub answers: Answers,
}

/// Conditions may only look back (the definition check enforces it), so one pass in
/// order decides everything. A condition sees only answers that are themselves visible:
/// hiding a step also hides whatever depended on its (now stale) answers. `today`
/// decides conditions on ages and dates.
pub fn walk<'d>(def: &'d ServiceDefinition, answers: &Answers, today: Date) -> Walk<'d> {
    let mut effective = Answers::default();
    let mut steps = Vec::new();
    for step in &def.steps {
        if !shown(&step.show_if, &Scope::new(def, &effective, today)) {
            continue;
        }
        if step.repeat.is_some() {
            let items = answers.get(&step.id).map(Answer::items).unwrap_or_default();
            let kept: Vec<Answers> = items
                .iter()
                .map(|item| {
                    let scope = Scope::new(def, &effective, today).with_item(item);
                    effective_item(step, item, scope)
                })
                .collect();
            if !kept.is_empty() {
                effective.set(step.id.clone(), Answer::Items(kept));
            }
            steps.push((step, step.fields.iter().collect()));
            continue;
        }
        let mut fields = Vec::new();
        for field in &step.fields {
            if shown(&field.show_if, &Scope::new(def, &effective, today)) {
                if let Some(answer) = answers.get(&field.id).filter(|a| carries(field, a)) {
                    effective.set(field.id.clone(), answer.clone());
                }
                fields.push(field);
            }
        }
        let stops = step.stop.is_some();
        steps.push((step, fields));
        if stops {
            // The wizard ends on a stopping page: nothing after it is asked.
            break;
        }
    }
    Walk {
        steps,
        answers: effective,
    }
}

impl<'d> Walk<'d> {
    /// The visible fields of `step` (none when the step is hidden).
    pub fn fields_of(&self, step: &Step) -> &[&'d Field] {
        self.steps
            .iter()
            .find(|(s, _)| s.id == step.id)
            .map_or(&[], |(_, f)| f.as_slice())
    }

    /// Whether the number of steps is settled from `current` on: no step's condition
    /// reads a question still to be answered on this page or a later one. Until it is,
    /// progress says "Schritt 3" rather than a total that would change ("3 von 7", then
    /// "4 von 8").
    pub fn step_count_settled(&self, def: &ServiceDefinition, current: &str) -> bool {
        let Some(at) = self.steps.iter().position(|(s, _)| s.id == current) else {
            return true;
        };
        let still_open = |id: &str| {
            self.steps[at..].iter().any(|(step, fields)| {
                let asked = if step.repeat.is_some() {
                    step.id == id
                } else {
                    fields.iter().any(|f| f.id == id)
                };
                asked && self.answers.get(id).is_none()
            })
        };
        def.steps
            .iter()
            .filter_map(|s| s.show_if.as_ref())
            .all(|c| !c.referenced_fields().into_iter().any(still_open))
    }
}

fn shown(condition: &Option<crate::condition::Condition>, scope: &Scope) -> bool {
    condition.as_ref().is_none_or(|c| c.holds(scope))
}

fn carries(field: &Field, answer: &Answer) -> bool {
    !field.kind.is_shown_only() && !answer.is_blank()
}

/// The fields one item of a repeatable group shows. Conditions read the item's own
/// answers first, then those given before the group.
pub fn item_fields<'d>(step: &'d Step, scope: Scope) -> Vec<&'d Field> {
    let mut seen = Answers::default();
    let mut out = Vec::new();
    for field in &step.fields {
        let inner = scope.with_item(&seen);
        if shown(&field.show_if, &inner) {
            if let Some(answer) = scope.item.and_then(|i| i.get(&field.id)) {
                if carries(field, answer) {
                    seen.set(field.id.clone(), answer.clone());
                }
            }
            out.push(field);
        }
    }
    out
}

fn effective_item(step: &Step, item: &Answers, scope: Scope) -> Answers {
    let mut kept = Answers::default();
    for field in item_fields(step, scope) {
        if let Some(answer) = item.get(&field.id).filter(|a| carries(field, a)) {
            kept.set(field.id.clone(), answer.clone());
        }
    }
    kept
}

pub fn visible_steps<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    today: Date,
) -> Vec<&'d Step> {
    walk(def, answers, today)
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
    today: Date,
) -> Vec<&'d Field> {
    walk(def, answers, today)
        .steps
        .into_iter()
        .find(|(s, _)| s.id == step.id)
        .map(|(_, f)| f)
        .unwrap_or_default()
}

pub fn is_step_visible(
    def: &ServiceDefinition,
    step_id: &str,
    answers: &Answers,
    today: Date,
) -> bool {
    visible_steps(def, answers, today)
        .iter()
        .any(|s| s.id == step_id)
}

/// The page after `current`, or `None` when the next page is "check your answers".
pub fn next_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    current: &str,
    today: Date,
) -> Option<&'d Step> {
    let steps = visible_steps(def, answers, today);
    let at = steps.iter().position(|s| s.id == current)?;
    steps.get(at + 1).copied()
}

/// The page before `current`, or `None` on the first page (back to the start page).
pub fn previous_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    current: &str,
    today: Date,
) -> Option<&'d Step> {
    let steps = visible_steps(def, answers, today);
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
    today: Date,
) -> Option<(usize, usize)> {
    let steps = visible_steps(def, answers, today);
    let at = steps.iter().position(|s| s.id == current)?;
    Some((at + 1, steps.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date {
        year: 2026,
        month: 12,
        day: 1,
    };

    /// Step `b` is shown when `kind` (on step `a`) is `firm`.
    fn service() -> ServiceDefinition {
        let text = |id: &str| serde_json::json!({"id": id, "type": "text", "label": {"de": id}});
        serde_json::from_value(serde_json::json!({
            "id": "t", "version": 1, "title": {"de": "T"}, "summary": {"de": "T"},
            "steps": [
                {"id": "a", "title": {"de": "A"}, "fields": [{"id": "kind", "type": "single_choice",
                    "label": {"de": "K"}, "options": [{"value": "firm", "label": {"de": "F"}},
                                                     {"value": "person", "label": {"de": "P"}}]}]},
                {"id": "b", "title": {"de": "B"}, "fields": [text("firm_name")],
                 "show_if": {"equals": {"field": "kind", "value": "firm"}}},
                {"id": "c", "title": {"de": "C"}, "fields": [text("email")]}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn the_step_count_is_settled_once_the_questions_that_decide_it_are_answered() {
        let def = service();
        let mut answers = Answers::default();
        let settled = |a: &Answers, at: &str| walk(&def, a, TODAY).step_count_settled(&def, at);
        // Before "kind" is answered, step b may or may not come: no total.
        assert!(!settled(&answers, "a"));
        answers.set_text("kind", "firm");
        assert!(settled(&answers, "a"));
        assert!(settled(&answers, "b"));
        // Skipped on an earlier page, an unanswered question no longer counts as open.
        answers.set_text("kind", "");
        assert!(settled(&answers, "c"));
    }
}
