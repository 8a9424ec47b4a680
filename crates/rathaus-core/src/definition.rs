//! The service definition: how a service author describes a service as data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::fee::FeeSchedule;
use crate::identification::{Assurance, Identification, Prefill};
use crate::json::Wire;
use crate::number::{Decimal, Separators};
use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
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
    /// Whether the citizen must (or may) log in with the city's account to apply.
    #[serde(default, skip_serializing_if = "Identification::is_none")]
    pub identification: Identification,
    /// The assurance level a login must have (default `substantial`); `high` is the
    /// online ID function of the Personalausweis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assurance: Option<Assurance>,
    pub steps: Vec<Step>,
    /// Questions asked more than once in the same shape (two partners), by name: a
    /// step asks one with `section` (crate::sections).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, Section>,
    /// What the citizen confirms before submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Text>,
    /// What happens after submitting, shown on the confirmation page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_happens_next: Option<Text>,
}

/// One page of the wizard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
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
    /// Makes the step a stopping page ("you cannot apply here"): when it is shown, the
    /// wizard ends on it with its `intro` as the explanation and this link onwards;
    /// nothing can be sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<Stop>,
    /// Asks the questions of a section instead of its own, ids prefixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionUse>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// Questions written once and asked by several steps (crate::sections).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    pub fields: Vec<Field>,
}

/// Which section a step asks, and the prefix of its questions' ids there (`p1`:
/// `vornamen` is asked as `p1_vornamen`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionUse {
    pub name: String,
    pub prefix: String,
}

/// Where a stopping page sends the citizen instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stop {
    /// A service's page (`/services/hundesteuer`), a catalogue entry's page
    /// (`/info/personalausweis`) or an `https://` address.
    pub link: String,
    pub link_label: Text,
}

/// How often a repeatable group may be filled in, and how its items are named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
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
    /// The options from a list file (`services/lists/{list}.json`) instead of inline,
    /// those offered narrowed by earlier answers (crate::option_lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<OptionsFrom>,
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
    /// Filled in from the citizen's login (crate::identity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// `computed` fields: how the value is worked out from other answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute: Option<Computation>,
    /// In a repeatable group: required in the first item only (a contact for the
    /// first person), optional in the others.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional_after_first: bool,
}

/// A value worked out from other answers, shown to the citizen rather than typed; the
/// server works it out again and stores it with the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Computation {
    /// The calendar days from one date question's answer to another's, both counted
    /// (the same day is 1); nothing when `to` is before `from`.
    CalendarDays { from: String, to: String },
    /// The whole years from one date to another (a child's age on the start date).
    WholeYears { from: String, to: String },
}

impl Computation {
    /// The date questions it reads.
    pub fn inputs(&self) -> [&str; 2] {
        match self {
            Computation::CalendarDays { from, to } | Computation::WholeYears { from, to } => {
                [from, to]
            }
        }
    }

