//! Key and value rows, each with an optional "Change" link (check your answers).

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Said};

#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub key: Said,
    pub value: String,
    /// Where to change this answer; the link says "Change" plus a hidden `key`.
    pub change_href: Option<String>,
    /// Added to the link's hidden text where `key` alone is ambiguous ("Person 2").
    pub context: Option<String>,
    /// Said under the value: where it came from ("Aus Ihrer Anmeldung übernommen").
    pub note: Option<String>,
}

#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="summary-list">
            {rows
                    .into_iter()
                    .map(|row| {
                        let lang = row.key.lang;
                        let action = row.change_href.map(|href| {
                            let key = match &row.context {
                                Some(context) => format!("{} ({context})", row.key.text),
                                None => row.key.text.clone(),
                            };
                            view! {
                                <dd class="summary-list__actions">
                                    <a href=href>
                                        {i18n.t(Key::Change)}
                                        <span class="visually-hidden" lang=lang>{format!(" {key}")}</span>
                                    </a>
                                </dd>
                            }
                        });
                        view! {
                            <div class="summary-list__row">
                                <dt class="summary-list__key" lang=lang>{row.key.text}</dt>
                                <dd class="summary-list__value">
                                    {row.value}
                                    {row.note.map(|note| view! { <span class="summary-list__note">{note}</span> })}
                                </dd>
                                {action}
                            </div>
                        }
                    })
                    .collect_view()}
        </dl>
    }
}
