//! Conditions: they may only read questions asked before, compare them with values
//! those questions can have, and (a warning) should not negate an unanswered question.

use super::{Asked, Checker, Known};
use crate::answers::Answer;
use crate::condition::Condition;
use crate::date::Date;
use crate::definition::{Field, FieldKind};
use crate::validate::{validate_answer, ErrorCode};

impl Checker {
    pub(super) fn condition(&mut self, path: &str, cond: &Condition, known: &Known) {
        self.condition_leaves(path, cond, known);
        self.negations(path, cond, known, &mut Vec::new(), false);
    }

    fn condition_leaves(&mut self, path: &str, cond: &Condition, known: &Known) {
        match cond {
            Condition::Not(inner) => return self.condition_leaves(path, inner, known),
            Condition::All(list) | Condition::Any(list) => {
                return list
                    .iter()
                    .for_each(|c| self.condition_leaves(path, c, known))
            }
            Condition::AnyItem { group, condition } | Condition::EveryItem { group, condition } => {
                return self.item_condition(path, group, condition, known)
            }
            _ => {}
        }
        let Some(id) = cond.field() else { return };
        let Some(seen) = known.get(id) else {
            return self.push(
                path,
                format!("refers to '{id}', which is not a field asked before this point"),
            );
        };
        let field = match seen.asked {
            Asked::Field(f) => Some(f),
            Asked::Group(_) => None,
        };
        let kind = field.map(|f| f.kind);
        match cond {
            Condition::Equals { value, .. } => self.compared_value(path, id, field, value),
            Condition::OneOf { values, .. } => values
                .iter()
                .for_each(|v| self.compared_value(path, id, field, v)),
            Condition::Answered { .. } if kind.is_some_and(FieldKind::is_shown_only) => {
                self.push(
                    path,
                    format!("'{id}' is shown, not answered: it is never answered"),
                );
            }
            Condition::AtLeast { .. } | Condition::Below { .. }
                if !kind.is_none_or(|k| {
                    k.is_numeric()
                        || matches!(
                            k,
                            FieldKind::MultipleChoice | FieldKind::File | FieldKind::Computed
                        )
                }) =>
            {
                self.push(
                    path,
                    format!("'{id}' is neither a number nor something counted"),
                );
            }
            Condition::YearsSinceAtLeast { .. } | Condition::YearsSinceBelow { .. }
                if kind != Some(FieldKind::Date) =>
            {
                self.push(path, format!("'{id}' is not a date"));
            }
            _ => {}
        }
    }

    /// `any_item` / `every_item`: `group` is a repeatable group asked before, and the
    /// condition inside reads the item's questions (and those before the group).
    fn item_condition(&mut self, path: &str, group: &str, inner: &Condition, known: &Known) {
        let Some(Asked::Group(step)) = known.get(group).map(|s| s.asked) else {
            return self.push(
                path,
                format!("'{group}' is not a repeatable group asked before this point"),
            );
        };
        let mut scope = known.clone();
        for f in &step.fields {
            let open = f.optional || f.optional_after_first || f.show_if.is_some();
            scope.insert(&f.id, super::Seen::new(Asked::Field(f), open));
        }
        self.condition_leaves(path, inner, &scope);
    }

    /// `equals` / `one_of` compare the answer's text (or the choices made) with `value`:
    /// it must be something the question can be answered with.
    fn compared_value(&mut self, path: &str, id: &str, field: Option<&Field>, value: &str) {
        let Some(f) = field else {
            return self.push(
                path,
                format!("'{id}' is a group: compare its number of items with at_least / below"),
            );
        };
        if f.kind.has_options() {
            if !f.options.iter().any(|o| o.value == value) {
                self.push(path, format!("'{value}' is not an option of '{id}'"));
            }
            return;
        }
        if let Some(values) = f.kind.fixed_values() {
            if !values.contains(&value) {
                self.push(path, format!("'{value}' is not an option of '{id}'"));
            }
            return;
        }
        let instead = match f.kind {
            FieldKind::Date => Some("compare it with years_since_at_least / years_since_below"),
            FieldKind::File => Some("count its files with at_least / below"),
            FieldKind::Address => Some("ask with answered whether it was given"),
            FieldKind::Info => Some("an info field has no answer"),
            _ => None,
        };
        if let Some(instead) = instead {
            return self.push(
                path,
                format!(
                    "'{id}' is of type {}: equals and one_of never hold for it; {instead}",
                    f.kind.name()
                ),
            );
        }
        if value.trim().is_empty() {
            return self.push(
                path,
                format!("an empty value never matches '{id}': use answered (or not answered)"),
            );
        }
        if value.trim() != value {
            return self.push(
                path,
                format!("'{value}' has spaces at its ends, answers are compared without them"),
            );
        }
        // The question's own reading decides: for numbers, what validation reads as a
        // number of that kind; for other text, what it would accept at all.
        let answer = Answer::Text(value.to_owned());
        let Some(error) = validate_answer(f, Some(&answer), Date::EPOCH) else {
            return;
        };
        let message = if error.code == ErrorCode::NotANumber {
            format!(
                "'{value}' is not a number as the {} field '{id}' reads it",
                f.kind.name()
            )
        } else {
            format!(
                "'{value}' can never be an answer to '{id}' (validation reports '{}')",
                error.code.name()
            )
        };
        self.push(path, message);
    }

    /// `not` over a comparison holds while the question is unanswered, so a follow-up
    /// shows before the citizen has answered. `guarded` are the questions an enclosing
    /// `all` asks to be `answered`.
    fn negations<'c>(
        &mut self,
        path: &str,
        cond: &'c Condition,
        known: &Known,
        guarded: &mut Vec<&'c str>,
        negated: bool,
    ) {
        match cond {
            Condition::Not(inner) => self.negations(path, inner, known, guarded, !negated),
            Condition::All(list) => {
                let before = guarded.len();
                if !negated {
                    guarded.extend(list.iter().filter_map(|c| match c {
                        Condition::Answered { field } => Some(field.as_str()),
                        _ => None,
                    }));
                }
                for c in list {
                    self.negations(path, c, known, guarded, negated);
                }
                guarded.truncate(before);
            }
            Condition::Any(list) => {
                for c in list {
                    self.negations(path, c, known, guarded, negated);
                }
            }
            Condition::Answered { .. } => {}
            leaf => {
                let Some(id) = leaf.field() else { return };
                let Some(seen) = known.get(id) else { return };
                // Counted answers read an unanswered question as none, which is right.
                let Asked::Field(f) = seen.asked else { return };
                let counted = matches!(f.kind, FieldKind::MultipleChoice | FieldKind::File)
                    && matches!(
                        leaf,
                        Condition::AtLeast { .. }
                            | Condition::Equals { .. }
                            | Condition::OneOf { .. }
                    );
                if negated && seen.open && !counted && !guarded.contains(&id) {
                    self.warn(
                        path,
                        format!(
                            "'not' also holds while '{id}' is unanswered; to wait for an answer write \
                             {{\"all\": [{{\"answered\": {{\"field\": \"{id}\"}}}}, {{\"not\": …}}]}}"
                        ),
                    );
                }
            }
        }
    }
}
