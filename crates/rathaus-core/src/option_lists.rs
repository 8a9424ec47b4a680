//! Options kept in list files (`services/lists/{id}.json`, a [`OptionList`]) rather
//! than inline: the backend puts a list's options into every question that names it in
//! `options_from` when it loads the definitions ([`ServiceDefinition::with_lists`]), so
//! the app, the check page and the office see ordinary options; which of them are
//! offered is narrowed by earlier answers ([`Field::offered`]), the same rule in the
//! app (what the page lists) and in validation (what may be sent).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::check::suggest::known_names;
use crate::check::DefinitionProblem;
use crate::definition::{
    attribute_number, ChoiceOption, Field, OptionFilter, OptionList, ServiceDefinition,
};
use crate::scope::Scope;

impl ServiceDefinition {
    /// This definition with the options of every `options_from` question taken from
    /// `lists`, and what could not be: an unknown list, or options written inline too.
    pub fn with_lists(
        &self,
        lists: &BTreeMap<String, OptionList>,
    ) -> (ServiceDefinition, Vec<DefinitionProblem>) {
        let mut def = self.clone();
        let mut problems = Vec::new();
        let steps = def.steps.iter_mut().enumerate().flat_map(|(si, s)| {
            let at = format!("steps[{si}]");
            s.fields
                .iter_mut()
                .enumerate()
                .map(move |(fi, f)| (format!("{at}.fields[{fi}]"), f))
        });
        let sections = def.sections.iter_mut().flat_map(|(name, s)| {
            let at = format!("sections.{name}");
            s.fields
                .iter_mut()
                .enumerate()
                .map(move |(fi, f)| (format!("{at}.fields[{fi}]"), f))
        });
        for (at, field) in steps.chain(sections) {
            let Some(from) = &field.options_from else {
                continue;
            };
            let mut push = |path: &str, message: String| {
                problems.push(DefinitionProblem {
                    path: format!("{at}.{path}"),
                    message,
                })
            };
            if !field.options.is_empty() {
                push(
                    "options",
                    "a question takes its options from a list (options_from) or writes \
                     them here, not both"
                        .into(),
                );
                continue;
            }
            match lists.get(&from.list) {
                Some(list) => field.options = list.options.clone(),
                None => push(
                    "options_from.list",
                    format!(
                        "there is no list '{}' in services/lists/ (lists: {})",
                        from.list,
                        known_names(lists.keys().map(String::as_str))
                    ),
                ),
            }
        }
        (def, problems)
    }
}

impl ServiceDefinition {
    /// This definition as a wizard's page asks it, given the answers so far: its texts
    /// with the earlier answers they name ([`ServiceDefinition::with_answers`]), and in
    /// each `options_from` question only the options offered.
    pub fn as_asked(&self, answers: &crate::Answers, today: crate::date::Date) -> Self {
        let mut def = self.with_answers(answers);
        let offered: Vec<(usize, usize, Vec<ChoiceOption>)> = {
            let scope = Scope::new(&def, answers, today);
            def.steps
                .iter()
                .enumerate()
                .flat_map(|(si, step)| step.fields.iter().enumerate().map(move |f| (si, f)))
                .filter(|(_, (_, field))| field.options_from.is_some())
                .map(|(si, (fi, field))| {
                    (si, fi, field.offered(&scope).into_iter().cloned().collect())
                })
                .collect()
        };
        for (si, fi, options) in offered {
            def.steps[si].fields[fi].options = options;
        }
        def
    }
}

impl OptionFilter {
    /// Whether `option` meets this filter given the answers in `scope`; an answer not
    /// (yet) given, or not readable, holds nothing back: that question has its own error.
    pub fn admits(&self, option: &ChoiceOption, scope: &Scope) -> bool {
        let Some((field, ordering)) = self.compared() else {
            return true;
        };
        let Some(attribute) = option.attributes.get(&self.attribute) else {
            return false;
        };
        if ordering == Ordering::Equal {
            return match scope.get(field) {
                Some(crate::Answer::Text(t)) if !t.trim().is_empty() => t.trim() == attribute,
                _ => true,
            };
        }
        let Some(answer) = scope.number(field) else {
            return true;
        };
        attribute_number(attribute).is_some_and(|value| value.compare(answer) != ordering.reverse())
    }
}

impl Field {
    /// The options offered given the answers in `scope`: all of them, or for a question
    /// with `options_from.where` those of the list that meet every filter.
    pub fn offered<'f>(&'f self, scope: &Scope) -> Vec<&'f ChoiceOption> {
        let only = self
            .options_from
            .as_ref()
            .map(|f| f.only.as_slice())
            .unwrap_or_default();
        self.options
            .iter()
            .filter(|o| only.iter().all(|w| w.admits(o, scope)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
