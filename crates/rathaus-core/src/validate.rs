//! Validation: one set of rules for the app (on Continue) and the server (on submit).
//! Errors are codes, not sentences; each side words them in the citizen's language.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::definition::{Field, FieldKind, ServiceDefinition, Step};
use crate::flow;
use crate::number;
use crate::postcodes::in_area;
use crate::scope::Scope;

pub use crate::field_error::{ErrorCode, FieldError};

/// An error of `field`.
fn error_of(field: &Field, code: ErrorCode, limit: Option<String>) -> FieldError {
    FieldError {
        field: field.id.clone(),
        code,
        limit,
    }
}

/// Checks one answer against its question. `scope` holds the other answers (for
/// limits counted from another date, and computed values) and today, the citizen's (or
/// the office's) civil date, passed in so that the rule is the same wherever it runs.
pub fn validate_field(field: &Field, answer: Option<&Answer>, scope: &Scope) -> Option<FieldError> {
    let code = check(field, answer, scope)?;
    Some(error_of(field, code.0, code.1))
}

/// Checks one answer on its own, as if no other question were answered (for tests and
/// the definition check; the wizard and the server use [`validate_field`]).
pub fn validate_answer(field: &Field, answer: Option<&Answer>, today: Date) -> Option<FieldError> {
    let (def, none) = (ServiceDefinition::empty(), Answers::default());
    validate_field(field, answer, &Scope::new(&def, &none, today))
}

type Broken = (ErrorCode, Option<String>);

