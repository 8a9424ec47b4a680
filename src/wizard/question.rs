//! One question of a service definition, rendered by the component for its type.

use leptos::prelude::*;
use rathaus_core::answers::{
    AddressInput as AddressParts, Answer, Answers, DateInput as DateParts,
};
use rathaus_core::autocomplete::address_tokens;
use rathaus_core::definition::{Field, FieldKind};
use rathaus_core::FieldError;

use crate::components::{
    AddressInput, Checkbox, Checkboxes, DateInput, FileRefusal, FileUpload, RadioOption, Radios,
    Ranking, Select, TextInput, TextInputKind,
};
use crate::i18n::{fill, use_i18n, Key};
use crate::wizard::messages::{address_error_part, field_error_message};

/// Does this question take the page's `<h1>` when it is alone on its step? A
/// declaration's or an information's text is too long for a heading.
pub fn can_be_page_heading(field: &Field) -> bool {
    !matches!(field.kind, FieldKind::Declaration | FieldKind::Info)
}

/// Reads one part of the answers, and writes it back, as signals for a component.
fn binding<T: Clone + Send + Sync + 'static>(
    answers: RwSignal<Answers>,
    id: &str,
    read: fn(Option<&Answer>) -> T,
    write: fn(T) -> Answer,
    changed: impl Fn() + Clone + Send + Sync + 'static,
) -> (Signal<T>, Callback<T>) {
    let (read_id, write_id) = (id.to_owned(), id.to_owned());
    let value = Signal::derive(move || answers.with(|a| read(a.get(&read_id))));
    let set = Callback::new(move |v: T| {
        answers.update(|a| a.set(write_id.clone(), write(v)));
        changed();
    });
    (value, set)
}

/// `fn $name(answer) -> $ty`: the answer of variant `$variant` as typed, or empty.
macro_rules! reader {
    ($name:ident, $variant:ident, $ty:ty) => {
        fn $name(a: Option<&Answer>) -> $ty {
            match a {
                Some(Answer::$variant(v)) => v.clone(),
                _ => Default::default(),
            }
        }
    };
}

reader!(read_text, Text, String);
reader!(read_choices, Choices, Vec<String>);
reader!(read_date, Date, DateParts);
reader!(read_address, Address, AddressParts);
reader!(read_files, Files, Vec<rathaus_core::FileRef>);

