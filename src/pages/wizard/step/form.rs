//! The model of a step's form (and of one item of a repeatable group): which answers it
//! edits, which questions it shows, which errors it keeps, where Continue and Back
//! lead. Plain Rust over the definition and the draft, tested natively below; the page
//! (`mod.rs` beside it) holds it in signals and draws it.

use std::sync::Arc;

use rathaus_core::date::Date;
use rathaus_core::definition::{Field, ServiceDefinition, Step};
use rathaus_core::scope::Scope;
use rathaus_core::validate::{validate_field, validate_item_at, validate_step};
use rathaus_core::{flow, Answer, Answers, FieldError};

use crate::router::urls;
use crate::store::Draft;
use crate::wizard::navigation::{after_step, back_url, InGroup, Steps};

/// The visible steps of the service and the visible questions of this page.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub steps: Steps,
    pub fields: Vec<String>,
}

pub struct StepForm {
    pub def: Arc<ServiceDefinition>,
    pub step: Step,
    /// The item of a repeatable group this page edits, if it is an item's page.
    pub item: Option<usize>,
    pub from_check: bool,
    today: Date,
    /// On an item's page: the answers before the group and the visible steps, which
    /// do not change there and so are walked once.
    outer: Option<(Answers, Steps)>,
    group_is_empty: bool,
}

/// Why a step's form cannot be opened as asked.
#[derive(Debug, PartialEq)]
pub enum NotOpened {
    /// No such step, or an item of a step that is not a group.
    NotFound,
    /// An item past the end of the list or over the group's maximum: its list instead.
    Elsewhere(String),
}

impl StepForm {
    /// The form of `step_id` (of its item `item`) over the draft's answers, with the
    /// answers the page starts from.
    pub fn open(
        def: Arc<ServiceDefinition>,
        step_id: &str,
        item: Option<usize>,
        from_check: bool,
        draft: &Draft,
        today: Date,
    ) -> Result<(StepForm, Answers), NotOpened> {
        let step = def.step(step_id).cloned().ok_or(NotOpened::NotFound)?;
        let items = items_of(&draft.answers, &step.id);
        let initial = match (item, &step.repeat) {
            (None, _) => draft.answers.clone(),
            (Some(index), Some(repeat)) => {
                if index > items.len() || index >= repeat.max as usize {
                    return Err(NotOpened::Elsewhere(urls::step(
                        &def.id, &step.id, from_check,
                    )));
                }
                items.get(index).cloned().unwrap_or_default()
            }
            (Some(_), None) => return Err(NotOpened::NotFound),
        };
        let outer = item.map(|_| {
            let walk = flow::walk(&def, &draft.answers, today);
            let steps = Steps::of(&walk, &def, &step.id);
            (walk.answers, steps)
        });
        let form = StepForm {
            group_is_empty: items.is_empty(),
            def,
            step,
            item,
            from_check,
            today,
            outer,
        };
        Ok((form, initial))
    }

    /// Where a field of this page is in the whole application's answers (inside a
    /// group: `group.index.field`).
    pub fn path(&self, field: &str) -> String {
        match self.item {
            Some(i) => format!("{}.{i}.{field}", self.step.id),
            None => field.to_owned(),
        }
    }

    /// The errors the server found that concern this page's questions, named as the
    /// page names its fields.
    pub fn server_errors(&self, found: &[FieldError]) -> Vec<FieldError> {
        let prefix = self.item.map(|i| format!("{}.{i}.", self.step.id));
        found
            .iter()
            .filter_map(|e| {
                let field = match &prefix {
                    Some(p) => e.field.strip_prefix(p.as_str())?,
                    None => e.field.as_str(),
                };
                self.step
                    .fields
                    .iter()
                    .any(|f| f.id == field)
                    .then(|| FieldError {
                        field: field.to_owned(),
                        ..e.clone()
                    })
            })
            .collect()
    }

    /// Puts what the page holds into the draft, and this step as where to resume.
    pub fn keep(&self, draft: &mut Draft, current: Answers) {
        match self.item {
            None => draft.answers = current,
            Some(index) => {
                let mut items = items_of(&draft.answers, &self.step.id).to_vec();
                if index < items.len() {
                    items[index] = current;
                } else if current.0.values().any(|a| !a.is_blank()) {
                    // A new item exists once something is typed into it.
                    items.push(current);
                }
                draft
                    .answers
                    .set(self.step.id.clone(), Answer::Items(items));
            }
        }
        draft.step = Some(self.step.id.clone());
        draft.service_version = self.def.version;
    }

