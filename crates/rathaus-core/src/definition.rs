//! The service definition: how a service author describes a service as data.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::condition::{Condition, Scope};
use crate::fee::{FeeRule, FeeSchedule, Money};
use crate::number::{Decimal, Separators};
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
    /// What this service does with the citizen's data and on which law, in a sentence:
    /// the start page shows it in the short privacy notice above "Jetzt beginnen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy: Option<Text>,
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
    /// Makes the step a repeatable group ("add another person"): its fields are asked once
    /// per item, and the answer, under the step's id, is the list of items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    pub fields: Vec<Field>,
}

/// How often a repeatable group may be filled in, and how its items are named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Repeat {
    /// At least this many items (0: the group may stay empty).
    #[serde(default)]
    pub min: u32,
    pub max: u32,
    /// One item, as in "Person 2" or "Ändern: Hund 1".
    pub item: Text,
    /// The question under the list: "Zieht eine weitere Person mit ein?".
    pub add_another: Text,
    /// The field whose answer names an item in the list (default: the first field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_field: Option<String>,
}

impl Step {
    /// The field that names an item of this repeatable group in lists.
    pub fn summary_field(&self) -> Option<&Field> {
        let repeat = self.repeat.as_ref()?;
        match &repeat.summary_field {
            Some(id) => self.fields.iter().find(|f| &f.id == id),
            None => self.fields.iter().find(|f| f.kind != FieldKind::Info),
        }
    }
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

impl Field {
    /// The number typed into this field, read the one way that validation, conditions,
    /// fee rules, the check page and the stored application all use. `None` when the
    /// text is not a number, or the field is not a number field.
    pub fn read_number(&self, text: &str) -> Option<Decimal> {
        Decimal::parse(text.trim(), self.kind.number_separators()?)
    }
}

macro_rules! field_kinds {
    ($($(#[$doc:meta])* $kind:ident => $name:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum FieldKind {
            $($(#[$doc])* $kind,)*
        }

        impl FieldKind {
            pub const ALL: &'static [FieldKind] = &[$(FieldKind::$kind),*];

            /// The name in definitions (`"type": "single_choice"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(FieldKind::$kind => $name,)*
                }
            }
        }
    };
}

field_kinds! {
    /// One line of text.
    Text => "text",
    /// Several lines of text.
    LongText => "long_text",
    /// A whole number; `min` / `max` bound it.
    Number => "number",
    /// A number with decimals (at most `decimals`, default 2); `min` / `max` bound it.
    Decimal => "decimal",
    /// An amount in euros, kept in cents; `min` / `max` in cents.
    Money => "money",
    /// Day, month and year boxes.
    Date => "date",
    Email => "email",
    /// A telephone number.
    Phone => "phone",
    /// A German five-digit postcode.
    Postcode => "postcode",
    /// An IBAN with a valid checksum.
    Iban => "iban",
    /// The German tax identification number (11 digits with a check digit).
    TaxId => "tax_id",
    /// Radios: exactly one of `options`.
    SingleChoice => "single_choice",
    /// Checkboxes: any of `options`; `min_count` / `max_count` bound how many.
    MultipleChoice => "multiple_choice",
    /// A drop-down list, for long lists of options.
    Select => "select",
    /// Radios "Ja" / "Nein"; the answer is `yes` or `no`.
    YesNo => "yes_no",
    /// Street and house number, optional extra line, postcode and town.
    Address => "address",
    /// Files uploaded to the backend: `accept`, `max_file_bytes`, `max_count`.
    File => "file",
    /// One checkbox the citizen must tick ("Ich versichere, …"); the label is the text.
    Declaration => "declaration",
    /// Information shown on the page, no answer: the label is a heading, the hint the text.
    Info => "info",
}

impl FieldKind {
    pub fn from_name(name: &str) -> Option<FieldKind> {
        FieldKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Kinds whose answer must be one of the field's `options`.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            FieldKind::SingleChoice | FieldKind::MultipleChoice | FieldKind::Select
        )
    }

    /// The values an answer may take, as conditions and fee rules refer to them.
    pub fn fixed_values(self) -> Option<&'static [&'static str]> {
        match self {
            FieldKind::YesNo => Some(&["yes", "no"]),
            FieldKind::Declaration => Some(&["yes"]),
            _ => None,
        }
    }

