//! The city's catalogue of services: every service a citizen may look for, whether it
//! has a wizard in this app, is done in another online service, or in person. Grouped
//! by life situation and by category; searched on the device (crate::search).

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// `GET /catalogue`: everything the catalogue pages and the search need, in one answer
/// (cached by the app for offline use).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// "Umzug & Wohnen", "Familie & Kinder", … in the order they are shown.
    pub life_situations: Vec<Topic>,
    /// The administration's own grouping ("Ausweise & Dokumente", …).
    pub categories: Vec<Topic>,
    /// (The topics file of the catalogue folder has none; each services file is a list.)
    #[serde(default)]
    pub services: Vec<CatalogueEntry>,
    /// Words that mean the same to a citizen ("Auto", "Kfz", "Pkw", "car").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: Text,
    /// Life situations: the citizen's words for it ("Kind bekommen", "heiraten"); a
    /// query with them suggests the whole life situation (crate::search).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub category: String,
    pub life_situations: Vec<String>,
    pub channel: Channel,
    /// The wizard of this app (`channel: wizard`): a service definition's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wizard: Option<String>,
    /// Where the external online service is (`channel: online`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What to bring (`channel: in_person`), one item each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bring: Vec<Text>,
    /// "13,00 €", "kostenlos", "nach Aufwand, 50 bis 400 €".
    pub fee: Text,
    pub office: Text,
    /// The citizen's own words for it, German and English: "umgezogen",
    /// "neue Wohnung", "moved house". Phrases match when all their words are typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// One of the services citizens use most (Wohnsitz, Ausweis, Kfz …): ranked before
    /// others that match a query as well ("Umzug" → Wohnsitzanmeldung before the
    /// no-parking zone for the removal van).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub popular: bool,
}

/// How a service is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Apply with this app's wizard.
    Wizard,
    /// Apply online elsewhere (a state or federal portal).
    Online,
    /// At the office, by appointment or during opening hours.
    InPerson,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Wizard, Channel::Online, Channel::InPerson];

    pub fn name(self) -> &'static str {
        match self {
            Channel::Wizard => "wizard",
            Channel::Online => "online",
            Channel::InPerson => "in_person",
        }
    }

    pub fn from_name(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl Catalogue {
    pub fn service(&self, id: &str) -> Option<&CatalogueEntry> {
        self.services.iter().find(|s| s.id == id)
    }

    /// What is wrong with the catalogue, one line each: unknown topics, missing links,
    /// duplicates. Empty when it is sound. `wizards` are the ids of the definitions.
    pub fn problems(&self, wizards: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in &self.services {
            let at = &s.id;
            if !seen.insert(at.as_str()) {
                out.push(format!("{at}: the id is used twice"));
            }
            if s.id.is_empty()
                || !s
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                out.push(format!("{at}: ids are lowercase letters, digits and '-'"));
            }
            for (what, text) in [("name", &s.name), ("summary", &s.summary)] {
                if !(text.has("de") && text.has("en"))
                    || text.0.values().any(|t| t.trim().is_empty())
                {
                    out.push(format!("{at}: {what} needs German and English"));
                }
            }
            if !self.categories.iter().any(|c| c.id == s.category) {
                out.push(format!("{at}: unknown category '{}'", s.category));
            }
            if s.life_situations.is_empty() {
                out.push(format!("{at}: no life situation"));
            }
            for l in &s.life_situations {
                if !self.life_situations.iter().any(|t| &t.id == l) {
                    out.push(format!("{at}: unknown life situation '{l}'"));
                }
            }
            match s.channel {
                Channel::Wizard => match &s.wizard {
                    Some(w) if wizards.contains(w) => {}
                    Some(w) => out.push(format!("{at}: no service definition '{w}'")),
                    None => out.push(format!("{at}: channel 'wizard' needs 'wizard'")),
                },
                Channel::Online => {
                    if !s.url.as_deref().is_some_and(|u| u.starts_with("https://")) {
                        out.push(format!("{at}: channel 'online' needs an https 'url'"));
                    }
                }
                Channel::InPerson => {}
            }
        }
        out
    }
}
