//! The members a definition file may have, at every level, and the check of a file's
//! raw JSON against them. Serde (and the app's own codec, [`crate::json`]) skip members
//! they do not know, so that an older app still reads a newer definition; an author's
//! `optinal` would then silently make a question required. This walk is where authors
//! learn of them, with a suggestion of the member they meant.
//!
//! The lists are checked against the JSON Schema generated from the Rust types
//! (`crates/rathaus-server/tests/schema.rs`), so they cannot drift from the format.

use super::suggest::did_you_mean;
use super::DefinitionProblem;
use crate::json::Json;

/// Members of the definition itself (`$schema` names the schema for editors).
pub const DEFINITION: &[&str] = &[
    "$schema",
    "id",
    "version",
    "title",
    "summary",
    "before_you_start",
    "duration",
    "office",
    "fee",
    "identification",
    "assurance",
    "steps",
    "sections",
    "declaration",
    "what_happens_next",
    "privacy",
];
pub const STEP: &[&str] = &[
    "id", "title", "intro", "show_if", "repeat", "stop", "section", "fields",
];
pub const SECTION: &[&str] = &["fields"];
pub const SECTION_USE: &[&str] = &["name", "prefix"];
pub const STOP: &[&str] = &["link", "link_label"];
pub const REPEAT: &[&str] = &["min", "max", "item", "add_another", "summary_field"];
pub const FIELD: &[&str] = &[
    "id",
    "type",
    "label",
    "hint",
    "optional",
    "options",
    "options_from",
    "constraints",
    "show_if",
    "autocomplete",
    "messages",
    "prefill",
    "compute",
    "optional_after_first",
];
pub const DATE_BOUND: &[&str] = &["field", "years", "months", "days"];
pub const PREFILL: &[&str] = &["from", "read_only", "values"];
pub const OPTION: &[&str] = &["value", "label", "hint", "exclusive", "attributes"];
pub const OPTIONS_FROM: &[&str] = &["list", "where"];
pub const OPTION_FILTER: &[&str] = &["attribute", "at_most", "at_least", "equals"];
pub const CONSTRAINTS: &[&str] = &[
    "min_length",
    "max_length",
    "not_in_future",
    "min_years_ago",
    "max_years_ago",
    "not_in_past",
    "min",
    "max",
    "decimals",
    "min_count",
    "max_count",
    "accept",
    "max_file_bytes",
    "earliest",
    "latest",
    "pattern",
    "postcodes",
];
pub const FEE: &[&str] = &["rules", "purpose", "explanation"];
pub const TIER: &[&str] = &["up_to", "amount", "per_mille"];

/// Each object of the format by the name its type has in the JSON Schema's `$defs`
/// (the definition itself is the schema's root).
pub const OBJECTS: &[(&str, &[&str])] = &[
    ("Step", STEP),
    ("Repeat", REPEAT),
    ("Field", FIELD),
    ("ChoiceOption", OPTION),
    ("Constraints", CONSTRAINTS),
    ("FeeSchedule", FEE),
    ("FeeTier", TIER),
    ("Prefill", PREFILL),
    ("Stop", STOP),
    ("DateBound", DATE_BOUND),
    ("Section", SECTION),
    ("SectionUse", SECTION_USE),
    ("OptionsFrom", OPTIONS_FROM),
    ("OptionFilter", OPTION_FILTER),
];

/// What a `computed` field works out, each with the members of its object.
pub const COMPUTATIONS: &[(&str, Option<&[&str]>)] = &[
    ("calendar_days", Some(&["from", "to"])),
    ("whole_years", Some(&["from", "to"])),
];

/// Condition operators, each with the members of its object; `None` for `not`, `all`
/// and `any`, which hold conditions.
pub const CONDITIONS: &[(&str, Option<&[&str]>)] = &[
    ("equals", Some(&["field", "value"])),
    ("one_of", Some(&["field", "values"])),
    ("answered", Some(&["field"])),
    ("at_least", Some(&["field", "value"])),
    ("below", Some(&["field", "value"])),
    ("years_since_at_least", Some(&["field", "years"])),
    ("years_since_below", Some(&["field", "years"])),
    ("any_item", Some(&["group", "condition"])),
    ("every_item", Some(&["group", "condition"])),
    ("not", None),
    ("all", None),
    ("any", None),
];

/// Fee rules, each with the members of its object; `None` for `fixed` (an amount).
pub const FEE_RULES: &[(&str, Option<&[&str]>)] = &[
    ("fixed", None),
    ("per_option", Some(&["field", "amounts"])),
    ("per_item", Some(&["group", "amounts", "when"])),
    ("tiered", Some(&["field", "tiers"])),
    ("per_unit", Some(&["amount", "factors"])),
    ("when", Some(&["condition", "rules"])),
];

