//! Answers as conditions and fees see them ([`Scope`]): whether a condition holds, and
//! what a fee comes to. Kept apart from the definition's types (`condition`, `fee`,
//! `definition`), which only say what a service writes, so that those never depend
//! on how it is evaluated.

use crate::answers::{Answer, Answers};
use crate::condition::Condition;
use crate::date::Date;
use crate::definition::{Computation, DateBound, ServiceDefinition};
use crate::fee::{FeeRule, FeeSchedule, Money};
use crate::number::Decimal;

/// What a condition is evaluated against: the answers so far, and inside a repeatable
/// group also the current item's answers (which take precedence). The definition says
/// how each answer is read (a number typed into a decimal field is read as validation
/// reads it).
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub def: &'a ServiceDefinition,
    pub answers: &'a Answers,
    pub item: Option<&'a Answers>,
    /// Which item of its group `item` is, from 0 (`optional_after_first`).
    pub item_index: usize,
    pub today: Date,
}

impl<'a> Scope<'a> {
    pub fn new(def: &'a ServiceDefinition, answers: &'a Answers, today: Date) -> Scope<'a> {
        Scope {
            def,
            answers,
            item: None,
            item_index: 0,
            today,
        }
    }

    /// The same scope inside one item of a repeatable group.
    pub fn with_item(self, item: &'a Answers) -> Scope<'a> {
        Scope {
            item: Some(item),
            ..self
        }
    }

    /// Inside item `index` (from 0) of a repeatable group.
    pub fn with_item_at(self, index: usize, item: &'a Answers) -> Scope<'a> {
        Scope {
            item: Some(item),
            item_index: index,
            ..self
        }
    }

    pub fn get(&self, field: &str) -> Option<&'a Answer> {
        self.item
            .and_then(|item| item.get(field))
            .or_else(|| self.answers.get(field))
    }

    /// The date answered in `field`, if it is a real date.
    pub fn date(&self, field: &str) -> Option<Date> {
        match self.get(field)? {
            Answer::Date(d) => d.to_date(),
            _ => None,
        }
    }

    /// A `computed` field's value, worked out from the answers (never taken from them).
    pub fn computed(&self, computation: &Computation) -> Option<i64> {
        let [from, to] = computation.inputs().map(|f| self.date(f));
        let (from, to) = (from?, to?);
        match computation {
            Computation::CalendarDays { .. } => from.calendar_days_through(to),
            Computation::WholeYears { .. } => {
                (to >= from).then(|| i64::from(from.whole_years_until(to)))
            }
        }
    }

    /// The day a date bound stands for: counted from today or from a date answered.
    pub fn bound(&self, bound: &DateBound) -> Option<Date> {
        let start = match &bound.field {
            Some(field) => self.date(field)?,
            None => self.today,
        };
        Some(
            start
                .months_later(bound.years.saturating_mul(12).saturating_add(bound.months))
                .days_later(bound.days),
        )
    }

    /// A number typed into `field` (read as its field reads numbers), worked out for a
    /// `computed` field, or how many of something were chosen, uploaded or added.
    pub fn number(&self, field: &str) -> Option<Decimal> {
        let count = |n: usize| Some(Decimal::from_whole(n as i64));
        if let Some(computation) = self.def.field(field).and_then(|f| f.compute.as_ref()) {
            return self.computed(computation).map(Decimal::from_whole);
        }
        match self.get(field)? {
            Answer::Text(t) => self.def.field(field)?.read_number(t),
            Answer::Choices(c) => count(c.len()),
            Answer::Files(f) => count(f.len()),
            Answer::Items(i) => count(i.len()),
            Answer::Date(_) | Answer::Address(_) => None,
        }
    }
}

impl Condition {
    pub fn holds(&self, scope: &Scope) -> bool {
        match self {
            Condition::Equals { field, value } => answer_matches(scope.get(field), |v| v == value),
            Condition::OneOf { field, values } => {
                answer_matches(scope.get(field), |v| values.iter().any(|x| x == v))
            }
            Condition::Answered { field } => scope.get(field).is_some_and(|a| !a.is_blank()),
            Condition::AtLeast { field, value } => scope
                .number(field)
                .is_some_and(|n| n.compare(*value).is_ge()),
            Condition::Below { field, value } => scope
                .number(field)
                .is_some_and(|n| n.compare(*value).is_lt()),
            Condition::YearsSinceAtLeast { field, years } => {
                years_since(scope.get(field), scope.today).is_some_and(|y| y >= *years as i32)
            }
            Condition::YearsSinceBelow { field, years } => {
                years_since(scope.get(field), scope.today).is_some_and(|y| y < *years as i32)
            }
            Condition::AnyItem { group, condition } => {
                items(scope, group).any(|item| condition.holds(&scope.with_item(item)))
            }
            Condition::EveryItem { group, condition } => {
                let mut all = items(scope, group).peekable();
                all.peek().is_some() && all.all(|item| condition.holds(&scope.with_item(item)))
            }
            Condition::Not(inner) => !inner.holds(scope),
            Condition::All(all) => all.iter().all(|c| c.holds(scope)),
            Condition::Any(any) => any.iter().any(|c| c.holds(scope)),
        }
    }