fn check(field: &Field, answer: Option<&Answer>, scope: &Scope) -> Option<Broken> {
    if field.kind.is_shown_only() {
        return None;
    }
    let optional = field.optional || (field.optional_after_first && scope.item_index > 0);
    let Some(answer) = answer.filter(|a| !a.is_blank()) else {
        return (!optional).then_some((ErrorCode::Required, None));
    };
    let today = scope.today;
    let answer = &answer.with_western_digits();
    let c = &field.constraints;
    let fail = |code| Some((code, None));
    let limit = |code, n: &dyn ToString| Some((code, Some(n.to_string())));
    match (field.kind, answer) {
        (FieldKind::Date, Answer::Date(input)) => {
            let parts = [&input.day, &input.month, &input.year];
            if parts.iter().any(|p| p.trim().is_empty()) {
                return fail(ErrorCode::DateIncomplete);
            }
            let Some(date) = input.to_date() else {
                return fail(ErrorCode::DateInvalid);
            };
            if c.not_in_future && date > today {
                return fail(ErrorCode::DateInFuture);
            }
            if c.not_in_past && date < today {
                return fail(ErrorCode::DateInPast);
            }
            if let Some(years) = c.min_years_ago {
                if date > today.years_earlier(years) {
                    return limit(ErrorCode::DateTooRecent, &years);
                }
            }
            if let Some(years) = c.max_years_ago {
                if date < today.years_earlier(years) {
                    return limit(ErrorCode::DateTooOld, &years);
                }
            }
            // A limit counted from a date not (yet) answered holds nothing back: that
            // question has its own error.
            if let Some(earliest) = c.earliest.as_ref().and_then(|b| scope.bound(b)) {
                if date < earliest {
                    return limit(ErrorCode::DateTooEarly, &earliest);
                }
            }
            if let Some(latest) = c.latest.as_ref().and_then(|b| scope.bound(b)) {
                if date > latest {
                    return limit(ErrorCode::DateTooLate, &latest);
                }
            }
            None
        }
        (FieldKind::SingleChoice | FieldKind::Select, Answer::Text(value)) => {
            let value = value.trim();
            (!field.offered(scope).iter().any(|o| o.value == value))
                .then_some((ErrorCode::NotAnOption, None))
        }
        (FieldKind::YesNo | FieldKind::Declaration, Answer::Text(value)) => {
            let allowed = field.kind.fixed_values().unwrap_or_default();
            (!allowed.contains(&value.trim())).then_some((ErrorCode::NotAnOption, None))
        }
        (FieldKind::Ranking, Answer::Choices(places)) => {
            let offered = field.offered(scope);
            let known = |v: &String| offered.iter().any(|o| &o.value == v);
            let filled: Vec<&String> = places.iter().filter(|v| !v.is_empty()).collect();
            let twice = filled
                .iter()
                .enumerate()
                .any(|(i, v)| filled[..i].contains(v));
            if twice || places.len() > field.ranking_places() || !filled.iter().all(|v| known(v)) {
                return fail(ErrorCode::NotAnOption);
            }
            // A 3rd choice without a 2nd: the places are filled in order.
            let used = places
                .iter()
                .rposition(|v| !v.is_empty())
                .map_or(0, |i| i + 1);
            if let Some(gap) = places[..used].iter().position(String::is_empty) {
                return limit(ErrorCode::RankingGap, &(gap + 1));
            }
            count(used, c.min_count, None)
        }
        (FieldKind::MultipleChoice, Answer::Choices(values)) => {
            let offered = field.offered(scope);
            let known = |v: &String| offered.iter().any(|o| &o.value == v);
            let twice = values
                .iter()
                .enumerate()
                .any(|(i, v)| values[..i].contains(v));
            // "None of these" beside a choice is not an answer anyone can give.
            let beside_exclusive = values.len() > 1
                && field
                    .exclusive_option()
                    .is_some_and(|e| values.iter().any(|v| v == e));
            if twice || beside_exclusive || !values.iter().all(known) {
                return fail(ErrorCode::NotAnOption);
            }
            count(values.len(), c.min_count, c.max_count)
        }
        (FieldKind::Address, Answer::Address(address)) => {
            for (_, part) in address.parts() {
                if let Some(broken) = text_rules(part.trim(), false, 200) {
                    return Some(broken);
                }
            }
            let missing = |p: &String| p.trim().is_empty();
            if missing(&address.street) {
                fail(ErrorCode::StreetMissing)
            } else if missing(&address.postcode) {
                fail(ErrorCode::PostcodeMissing)
            } else if !is_german_postcode(address.postcode.trim()) {
                fail(ErrorCode::InvalidPostcode)
            } else if !in_area(&c.postcodes, address.postcode.trim()) {
                fail(ErrorCode::PostcodeOutsideArea)
            } else if missing(&address.town) {
                fail(ErrorCode::TownMissing)
            } else {
                None
            }
        }
        (FieldKind::File, Answer::Files(files)) => {
            if let Some(broken) = count(files.len(), c.min_count, Some(c.max_count.unwrap_or(1))) {
                return Some(broken);
            }
            if files.iter().any(|f| !c.accepts(&f.media_type)) {
                return fail(ErrorCode::FileType);
            }
            files
                .iter()
                .any(|f| f.size > c.file_limit())
                .then(|| (ErrorCode::FileTooLarge, Some(c.file_limit().to_string())))
        }
        (kind, Answer::Text(text)) if kind.is_text_like() => {
            let text = text.trim();
            let max = c.max_length.or(kind.default_max_length()).unwrap_or(200);
            if let Some(broken) = text_rules(text, kind == FieldKind::LongText, max) {
                return Some(broken);
            }
            if let Some(min) = c.min_length {
                if (text.chars().count() as u32) < min {
                    return limit(ErrorCode::TooShort, &min);
                }
            }
            if let Some(pattern) = c.pattern.as_ref().filter(|_| kind == FieldKind::Text) {
                // A pattern the check refused never reaches a citizen; read anyway, it
                // holds nothing back.
                if crate::pattern::Pattern::parse(pattern).is_ok_and(|p| !p.matches(text)) {
                    return fail(ErrorCode::PatternMismatch);
                }
            }
            match kind {
                FieldKind::Time if crate::date::parse_time(text).is_none() => {
                    fail(ErrorCode::InvalidTime)
                }
                FieldKind::Email if !is_plausible_email(text) => fail(ErrorCode::InvalidEmail),
                FieldKind::Postcode if !is_german_postcode(text) => {
                    fail(ErrorCode::InvalidPostcode)
                }
                FieldKind::Postcode if !in_area(&c.postcodes, text) => {
                    fail(ErrorCode::PostcodeOutsideArea)
                }
                FieldKind::Phone if !number::is_phone_number(text) => fail(ErrorCode::InvalidPhone),
                FieldKind::Iban if !number::is_iban(text) => fail(ErrorCode::InvalidIban),
                FieldKind::TaxId if !number::is_tax_id(text) => fail(ErrorCode::InvalidTaxId),
                FieldKind::Number | FieldKind::Decimal | FieldKind::Money => {
                    number_rules(field, text)
                }
                _ => None,
            }
        }
        _ => fail(ErrorCode::Invalid),
    }
}