/// Every member of the raw definition that the format does not know, and every member
/// written twice (serde refuses some of those, the app reads the first), with its path.
/// Values of the wrong type are left to the typed reading, which names them.
pub fn member_problems(raw: &Json) -> Vec<DefinitionProblem> {
    let mut walk = Walk(Vec::new());
    walk.definition(raw);
    walk.0
}

struct Walk(Vec<DefinitionProblem>);

fn join(path: &str, member: &str) -> String {
    if path.is_empty() {
        member.to_owned()
    } else {
        format!("{path}.{member}")
    }
}

fn items(value: Option<&Json>) -> &[Json] {
    match value {
        Some(Json::Array(items)) => items,
        _ => &[],
    }
}

impl Walk {
    fn push(&mut self, path: String, message: String) {
        self.0.push(DefinitionProblem { path, message });
    }

    /// Reports unknown and repeated members of an object that is `what`.
    fn object(&mut self, path: &str, value: &Json, what: &str, known: &[&str]) {
        let Json::Object(members) = value else { return };
        self.repeated(path, members);
        for (name, _) in members {
            if !known.contains(&name.as_str()) {
                let hint = match did_you_mean(name, known.iter().copied()) {
                    hint if hint.is_empty() => format!(" (it knows {})", known.join(", ")),
                    hint => hint,
                };
                self.push(
                    join(path, name),
                    format!("{what} has no member '{name}'{hint}"),
                );
            }
        }
    }

    fn repeated(&mut self, path: &str, members: &[(String, Json)]) {
        for (i, (name, _)) in members.iter().enumerate() {
            if members[..i].iter().any(|(earlier, _)| earlier == name) {
                self.push(join(path, name), format!("'{name}' is written twice"));
            }
        }
    }

    fn definition(&mut self, raw: &Json) {
        self.object("", raw, "a service definition", DEFINITION);
        for member in [
            "title",
            "summary",
            "duration",
            "office",
            "declaration",
            "what_happens_next",
            "privacy",
        ] {
            self.text(member, raw.get(member));
        }
        for (i, text) in items(raw.get("before_you_start")).iter().enumerate() {
            self.text(&format!("before_you_start[{i}]"), Some(text));
        }
        if let Some(fee) = raw.get("fee") {
            self.fee("fee", fee);
        }
        for (i, step) in items(raw.get("steps")).iter().enumerate() {
            self.step(&format!("steps[{i}]"), step);
        }
        if let Some(Json::Object(sections)) = raw.get("sections") {
            for (name, section) in sections {
                let at = format!("sections.{name}");
                self.object(&at, section, "a section", SECTION);
                for (i, field) in items(section.get("fields")).iter().enumerate() {
                    self.field(&format!("{at}.fields[{i}]"), field);
                }
            }
        }
    }

    fn step(&mut self, at: &str, step: &Json) {
        self.object(at, step, "a step", STEP);
        self.text(&join(at, "title"), step.get("title"));
        self.text(&join(at, "intro"), step.get("intro"));
        self.condition(&join(at, "show_if"), step.get("show_if"));
        if let Some(repeat) = step.get("repeat") {
            let at = join(at, "repeat");
            self.object(&at, repeat, "a repeat", REPEAT);
            self.text(&join(&at, "item"), repeat.get("item"));
            self.text(&join(&at, "add_another"), repeat.get("add_another"));
        }
        if let Some(section) = step.get("section") {
            self.object(
                &join(at, "section"),
                section,
                "a section's use",
                SECTION_USE,
            );
        }
        if let Some(stop) = step.get("stop") {
            let at = join(at, "stop");
            self.object(&at, stop, "a stop", STOP);
            self.text(&join(&at, "link_label"), stop.get("link_label"));
        }
        for (i, field) in items(step.get("fields")).iter().enumerate() {
            self.field(&format!("{at}.fields[{i}]"), field);
        }
    }