    /// Every field id this condition reads, for checking definitions.
    pub fn referenced_fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    /// The field this condition reads directly (not through `not`, `all`, `any`).
    pub fn field(&self) -> Option<&str> {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Answered { field }
            | Condition::AtLeast { field, .. }
            | Condition::Below { field, .. }
            | Condition::YearsSinceAtLeast { field, .. }
            | Condition::YearsSinceBelow { field, .. } => Some(field),
            Condition::AnyItem { group, .. } | Condition::EveryItem { group, .. } => Some(group),
            Condition::Not(_) | Condition::All(_) | Condition::Any(_) => None,
        }
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Not(inner) => inner.collect_fields(out),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_fields(out))
            }
            leaf => out.extend(leaf.field()),
        }
    }
}

/// The items of a repeatable group answered in `scope`.
fn items<'a>(scope: &Scope<'a>, group: &str) -> impl Iterator<Item = &'a Answers> {
    scope
        .get(group)
        .map(Answer::items)
        .unwrap_or_default()
        .iter()
}

fn answer_matches(answer: Option<&Answer>, pred: impl Fn(&str) -> bool) -> bool {
    match answer {
        Some(Answer::Text(t)) => pred(t.trim()),
        Some(Answer::Choices(c)) => c.iter().any(|v| pred(v)),
        _ => false,
    }
}

fn years_since(answer: Option<&Answer>, today: Date) -> Option<i32> {
    match answer? {
        Answer::Date(d) => Some(d.to_date()?.whole_years_until(today)),
        _ => None,
    }
}

impl FeeSchedule {
    /// The fee for the answers in `scope`, which must be the answers that count (those
    /// on visible steps: [`crate::flow::Walk::answers`]). Usually called as
    /// [`crate::definition::ServiceDefinition::fee_for`].
    pub fn compute(&self, scope: &Scope) -> Money {
        sum(&self.rules, scope)
    }
}

fn sum(rules: &[FeeRule], scope: &Scope) -> Money {
    rules
        .iter()
        .fold(Money::ZERO, |total, rule| total + rule.amount(scope))
}

impl FeeRule {
    fn amount(&self, scope: &Scope) -> Money {
        match self {
            FeeRule::Fixed(amount) => *amount,
            FeeRule::PerOption { field, amounts } => {
                let of = |v: &str| amounts.get(v.trim()).copied().unwrap_or_default();
                match scope.get(field) {
                    Some(Answer::Text(t)) => of(t),
                    Some(Answer::Choices(c)) => c.iter().fold(Money::ZERO, |s, v| s + of(v)),
                    _ => Money::ZERO,
                }
            }
            FeeRule::PerItem {
                group,
                amounts,
                when,
            } => {
                let items = scope.get(group).map(Answer::items).unwrap_or_default();
                let counted = items.iter().filter(|item| {
                    when.as_ref()
                        .is_none_or(|c| c.holds(&scope.with_item(item)))
                });
                counted.enumerate().fold(Money::ZERO, |s, (i, _)| {
                    s + amounts
                        .get(i)
                        .or(amounts.last())
                        .copied()
                        .unwrap_or_default()
                })
            }
            FeeRule::Tiered { field, tiers } => {
                let Some(value) = scope.number(field) else {
                    return Money::ZERO;
                };
                let tier = tiers
                    .iter()
                    .find(|t| t.up_to.is_none_or(|max| value.compare(max).is_le()));
                tier.map_or(Money::ZERO, |t| {
                    let share = i128::from(value.hundredths_truncated()) * i128::from(t.per_mille);
                    // Rounded half up to the cent.
                    let share = i64::try_from((share + 500) / 1000).unwrap_or(i64::MAX);
                    t.amount + Money(share)
                })
            }
            FeeRule::PerUnit { amount, factors } => {
                let product = factors
                    .iter()
                    .try_fold(Decimal::from_whole(1), |p, f| p.times(scope.number(f)?));
                product
                    .and_then(|units| units.times(Decimal::from_whole(amount.cents())))
                    .map_or(Money::ZERO, |cents| Money(cents.rounded_half_up()))
            }
            FeeRule::When { condition, rules } => {
                if condition.holds(scope) {
                    sum(rules, scope)
                } else {
                    Money::ZERO
                }
            }
        }
    }
}

impl ServiceDefinition {
    /// The fee for these answers, which must be the answers that count (those on
    /// visible steps: [`crate::flow::Walk::answers`]). The server computes it again
    /// with the same rules; it never takes a fee from the app.
    pub fn fee_for(&self, answers: &crate::answers::Answers, today: crate::date::Date) -> Money {
        self.fee.compute(&Scope::new(self, answers, today))
    }
}
