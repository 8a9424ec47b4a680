//! A wizard's catalogue entry, said once. The entry of a service this app's wizard
//! handles takes its name and summary from the definition (its `title` and `summary`,
//! in every language the definition's translations give) and its fee from what the
//! definition works out, as the start page says it. A copy kept by hand drifts: "ab
//! 0,00 €" for a collection that costs 25 €, a German name the author has since
//! changed, a translation worded apart from the wizard's own heading.
//!
//! Only the wizard's own entry (`wizard` is the entry's `id`) takes the definition's
//! name and summary: a second entry leading to the same wizard ("Wilden Müll melden" →
//! the Mängelmelder) is another way in and keeps its own words. Every wizard entry
//! takes the definition's fee.

use super::{Catalogue, CatalogueEntry, Channel};
use crate::definition::ServiceDefinition;
use crate::format;
use crate::text::{Locale, Text};

/// The German words a catalogue entry uses for "no fee"; a wizard that charges nothing
/// keeps its entry's own words (translated with the catalogue).
pub const FREE_OF_CHARGE: &str = "kostenlos";

impl Catalogue {
    /// Fills each wizard entry from its definition: the own entry's name and summary,
    /// and every wizard entry's fee — a fixed amount in every language, or the
    /// definition's `fee.explanation` where the fee depends on the answers. Returns what
    /// cannot stand, one line per problem starting with the entry's id: a name, summary
    /// or worked-out fee the entry gives itself (a copy: leave it out), a fee that
    /// depends on the answers without an explanation, or an entry calling a wizard that
    /// charges nothing anything but free. Entries whose wizard is unknown are left to
    /// [`Catalogue::problems`]; run this before it, which names what is still missing.
    pub fn fill_from_definitions<'d>(
        &mut self,
        definition: impl Fn(&str) -> Option<&'d ServiceDefinition>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for entry in &mut self.services {
            if entry.channel != Channel::Wizard {
                continue;
            }
            let Some(def) = entry.wizard.as_deref().and_then(&definition) else {
                continue;
            };
            if def.id == entry.id {
                said_once(entry, def, &mut problems);
            }
            fee(entry, def, &mut problems);
        }
        problems
    }
}

fn said_once(entry: &mut CatalogueEntry, def: &ServiceDefinition, problems: &mut Vec<String>) {
    let id = &entry.id;
    for (member, from, text, own) in [
        ("name", "title", &def.title, &mut entry.name),
        ("summary", "summary", &def.summary, &mut entry.summary),
    ] {
        if !own.0.is_empty() {
            problems.push(format!(
                "{id}: {member}: the entry of the wizard '{id}' takes its {member} from the \
                 definition's {from}: leave it out here"
            ));
        }
        *own = text.clone();
    }
}

fn fee(entry: &mut CatalogueEntry, def: &ServiceDefinition, problems: &mut Vec<String>) {
    let id = &entry.id;
    match def.fee.fixed_amount() {
        Some(amount) if amount.cents() == 0 => {
            if entry.fee.get(Locale::De) != FREE_OF_CHARGE {
                problems.push(format!(
                    "{id}: fee: its wizard '{}' charges nothing, so the entry's fee is \
                     \"{FREE_OF_CHARGE}\", not \"{}\"",
                    def.id,
                    entry.fee.get(Locale::De)
                ));
            }
            return;
        }
        _ if !entry.fee.0.is_empty() => problems.push(format!(
            "{id}: fee: the wizard '{}' works its fee out, so the entry says what its \
             definition says: leave the fee out here",
            def.id
        )),
        _ => {}
    }
    match (def.fee.fixed_amount(), &def.fee.explanation) {
        (Some(amount), _) => {
            entry.fee = Text(
                Locale::ALL
                    .into_iter()
                    .map(|l| (l.code().to_owned(), format::money(amount, l)))
                    .collect(),
            );
        }
        (None, Some(explanation)) => entry.fee = explanation.clone(),
        (None, None) => problems.push(format!(
            "{id}: fee: the fee of its wizard '{}' depends on the answers, and the \
             definition has no fee.explanation to say how",
            def.id
        )),
    }
}