    /// The same, to rename them.
    pub fn inputs_mut(&mut self) -> [&mut String; 2] {
        match self {
            Computation::CalendarDays { from, to } | Computation::WholeYears { from, to } => {
                [from, to]
            }
        }
    }
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
    ($($(#[$doc:meta])* $kind:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum FieldKind {
            $($(#[$doc])* $kind,)*
        }

        impl FieldKind {
            pub const ALL: &'static [FieldKind] = &[$(FieldKind::$kind),*];
        }
    };
}

field_kinds! {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A whole number; `min` / `max` bound it.
    Number,
    /// A number with decimals (at most `decimals`, default 2); `min` / `max` bound it.
    Decimal,
    /// An amount in euros and cents, kept in cents; `min` / `max` in euros (`0.5`).
    Money,
    /// Day, month and year boxes.
    Date,
    /// A time of day, `14:30` (also typed `14.30` or `9:05`).
    Time,
    Email,
    /// A telephone number.
    Phone,
    /// A German five-digit postcode.
    Postcode,
    /// An IBAN with a valid checksum.
    Iban,
    /// The German tax identification number (11 digits with a check digit).
    TaxId,
    /// Radios: exactly one of `options`.
    SingleChoice,
    /// Checkboxes: any of `options`; `min_count` / `max_count` bound how many.
    MultipleChoice,
    /// Ranked preferences (1st, 2nd, 3rd choice): up to `max_count` places (default 3),
    /// each a drop-down of `options`, each option once, filled in order; `min_count`
    /// places at least (default 1). The answer lists the values, first choice first.
    Ranking,
    /// A drop-down list, for long lists of options.
    Select,
    /// Radios "Ja" / "Nein"; the answer is `yes` or `no`.
    YesNo,
    /// Street and house number, optional extra line, postcode and town.
    Address,
    /// Files uploaded to the backend: `accept`, `max_file_bytes`, `max_count`.
    File,
    /// One checkbox the citizen must tick ("Ich versichere, …"); the label is the text.
    Declaration,
    /// Information shown on the page, no answer: the label is a heading, the hint the text.
    Info,
    /// A value worked out from other answers (`compute`), shown, never typed.
    Computed,
}

impl FieldKind {
    /// Kinds whose answer must be one of the field's `options`.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            FieldKind::SingleChoice
                | FieldKind::MultipleChoice
                | FieldKind::Select
                | FieldKind::Ranking
        )
    }

    /// Kinds whose answer is a list of the options' values.
    pub fn takes_several(self) -> bool {
        matches!(self, FieldKind::MultipleChoice | FieldKind::Ranking)
    }

    /// The values an answer may take, as conditions and fee rules refer to them.
    pub fn fixed_values(self) -> Option<&'static [&'static str]> {
        match self {
            FieldKind::YesNo => Some(&["yes", "no"]),
            FieldKind::Declaration => Some(&["yes"]),
            _ => None,
        }
    }

    /// Kinds the citizen gives no answer to.
    pub fn is_shown_only(self) -> bool {
        matches!(self, FieldKind::Info | FieldKind::Computed)
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
                | FieldKind::Time
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

/// Files may be this large unless the author says otherwise (10 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Files may be of these types unless the author says otherwise: all the backend takes.
pub const DEFAULT_ACCEPT: [&str; 3] = crate::upload::ACCEPTED_MEDIA_TYPES;

// The default must be one the backend takes.
const _: () = assert!(DEFAULT_MAX_FILE_BYTES <= crate::upload::MAX_UPLOAD_BYTES);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Multiple choice: an answer such as "none of these" that is chosen alone. Ticking
    /// it clears the other options, ticking another clears it; shown after an "or".
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
    /// What an option from a list file is, for `options_from.where` (`"ab_jahren":
    /// "1"`): numbers written as text, with a decimal point.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

/// Where a question's options come from: a list, and which of its options are offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptionsFrom {
    /// The list's id: `kitas` is `services/lists/kitas.json`.
    pub list: String,
    /// Offered are the options that meet all of these (none: all the list's options).
    #[serde(rename = "where", default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<OptionFilter>,
}

/// An option is offered when its `attribute` compares so with an earlier answer; while
/// that question has no answer, it holds nothing back. Exactly one of `at_most`,
/// `at_least` (numbers: a number, a computed value) and `equals` (a choice or a text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptionFilter {
    pub attribute: String,
    /// The attribute is at most the answer to this question (`ab_jahren` ≤ the age).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    /// The attribute is at least the answer to this question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// The attribute is the answer to this question (a district chosen before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
}

impl OptionFilter {
    /// The question it compares with, and how.
    pub fn compared(&self) -> Option<(&str, std::cmp::Ordering)> {
        use std::cmp::Ordering;
        match (&self.at_most, &self.at_least, &self.equals) {
            (Some(f), None, None) => Some((f, Ordering::Less)),
            (None, Some(f), None) => Some((f, Ordering::Greater)),
            (None, None, Some(f)) => Some((f, Ordering::Equal)),
            _ => None,
        }
    }

    /// The same question, to rename it (sections).
    pub fn fields_mut(&mut self) -> impl Iterator<Item = &mut String> {
        [&mut self.at_most, &mut self.at_least, &mut self.equals]
            .into_iter()
            .flatten()
    }
}

