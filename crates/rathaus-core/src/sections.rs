//! Reusable sections (docs/services.md, "Sections"): questions asked more than once in
//! the same shape — two partners, say — written once under `sections` and used by steps
//! with a prefix. A step `{"section": {"name": "partner", "prefix": "p1"}}` asks the
//! section's questions with ids `p1_…`; what they read inside the section (conditions,
//! date limits, computed values, answers in texts) is prefixed with them.

use std::collections::BTreeSet;

use crate::check::suggest::known_names;
use crate::check::DefinitionProblem;
use crate::condition::Condition;
use crate::definition::{Field, ServiceDefinition};
use crate::placeholders::replace_in;

impl ServiceDefinition {
    /// This definition with each step that uses a section given the section's
    /// questions, ids prefixed, and no sections left: what the wizard and the backend
    /// work with. The problems say what could not be expanded.
    pub fn expanded(&self) -> (ServiceDefinition, Vec<DefinitionProblem>) {
        let mut def = self.clone();
        let sections = std::mem::take(&mut def.sections);
        let mut problems = Vec::new();
        let mut push =
            |path: String, message: String| problems.push(DefinitionProblem { path, message });
        let mut used = BTreeSet::new();
        for (si, step) in def.steps.iter_mut().enumerate() {
            let Some(using) = step.section.take() else {
                continue;
            };
            let at = format!("steps[{si}].section");
            let Some(section) = sections.get(&using.name) else {
                push(
                    format!("{at}.name"),
                    format!(
                        "there is no section '{}' (sections: {})",
                        using.name,
                        known_names(sections.keys().map(String::as_str))
                    ),
                );
                continue;
            };
            used.insert(using.name.clone());
            if !is_prefix(&using.prefix) {
                push(
                    format!("{at}.prefix"),
                    format!(
                        "'{}' must be lowercase letters, digits and '_', starting with a letter",
                        using.prefix
                    ),
                );
            }
            if !step.fields.is_empty() {
                push(
                    format!("steps[{si}].fields"),
                    "a step that uses a section asks the section's questions only".into(),
                );
            }
            let local: BTreeSet<&str> = section.fields.iter().map(|f| f.id.as_str()).collect();
            let rename = |id: &str| local.contains(id).then(|| format!("{}_{id}", using.prefix));
            step.fields = section
                .fields
                .iter()
                .map(|f| prefixed(f, &rename))
                .collect();
        }
        for name in sections.keys().filter(|n| !used.contains(*n)) {
            push(
                format!("sections.{name}"),
                "no step uses this section".into(),
            );
        }
        (def, problems)
    }
}

