//! Answers inside texts (crate::placeholders): a `{id}` must name a question whose
//! answer is there whenever the text is shown.

use super::{Asked, Checker, Known};
use crate::definition::{FieldKind, Step};
use crate::placeholders::names;
use crate::text::Text;

impl Checker {
    /// The placeholders of a step's title and intro and of its questions' texts.
    pub(super) fn step_placeholders(&mut self, at: &str, step: &Step, earlier: &Known) {
        self.placeholders(&format!("{at}.title"), &step.title, earlier);
        if let Some(intro) = &step.intro {
            self.placeholders(&format!("{at}.intro"), intro, earlier);
        }
        for (fi, field) in step.fields.iter().enumerate() {
            let mut field = field.clone();
            for text in field.texts_shown_mut() {
                self.placeholders(&format!("{at}.fields[{fi}]"), text, earlier);
            }
        }
    }

    /// Each `{id}` in any language of `text` names a required text or choice question
    /// of an earlier page, always asked, outside any group.
    fn placeholders(&mut self, path: &str, text: &Text, earlier: &Known) {
        let mut seen = Vec::new();
        for name in text.0.values().flat_map(|s| names(s)) {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let problem = match earlier.get(name) {
                None => Some(format!(
                    "'{{{name}}}' names no question asked on an earlier page"
                )),
                Some(seen) => match seen.asked {
                    Asked::Field(f)
                        if !matches!(
                            f.kind,
                            FieldKind::Text | FieldKind::SingleChoice | FieldKind::Select
                        ) =>
                    {
                        Some(format!(
                            "'{{{name}}}' is a {} field: only text, single_choice and select answers can stand in a text",
                            f.kind.name()
                        ))
                    }
                    Asked::Field(_) if seen.open => Some(format!(
                        "'{{{name}}}' may be unanswered (optional or shown under a condition): a text can name only an answer that is always given"
                    )),
                    Asked::Field(_) => None,
                    Asked::Group(_) => Some(format!(
                        "'{{{name}}}' is a repeatable group: a text can name a question's answer only"
                    )),
                },
            };
            if let Some(message) = problem {
                self.push(path, message);
            }
        }
    }
}