fn text_rules(text: &str, multiline: bool, max: u32) -> Option<Broken> {
    if text
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Some((ErrorCode::InvalidCharacters, None));
    }
    (text.chars().count() as u32 > max).then(|| (ErrorCode::TooLong, Some(max.to_string())))
}

fn count(n: usize, min: Option<u32>, max: Option<u32>) -> Option<Broken> {
    let n = n as u32;
    match (min, max) {
        (Some(min), _) if n < min => Some((ErrorCode::TooFew, Some(min.to_string()))),
        (_, Some(max)) if n > max => Some((ErrorCode::TooMany, Some(max.to_string()))),
        _ => None,
    }
}

fn number_rules(field: &Field, text: &str) -> Option<Broken> {
    let (kind, c) = (field.kind, &field.constraints);
    let Some(value) = field.read_number(text) else {
        return Some((ErrorCode::NotANumber, None));
    };
    let decimals = match kind {
        FieldKind::Number => 0,
        FieldKind::Money => 2,
        _ => c.decimals.unwrap_or(2),
    };
    if value.scale > decimals {
        return Some(if kind == FieldKind::Decimal {
            (ErrorCode::TooManyDecimals, Some(decimals.to_string()))
        } else {
            (ErrorCode::NotANumber, None)
        });
    }
    if let Some(min) = c.min.filter(|min| value.compare(*min).is_lt()) {
        return Some((ErrorCode::NumberTooSmall, Some(min.to_plain_string())));
    }
    if let Some(max) = c.max.filter(|max| value.compare(*max).is_gt()) {
        return Some((ErrorCode::NumberTooLarge, Some(max.to_plain_string())));
    }
    None
}

/// Errors of the fields shown on `step`, in page order. For a repeatable group: the
/// number of items, and every item's errors as paths (see [`FieldError`]).
pub fn validate_step(
    def: &ServiceDefinition,
    step: &Step,
    answers: &Answers,
    today: Date,
) -> Vec<FieldError> {
    if step.repeat.is_some() {
        return validate_group(def, step, &flow::walk(def, answers, today).answers, today);
    }
    let walk = flow::walk(def, answers, today);
    let scope = Scope::new(def, &walk.answers, today);
    walk.fields_of(step)
        .iter()
        .filter_map(|f| validate_field(f, answers.get(&f.id), &scope))
        .collect()
}

/// Errors of a repeatable group: too few or too many items (on the group's id), then
/// each item's errors as `group.index.field` paths.
pub fn validate_group(
    def: &ServiceDefinition,
    step: &Step,
    answers: &Answers,
    today: Date,
) -> Vec<FieldError> {
    let Some(repeat) = &step.repeat else {
        return Vec::new();
    };
    let items = answers.get(&step.id).map(Answer::items).unwrap_or_default();
    let mut errors = Vec::new();
    if let Some((code, limit)) = count(items.len(), Some(repeat.min), Some(repeat.max)) {
        errors.push(FieldError {
            field: step.id.clone(),
            code,
            limit,
        });
    }
    for (index, item) in items.iter().enumerate() {
        for e in validate_item_at(def, step, index, item, answers, today) {
            errors.push(FieldError {
                field: format!("{}.{index}.{}", step.id, e.field),
                ..e
            });
        }
    }
    errors
}

/// Errors of item `index` (from 0) of a repeatable group, on the fields it shows.
pub fn validate_item_at(
    def: &ServiceDefinition,
    step: &Step,
    index: usize,
    item: &Answers,
    answers: &Answers,
    today: Date,
) -> Vec<FieldError> {
    let scope = Scope::new(def, answers, today).with_item_at(index, item);
    flow::item_fields(step, scope)
        .into_iter()
        .filter_map(|f| validate_field(f, item.get(&f.id), &scope))
        .collect()
}

/// The first visible step that still has errors; `None` when all can be submitted.
pub fn first_incomplete_step<'d>(
    def: &'d ServiceDefinition,
    answers: &Answers,
    today: Date,
) -> Option<&'d Step> {
    // One walk for all steps (not one per step): linear in the number of questions.
    let walk = flow::walk(def, answers, today);
    let scope = Scope::new(def, &walk.answers, today);
    walk.steps
        .iter()
        .find(|(step, fields)| {
            if step.stop.is_some() {
                // A stopping page is where the wizard ends: never complete.
                true
            } else if step.repeat.is_some() {
                !validate_group(def, step, &walk.answers, today).is_empty()
            } else {
                fields
                    .iter()
                    .any(|f| validate_field(f, answers.get(&f.id), &scope).is_some())
            }
        })
        .map(|(step, _)| *step)
}

