//! Conditions that show a step or a field depending on earlier answers.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};

/// Written in a definition as, e.g., `{"equals": {"field": "kind", "value": "authority"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Condition {
    /// The text answer is `value`, or the multiple choice answer includes it.
    Equals {
        field: String,
        value: String,
    },
    /// The answer is (or, for multiple choice, includes) one of `values`.
    OneOf {
        field: String,
        values: Vec<String>,
    },
    /// The field has a non-blank answer.
    Answered {
        field: String,
    },
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Equals { field, value } => {
                answer_matches(answers.get(field), |v| v == value)
            }
            Condition::OneOf { field, values } => {
                answer_matches(answers.get(field), |v| values.iter().any(|x| x == v))
            }
            Condition::Answered { field } => answers.is_answered(field),
            Condition::Not(inner) => !inner.holds(answers),
            Condition::All(all) => all.iter().all(|c| c.holds(answers)),
            Condition::Any(any) => any.iter().any(|c| c.holds(answers)),
        }
    }

    /// Every field id this condition reads, for checking definitions.
    pub fn referenced_fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Answered { field } => out.push(field),
            Condition::Not(inner) => inner.collect_fields(out),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_fields(out))
            }
        }
    }
}

fn answer_matches(answer: Option<&Answer>, pred: impl Fn(&str) -> bool) -> bool {
    match answer {
        Some(Answer::Text(t)) => pred(t.trim()),
        Some(Answer::Choices(c)) => c.iter().any(|v| pred(v)),
        Some(Answer::Date(_)) | None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set_text(*k, *v);
        }
        a
    }

    #[test]
    fn operators() {
        let a = answers(&[("kind", "authority"), ("note", "")]);
        let eq = |f: &str, v: &str| Condition::Equals {
            field: f.into(),
            value: v.into(),
        };
        assert!(eq("kind", "authority").holds(&a));
        assert!(!eq("kind", "private").holds(&a));
        assert!(!eq("missing", "x").holds(&a));
        assert!(Condition::Not(Box::new(eq("kind", "private"))).holds(&a));
        assert!(Condition::OneOf {
            field: "kind".into(),
            values: vec!["private".into(), "authority".into()]
        }
        .holds(&a));
        assert!(!Condition::Answered {
            field: "note".into()
        }
        .holds(&a));
        assert!(Condition::All(vec![]).holds(&a));
        assert!(!Condition::Any(vec![]).holds(&a));
        assert!(Condition::Any(vec![eq("kind", "x"), eq("kind", "authority")]).holds(&a));
        assert!(!Condition::All(vec![eq("kind", "x"), eq("kind", "authority")]).holds(&a));
    }

    #[test]
    fn multiple_choice_matches_any_chosen_value() {
        let mut a = Answers::default();
        a.set("langs", Answer::Choices(vec!["de".into(), "tr".into()]));
        let cond = Condition::Equals {
            field: "langs".into(),
            value: "tr".into(),
        };
        assert!(cond.holds(&a));
    }

    #[test]
    fn reads_the_definition_syntax() {
        let c: Condition = serde_json::from_str(
            r#"{"all":[{"equals":{"field":"kind","value":"o"}},{"not":{"answered":{"field":"x"}}}]}"#,
        )
        .unwrap();
        assert_eq!(c.referenced_fields(), vec!["kind", "x"]);
    }
}