#[component]
pub fn Question(
    field: Field,
    answers: RwSignal<Answers>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    /// Called after every change, to drop an error the change has fixed.
    #[prop(into)]
    on_change: Callback<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field.id.clone();
    let mut label = i18n.said(&field.label);
    if field.optional {
        // Under the label's `lang`: "(optional)" is the same word in German.
        label.text = format!("{} {}", label.text, i18n.t(Key::Optional));
    }
    let hint = field.hint.as_ref().map(|h| i18n.said(h));
    let message = {
        let field = field.clone();
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .map(|e| field_error_message(&field, e, i18n.locale()))
            })
        })
    };
    let changed = {
        let id = id.clone();
        move || on_change.run(id.clone())
    };
    let options = || {
        field
            .options
            .iter()
            .map(|o| RadioOption {
                value: o.value.clone(),
                label: i18n.said(&o.label),
                hint: o.hint.as_ref().map(|h| i18n.said(h)),
            })
            .collect::<Vec<_>>()
    };
    let text = |changed| binding(answers, &id, read_text, Answer::Text, changed);
    match field.kind {
        FieldKind::Date => {
            let (value, set) = binding(answers, &id, read_date, Answer::Date, changed);
            view! {
                <DateInput
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=message
                    value=value
                    on_input=set
                    is_page_heading=is_page_heading
                    nostrip:autocomplete=field.autocomplete.clone()
                />
            }
            .into_any()
        }
        FieldKind::SingleChoice | FieldKind::YesNo => {
            let inline = field.kind == FieldKind::YesNo;
            let options = if inline {
                [("yes", Key::Yes), ("no", Key::No)]
                    .into_iter()
                    .map(|(value, key)| RadioOption {
                        value: value.into(),
                        label: i18n.t(key).into(),
                        hint: None,
                    })
                    .collect()
            } else {
                options()
            };
            let (value, set) = text(changed);
            view! {
                <Radios
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=message
                    options=options
                    value=value
                    on_change=set
                    is_page_heading=is_page_heading
                    inline=inline
                />
            }
            .into_any()
        }
        FieldKind::MultipleChoice => {
            let (value, set) = binding(answers, &id, read_choices, Answer::Choices, changed);
            view! {
                <Checkboxes
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=message
                    options=options()
                    value=value
                    on_change=set
                    nostrip:exclusive=field.exclusive_option().map(str::to_owned)
                    is_page_heading=is_page_heading
                />
            }
            .into_any()
        }
        FieldKind::Ranking => {
            let (value, set) = binding(answers, &id, read_choices, Answer::Choices, changed);
            view! {
                <Ranking
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=message
                    options=options()
                    place_labels=(1..=field.ranking_places())
                        .map(|n| fill(i18n.t(Key::RankingPlace), &[("n", &n.to_string())]))
                        .collect()
                    value=value
                    on_change=set
                    is_page_heading=is_page_heading
                />
            }
            .into_any()
        }
        FieldKind::Select => {
            let (value, set) = text(changed);
            view! {
                <Select
                    id=id
                    label=label
                    nostrip:hint=hint
                    error=message
                    options=options()
                    value=value
                    on_change=set
                    is_page_heading=is_page_heading
                />
            }
            .into_any()
        }
        FieldKind::Address => {
            let (value, set) = binding(answers, &id, read_address, Answer::Address, changed);
            let error_part = Signal::derive(move || {
                error.with(|e| e.as_ref().map(|e| address_error_part(e.code)))
            });
            // The checker refuses any other value, so an unknown one is not filled in.
            let autocomplete = address_tokens(field.autocomplete.as_deref()).unwrap_or(["off"; 4]);
            view! {
                <AddressInput
                    id=id
                    legend=label
                    nostrip:hint=hint
                    error=message
                    error_part=error_part
                    value=value
                    on_input=set
                    is_page_heading=is_page_heading
                    autocomplete=autocomplete
                />
            }
            .into_any()
        }
        FieldKind::File => {
            let (value, set) = binding(answers, &id, read_files, Answer::Files, changed);
            let refusal_message = {
                let field = field.clone();
                Callback::new(move |refusal: FileRefusal| {
                    crate::wizard::messages::refusal_message(&field, refusal, i18n.locale())
                })
            };
            view! {
                <FileUpload
                    id=id
                    label=label
                    nostrip:hint=hint
                    error=message
                    constraints=field.constraints.clone()
                    value=value
                    on_change=set
                    refusal_message=refusal_message
                    is_page_heading=is_page_heading
                />
            }
            .into_any()
        }
        FieldKind::Declaration => {
            let (value, set) = text(changed);
            let checked = Signal::derive(move || value.with(|v| v == "yes"));
            let on_check = Callback::new(move |on: bool| {
                set.run(if on { "yes".into() } else { String::new() })
            });
            view! {
                <Checkbox id=id label=label error=message checked=checked on_change=on_check />
            }
            .into_any()
        }
        FieldKind::Info => view! {
            <div class="info">
                <h2 class="heading-m" lang=label.lang>{label.text}</h2>
                {hint.map(|h| view! { <p lang=h.lang>{h.text}</p> })}
            </div>
        }
        .into_any(),
        kind => {
            let input_kind = match kind {
                FieldKind::LongText => TextInputKind::LongText,
                FieldKind::Email => TextInputKind::Email,
                FieldKind::Postcode => TextInputKind::Postcode,
                FieldKind::Number => TextInputKind::Number,
                FieldKind::Decimal => TextInputKind::Decimal,
                FieldKind::Money => TextInputKind::Money,
                FieldKind::Phone => TextInputKind::Phone,
                FieldKind::Iban => TextInputKind::Iban,
                FieldKind::TaxId => TextInputKind::TaxId,
                FieldKind::Time => TextInputKind::Time,
                // A code of a given shape: typed as printed.
                FieldKind::Text if field.constraints.pattern.is_some() => TextInputKind::Code,
                _ => TextInputKind::Text,
            };
            let (value, set) = text(changed);
            view! {
                <TextInput
                    id=id
                    label=label
                    nostrip:hint=hint
                    error=message
                    value=value
                    on_input=set
                    is_page_heading=is_page_heading
                    kind=input_kind
                    nostrip:autocomplete=field.autocomplete.clone()
                />
            }
            .into_any()
        }
    }
}
