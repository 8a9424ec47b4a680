//! The service definition: how a service author describes a service as data.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::fee::FeeSchedule;
use crate::text::{Text, REQUIRED_LANGUAGE};
use crate::validate::ErrorCode;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceDefinition {
    /// Stable, URL-safe id (`fuehrungszeugnis`); part of the service's address.
    pub id: String,
    /// Raised by the author whenever questions change, so drafts can be migrated.
    pub version: u32,
    pub title: Text,
    /// One or two sentences for the catalogue and the start page.
    pub summary: Text,
    /// What the citizen needs at hand before starting.
    #[serde(default)]
    pub before_you_start: Vec<Text>,
    /// How long the office usually takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Text>,
    /// The office responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Text>,
    #[serde(default)]
    pub fee: FeeSchedule,
    pub steps: Vec<Step>,
    /// What the citizen confirms before submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Text>,
    /// What happens after submitting, shown on the confirmation page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_happens_next: Option<Text>,
}

/// One page of the wizard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    pub id: String,
    /// The page heading; with a single field the field's label is the heading instead.
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Questions are required unless marked optional (UX: mark the optional ones).
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    #[serde(default, skip_serializing_if = "Constraints::is_empty")]
    pub constraints: Constraints,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// HTML `autocomplete` token (`given-name`, `postal-code`, `bday`…), so browsers can
    /// fill known data in and assistive technology knows the input's purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    /// Messages in the question's own words, keyed by error code (`required`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FieldKind {
    Text,
    LongText,
    Date,
    SingleChoice,
    Email,
    /// A German five-digit postcode.
    Postcode,
}

impl FieldKind {
    pub const ALL: [FieldKind; 6] = [
        FieldKind::Text,
        FieldKind::LongText,
        FieldKind::Date,
        FieldKind::SingleChoice,
        FieldKind::Email,
        FieldKind::Postcode,
    ];

    /// The name in definitions (`"type": "single_choice"`).
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::LongText => "long_text",
            FieldKind::Date => "date",
            FieldKind::SingleChoice => "single_choice",
            FieldKind::Email => "email",
            FieldKind::Postcode => "postcode",
        }
    }

    pub fn from_name(name: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::SingleChoice)
    }

    /// A limit that applies when the author sets none, so nobody can post megabytes.
    pub fn default_max_length(self) -> Option<u32> {
        match self {
            FieldKind::Text => Some(200),
            FieldKind::LongText => Some(2000),
            FieldKind::Email => Some(254),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Constraints {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Dates: not after today.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_in_future: bool,
    /// Dates: at least this many years before today (a minimum age, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_years_ago: Option<u32>,
    /// Dates: at most this many years before today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years_ago: Option<u32>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self == &Constraints::default()
    }
}

impl ServiceDefinition {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn fields(&self) -> impl Iterator<Item = (&Step, &Field)> {
        self.steps
            .iter()
            .flat_map(|s| s.fields.iter().map(move |f| (s, f)))
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.id == id)
    }

    pub fn step_of_field(&self, field_id: &str) -> Option<&Step> {
        self.fields()
            .find(|(_, f)| f.id == field_id)
            .map(|(s, _)| s)
    }

    /// The catalogue entry for this service.
    pub fn summary_entry(&self) -> crate::api::ServiceSummary {
        crate::api::ServiceSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            fee: self.fee.fixed_amount(),
        }
    }

    /// Everything wrong with this definition; empty when it may be shown to citizens.
    pub fn problems(&self) -> Vec<DefinitionProblem> {
        let mut out = Problems::default();
        if !is_slug(&self.id, '-') {
            out.push(
                "id",
                format!("'{}' must be lowercase letters, digits and '-'", self.id),
            );
        }
        out.text("title", &self.title);
        out.text("summary", &self.summary);
        if self.steps.is_empty() {
            out.push("steps", "a service needs at least one step".into());
        }
        let mut step_ids = HashSet::new();
        // Fields answered before the current position: conditions may only look back.
        let mut earlier: BTreeMap<&str, &Field> = BTreeMap::new();
        for (si, step) in self.steps.iter().enumerate() {
            let at = format!("steps[{si}]");
            if !is_slug(&step.id, '-') || step.id == "check" {
                out.push(
                    &format!("{at}.id"),
                    format!(
                        "'{}' must be lowercase letters, digits and '-', and not 'check'",
                        step.id
                    ),
                );
            }
            if !step_ids.insert(step.id.as_str()) {
                out.push(
                    &format!("{at}.id"),
                    format!("duplicate step id '{}'", step.id),
                );
            }
            out.text(&format!("{at}.title"), &step.title);
            if let Some(cond) = &step.show_if {
                out.condition(&format!("{at}.show_if"), cond, &earlier);
            }
            if step.intro.is_some() && step.fields.len() == 1 {
                out.push(
                    &format!("{at}.intro"),
                    "a step with one question shows the question as its heading: put the intro in the question's hint".into(),
                );
            }
            if step.fields.is_empty() {
                out.push(
                    &format!("{at}.fields"),
                    "a step needs at least one field".into(),
                );
            }
            for (fi, field) in step.fields.iter().enumerate() {
                let at = format!("{at}.fields[{fi}]");
                if !is_slug(&field.id, '_') {
                    out.push(
                        &format!("{at}.id"),
                        format!("'{}' must be lowercase letters, digits and '_'", field.id),
                    );
                }
                if earlier.contains_key(field.id.as_str()) {
                    out.push(
                        &format!("{at}.id"),
                        format!("duplicate field id '{}'", field.id),
                    );
                }
                out.text(&format!("{at}.label"), &field.label);
                if let Some(cond) = &field.show_if {
                    out.condition(&format!("{at}.show_if"), cond, &earlier);
                }
                out.field(&at, field);
                earlier.insert(&field.id, field);
            }
        }
        out.0
    }
}

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