    /// What the answers show, from one walk: the visible steps (for the progress line
    /// and Back) and this page's visible questions.
    pub fn layout(&self, answers: &Answers) -> Layout {
        match &self.outer {
            None => {
                let walk = flow::walk(&self.def, answers, self.today);
                let fields = walk
                    .steps
                    .iter()
                    .find(|(s, _)| s.id == self.step.id)
                    .map(|(_, fields)| fields.iter().map(|f| f.id.clone()).collect())
                    .unwrap_or_default();
                let steps = Steps::of(&walk, &self.def, &self.step.id);
                Layout { steps, fields }
            }
            Some((outer_answers, steps)) => {
                let scope = Scope::new(&self.def, outer_answers, self.today).with_item(answers);
                let fields = flow::item_fields(&self.step, scope)
                    .iter()
                    .map(|f| f.id.clone())
                    .collect();
                Layout {
                    steps: steps.clone(),
                    fields,
                }
            }
        }
    }

    /// Whether the answer now given to a field passes its own rules: typing may remove
    /// an error the citizen has just fixed, never add one.
    pub fn is_fixed(&self, field_id: &str, answers: &Answers) -> bool {
        let scope = match &self.outer {
            None => Scope::new(&self.def, answers, self.today),
            Some((outer, _)) => Scope::new(&self.def, outer, self.today)
                .with_item_at(self.item.unwrap_or(0), answers),
        };
        self.def
            .field(field_id)
            .is_some_and(|f| validate_field(f, answers.get(field_id), &scope).is_none())
    }

    /// A `computed` field's value for the answers on this page (and, on an item's
    /// page, those before the group), as the server will work it out.
    pub fn computed_value(&self, field: &Field, answers: &Answers) -> Option<i64> {
        let scope = match &self.outer {
            None => Scope::new(&self.def, answers, self.today),
            Some((outer, _)) => Scope::new(&self.def, outer, self.today)
                .with_item_at(self.item.unwrap_or(0), answers),
        };
        scope.computed(field.compute.as_ref()?)
    }

    /// Continue: the errors on this page, or where to go next.
    pub fn submit(&self, answers: &Answers) -> Result<String, Vec<FieldError>> {
        let found = match &self.outer {
            None => validate_step(&self.def, &self.step, answers, self.today),
            Some((outer_answers, _)) => {
                let index = self.item.unwrap_or(0);
                validate_item_at(
                    &self.def,
                    &self.step,
                    index,
                    answers,
                    outer_answers,
                    self.today,
                )
            }
        };
        if !found.is_empty() {
            return Err(found);
        }
        Ok(match self.item {
            // Back to the group's list, which asks whether there is another.
            Some(_) => urls::step(&self.def.id, &self.step.id, self.from_check),
            None => after_step(
                &self.def,
                answers,
                &self.step.id,
                self.from_check,
                self.today,
            ),
        })
    }

    /// Where Back leads, given what the answers show now.
    pub fn back(&self, layout: &Layout) -> String {
        let in_group = match (self.item, self.group_is_empty) {
            (None, _) => InGroup::No,
            (Some(_), true) => InGroup::ItemOfEmpty,
            (Some(_), false) => InGroup::ItemOfListed,
        };
        back_url(
            &self.def.id,
            &self.step.id,
            &layout.steps,
            in_group,
            self.from_check,
        )
    }
}

