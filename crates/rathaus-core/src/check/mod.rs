//! The definition check on the typed definition: what `rathaus-server check-services`
//! and the backend's start report, each finding with its path inside the file.
//! Unknown members are found on the raw JSON instead ([`members`]).

use std::collections::{BTreeMap, HashSet};

use crate::definition::{Field, FieldKind, Repeat, ServiceDefinition, Step, Stop};
use crate::fee::{FeeRule, FeeSchedule};
use crate::text::{Locale, Text, REQUIRED_LANGUAGE};

mod condition;
mod error_codes;
mod field;
mod identity;
pub mod members;
mod option_lists;
mod placeholders;
mod references;
pub(crate) mod suggest;

pub use members::member_problems;

/// One thing wrong in a definition: where (a path inside the file) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefinitionProblem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for DefinitionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// What the check found. Problems keep a definition from citizens (the backend does not
/// start); warnings name what is allowed but rarely meant, and stop nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Findings {
    pub problems: Vec<DefinitionProblem>,
    pub warnings: Vec<DefinitionProblem>,
}

impl ServiceDefinition {
    /// Everything wrong with this definition; empty when it may be shown to citizens.
    pub fn problems(&self) -> Vec<DefinitionProblem> {
        self.check().problems
    }

    /// What is allowed but probably not meant (see [`Findings`]).
    pub fn warnings(&self) -> Vec<DefinitionProblem> {
        self.check().warnings
    }

    pub fn check(&self) -> Findings {
        // A definition with sections is checked as the wizard asks it: expanded.
        if !self.sections.is_empty() || self.steps.iter().any(|s| s.section.is_some()) {
            let (expanded, problems) = self.expanded();
            let mut findings = expanded.check();
            findings.problems.splice(0..0, problems);
            return findings;
        }
        let mut out = Checker::default();
        if !is_slug(&self.id, '-') {
            out.push(
                "id",
                format!("'{}' must be lowercase letters, digits and '-'", self.id),
            );
        }
        out.text("title", &self.title);
        out.text("summary", &self.summary);
        for (i, text) in self.before_you_start.iter().enumerate() {
            out.text(&format!("before_you_start[{i}]"), text);
        }
        for (name, text) in [
            ("duration", &self.duration),
            ("office", &self.office),
            ("declaration", &self.declaration),
            ("what_happens_next", &self.what_happens_next),
            ("privacy", &self.privacy),
        ] {
            if let Some(text) = text {
                out.text(name, text);
            }
        }
        out.identification(self);
        if self.steps.is_empty() {
            out.push("steps", "a service needs at least one step".into());
        }
        let mut step_ids = HashSet::new();
        let mut all_ids = HashSet::new();
        // What was asked before the current position: conditions may only look back.
        let mut earlier: Known = BTreeMap::new();
        for (si, step) in self.steps.iter().enumerate() {
            let at = format!("steps[{si}]");
            out.step_head(&at, step, &mut step_ids, &earlier);
            out.step_placeholders(&at, step, &earlier);
            // Inside a group, a condition may also read the item's earlier fields.
            let mut scope = earlier.clone();
            if let Some(repeat) = &step.repeat {
                out.repeat(&at, step, repeat);
                if !all_ids.insert(step.id.as_str()) {
                    out.push(
                        &format!("{at}.id"),
                        format!("the group id '{}' is also a field id", step.id),
                    );
                }
            }
            for (fi, field) in step.fields.iter().enumerate() {
                let at = format!("{at}.fields[{fi}]");
                if !is_slug(&field.id, '_') {
                    out.push(
                        &format!("{at}.id"),
                        format!("'{}' must be lowercase letters, digits and '_'", field.id),
                    );
                }
                if !all_ids.insert(field.id.as_str()) {
                    out.push(
                        &format!("{at}.id"),
                        format!("duplicate field id '{}'", field.id),
                    );
                }
                out.text(&format!("{at}.label"), &field.label);
                if let Some(cond) = &field.show_if {
                    out.condition(&format!("{at}.show_if"), cond, &scope);
                }
                out.field(&at, field);
                out.options_from(&at, field, &earlier);
                out.references(&at, field, &scope, step.repeat.is_some());
                out.prefill(&at, field, step.repeat.is_some(), self);
                // On the page being filled in, a question may not be answered yet.
                scope.insert(&field.id, Seen::open(Asked::Field(field)));
            }
            if let Some(repeat) = &step.repeat {
                let open = repeat.min == 0 || step.show_if.is_some();
                earlier.insert(&step.id, Seen::new(Asked::Group(step), open));
            } else {
                for field in &step.fields {
                    let open = field.optional
                        || field.kind.is_shown_only()
                        || field.show_if.is_some()
                        || step.show_if.is_some();
                    scope.insert(&field.id, Seen::new(Asked::Field(field), open));
                }
                earlier = scope;
            }
        }
        out.fee(&self.fee, &earlier);
        out.0
    }
}

