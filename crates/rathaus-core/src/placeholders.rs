//! Answers inside texts (docs/services.md, "Answers in texts"): a step's title or a
//! question's label may name an earlier answer as `{id}` — "Geburtsname von
//! {p1_vornamen}" — filled in with what the citizen gave, in every language the same.

use crate::answers::{Answer, Answers};
use crate::definition::{Field, ServiceDefinition};
use crate::text::Text;

/// Whether `name` can be a placeholder's name: a question's id.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The `{id}` placeholders of `text`, in order. Braces around anything else are text.
pub fn names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            if is_name(&rest[..close]) {
                out.push(&rest[..close]);
                rest = &rest[close + 1..];
            }
        }
    }
    out
}

/// `text` with each placeholder replaced by `value(name)`; one it gives nothing for
/// stays as written.
pub fn replace(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').filter(|&close| is_name(&after[..close])) {
            Some(close) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every language of `text` with its placeholders replaced by `value(language, name)`.
pub fn replace_in(text: &mut Text, value: impl Fn(&str, &str) -> Option<String>) {
    for (language, s) in text.0.iter_mut() {
        if s.contains('{') {
            *s = replace(s, |name| value(language, name));
        }
    }
}

/// What a placeholder naming `field` reads in `language`: the text typed, or the
/// chosen option's label. Blank when not answered (the check makes sure it is).
fn answer_text(field: &Field, answer: Option<&Answer>, language: &str) -> String {
    let text = answer.and_then(Answer::as_text).unwrap_or_default().trim();
    if !field.kind.has_options() {
        return text.to_owned();
    }
    field
        .options
        .iter()
        .find(|o| o.value == text)
        .map(|o| {
            let label = &o.label.0;
            label
                .get(language)
                .or_else(|| label.get(crate::text::REQUIRED_LANGUAGE))
                .cloned()
                .unwrap_or_default()
        })
        .unwrap_or_else(|| text.to_owned())
}

impl ServiceDefinition {
    /// This definition with the answers named in its steps' titles and intros and its
    /// questions' labels, hints and options filled in: what the wizard's pages show.
    pub fn with_answers(&self, answers: &Answers) -> ServiceDefinition {
        let mut def = self.clone();
        let value = |language: &str, name: &str| {
            let field = self.field(name)?;
            Some(answer_text(field, answers.get(name), language))
        };
        for step in &mut def.steps {
            replace_in(&mut step.title, value);
            if let Some(intro) = &mut step.intro {
                replace_in(intro, value);
            }
            for field in &mut step.fields {
                for text in field.texts_shown_mut() {
                    replace_in(text, value);
                }
            }
        }
        def
    }
}

impl Field {
    /// The texts of a question the citizen sees, which may name earlier answers.
    pub fn texts_shown_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        let options = self
            .options
            .iter_mut()
            .flat_map(|o| std::iter::once(&mut o.label).chain(o.hint.as_mut()));
        std::iter::once(&mut self.label)
            .chain(self.hint.as_mut())
            .chain(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ids_in_braces_and_other_braces_are_text() {
        assert_eq!(names("Geburtsname von {p1_vornamen}"), ["p1_vornamen"]);
        assert_eq!(names("{a} und {b2}"), ["a", "b2"]);
        assert!(names("{Name} {} {a-b} { a } {").is_empty());
        assert_eq!(names("{{a}}"), ["a"]);
    }

    #[test]
    fn replacing_keeps_what_is_not_a_known_name() {
        let value = |n: &str| (n == "a").then(|| "Ayşe".to_owned());
        assert_eq!(replace("Ehe von {a}.", value), "Ehe von Ayşe.");
        assert_eq!(replace("{b} und {a}", value), "{b} und Ayşe");
        assert_eq!(replace("Menge {Stück} {", value), "Menge {Stück} {");
        assert_eq!(replace("{{a}}", value), "{Ayşe}");
    }

    fn service() -> ServiceDefinition {
        serde_json::from_str(
            r#"{"id":"ehe","version":1,"title":{"de":"E"},"summary":{"de":"S"},"steps":[
              {"id":"a","title":{"de":"A"},"fields":[
                {"id":"name","type":"text","label":{"de":"Name"}},
                {"id":"rolle","type":"single_choice","label":{"de":"Rolle"},"options":[
                  {"value":"braut","label":{"de":"Braut","en":"bride"}},
                  {"value":"zeuge","label":{"de":"Trauzeuge"}}]},
                {"id":"notiz","type":"text","label":{"de":"Notiz"},"optional":true},
                {"id":"tag","type":"date","label":{"de":"Tag"}}]},
              {"id":"b","title":{"de":"Über {name}","en":"About {name}"},
               "intro":{"de":"{name} ist {rolle}.","en":"{name} is the {rolle}."},"fields":[
                {"id":"geburtsname","type":"text","label":{"de":"Geburtsname von {name}"},
                 "hint":{"de":"Wie hieß {name} bei der Geburt?"}},
                {"id":"ort","type":"text","label":{"de":"Geburtsort"}}]},
              {"id":"c","title":{"de":"{notiz} {tag} {unbekannt} {b}"},"fields":[
                {"id":"x","type":"text","label":{"de":"{geburtsname}"}}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_pages_show_the_answers_they_name_in_each_language() {
        let mut answers = Answers::default();
        answers.set_text("name", " Ayşe ");
        answers.set_text("rolle", "braut");
        let def = service().with_answers(&answers);
        let b = def.step("b").unwrap();
        assert_eq!(b.title.0["de"], "Über Ayşe");
        assert_eq!(b.intro.as_ref().unwrap().0["de"], "Ayşe ist Braut.");
        // An option's label in the text's language, German where it has none.
        assert_eq!(b.intro.as_ref().unwrap().0["en"], "Ayşe is the bride.");
        answers.set_text("rolle", "zeuge");
        let def = service().with_answers(&answers);
        assert_eq!(
            def.step("b").unwrap().intro.as_ref().unwrap().0["en"],
            "Ayşe is the Trauzeuge."
        );
        let f = def.field("geburtsname").unwrap();
        assert_eq!(f.label.0["de"], "Geburtsname von Ayşe");
        assert_eq!(
            f.hint.as_ref().unwrap().0["de"],
            "Wie hieß Ayşe bei der Geburt?"
        );
    }

    #[test]
    fn the_check_names_answers_that_cannot_stand_in_a_text() {
        let said: Vec<String> = service()
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "steps[2].title: '{notiz}' may be unanswered (optional or shown under a condition): a text can name only an answer that is always given",
                "steps[2].title: '{tag}' is a date field: only text, single_choice and select answers can stand in a text",
                "steps[2].title: '{unbekannt}' names no question asked on an earlier page",
                "steps[2].title: '{b}' names no question asked on an earlier page",
            ]
        );
    }
}
