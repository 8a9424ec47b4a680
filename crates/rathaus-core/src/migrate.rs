//! Drafts across definition versions: when a service's questions change while a citizen
//! has a draft, the answers that still fit are kept and the citizen is told what must
//! be answered again — never a silent loss.
//!
//! An answer "fits" when its question still exists (in the same group, or outside any
//! group as before), its shape is the one the question's type takes, and a choice is
//! still one of the options. A fitting answer is kept even if a new rule refuses it:
//! the citizen then sees the error on that question and keeps what they typed.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::definition::{Field, FieldKind, ServiceDefinition, Step};
use crate::flow;
use crate::scope::Scope;
use crate::validate::{validate_field, validate_item_at};

/// Why an answer was not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// The question is no longer asked.
    Removed,
    /// The question now takes another kind of answer.
    ChangedType,
    /// The option chosen is no longer offered.
    OptionGone,
}

/// One answer that was not kept: where it was (`field`, or `group.index.field`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub path: String,
    pub reason: DropReason,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// The answers that fit the current definition.
    pub answers: Answers,
    /// The answers that were not kept, and why.
    pub dropped: Vec<Dropped>,
    /// Questions the citizen sees and had answered, whose answer is gone or no longer
    /// valid: what to tell them to answer again (field ids, or item paths).
    pub answer_again: Vec<String>,
}

impl Migration {
    /// Nothing the citizen gave was lost or became invalid.
    pub fn is_clean(&self) -> bool {
        self.dropped.is_empty() && self.answer_again.is_empty()
    }
}

/// Fits `answers` (given to some earlier version) to `def`.
pub fn migrate(answers: &Answers, def: &ServiceDefinition, today: Date) -> Migration {
    let mut out = Migration::default();
    for (id, answer) in &answers.0 {
        if let Some(group) = def.steps.iter().find(|s| &s.id == id && s.repeat.is_some()) {
            let items = match answer {
                Answer::Items(items) => items.as_slice(),
                a if a.is_blank() => &[],
                _ => {
                    out.dropped.push(Dropped {
                        path: id.clone(),
                        reason: DropReason::ChangedType,
                    });
                    continue;
                }
            };
            let kept = items
                .iter()
                .enumerate()
                .map(|(index, item)| keep_item(group, item, &format!("{id}.{index}."), &mut out))
                .collect();
            out.answers.set(id.clone(), Answer::Items(kept));
            continue;
        }
        let asked = def
            .steps
            .iter()
            .filter(|s| s.repeat.is_none())
            .flat_map(|s| &s.fields)
            .find(|f| &f.id == id);
        match asked.map(|f| fits(f, answer)) {
            Some(Ok(())) => out.answers.set(id.clone(), answer.clone()),
            Some(Err(reason)) => out.dropped.push(Dropped {
                path: id.clone(),
                reason,
            }),
            None => out.dropped.push(Dropped {
                path: id.clone(),
                reason: DropReason::Removed,
            }),
        }
    }
    out.answer_again = answer_again(answers, def, &out, today);
    out
}

fn keep_item(group: &Step, item: &Answers, prefix: &str, out: &mut Migration) -> Answers {
    let mut kept = Answers::default();
    for (id, answer) in &item.0 {
        let path = format!("{prefix}{id}");
        match group
            .fields
            .iter()
            .find(|f| &f.id == id)
            .map(|f| fits(f, answer))
        {
            Some(Ok(())) => kept.set(id.clone(), answer.clone()),
            Some(Err(reason)) => out.dropped.push(Dropped { path, reason }),
            None => out.dropped.push(Dropped {
                path,
                reason: DropReason::Removed,
            }),
        }
    }
    kept
}

/// Does `answer` have the shape `field` takes, and is a choice still offered?
fn fits(field: &Field, answer: &Answer) -> Result<(), DropReason> {
    let offered = |v: &str| {
        field.options.iter().any(|o| o.value == v)
            || field.kind.fixed_values().is_some_and(|f| f.contains(&v))
    };
    match (field.kind, answer) {
        (FieldKind::Info, _) => Err(DropReason::Removed),
        (_, a) if a.is_blank() => Ok(()),
        (FieldKind::Date, Answer::Date(_))
        | (FieldKind::Address, Answer::Address(_))
        | (FieldKind::File, Answer::Files(_)) => Ok(()),
        (kind, Answer::Choices(values)) if kind.takes_several() => {
            if values.iter().all(|v| v.is_empty() || offered(v)) {
                Ok(())
            } else {
                Err(DropReason::OptionGone)
            }
        }
        (kind, Answer::Text(value))
            if (kind.has_options() && !kind.takes_several()) || kind.fixed_values().is_some() =>
        {
            if offered(value.trim()) {
                Ok(())
            } else {
                Err(DropReason::OptionGone)
            }
        }
        (kind, Answer::Text(_)) if kind.is_text_like() => Ok(()),
        _ => Err(DropReason::ChangedType),
    }
}