    /// Kinds whose answer is a number (`min`, `max`, numeric conditions, tiered fees).
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            FieldKind::Number | FieldKind::Decimal | FieldKind::Money
        )
    }

    /// How a number typed into a field of this kind is read; `None` for kinds whose
    /// answer is not a number. Whole numbers and money read a lone separator before
    /// exactly three digits as grouping ("1.500" = 1500: neither can have three
    /// decimals); decimal fields always as the decimal separator ("7,490" = 7.49).
    pub fn number_separators(self) -> Option<Separators> {
        match self {
            FieldKind::Number | FieldKind::Money => Some(Separators::GroupThousands),
            FieldKind::Decimal => Some(Separators::DecimalPoint),
            _ => None,
        }
    }

    /// Kinds whose answer is one line of typed text.
    pub fn is_text_like(self) -> bool {
        matches!(
            self,
            FieldKind::Text
                | FieldKind::LongText
                | FieldKind::Email
                | FieldKind::Phone
                | FieldKind::Postcode
                | FieldKind::Iban
                | FieldKind::TaxId
        ) || self.is_numeric()
    }

    /// A limit that applies when the author sets none, so nobody can post megabytes.
    pub fn default_max_length(self) -> Option<u32> {
        match self {
            FieldKind::LongText => Some(2000),
            FieldKind::Email => Some(254),
            _ if self.is_text_like() => Some(200),
            _ => None,
        }
    }
}

/// Files may be this large unless the author says otherwise (10 MB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Files may be of these types unless the author says otherwise.
pub const DEFAULT_ACCEPT: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];

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
    /// Dates: not before today (a preferred pickup date, say).
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_in_past: bool,
    /// Numbers: the smallest allowed value (money in euros: `0.5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Numbers: the largest allowed value (money in euros).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Decimal numbers: at most this many digits after the decimal separator (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    /// Multiple choice and files: at least this many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_count: Option<u32>,
    /// Multiple choice and files: at most this many (files: default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_count: Option<u32>,
    /// Files: the allowed media types (default PDF, JPEG, PNG).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Files: the largest size of one file in bytes (default 10 MB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_bytes: Option<u64>,
}

impl Constraints {
    pub fn accepts(&self, media_type: &str) -> bool {
        if self.accept.is_empty() {
            DEFAULT_ACCEPT.contains(&media_type)
        } else {
            self.accept.iter().any(|a| a == media_type)
        }
    }

    pub fn file_limit(&self) -> u64 {
        self.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES)
    }
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self == &Constraints::default()
    }
}

impl ServiceDefinition {
    /// The fee for these answers, which must be the answers that count (those on
    /// visible steps: [`crate::flow::Walk::answers`]). The server computes it again
    /// with the same rules; it never takes a fee from the app.
    pub fn fee_for(&self, answers: &crate::answers::Answers, today: crate::date::Date) -> Money {
        self.fee.compute(&Scope::new(self, answers, today))
    }

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
        let mut all_ids = HashSet::new();
        // What was asked before the current position: conditions may only look back.
        let mut earlier: Known = BTreeMap::new();
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
            if step.intro.is_some() && step.fields.len() == 1 && step.repeat.is_none() {
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
                scope.insert(&field.id, Asked::Field(field));
            }
            if step.repeat.is_some() {
                earlier.insert(&step.id, Asked::Group(step));
            } else {
                earlier = scope;
            }
        }
        out.fee(&self.fee, &earlier);
        if let Some(text) = &self.declaration {
            out.text("declaration", text);
        }
        out.0
    }
}