    fn field(&mut self, at: &str, field: &Json) {
        self.object(at, field, "a field", FIELD);
        self.text(&join(at, "label"), field.get("label"));
        self.text(&join(at, "hint"), field.get("hint"));
        for (i, option) in items(field.get("options")).iter().enumerate() {
            let at = format!("{at}.options[{i}]");
            self.object(&at, option, "an option", OPTION);
            self.text(&join(&at, "label"), option.get("label"));
            self.text(&join(&at, "hint"), option.get("hint"));
        }
        if let Some(from) = field.get("options_from") {
            let at = join(at, "options_from");
            self.object(&at, from, "options_from", OPTIONS_FROM);
            for (i, filter) in items(from.get("where")).iter().enumerate() {
                self.object(
                    &format!("{at}.where[{i}]"),
                    filter,
                    "a filter",
                    OPTION_FILTER,
                );
            }
        }
        if let Some(constraints) = field.get("constraints") {
            let at = join(at, "constraints");
            self.object(&at, constraints, "constraints", CONSTRAINTS);
            for bound in ["earliest", "latest"] {
                if let Some(value) = constraints.get(bound) {
                    self.object(&join(&at, bound), value, "a date limit", DATE_BOUND);
                }
            }
        }
        if let Some(compute) = field.get("compute") {
            self.tagged(&join(at, "compute"), compute, "a computation", COMPUTATIONS);
        }
        self.condition(&join(at, "show_if"), field.get("show_if"));
        if let Some(prefill) = field.get("prefill") {
            self.object(&join(at, "prefill"), prefill, "a prefill", PREFILL);
        }
        if let Some(Json::Object(messages)) = field.get("messages") {
            let at = join(at, "messages");
            self.repeated(&at, messages);
            for (code, text) in messages {
                self.text(&join(&at, code), Some(text));
            }
        }
    }

    /// Texts are maps of languages: only repeated languages are a matter of the raw
    /// file (which languages are known is checked on the typed text).
    fn text(&mut self, at: &str, text: Option<&Json>) {
        if let Some(Json::Object(languages)) = text {
            self.repeated(at, languages);
        }
    }

    /// One tagged object (`{"equals": {…}}`): the operator must be known, and so must
    /// the members of its object.
    fn tagged<'j>(
        &mut self,
        at: &str,
        value: &'j Json,
        what: &str,
        operators: &[(&'static str, Option<&[&str]>)],
    ) -> Vec<(String, &'static str, &'j Json)> {
        let Json::Object(members) = value else {
            return Vec::new();
        };
        self.repeated(at, members);
        let mut known = Vec::new();
        for (name, inner) in members {
            let at = join(at, name);
            match operators.iter().find(|(op, _)| op == name) {
                Some((op, members)) => {
                    if let Some(members) = members {
                        self.object(&at, inner, &format!("'{op}'"), members);
                    }
                    known.push((at, *op, inner));
                }
                None => {
                    let names = operators.iter().map(|(op, _)| *op);
                    let hint = match did_you_mean(name, names.clone()) {
                        hint if hint.is_empty() => {
                            format!(" (there are {})", names.collect::<Vec<_>>().join(", "))
                        }
                        hint => hint,
                    };
                    self.push(at, format!("'{name}' is not {what}{hint}"));
                }
            }
        }
        known
    }

    fn condition(&mut self, at: &str, cond: Option<&Json>) {
        let Some(cond) = cond else { return };
        for (at, op, inner) in self.tagged(at, cond, "a condition", CONDITIONS) {
            match op {
                "not" => self.condition(&at, Some(inner)),
                "any_item" | "every_item" => {
                    self.condition(&join(&at, "condition"), inner.get("condition"))
                }
                "all" | "any" => {
                    for (i, c) in items(Some(inner)).iter().enumerate() {
                        self.condition(&format!("{at}[{i}]"), Some(c));
                    }
                }
                _ => {}
            }
        }
    }

    fn fee(&mut self, at: &str, fee: &Json) {
        self.object(at, fee, "a fee", FEE);
        self.text(&join(at, "purpose"), fee.get("purpose"));
        self.text(&join(at, "explanation"), fee.get("explanation"));
        self.fee_rules(&join(at, "rules"), fee.get("rules"));
    }

    fn fee_rules(&mut self, at: &str, rules: Option<&Json>) {
        for (i, rule) in items(rules).iter().enumerate() {
            let at = format!("{at}[{i}]");
            for (at, op, inner) in self.tagged(&at, rule, "a fee rule", FEE_RULES) {
                match op {
                    "per_item" => self.condition(&join(&at, "when"), inner.get("when")),
                    "tiered" => {
                        for (t, tier) in items(inner.get("tiers")).iter().enumerate() {
                            self.object(&format!("{at}.tiers[{t}]"), tier, "a tier", TIER);
                        }
                    }
                    "when" => {
                        self.condition(&join(&at, "condition"), inner.get("condition"));
                        self.fee_rules(&join(&at, "rules"), inner.get("rules"));
                    }
                    _ => {}
                }
            }
        }
    }
}
