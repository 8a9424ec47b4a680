//! `options_from`: a list's options narrowed by earlier answers (crate::option_lists).

use std::cmp::Ordering;

use super::{Asked, Checker, Known};
use crate::definition::{attribute_number, Field, FieldKind};

impl Checker {
    /// Each filter compares one attribute, which every option of the list has, with
    /// one answer of an earlier page, outside any group, of a kind it can compare.
    pub(super) fn options_from(&mut self, at: &str, field: &Field, earlier: &Known) {
        let Some(from) = &field.options_from else {
            return;
        };
        if !field.kind.has_options() {
            self.push(
                &format!("{at}.options_from"),
                format!(
                    "a {} field has no options to take from a list",
                    field.kind.name()
                ),
            );
            return;
        }
        for (wi, filter) in from.only.iter().enumerate() {
            let at = format!("{at}.options_from.where[{wi}]");
            let Some((name, ordering)) = filter.compared() else {
                self.push(
                    &at,
                    "says exactly one of at_most, at_least and equals".into(),
                );
                continue;
            };
            let numeric = ordering != Ordering::Equal;
            let problem = match earlier.get(name).map(|seen| &seen.asked) {
                None => Some(format!("'{name}' names no question asked on an earlier page")),
                Some(Asked::Group(_)) => Some(format!(
                    "'{name}' is a repeatable group: a list is narrowed by a question's answer"
                )),
                Some(Asked::Field(f)) if numeric && !(f.kind.is_numeric() || f.kind == FieldKind::Computed) => {
                    Some(format!(
                        "'{name}' is a {} field: at_most and at_least compare with a number or a computed value",
                        f.kind.name()
                    ))
                }
                Some(Asked::Field(f))
                    if !numeric
                        && !matches!(
                            f.kind,
                            FieldKind::Text | FieldKind::SingleChoice | FieldKind::Select
                        ) =>
                {
                    Some(format!(
                        "'{name}' is a {} field: equals compares with a text, single_choice or select answer",
                        f.kind.name()
                    ))
                }
                Some(Asked::Field(_)) => None,
            };
            if let Some(message) = problem {
                self.push(&at, message);
            }
            let unreadable = field.options.iter().find(|o| {
                o.attributes
                    .get(&filter.attribute)
                    .is_none_or(|v| numeric && attribute_number(v).is_none())
            });
            if let Some(option) = unreadable {
                self.push(
                    &format!("{at}.attribute"),
                    format!(
                        "option '{}' has no {}attribute '{}'",
                        option.value,
                        if numeric { "number in its " } else { "" },
                        filter.attribute
                    ),
                );
            }
        }
    }
}