#[derive(Clone, Copy)]
enum Asked<'d> {
    Field(&'d Field),
    Group(&'d Step),
}

type Known<'d> = BTreeMap<&'d str, Asked<'d>>;

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

    fn condition(&mut self, path: &str, cond: &Condition, known: &Known) {
        match cond {
            Condition::Not(inner) => return self.condition(path, inner, known),
            Condition::All(list) | Condition::Any(list) => {
                return list.iter().for_each(|c| self.condition(path, c, known))
            }
            _ => {}
        }
        let Some(id) = cond.field() else { return };
        let Some(asked) = known.get(id) else {
            return self.push(
                path,
                format!("refers to '{id}', which is not a field asked before this point"),
            );
        };
        let kind = match asked {
            Asked::Field(f) => Some(f.kind),
            Asked::Group(_) => None,
        };
        let mut check_value = |value: &str| {
            let Asked::Field(f) = asked else {
                return self.push(
                    path,
                    format!("'{id}' is a group: compare its number of items with at_least / below"),
                );
            };
            let known_value = if f.kind.has_options() {
                f.options.iter().any(|o| o.value == value)
            } else if let Some(values) = f.kind.fixed_values() {
                values.contains(&value)
            } else {
                true
            };
            if !known_value {
                self.push(path, format!("'{value}' is not an option of '{id}'"));
            }
        };
        match cond {
            Condition::Equals { value, .. } => check_value(value),
            Condition::OneOf { values, .. } => values.iter().for_each(|v| check_value(v)),
            Condition::AtLeast { .. } | Condition::Below { .. }
                if !kind.is_none_or(|k| {
                    k.is_numeric() || matches!(k, FieldKind::MultipleChoice | FieldKind::File)
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
    }

    fn fee_rule(&mut self, at: &str, rule: &FeeRule, known: &Known) {
        let field = |id: &str| match known.get(id) {
            Some(Asked::Field(f)) => Some(*f),
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
                let Some(Asked::Group(step)) = known.get(group.as_str()) else {
                    return self.push(
                        at,
                        format!("'{group}' is not a repeatable group of this service"),
                    );
                };
                if amounts.is_empty() {
                    self.push(at, "per_item needs at least one amount".into());
                }
                if let Some(cond) = when {
                    let mut scope = known.clone();
                    for f in &step.fields {
                        scope.insert(&f.id, Asked::Field(f));
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
            FeeRule::When { condition, rules } => {
                self.condition(&format!("{at}.condition"), condition, known);
                for (ri, rule) in rules.iter().enumerate() {
                    self.fee_rule(&format!("{at}.rules[{ri}]"), rule, known);
                }
            }
        }
    }

    fn field(&mut self, at: &str, field: &Field) {
        if let Some(hint) = &field.hint {
            self.text(&format!("{at}.hint"), hint);
        }
        let kind = field.kind;
        if kind.has_options() {
            let least = if kind == FieldKind::MultipleChoice {
                1
            } else {
                2
            };
            if field.options.len() < least {
                self.push(
                    &format!("{at}.options"),
                    format!("a {} field needs at least {least} options", kind.name()),
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
                "only single_choice, multiple_choice and select fields have options".into(),
            );
        }
        if field.optional && matches!(kind, FieldKind::Info | FieldKind::Declaration) {
            self.push(
                &format!("{at}.optional"),
                format!("a {} field cannot be optional", kind.name()),
            );
        }
        let c = &field.constraints;
        let at_c = format!("{at}.constraints");
        let mut only = |applies: bool, set: bool, name: &str| {
            if set && !applies {
                self.push(
                    &at_c,
                    format!("{name} does not apply to a {} field", kind.name()),
                );
            }
        };
        let is_date = kind == FieldKind::Date;
        let counted = matches!(kind, FieldKind::MultipleChoice | FieldKind::File);
        only(
            kind.is_text_like(),
            c.min_length.is_some() || c.max_length.is_some(),
            "a length",
        );
        only(
            is_date,
            c.not_in_future || c.not_in_past,
            "not_in_future / not_in_past",
        );
        only(
            is_date,
            c.min_years_ago.is_some() || c.max_years_ago.is_some(),
            "years ago",
        );
        only(
            kind.is_numeric(),
            c.min.is_some() || c.max.is_some(),
            "min / max",
        );
        only(kind == FieldKind::Decimal, c.decimals.is_some(), "decimals");
        only(
            counted,
            c.min_count.is_some() || c.max_count.is_some(),
            "min_count / max_count",
        );
        let is_file = kind == FieldKind::File;
        only(
            is_file,
            !c.accept.is_empty() || c.max_file_bytes.is_some(),
            "accept / max_file_bytes",
        );
        let backwards = [
            (
                c.min_length.map(i64::from),
                c.max_length.map(i64::from),
                "min_length",
            ),
            (
                c.min_years_ago.map(i64::from),
                c.max_years_ago.map(i64::from),
                "min_years_ago",
            ),
            (
                c.min_count.map(i64::from),
                c.max_count.map(i64::from),
                "min_count",
            ),
        ];
        for (min, max, name) in backwards {
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    self.push(&at_c, format!("{name} is above its maximum"));
                }
            }
        }
        if let (Some(min), Some(max)) = (c.min, c.max) {
            if min.compare(max).is_gt() {
                self.push(&at_c, "min is above max".into());
            }
        }
        if c.not_in_future && c.not_in_past {
            self.push(
                &at_c,
                "not_in_future and not_in_past leave only today: ask no question".into(),
            );
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
