//! Identification and prefill: a level only with a login, a prefill only where a login
//! can fill the question in.

use super::Checker;
use crate::definition::{Field, ServiceDefinition};
use crate::identity::{Assurance, Identification};

impl Checker {
    pub(super) fn identification(&mut self, def: &ServiceDefinition) {
        match (def.identification, def.assurance) {
            (Identification::None, Some(_)) => self.push(
                "assurance",
                "an assurance level needs \"identification\": \"optional\" or \"required\"".into(),
            ),
            (_, Some(Assurance::Low)) => self.push(
                "assurance",
                "'low' is not a level a service can ask for (substantial or high)".into(),
            ),
            _ => {}
        }
    }

    pub(super) fn prefill(
        &mut self,
        at: &str,
        field: &Field,
        in_group: bool,
        def: &ServiceDefinition,
    ) {
        let Some(prefill) = &field.prefill else {
            return;
        };
        let at = format!("{at}.prefill");
        let from = prefill.from.name();
        if def.identification == Identification::None {
            self.push(
                &at,
                "a prefill needs \"identification\": \"optional\" or \"required\" on the service"
                    .into(),
            );
        }
        if in_group {
            self.push(
                &at,
                "a question of a repeatable group cannot be filled in from the login".into(),
            );
        }
        if !prefill.from.fits(field.kind) {
            self.push(
                &format!("{at}.from"),
                format!("'{from}' cannot fill in a {} question", field.kind.name()),
            );
        }
        if field.kind.has_options() {
            if prefill.values.is_empty() {
                self.push(
                    &format!("{at}.values"),
                    format!("a choice question filled in from '{from}' needs \"values\": which option each value is"),
                );
            }
            for (value, option) in &prefill.values {
                if !field.options.iter().any(|o| &o.value == option) {
                    self.push(
                        &format!("{at}.values.{value}"),
                        format!("'{option}' is not an option of this question"),
                    );
                }
            }
        } else if !prefill.values.is_empty() {
            self.push(
                &format!("{at}.values"),
                "only a choice question maps values to options".into(),
            );
        }
    }
}
