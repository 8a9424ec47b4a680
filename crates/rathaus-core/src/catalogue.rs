//! The city's catalogue of services: every service a citizen may look for, whether it
//! has a wizard in this app, is done in another online service, or in person. Grouped
//! by life situation and by category; searched on the device (crate::search).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::json::Wire;
use crate::offices::Office;
use crate::text::{Locale, Text};

mod wizard_entries;
pub use wizard_entries::FREE_OF_CHARGE;

/// `GET /catalogue`: everything the catalogue pages and the search need, in one answer
/// (cached by the app for offline use).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Where services are done in person (`catalogue/offices.json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Topic {
    pub id: String,
    /// Life situations: what matters first, in plain words, shown under the heading
    /// ("Wenn Sie umziehen, müssen Sie sich innerhalb von zwei Wochen anmelden.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Life situations: the services that matter most in it, listed first in this
    /// order (see [`Catalogue::services_in`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first: Vec<String>,
    pub name: Text,
    /// Life situations: the citizen's words for it ("Kind bekommen", "heiraten"); a
    /// query with them suggests the whole life situation (crate::search).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The words of readers of other languages, per language (from the catalogue's
    /// translations, docs/translations.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keywords_by_language: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueEntry {
    pub id: String,
    /// A wizard's own entry leaves name and summary out: they are its definition's
    /// title and summary (Catalogue::fill_from_definitions).
    #[serde(default)]
    pub name: Text,
    #[serde(default)]
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
    /// "13,00 €", "kostenlos", "nach Aufwand, 50 bis 400 €". A wizard's entry says what
    /// its definition works out, and leaves it out here (Catalogue::fill_from_definitions).
    #[serde(default)]
    pub fee: Text,
    pub office: Text,
    /// The citizen's own words for it, German and English: "umgezogen",
    /// "neue Wohnung", "moved house". Phrases match when all their words are typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The citizen's words in other languages, per language (from the catalogue's
    /// translations, docs/translations.md): "köpek vergisi", "податок на собаку".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keywords_by_language: BTreeMap<String, Vec<String>>,
    /// One of the services citizens use most (Wohnsitz, Ausweis, Kfz …): ranked before
    /// others that match a query as well ("Umzug" → Wohnsitzanmeldung before the
    /// no-parking zone for the removal van).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub popular: bool,
    /// The ids of the offices where it is done (needed for `in_person`) or where
    /// citizens get help with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<String>,
}

/// How a service is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
}

/// `GET /catalogue/overview`: what the front page shows — every life situation and area
/// with the number of services in it, and the most used of the services this app's
/// wizards handle. A first visit loads this, not the whole catalogue: the catalogue
/// comes on the first search or topic page, and lists every wizard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Overview {
    pub life_situations: Vec<TopicCount>,
    pub categories: Vec<TopicCount>,
    /// The entries with `channel: wizard` marked `popular`, in the catalogue's order:
    /// a first visit's bytes do not grow with every service that gets a wizard.
    pub online: Vec<CatalogueEntry>,
    /// How many entries have `channel: wizard` in all.
    #[serde(default)]
    pub online_count: u32,
}

/// A topic's link on the front page: its name and how many services it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Wire)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TopicCount {
    pub id: String,
    pub name: Text,
    pub count: u32,
}

/// Which list of topics a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicKind {
    LifeSituation,
    Category,
}

impl Catalogue {
    pub fn service(&self, id: &str) -> Option<&CatalogueEntry> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn office(&self, id: &str) -> Option<&Office> {
        self.offices.iter().find(|o| o.id == id)
    }

    pub fn topics(&self, kind: TopicKind) -> &[Topic] {
        match kind {
            TopicKind::LifeSituation => &self.life_situations,
            TopicKind::Category => &self.categories,
        }
    }

    /// The services of a life situation or an area, in the order its page lists them:
    /// the life situation's `first` in their order, then the `popular` ones, then the
    /// rest; within each by name in `locale`. Areas have no `first`.
    pub fn services_in(&self, kind: TopicKind, id: &str, locale: Locale) -> Vec<&CatalogueEntry> {
        let first: &[String] = self
            .topics(kind)
            .iter()
            .find(|t| t.id == id)
            .map_or(&[], |t| &t.first);
        let (mut popular, mut rest): (Vec<&CatalogueEntry>, Vec<&CatalogueEntry>) = self
            .services
            .iter()
            .filter(|e| match kind {
                TopicKind::LifeSituation => e.life_situations.iter().any(|l| l == id),
                TopicKind::Category => e.category == id,
            })
            .filter(|e| !first.contains(&e.id))
            .partition(|e| e.popular);
        // One sort by name for both groups: each sort costs the app its own code.
        for group in [&mut popular, &mut rest] {
            group.sort_by_key(|e| crate::text::fold(e.name.get(locale)));
        }
        let mut entries: Vec<&CatalogueEntry> =
            first.iter().filter_map(|f| self.service(f)).collect();
        entries.extend(popular);
        entries.extend(rest);
        entries
    }