fn items_of<'a>(answers: &'a Answers, step_id: &str) -> &'a [Answers] {
    answers.get(step_id).map(Answer::items).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::navigation::tests::{answers, three_steps, today};
    use rathaus_core::ErrorCode;

    fn open(
        item: Option<usize>,
        step: &str,
        draft: &Draft,
    ) -> Result<(StepForm, Answers), NotOpened> {
        StepForm::open(Arc::new(three_steps()), step, item, false, draft, today())
    }

    fn with_items(n: usize) -> Draft {
        let mut d = Draft::new("s", 1);
        d.answers = answers(&[("art", "privat")]);
        let items = (0..n)
            .map(|i| answers(&[("was", &format!("Ding {i}"))]))
            .collect();
        d.answers.set("dinge", Answer::Items(items));
        d
    }

    fn error(field: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: ErrorCode::Required,
            limit: None,
        }
    }

    #[test]
    fn an_item_past_the_list_or_the_maximum_opens_the_list_instead() {
        let list = Some(NotOpened::Elsewhere(urls::step("s", "dinge", false)));
        assert!(
            open(Some(1), "dinge", &with_items(1)).is_ok(),
            "the next new item"
        );
        assert_eq!(open(Some(2), "dinge", &with_items(1)).err(), list);
        assert!(matches!(
            open(Some(3), "dinge", &with_items(3)),
            Err(NotOpened::Elsewhere(_))
        ));
        assert_eq!(
            open(Some(0), "wer", &with_items(0)).err(),
            Some(NotOpened::NotFound)
        );
        assert_eq!(
            open(None, "nicht-da", &with_items(0)).err(),
            Some(NotOpened::NotFound)
        );
        let (_, initial) = open(Some(1), "dinge", &with_items(2)).unwrap();
        assert_eq!(initial, answers(&[("was", "Ding 1")]));
    }

    #[test]
    fn an_items_page_keeps_only_the_servers_errors_on_that_item() {
        let (form, _) = open(Some(1), "dinge", &with_items(2)).unwrap();
        let found = [
            error("dinge.1.was"),
            error("dinge.0.was"),
            error("art"),
            error("dinge.1.x"),
        ];
        assert_eq!(form.server_errors(&found), [error("was")]);
        assert_eq!(form.path("was"), "dinge.1.was");
        let (form, _) = open(None, "wer", &with_items(0)).unwrap();
        assert_eq!(form.server_errors(&found), [error("art")]);
    }

    #[test]
    fn a_new_item_exists_once_something_is_typed_into_it() {
        let mut draft = with_items(1);
        let (form, _) = open(Some(1), "dinge", &draft).unwrap();
        form.keep(&mut draft, answers(&[("was", " ")]));
        assert_eq!(items_of(&draft.answers, "dinge").len(), 1);
        form.keep(&mut draft, answers(&[("was", "Sofa")]));
        assert_eq!(
            items_of(&draft.answers, "dinge")[1],
            answers(&[("was", "Sofa")])
        );
        assert_eq!(draft.step.as_deref(), Some("dinge"));
        // Changing an item replaces it, the others stay.
        let (form, _) = open(Some(0), "dinge", &draft).unwrap();
        form.keep(&mut draft, answers(&[("was", "Tisch")]));
        let items = items_of(&draft.answers, "dinge");
        assert_eq!(
            (items[0].clone(), items.len()),
            (answers(&[("was", "Tisch")]), 2)
        );
        assert_eq!(
            draft.answers.get("art"),
            Some(&Answer::Text("privat".into()))
        );
    }

    #[test]
    fn continue_names_what_is_missing_or_where_to_go() {
        let draft = with_items(0);
        let (form, _) = open(None, "wer", &draft).unwrap();
        let missing = form.submit(&Answers::default()).unwrap_err();
        assert_eq!(
            missing.iter().map(|e| &e.field[..]).collect::<Vec<_>>(),
            ["art"]
        );
        assert!(!form.is_fixed("art", &Answers::default()));
        let firm = answers(&[("art", "firma")]);
        assert!(form.is_fixed("art", &firm));
        assert_eq!(form.submit(&firm), Ok(urls::step("s", "firma", false)));
        // An item's Continue goes back to its list.
        let (form, _) = open(Some(0), "dinge", &draft).unwrap();
        assert!(form.submit(&Answers::default()).is_err());
        assert_eq!(
            form.submit(&answers(&[("was", "Sofa")])),
            Ok(urls::step("s", "dinge", false))
        );
    }

    #[test]
    fn the_layout_follows_the_answers_and_back_follows_the_layout() {
        let (form, initial) = open(None, "wer", &with_items(0)).unwrap();
        let layout = form.layout(&initial);
        assert_eq!(
            (layout.steps.ids.len(), &layout.fields[..]),
            (2, &["art".to_owned()][..])
        );
        let firm = form.layout(&answers(&[("art", "firma")]));
        assert_eq!(firm.steps.ids, ["wer", "firma", "dinge"]);
        let (item, _) = open(Some(0), "dinge", &with_items(1)).unwrap();
        let layout = item.layout(&Answers::default());
        assert_eq!(layout.fields, ["was", "anzahl"]);
        assert_eq!(item.back(&layout), urls::step("s", "dinge", false));
        let (first, _) = open(Some(0), "dinge", &with_items(0)).unwrap();
        assert_eq!(first.back(&layout), urls::step("s", "wer", false));
    }
}