/// The visible questions that had an answer before and have none that is valid now.
fn answer_again(
    before: &Answers,
    def: &ServiceDefinition,
    m: &Migration,
    today: Date,
) -> Vec<String> {
    let had = |path: &str| {
        m.dropped.iter().any(|d| d.path == path) || before.get(path).is_some_and(|a| !a.is_blank())
    };
    let walk = flow::walk(def, &m.answers, today);
    let scope = Scope::new(def, &walk.answers, today);
    let mut out = Vec::new();
    for (step, fields) in &walk.steps {
        if step.repeat.is_some() {
            let items = m
                .answers
                .get(&step.id)
                .map(Answer::items)
                .unwrap_or_default();
            for (index, item) in items.iter().enumerate() {
                for e in validate_item_at(def, step, index, item, &walk.answers, today) {
                    let path = format!("{}.{index}.{}", step.id, e.field);
                    let before_item = before
                        .get(&step.id)
                        .and_then(|g| g.items().get(index))
                        .and_then(|i| i.get(&e.field))
                        .is_some_and(|a| !a.is_blank());
                    if before_item || m.dropped.iter().any(|d| d.path == path) {
                        out.push(path);
                    }
                }
            }
            continue;
        }
        for field in fields {
            if had(&field.id) && validate_field(field, m.answers.get(&field.id), &scope).is_some() {
                out.push(field.id.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(steps: &str) -> ServiceDefinition {
        serde_json::from_str(&format!(
            r#"{{"id":"s","version":2,"title":{{"de":"S"}},"summary":{{"de":"S"}},"steps":{steps}}}"#
        ))
        .unwrap()
    }

    fn answers(json: &str) -> Answers {
        serde_json::from_str(json).unwrap()
    }

    fn reasons(m: &Migration) -> Vec<(&str, DropReason)> {
        m.dropped
            .iter()
            .map(|d| (d.path.as_str(), d.reason))
            .collect()
    }

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 27,
    };

    #[test]
    fn unchanged_questions_keep_every_answer() {
        let d = def(r#"[{"id":"a","title":{"de":"A"},"fields":[
                {"id":"name","type":"text","label":{"de":"N"}},
                {"id":"art","type":"single_choice","label":{"de":"A"},"options":[{"value":"x","label":{"de":"X"}},{"value":"y","label":{"de":"Y"}}]}]}]"#);
        let given = answers(r#"{"name":"Erika","art":"y"}"#);
        let m = migrate(&given, &d, TODAY);
        assert!(m.is_clean(), "{m:?}");
        assert_eq!(m.answers, given);
    }

    #[test]
    fn removed_retyped_and_withdrawn_answers_are_named() {
        // Version 2: "alt" is gone, "zahl" became a date, option "y" was withdrawn,
        // "neu" is new and required.
        let d = def(r#"[{"id":"a","title":{"de":"A"},"fields":[
                {"id":"zahl","type":"date","label":{"de":"Z"}},
                {"id":"art","type":"single_choice","label":{"de":"A"},"options":[{"value":"x","label":{"de":"X"}},{"value":"z","label":{"de":"Z"}}]},
                {"id":"name","type":"text","label":{"de":"N"},"constraints":{"max_length":3}},
                {"id":"neu","type":"text","label":{"de":"Neu"}}]}]"#);
        let given = answers(r#"{"alt":"weg","zahl":"12","art":"y","name":"Erika"}"#);
        let m = migrate(&given, &d, TODAY);
        assert_eq!(
            m.answers,
            answers(r#"{"name":"Erika"}"#),
            "what fits is kept, even if now too long"
        );
        let reasons = reasons(&m);
        assert_eq!(
            reasons,
            [
                ("alt", DropReason::Removed),
                ("art", DropReason::OptionGone),
                ("zahl", DropReason::ChangedType),
            ]
        );
        // Asked again: what had an answer and now has no valid one; not the new question.
        assert_eq!(m.answer_again, ["zahl", "art", "name"]);
    }

    #[test]
    fn items_of_a_group_are_fitted_one_by_one() {
        let d = def(r#"[{"id":"hunde","title":{"de":"H"},
                 "repeat":{"min":0,"max":5,"item":{"de":"Hund"},"add_another":{"de":"Noch einer?"}},
                 "fields":[{"id":"name","type":"text","label":{"de":"N"}},
                           {"id":"rasse","type":"select","label":{"de":"R"},"options":[{"value":"dackel","label":{"de":"D"}},{"value":"pudel","label":{"de":"P"}}]}]}]"#);
        let given = answers(
            r#"{"hunde":[{"name":"Bello","rasse":"dackel"},{"name":"Rex","rasse":"mops","farbe":"braun"}]}"#,
        );
        let m = migrate(&given, &d, TODAY);
        assert_eq!(
            m.answers,
            answers(r#"{"hunde":[{"name":"Bello","rasse":"dackel"},{"name":"Rex"}]}"#)
        );
        let paths: Vec<&str> = m.dropped.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["hunde.1.farbe", "hunde.1.rasse"]);
        assert_eq!(m.answer_again, ["hunde.1.rasse"]);
    }

    #[test]
    fn a_question_that_moved_into_a_group_is_not_taken_for_an_item() {
        let d = def(r#"[{"id":"kinder","title":{"de":"K"},
                 "repeat":{"min":0,"max":5,"item":{"de":"Kind"},"add_another":{"de":"Noch eins?"}},
                 "fields":[{"id":"name","type":"text","label":{"de":"N"}}]}]"#);
        let m = migrate(&answers(r#"{"name":"Anna","kinder":"Anna"}"#), &d, TODAY);
        assert_eq!(m.answers, Answers::default());
        let reasons = reasons(&m);
        assert_eq!(
            reasons,
            [
                ("kinder", DropReason::ChangedType),
                ("name", DropReason::Removed)
            ]
        );
    }
}