fn is_prefix(s: &str) -> bool {
    s.len() <= 32
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A section's question as a step using it asks it: its id and every id it reads
/// that belongs to the section renamed by `rename` (which leaves the others).
fn prefixed(field: &Field, rename: &dyn Fn(&str) -> Option<String>) -> Field {
    let mut f = field.clone();
    let renamed = |id: &mut String| {
        if let Some(new) = rename(id) {
            *id = new;
        }
    };
    renamed(&mut f.id);
    if let Some(c) = &mut f.show_if {
        c.rename_fields(&renamed);
    }
    for bound in [&mut f.constraints.earliest, &mut f.constraints.latest]
        .into_iter()
        .flatten()
    {
        if let Some(id) = &mut bound.field {
            renamed(id);
        }
    }
    if let Some(computation) = &mut f.compute {
        computation.inputs_mut().into_iter().for_each(renamed);
    }
    if let Some(from) = &mut f.options_from {
        from.only
            .iter_mut()
            .flat_map(|w| w.fields_mut())
            .for_each(renamed);
    }
    for text in f.texts_shown_mut() {
        replace_in(text, |_, name| rename(name).map(|id| format!("{{{id}}}")));
    }
    f
}

impl Condition {
    /// Renames every field this condition reads (not the groups it looks into).
    pub fn rename_fields(&mut self, renamed: &dyn Fn(&mut String)) {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Answered { field }
            | Condition::AtLeast { field, .. }
            | Condition::Below { field, .. }
            | Condition::YearsSinceAtLeast { field, .. }
            | Condition::YearsSinceBelow { field, .. } => renamed(field),
            Condition::AnyItem { condition, .. } | Condition::EveryItem { condition, .. } => {
                condition.rename_fields(renamed)
            }
            Condition::Not(inner) => inner.rename_fields(renamed),
            Condition::All(list) | Condition::Any(list) => {
                list.iter_mut().for_each(|c| c.rename_fields(renamed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::definition::ServiceDefinition;

    fn definition(steps: &str) -> ServiceDefinition {
        serde_json::from_str(&format!(
            r#"{{"id":"ehe","version":1,"title":{{"de":"E"}},"summary":{{"de":"S"}},
                "sections":{{"partner":{{"fields":[
                  {{"id":"vornamen","type":"text","label":{{"de":"Vornamen"}}}},
                  {{"id":"geburtsdatum","type":"date","label":{{"de":"Geburtsdatum von {{vornamen}}"}},
                   "constraints":{{"latest":{{"field":"heirat","days":-1}}}}}},
                  {{"id":"geschieden","type":"yes_no","label":{{"de":"Geschieden?"}}}},
                  {{"id":"scheidung","type":"date","label":{{"de":"Wann?"}},
                   "show_if":{{"equals":{{"field":"geschieden","value":"yes"}}}},
                   "constraints":{{"earliest":{{"field":"geburtsdatum"}}}}}}]}}}},
                "steps":{steps}}}"#
        ))
        .unwrap()
    }

    const TWO: &str = r#"[
        {"id":"termin","title":{"de":"T"},"fields":[{"id":"heirat","type":"date","label":{"de":"Hochzeit"}}]},
        {"id":"p1","title":{"de":"Person 1"},"section":{"name":"partner","prefix":"p1"}},
        {"id":"p2","title":{"de":"Partner von {p1_vornamen}"},"section":{"name":"partner","prefix":"p2"}}]"#;

    #[test]
    fn a_section_used_twice_asks_its_questions_twice_under_their_prefixes() {
        let (def, problems) = definition(TWO).expanded();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(def.sections.is_empty());
        let ids: Vec<&str> = def.fields().map(|(_, f)| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "heirat",
                "p1_vornamen",
                "p1_geburtsdatum",
                "p1_geschieden",
                "p1_scheidung",
                "p2_vornamen",
                "p2_geburtsdatum",
                "p2_geschieden",
                "p2_scheidung"
            ]
        );
        // What a question reads inside the section is its own item's; what it reads
        // outside (the wedding day) stays.
        let scheidung = def.field("p2_scheidung").unwrap();
        assert_eq!(
            scheidung.show_if.as_ref().unwrap().referenced_fields(),
            ["p2_geschieden"]
        );
        let earliest = scheidung.constraints.earliest.as_ref().unwrap();
        assert_eq!(earliest.field.as_deref(), Some("p2_geburtsdatum"));
        let born = def.field("p1_geburtsdatum").unwrap();
        assert_eq!(born.label.0["de"], "Geburtsdatum von {p1_vornamen}");
        let latest = born.constraints.latest.as_ref().unwrap();
        assert_eq!(latest.field.as_deref(), Some("heirat"));
        // An answer inside a text must come from an earlier page; the section's own
        // questions are on the same one, and the check says so under the prefix.
        let said: Vec<String> = def
            .check()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "steps[1].fields[1]: '{p1_vornamen}' names no question asked on an earlier page",
                "steps[2].fields[1]: '{p2_vornamen}' names no question asked on an earlier page",
            ]
        );
        // The partner's page names the first person: asked before it.
        let p2 = def.step("p2").unwrap();
        assert_eq!(p2.title.0["de"], "Partner von {p1_vornamen}");
    }

    #[test]
    fn an_unknown_section_a_bad_prefix_own_questions_and_an_unused_section_are_named() {
        let (_, problems) = definition(
            r#"[{"id":"p1","title":{"de":"P"},"section":{"name":"partnerin","prefix":"P1"}},
                {"id":"p2","title":{"de":"P"},"section":{"name":"partner","prefix":"1p"},
                 "fields":[{"id":"x","type":"text","label":{"de":"X"}}]}]"#,
        )
        .expanded();
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "steps[0].section.name: there is no section 'partnerin' (sections: partner)",
                "steps[1].section.prefix: '1p' must be lowercase letters, digits and '_', starting with a letter",
                "steps[1].fields: a step that uses a section asks the section's questions only",
            ]
        );
        let (_, problems) = definition(r#"[{"id":"s","title":{"de":"S"},"fields":[]}]"#).expanded();
        assert_eq!(
            problems[0].to_string(),
            "sections.partner: no step uses this section"
        );
    }

    #[test]
    fn the_same_prefix_twice_is_a_duplicate_id() {
        let twice = TWO.replace(r#""prefix":"p2""#, r#""prefix":"p1""#);
        let (def, problems) = definition(&twice).expanded();
        assert!(problems.is_empty());
        assert!(def
            .check()
            .problems
            .iter()
            .any(|p| p.message == "duplicate field id 'p1_vornamen'"));
    }
}