/// Validates a whole application as the server does on submit. Returns the answers
/// that count — those on visible steps, blanks left out — or every error.
pub fn validate_application(
    def: &ServiceDefinition,
    answers: &Answers,
    today: Date,
) -> Result<Answers, Vec<FieldError>> {
    let walk = flow::walk(def, answers, today);
    let mut errors = Vec::new();
    let unknown = |field: String| FieldError {
        field,
        code: ErrorCode::UnknownField,
        limit: None,
    };
    for (id, answer) in &answers.0 {
        match def.steps.iter().find(|s| &s.id == id && s.repeat.is_some()) {
            Some(group) => {
                for (index, item) in answer.items().iter().enumerate() {
                    for key in item.0.keys() {
                        if !group.fields.iter().any(|f| &f.id == key) {
                            errors.push(unknown(format!("{id}.{index}.{key}")));
                        }
                    }
                }
                if !matches!(answer, Answer::Items(_)) && !answer.is_blank() {
                    errors.push(FieldError {
                        field: id.clone(),
                        code: ErrorCode::Invalid,
                        limit: None,
                    });
                }
            }
            None if def.field(id).is_none() => errors.push(unknown(id.clone())),
            None => {}
        }
    }
    let scope = Scope::new(def, &walk.answers, today);
    for (step, fields) in &walk.steps {
        if step.stop.is_some() {
            errors.push(FieldError {
                field: step.id.clone(),
                code: ErrorCode::Stopped,
                limit: None,
            });
            continue;
        }
        if step.repeat.is_some() {
            errors.extend(validate_group(def, step, &walk.answers, today));
            continue;
        }
        for field in fields {
            if let Some(e) = validate_field(field, answers.get(&field.id), &scope) {
                errors.push(e);
            }
        }
    }
    if errors.is_empty() {
        let western = Answers(
            walk.answers
                .0
                .iter()
                .map(|(id, a)| (id.clone(), a.with_western_digits()))
                .collect(),
        );
        let mut stored = numbers_as_read(def, western);
        with_computed_values(def, &walk, &mut stored, today);
        Ok(stored)
    } else {
        Err(errors)
    }
}

/// The values of the visible `computed` fields, worked out by the server's own rules
/// and stored with the answers, so that the office sees what the citizen saw; anything
/// the client sent under their ids is replaced.
fn with_computed_values(
    def: &ServiceDefinition,
    walk: &flow::Walk,
    stored: &mut Answers,
    today: Date,
) {
    let scope = Scope::new(def, &walk.answers, today);
    let computed: Vec<(String, Option<i64>)> = walk
        .steps
        .iter()
        .flat_map(|(_, fields)| fields.iter())
        .filter_map(|f| Some((f.id.clone(), scope.computed(f.compute.as_ref()?))))
        .collect();
    for (id, value) in computed {
        stored.0.remove(&id);
        if let Some(value) = value {
            stored.set_text(id, value.to_string());
        }
    }
}

/// Every number answer written the one way its field read it ("7,490" in a decimal
/// field becomes "7.490", "1.500" in a whole-number field "1500"), and every time of
/// day as `07:30`, so that the stored application has one reading, whoever looks at it
/// later. Read again, each gives the same value.
pub fn numbers_as_read(def: &ServiceDefinition, mut answers: Answers) -> Answers {
    for (id, answer) in answers.0.iter_mut() {
        match answer {
            Answer::Text(text) => {
                let Some(field) = def.field(id) else { continue };
                if let Some(value) = field.read_number(text) {
                    *text = value.to_plain_string();
                } else if field.kind == FieldKind::Time {
                    if let Some(time) = crate::date::parse_time(text) {
                        *text = crate::date::time_of_day(time);
                    }
                }
            }
            Answer::Items(items) => {
                for item in items.iter_mut() {
                    *item = numbers_as_read(def, std::mem::take(item));
                }
            }
            _ => {}
        }
    }
    answers
}
/// Deliberately loose: one `@`, something before it, a dotted domain after it, no
/// spaces. Whether the address exists only sending mail can tell.
fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

fn is_german_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}