    /// The front page's part of the catalogue; each count is the length of the topic's
    /// page list ([`Catalogue::services_in`]).
    pub fn overview(&self) -> Overview {
        let counts = |kind: TopicKind| {
            self.topics(kind)
                .iter()
                .map(|t| TopicCount {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    count: self
                        .services
                        .iter()
                        .filter(|e| match kind {
                            TopicKind::LifeSituation => e.life_situations.contains(&t.id),
                            TopicKind::Category => e.category == t.id,
                        })
                        .count() as u32,
                })
                .collect()
        };
        Overview {
            life_situations: counts(TopicKind::LifeSituation),
            categories: counts(TopicKind::Category),
            online_count: self
                .services
                .iter()
                .filter(|e| e.channel == Channel::Wizard)
                .count() as u32,
            online: self
                .services
                .iter()
                .filter(|e| e.channel == Channel::Wizard && e.popular)
                // The front page shows them; their words are for the search, which
                // reads the whole catalogue.
                .map(|e| CatalogueEntry {
                    keywords: Vec::new(),
                    keywords_by_language: BTreeMap::new(),
                    ..e.clone()
                })
                .collect(),
        }
    }

    /// What is wrong with the catalogue, one line each: unknown topics or offices,
    /// missing links, duplicates, an office's bad hours or addresses. Empty when it is
    /// sound. `wizards` are the ids of the definitions.
    pub fn problems(&self, wizards: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in &self.services {
            if !seen.insert(s.id.as_str()) {
                out.push(format!("{}: the id is used twice", s.id));
            }
            self.entry_problems(s, wizards, &mut out);
        }
        let mut seen = std::collections::HashSet::new();
        for o in &self.offices {
            let at = &o.id;
            if !seen.insert(at.as_str()) {
                out.push(format!("office {at}: the id is used twice"));
            }
            if !is_id(at) {
                out.push(format!(
                    "office {at}: ids are lowercase letters, digits and '-'"
                ));
            }
            out.extend(
                o.problems()
                    .into_iter()
                    .map(|p| format!("office {at}: {p}")),
            );
        }
        for t in &self.life_situations {
            let at = &t.id;
            if let Some(k) = t.keywords.iter().find(|k| k.contains([',', ';'])) {
                out.push(format!(
                    "life situation {at}: keyword '{k}' has a comma or semicolon: make it two keywords"
                ));
            }
            if !t.intro.as_ref().is_some_and(|i| i.has("de") && i.has("en")) {
                out.push(format!(
                    "life situation {at}: intro needs German and English"
                ));
            }
            for (n, f) in t.first.iter().enumerate() {
                if t.first[..n].contains(f) {
                    out.push(format!(
                        "life situation {at}: '{f}' is named twice in first"
                    ));
                }
                if !self
                    .service(f)
                    .is_some_and(|s| s.life_situations.contains(at))
                {
                    out.push(format!(
                        "life situation {at}: first names '{f}', not one of its services"
                    ));
                }
            }
        }
        out
    }

    fn entry_problems(&self, s: &CatalogueEntry, wizards: &[String], out: &mut Vec<String>) {
        let at = &s.id;
        if !is_id(at) {
            out.push(format!("{at}: ids are lowercase letters, digits and '-'"));
        }
        for (what, text) in [("name", &s.name), ("summary", &s.summary), ("fee", &s.fee)] {
            if !(text.has("de") && text.has("en")) || text.0.values().any(|t| t.trim().is_empty()) {
                out.push(format!("{at}: {what} needs German and English"));
            }
        }
        // Translators get a list of keywords as one text, its words joined by commas.
        if let Some(k) = s.keywords.iter().find(|k| k.contains([',', ';'])) {
            out.push(format!(
                "{at}: keyword '{k}' has a comma or semicolon: make it two keywords"
            ));
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
        for o in &s.offices {
            if self.office(o).is_none() {
                out.push(format!("{at}: unknown office '{o}'"));
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
            Channel::InPerson => {
                if s.offices.is_empty() {
                    out.push(format!("{at}: channel 'in_person' needs 'offices'"));
                }
            }
        }
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