#[derive(Clone, Copy)]
enum Asked<'d> {
    Field(&'d Field),
    Group(&'d Step),
}

/// A question or group asked before the point being checked.
#[derive(Clone, Copy)]
struct Seen<'d> {
    asked: Asked<'d>,
    /// It may have no answer where a condition reads it: optional, shown only under a
    /// condition, or on the page being filled in.
    open: bool,
}

impl<'d> Seen<'d> {
    fn new(asked: Asked<'d>, open: bool) -> Seen<'d> {
        Seen { asked, open }
    }

    fn open(asked: Asked<'d>) -> Seen<'d> {
        Seen::new(asked, true)
    }
}

type Known<'d> = BTreeMap<&'d str, Seen<'d>>;

#[derive(Default)]
struct Checker(Findings);

impl Checker {
    fn push(&mut self, path: &str, message: String) {
        self.0.problems.push(DefinitionProblem {
            path: path.to_owned(),
            message,
        });
    }

    fn warn(&mut self, path: &str, message: String) {
        self.0.warnings.push(DefinitionProblem {
            path: path.to_owned(),
            message,
        });
    }

    /// German is required; every language must be one the app speaks, written as the
    /// app looks it up (lowercase), or its text is never shown.
    fn text(&mut self, path: &str, text: &Text) {
        if !text.has(REQUIRED_LANGUAGE) {
            self.push(path, format!("needs a '{REQUIRED_LANGUAGE}' text"));
        }
        let codes = || Locale::ALL.iter().map(|l| l.code());
        for language in text.0.keys() {
            if !codes().any(|c| c == language) {
                let known: Vec<&str> = codes().collect();
                self.push(
                    &format!("{path}.{language}"),
                    format!(
                        "'{language}' is not a language of the app ({}){}",
                        known.join(", "),
                        suggest::did_you_mean(language, codes())
                    ),
                );
            }
        }
    }

    fn step_head<'d>(
        &mut self,
        at: &str,
        step: &'d Step,
        step_ids: &mut HashSet<&'d str>,
        earlier: &Known,
    ) {
        if !is_slug(&step.id, '-') || step.id == "check" {
            self.push(
                &format!("{at}.id"),
                format!(
                    "'{}' must be lowercase letters, digits and '-', and not 'check'",
                    step.id
                ),
            );
        }
        if !step_ids.insert(step.id.as_str()) {
            self.push(
                &format!("{at}.id"),
                format!("duplicate step id '{}'", step.id),
            );
        }
        self.text(&format!("{at}.title"), &step.title);
        if let Some(intro) = &step.intro {
            self.text(&format!("{at}.intro"), intro);
        }
        if let Some(cond) = &step.show_if {
            self.condition(&format!("{at}.show_if"), cond, earlier);
        }
        if step.intro.is_some() && step.fields.len() == 1 && step.repeat.is_none() {
            self.push(
                &format!("{at}.intro"),
                "a step with one question shows the question as its heading: put the intro in the question's hint".into(),
            );
        }
        match &step.stop {
            None if step.fields.is_empty() => self.push(
                &format!("{at}.fields"),
                "a step needs at least one field".into(),
            ),
            None => {}
            Some(stop) => self.stop(at, step, stop),
        }
    }

    /// A stopping page explains (its intro), links onwards, asks nothing, and is shown
    /// only under a condition: one shown always would stop every application.
    fn stop(&mut self, at: &str, step: &Step, stop: &Stop) {
        let path = format!("{at}.stop");
        if step.intro.is_none() {
            self.push(
                &format!("{at}.intro"),
                "a stopping step needs an intro: why the citizen cannot apply here".into(),
            );
        }
        if step.show_if.is_none() {
            self.push(
                &format!("{at}.show_if"),
                "a stopping step without show_if stops every application".into(),
            );
        }
        if step.repeat.is_some() {
            self.push(&path, "a repeatable group cannot be a stopping step".into());
        }
        if step.fields.iter().any(|f| f.kind != FieldKind::Info) {
            self.push(
                &format!("{at}.fields"),
                "a stopping step asks nothing: info fields only".into(),
            );
        }
        // The app's own pages a citizen can be sent to: a service's start page or a
        // catalogue entry's page.
        let page = ["/services/", "/info/"].iter().any(|prefix| {
            stop.link
                .strip_prefix(prefix)
                .is_some_and(|id| is_slug(id, '-'))
        });
        let https = stop.link.starts_with("https://") && !stop.link.contains(char::is_whitespace);
        if !page && !https {
            self.push(
                &format!("{path}.link"),
                format!(
                    "'{}' must be a service's page ('/services/<id>'), a catalogue entry's \
                     ('/info/<id>') or an https:// address",
                    stop.link
                ),
            );
        }
        self.text(&format!("{path}.link_label"), &stop.link_label);
    }

    fn repeat(&mut self, at: &str, step: &Step, repeat: &Repeat) {
        let at = format!("{at}.repeat");
        if repeat.max == 0 || repeat.min > repeat.max {
            self.push(&at, "max must be at least 1 and not below min".into());
        }
        self.text(&format!("{at}.item"), &repeat.item);
        self.text(&format!("{at}.add_another"), &repeat.add_another);
        if let Some(id) = &repeat.summary_field {
            if !step.fields.iter().any(|f| &f.id == id) {
                self.push(
                    &format!("{at}.summary_field"),
                    format!("'{id}' is not a field of this group"),
                );
            }
        }
    }

    fn fee(&mut self, fee: &FeeSchedule, known: &Known) {
        for (ri, rule) in fee.rules.iter().enumerate() {
            self.fee_rule(&format!("fee.rules[{ri}]"), rule, known);
        }
        if let Some(text) = &fee.purpose {
            self.text("fee.purpose", text);
        }
        if let Some(text) = &fee.explanation {
            self.text("fee.explanation", text);
        }
    }

    fn fee_rule(&mut self, at: &str, rule: &FeeRule, known: &Known) {
        let field = |id: &str| match known.get(id).map(|s| s.asked) {
            Some(Asked::Field(f)) => Some(f),
            _ => None,
        };
        match rule {
            FeeRule::Fixed(_) => {}
            FeeRule::PerOption { field: id, amounts } => match field(id) {
                Some(f) if f.kind.has_options() || f.kind.fixed_values().is_some() => {
                    for value in amounts.keys() {
                        let fits = f.options.iter().any(|o| &o.value == value)
                            || f.kind
                                .fixed_values()
                                .is_some_and(|v| v.contains(&value.as_str()));
                        if !fits {
                            self.push(at, format!("'{value}' is not an option of '{id}'"));
                        }
                    }
                }
                _ => self.push(at, format!("'{id}' is not a choice field of this service")),
            },
            FeeRule::PerItem {
                group,
                amounts,
                when,
            } => {
                let Some(Asked::Group(step)) = known.get(group.as_str()).map(|s| s.asked) else {
                    return self.push(
                        at,
                        format!("'{group}' is not a repeatable group of this service"),
                    );
                };
                if amounts.is_empty() {
                    self.push(at, "per_item needs at least one amount".into());
                }
                if let Some(cond) = when {
                    // Counted once the item is complete: only optional or conditional
                    // questions of the item may be unanswered.
                    let mut scope = known.clone();
                    for f in &step.fields {
                        let open = f.optional || f.show_if.is_some();
                        scope.insert(&f.id, Seen::new(Asked::Field(f), open));
                    }
                    self.condition(&format!("{at}.when"), cond, &scope);
                }
            }
            FeeRule::Tiered { field: id, tiers } => {
                if !field(id).is_some_and(|f| f.kind.is_numeric()) {
                    self.push(at, format!("'{id}' is not a number field of this service"));
                }
                let bounds: Vec<_> = tiers.iter().map(|t| t.up_to).collect();
                let ascending = bounds.windows(2).all(|w| match (w[0], w[1]) {
                    (Some(a), Some(b)) => a.compare(b).is_lt(),
                    (Some(_), None) => true,
                    (None, _) => false,
                });
                if tiers.is_empty() || !ascending {
                    self.push(
                        at,
                        "tiers must rise by up_to, and only the last may leave it out".into(),
                    );
                }
            }
            FeeRule::PerUnit { amount, factors } => {
                if factors.is_empty() {
                    self.push(at, "per_unit needs at least one factor".into());
                }
                if amount.cents() <= 0 {
                    self.push(at, "per_unit needs an amount above 0".into());
                }
                for id in factors {
                    let counts = field(id)
                        .is_some_and(|f| f.kind.is_numeric() || f.kind == FieldKind::Computed);
                    if !counts {
                        self.push(
                            at,
                            format!("'{id}' is not a number or computed field of this service"),
                        );
                    }
                }
            }
            FeeRule::When { condition, rules } => {
                self.condition(&format!("{at}.condition"), condition, known);
                for (ri, rule) in rules.iter().enumerate() {
                    self.fee_rule(&format!("{at}.rules[{ri}]"), rule, known);
                }
            }
        }
    }
}

fn is_slug(s: &str, sep: char) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep)
}