#[derive(Default)]
struct Problems(Vec<DefinitionProblem>);

impl Problems {
    fn push(&mut self, path: &str, message: String) {
        self.0.push(DefinitionProblem {
            path: path.to_owned(),
            message,
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        if !text.has(REQUIRED_LANGUAGE) {
            self.push(path, format!("needs a '{REQUIRED_LANGUAGE}' text"));
        }
    }

    fn condition(&mut self, path: &str, cond: &Condition, earlier: &BTreeMap<&str, &Field>) {
        for field in cond.referenced_fields() {
            if !earlier.contains_key(field) {
                self.push(
                    path,
                    format!("refers to '{field}', which is not a field asked before this point"),
                );
            }
        }
        let mut check_value = |field: &str, value: &str| {
            if let Some(f) = earlier.get(field) {
                if f.kind.has_options() && !f.options.iter().any(|o| o.value == value) {
                    self.push(path, format!("'{value}' is not an option of '{field}'"));
                }
            }
        };
        match cond {
            Condition::Equals { field, value } => check_value(field, value),
            Condition::OneOf { field, values } => values.iter().for_each(|v| check_value(field, v)),
            Condition::Not(inner) => self.condition(path, inner, earlier),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| self.condition(path, c, earlier))
            }
            Condition::Answered { .. } => {}
        }
    }

    fn field(&mut self, at: &str, field: &Field) {
        if let Some(hint) = &field.hint {
            self.text(&format!("{at}.hint"), hint);
        }
        if field.kind.has_options() {
            if field.options.len() < 2 {
                self.push(
                    &format!("{at}.options"),
                    "a choice needs at least two options".into(),
                );
            }
            let mut seen = HashSet::new();
            for (oi, option) in field.options.iter().enumerate() {
                if option.value.trim().is_empty() || !seen.insert(option.value.as_str()) {
                    self.push(
                        &format!("{at}.options[{oi}].value"),
                        format!("option value '{}' is empty or used twice", option.value),
                    );
                }
                self.text(&format!("{at}.options[{oi}].label"), &option.label);
            }
        } else if !field.options.is_empty() {
            self.push(
                &format!("{at}.options"),
                "only choice fields have options".into(),
            );
        }
        let c = &field.constraints;
        if let (Some(min), Some(max)) = (c.min_length, c.max_length) {
            if min > max {
                self.push(
                    &format!("{at}.constraints"),
                    "min_length is above max_length".into(),
                );
            }
        }
        let is_date = field.kind == FieldKind::Date;
        if !is_date && (c.not_in_future || c.min_years_ago.is_some() || c.max_years_ago.is_some()) {
            self.push(
                &format!("{at}.constraints"),
                "date constraints on a field that is not a date".into(),
            );
        }
        if let (Some(min), Some(max)) = (c.min_years_ago, c.max_years_ago) {
            if min > max {
                self.push(
                    &format!("{at}.constraints"),
                    "min_years_ago is above max_years_ago".into(),
                );
            }
        }
        for (code, text) in &field.messages {
            if ErrorCode::from_name(code).is_none() {
                self.push(
                    &format!("{at}.messages.{code}"),
                    format!("unknown error code '{code}'"),
                );
            }
            self.text(&format!("{at}.messages.{code}"), text);
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