/// An option's attribute as a number, read with a decimal point as list files write it.
pub fn attribute_number(text: &str) -> Option<Decimal> {
    Decimal::parse(text.trim(), Separators::DecimalPoint)
}

/// A list of options kept in its own file (`services/lists/{id}.json`): the city's
/// Kitas, with what each one is (`attributes`), shared by the services that offer them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptionList {
    pub id: String,
    pub options: Vec<ChoiceOption>,
}

/// A ranking's places when the author sets no `max_count`.
pub const DEFAULT_RANKING_PLACES: u32 = 3;

impl Field {
    /// How many places a ranking has.
    pub fn ranking_places(&self) -> usize {
        self.constraints.max_count.unwrap_or(DEFAULT_RANKING_PLACES) as usize
    }
}

/// A ranking's places after `value` is put at `place` (from 0; empty: the place is
/// cleared): the value leaves any other place, and empty places at the end are dropped.
pub fn ranked_choices(places: &[String], place: usize, value: &str) -> Vec<String> {
    let mut out: Vec<String> = places
        .iter()
        .map(|v| if v == value { String::new() } else { v.clone() })
        .collect();
    if out.len() <= place {
        out.resize(place + 1, String::new());
    }
    out[place] = value.to_owned();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

impl Field {
    /// The value of this multiple choice's exclusive option, if it has one.
    pub fn exclusive_option(&self) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.exclusive)
            .map(|o| o.value.as_str())
    }
}

/// The choices of a multiple choice after `value` is ticked (`checked`) or unticked:
/// in the order of the options, whatever order they were ticked in, and with an
/// exclusive option never beside another.
pub fn toggled_choices(
    order: &[String],
    chosen: &[String],
    exclusive: Option<&str>,
    value: &str,
    checked: bool,
) -> Vec<String> {
    let alone = checked && exclusive == Some(value);
    order
        .iter()
        .filter(|o| {
            if o.as_str() == value {
                checked
            } else if alone || (checked && exclusive == Some(o.as_str())) {
                false
            } else {
                chosen.contains(o)
            }
        })
        .cloned()
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
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
    /// Dates: on or after this day (`{"days": 14}`: two weeks from today;
    /// `{"field": "start"}`: not before the start date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<DateBound>,
    /// Dates: on or before this day (`{"months": 6}`; `{"field": "start", "days": 13}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<DateBound>,
    /// Text: the shape the whole answer must have (crate::pattern): `L` a letter, `D` a
    /// digit, `A` either, `{2}` or `{1,3}` repeats, `\` makes the next character
    /// literal, anything else stands for itself (`L{1,3}-L{1,2} D{1,4}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Postcodes and addresses: the postcodes accepted, each `"44135"` or an inclusive
    /// range `"44135-44388"` (crate::postcodes) — a place that must lie in the city.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postcodes: Vec<String>,
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
    /// Files: the allowed media types, some of `application/pdf`, `image/jpeg` and
    /// `image/png` (the default: all three, which is all the backend takes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Files: the largest size of one file in bytes (default 10 MiB; at most 25 MiB,
    /// the backend's limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_bytes: Option<u64>,
}

/// A day counted from today, or from another date question's answer: `years`, then
/// `months` (the last day of a shorter month where the day is missing), then `days`;
/// each may be negative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateBound {
    /// The date question counted from (one asked before); none: today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub years: i32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub months: i32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: i32,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
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
    /// A definition with no steps, to evaluate a question on its own (the check).
    pub fn empty() -> ServiceDefinition {
        ServiceDefinition {
            id: String::new(),
            version: 0,
            title: Text::default(),
            summary: Text::default(),
            before_you_start: Vec::new(),
            duration: None,
            office: None,
            privacy: None,
            fee: FeeSchedule::default(),
            identification: Identification::default(),
            assurance: None,
            steps: Vec::new(),
            sections: BTreeMap::new(),
            declaration: None,
            what_happens_next: None,
        }
    }

    /// The assurance level a login needs for this service: its own, or `substantial`.
    pub fn required_assurance(&self) -> Assurance {
        self.assurance.unwrap_or(Assurance::Substantial)
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
}
