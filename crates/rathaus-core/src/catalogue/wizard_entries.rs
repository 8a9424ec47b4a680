//! A wizard's fee, said once: its definition works the fee out, so its catalogue entry
//! says what the definition's start page says rather than a copy kept by hand (which
//! drifts: "ab 0,00 €" for a collection that costs 25 €).

use super::{Catalogue, Channel};
use crate::definition::ServiceDefinition;
use crate::format;
use crate::text::{Locale, Text};

/// The German words a catalogue entry uses for "no fee"; a wizard that charges nothing
/// keeps its entry's own words (translated with the catalogue).
pub const FREE_OF_CHARGE: &str = "kostenlos";

impl Catalogue {
    /// Sets each wizard entry's fee from its definition, as the start page shows it:
    /// a fixed amount in every language, or the definition's `fee.explanation` where the
    /// fee depends on the answers. What cannot be said that way is returned, one line
    /// per entry (its id first): a fee that depends on the answers without an
    /// explanation, or an entry calling a wizard that charges nothing anything but
    /// free. Entries whose wizard is unknown are left to [`Catalogue::problems`].
    pub fn fees_from_definitions<'d>(
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
            match def.fee.fixed_amount() {
                Some(amount) if amount.cents() == 0 => {
                    if entry.fee.get(Locale::De) != FREE_OF_CHARGE {
                        problems.push(format!(
                            "{}: fee: its wizard '{}' charges nothing, so the entry's fee is \
                             \"{FREE_OF_CHARGE}\", not \"{}\"",
                            entry.id,
                            def.id,
                            entry.fee.get(Locale::De)
                        ));
                    }
                }
                Some(amount) => {
                    entry.fee = Text(
                        Locale::ALL
                            .into_iter()
                            .map(|l| (l.code().to_owned(), format::money(amount, l)))
                            .collect(),
                    );
                }
                None => match &def.fee.explanation {
                    Some(explanation) => entry.fee = explanation.clone(),
                    None => problems.push(format!(
                        "{}: fee: the fee of its wizard '{}' depends on the answers, and the \
                         definition has no fee.explanation to say how",
                        entry.id, def.id
                    )),
                },
            }
        }
        problems
    }
}
