//! Search in the citizen's own words, on the device: nothing typed leaves it.
//!
//! Words are folded (case, umlauts and ß, accents: Führerschein = fuehrerschein =
//! fuhrerschein) and lightly stemmed (Anmeldungen → anmeldung), so that both sides of
//! a comparison are written alike. A word of the query then matches a word of a service
//! exactly, as the beginning of what is being typed, as a part of a compound
//! (Hund, Steuer ↔ Hundesteuer), with one or two typos, or through the catalogue's
//! synonyms (Auto = Kfz). Services carry the citizen's own phrases as keywords
//! ("neue Wohnung", "alte Möbel loswerden"); a phrase whose words are all in the query
//! counts extra. Every hit says which of the service's words it matched.

use std::collections::HashMap;

use crate::catalogue::Catalogue;
use crate::text::Locale;

/// How much a word counts, by where in the service it stands.
const NAME: f32 = 4.0;
/// The citizen's own words for a service count as much as its name.
const KEYWORD: f32 = 4.0;
const SUMMARY: f32 = 1.0;
const TOPIC: f32 = 1.0;
/// A keyword phrase of two or more words, all of them in the query.
const PHRASE_BONUS: f32 = 6.0;
/// What a word's further matches in the same service add, besides the best one.
const MORE_PLACES: f32 = 0.2;
/// A service marked popular in the catalogue, against others matching as well.
const POPULAR: f32 = 1.25;

/// How well a query word matches an indexed word.
const EXACT: f32 = 1.0;
const SYNONYM: f32 = 0.9;
const COMPOUND_PART: f32 = 0.8;
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.6;
const INFIX: f32 = 0.5;

/// Words that say nothing about the service looked for (folded, as [`fold`] writes).
const STOPWORDS: &[&str] = &[
    // German
    "ich", "bin", "habe", "hab", "hat", "hatte", "mein", "meine", "meinen", "meiner", "meines",
    "meinem", "mir", "mich", "ein", "eine", "einen", "einer", "eines", "einem", "der", "die",
    "das", "den", "dem", "des", "und", "oder", "fur", "mit", "von", "vom", "zu", "zum", "zur",
    "im", "in", "am", "an", "auf", "aus", "bei", "ist", "sind", "war", "wie", "was", "wo", "wann",
    "warum", "kann", "konnen", "muss", "mussen", "will", "wollen", "mochte", "brauche", "brauchen",
    "bitte", "nicht", "kein", "keine", "es", "sich", "wir", "sie", "er", "uns", "auch", "noch",
    "so", "da", "hier", "mal", "gerne", "jetzt", "ob", "dass", "wenn", "man", "wird", "werden",
    "soll", "sollte", "darf", "gibt", "geht", "ab", "um", "nach", "wohin", "woher", "welche",
    "welcher", "welches", "jemand", "etwas", "viel", "sehr", "mehr", // English
    "i", "my", "me", "a", "an", "the", "and", "or", "for", "with", "of", "to", "on", "at", "is",
    "are", "was", "how", "what", "where", "when", "why", "can", "do", "does", "need", "want",
    "please", "have", "has", "get", "it", "we", "our", "you", "your", "from", "about", "be",
    "should", "would", "like",
];

/// Lowercase, umlauts and ß folded (ä, ae → a; ß → ss), accents dropped; anything
/// that is not a letter or digit becomes a space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            match lower {
                'ä' | 'á' | 'à' | 'â' | 'å' | 'ã' => out.push('a'),
                'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => out.push('o'),
                'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'í' | 'ì' | 'î' | 'ï' => out.push('i'),
                'ß' => out.push_str("ss"),
                'ç' => out.push('c'),
                'ñ' => out.push('n'),
                c if c.is_alphanumeric() => out.push(c),
                _ => out.push(' '),
            }
        }
    }
    // "ae", "oe", "ue" are how umlauts are typed without them: fold them the same way
    // (on both sides, so "Steuer" and "steuer" still meet).
    out.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// The stem of one folded word: German and English inflection endings cut off where
/// enough of the word is left to mean something (alte, alten, altem → alt; Hunde →
/// hund). A plain -s only goes from longer words: Haus and Pass keep theirs.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() < 4 {
        return word.to_owned();
    }
    if let Some(base) = word.strip_suffix("ungen") {
        return format!("{base}ung");
    }
    for suffix in ["ern", "em", "en", "er", "es", "ing", "ed", "e", "n", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            let shortest = if suffix == "s" { 5 } else { 3 };
            if base.len() >= shortest {
                return base.to_owned();
            }
        }
    }
    word.to_owned()
}

/// The words of a text that count: folded, stemmed, without stopwords.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split_whitespace()
        .filter(|w| !STOPWORDS.contains(w))
        .map(stem)
        .collect()
}

/// Restricted Damerau–Levenshtein distance, or `None` once it exceeds `max`.
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; width * 3];
    let (mut before, mut previous, mut current) = (0, width, 2 * width);
    for (j, cell) in rows[previous..previous + width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[current] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[previous + j] + 1)
                .min(rows[current + j - 1] + 1)
                .min(rows[previous + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before + j - 2] + 1);
            }
            rows[current + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        (before, previous, current) = (previous, current, before);
    }
    let d = rows[previous + b.len()];
    (d <= max).then_some(d)
}

/// Typos forgiven in a word of this many letters.
fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How `query` (a folded, stemmed word; `partial` if still being typed; `known` if it is
/// a word of the catalogue itself) matches the indexed word `word`.
fn word_match(
    query: &str,
    q: &[char],
    word: &str,
    w: &[char],
    partial: bool,
    known: bool,
) -> Option<f32> {
    if query == word {
        return Some(EXACT);
    }
    let (ql, wl) = (q.len(), w.len());
    if partial && ql >= 3 && word.starts_with(query) {
        return Some(PREFIX);
    }
    // Compounds: the query is the first or last part of the word, or the word is one of
    // the query's (Hund + Steuer ↔ Hundesteuer). A part must be a word of its own, or
    // any word's tail would match ("teuer" in "Grundsteuer").
    if known && ql >= 4 && (word.starts_with(query) || word.ends_with(query)) {
        return Some(COMPOUND_PART);
    }
    if wl >= 4 && (query.starts_with(word) || query.ends_with(word)) {
        return Some(COMPOUND_PART);
    }
    if let Some(d) = distance(q, w, typos_allowed(ql.min(wl))) {
        if d > 0 {
            return Some(TYPO);
        }
    }
    // A typo'd first part of a compound, while typing: "hundsteu" → hundesteuer.
    if partial && ql >= 5 && wl > ql {
        if let Some(d) = distance(q, &w[..ql], typos_allowed(ql)) {
            if d > 0 {
                return Some(TYPO * PREFIX);
            }
        }
    }
    if ql >= 5 && word.contains(query) {
        return Some(INFIX);
    }
    None
}

/// One word of the index: where it occurs and how it was written there.
struct Word {
    text: String,
    chars: Vec<char>,
    /// (service, field weight, what to show as the reason).
    postings: Vec<(u32, f32, u32)>,
    idf: f32,
}

/// A keyword phrase of a service: its words (ids into the index), and its text.
struct Phrase {
    service: u32,
    words: Vec<u32>,
    shown: u32,
}

/// The search index of one catalogue, built on the device.
pub struct SearchIndex {
    words: Vec<Word>,
    /// Reasons, as written in the catalogue ("Umzug", "neue Wohnung").
    shown: Vec<String>,
    phrases: Vec<Phrase>,
    /// Stemmed word → the ids of the words that mean the same.
    synonyms: HashMap<String, Vec<u32>>,
    /// Stemmed word → its id.
    ids: HashMap<String, u32>,
    /// Per service: marked popular.
    popular: Vec<bool>,
    services: usize,
}

/// What one service matched of a query: per query word, and the ids of the words hit
/// (for phrases).
struct Found {
    words: Vec<WordScore>,
    hit: Vec<u32>,
}

/// How one query word fared in one service.
#[derive(Clone, Copy, Default)]
struct WordScore {
    /// The best match's score, and its reason.
    best: f32,
    shown: u32,
    /// All matches' scores together.
    all: f32,
    /// The closest kind of match (EXACT, SYNONYM, … TYPO).
    closest: f32,
}

/// One result: the service (its index in the catalogue), how well it matched, and the
/// catalogue's words it matched, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub service: usize,
    pub score: f32,
    pub reasons: Vec<String>,
}

impl SearchIndex {
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        let mut index = SearchIndex {
            words: Vec::new(),
            shown: Vec::new(),
            phrases: Vec::new(),
            synonyms: HashMap::new(),
            ids: HashMap::new(),
            popular: catalogue.services.iter().map(|s| s.popular).collect(),
            services: catalogue.services.len(),
        };
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut shown_ids: HashMap<String, u32> = HashMap::new();
        let topic_name = |topics: &[crate::catalogue::Topic], id: &str, locale| {
            topics
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.get(locale).to_owned())
                .unwrap_or_default()
        };
        for (n, service) in catalogue.services.iter().enumerate() {
            let n = n as u32;
            let mut texts: Vec<(String, f32, bool)> = Vec::new();
            for locale in [Locale::De, Locale::En] {
                texts.push((service.name.get(locale).to_owned(), NAME, false));
                texts.push((service.summary.get(locale).to_owned(), SUMMARY, false));
                texts.push((
                    topic_name(&catalogue.categories, &service.category, locale),
                    TOPIC,
                    false,
                ));
                for l in &service.life_situations {
                    texts.push((
                        topic_name(&catalogue.life_situations, l, locale),
                        TOPIC,
                        false,
                    ));
                }
            }
            for k in &service.keywords {
                texts.push((k.clone(), KEYWORD, true));
            }
            for (text, weight, is_keyword) in texts {
                let mut phrase_words = Vec::new();
                let phrase_shown = index.add_shown(&mut shown_ids, &text);
                for original in text.split(|c: char| !c.is_alphanumeric()) {
                    let stemmed = words(original);
                    let Some(stemmed) = stemmed.into_iter().next() else {
                        continue;
                    };
                    let shown = if is_keyword {
                        phrase_shown
                    } else {
                        index.add_shown(&mut shown_ids, original)
                    };
                    let id = index.word_id(&mut ids, &stemmed);
                    // Services are indexed in turn: only the last posting can be this one's.
                    let postings = &mut index.words[id as usize].postings;
                    match postings.last_mut() {
                        Some(p) if p.0 == n => {
                            if p.1 < weight {
                                *p = (n, weight, shown);
                            }
                        }
                        _ => postings.push((n, weight, shown)),
                    }
                    phrase_words.push(id);
                }
                if is_keyword && phrase_words.len() > 1 {
                    index.phrases.push(Phrase {
                        service: n,
                        words: phrase_words,
                        shown: phrase_shown,
                    });
                }
            }
        }
        for group in &catalogue.synonyms {
            let members: Vec<u32> = group
                .iter()
                .filter_map(|w| words(w).into_iter().next())
                .map(|w| index.word_id(&mut ids, &w))
                .collect();
            for &m in &members {
                let others: Vec<u32> = members.iter().copied().filter(|&o| o != m).collect();
                index
                    .synonyms
                    .entry(index.words[m as usize].text.clone())
                    .or_default()
                    .extend(others);
            }
        }
        index.ids = ids;
        let total = index.services.max(1) as f32;
        for word in &mut index.words {
            let df = word.postings.len().max(1) as f32;
            word.idf = (1.0 + total / df).ln();
        }
        index
    }

    fn add_shown(&mut self, shown: &mut HashMap<String, u32>, text: &str) -> u32 {
        let text = text.trim();
        if let Some(&id) = shown.get(text) {
            return id;
        }
        self.shown.push(text.to_owned());
        let id = (self.shown.len() - 1) as u32;
        shown.insert(text.to_owned(), id);
        id
    }

    fn word_id(&mut self, ids: &mut HashMap<String, u32>, word: &str) -> u32 {
        *ids.entry(word.to_owned()).or_insert_with(|| {
            self.words.push(Word {
                text: word.to_owned(),
                chars: word.chars().collect(),
                postings: Vec::new(),
                idf: 0.0,
            });
            (self.words.len() - 1) as u32
        })
    }

    /// The best `limit` services for `query`, best first. The last word counts as still
    /// being typed unless the query ends in a space.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query_words = words(query);
        if query_words.is_empty() {
            return Vec::new();
        }
        let typing = !query.ends_with(char::is_whitespace);
        let count = query_words.len();
        // Per service and query word: the best (score, reason) and the sum of all
        // matches (a word in name, summary and keywords counts more than in one); and
        // the words hit, for phrases.
        let mut found: HashMap<u32, Found> = HashMap::new();
        for (qi, q) in query_words.iter().enumerate() {
            let partial = typing && qi + 1 == count;
            let q_chars: Vec<char> = q.chars().collect();
            let known = self
                .ids
                .get(q.as_str())
                .map(|&id| self.words[id as usize].idf);
            let mut matched: Vec<(u32, f32)> = Vec::new();
            for (id, word) in self.words.iter().enumerate() {
                let m = word_match(
                    q,
                    &q_chars,
                    &word.text,
                    &word.chars,
                    partial,
                    known.is_some(),
                );
                if let Some(m) = m {
                    matched.push((id as u32, m));
                }
            }
            // Synonyms of what the word is (exactly) in the index; not of a compound it
            // is part of ("Bibliotheksausweis" is no synonym of "Personalausweis").
            let exact: Vec<u32> = matched
                .iter()
                .filter(|(_, m)| *m >= EXACT)
                .map(|(id, _)| *id)
                .collect();
            for id in exact {
                if let Some(others) = self.synonyms.get(&self.words[id as usize].text) {
                    matched.extend(others.iter().map(|&o| (o, SYNONYM)));
                }
            }
            for (id, m) in matched {
                let word = &self.words[id as usize];
                // A common word typed says little, even where it is part of a rare
                // compound: the rarer of the two counts.
                let idf = known.map_or(word.idf, |k| k.min(word.idf));
                for &(service, weight, shown) in &word.postings {
                    let score = m * weight * idf;
                    let entry = found.entry(service).or_insert_with(|| Found {
                        words: vec![WordScore::default(); count],
                        hit: Vec::new(),
                    });
                    let slot = &mut entry.words[qi];
                    slot.all += score;
                    slot.closest = slot.closest.max(m);
                    if score > slot.best {
                        (slot.best, slot.shown) = (score, shown);
                    }
                    if m >= TYPO {
                        entry.hit.push(id);
                    }
                }
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .map(|(service, Found { words, hit })| {
                let matched = words.iter().filter(|w| w.best > 0.0).count();
                let coverage = matched as f32 / count as f32;
                let sum: f32 = words
                    .iter()
                    .map(|w| w.best + MORE_PLACES * (w.all - w.best))
                    .sum();
                let mut score = sum * coverage * coverage;
                // Only where every word of the query is found as written (or as a
                // synonym): a popular service must not pass a better match by a part
                // of a compound or a typo ("Bibliotheksausweis" is not "Ausweis").
                let close = words.iter().all(|w| w.closest >= SYNONYM);
                if close && self.popular.get(service as usize) == Some(&true) {
                    score *= POPULAR;
                }
                let mut reasons: Vec<(f32, u32)> = words
                    .iter()
                    .filter(|w| w.best > 0.0)
                    .map(|w| (w.best, w.shown))
                    .collect();
                for phrase in self.phrases.iter().filter(|p| p.service == service) {
                    if phrase.words.iter().all(|w| hit.contains(w)) {
                        score += PHRASE_BONUS;
                        reasons.push((f32::MAX, phrase.shown));
                    }
                }
                reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
                let mut shown: Vec<String> = Vec::new();
                for (_, r) in reasons {
                    let text = &self.shown[r as usize];
                    if !shown.iter().any(|s| s.eq_ignore_ascii_case(text)) && shown.len() < 3 {
                        shown.push(text.clone());
                    }
                }
                Hit {
                    service: service as usize,
                    score,
                    reasons: shown,
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.service.cmp(&b.service)));
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_sharp_s_fold_every_way_they_are_typed() {
        assert_eq!(fold("Führerschein"), fold("fuehrerschein"));
        assert_eq!(fold("Führerschein"), fold("FUHRERSCHEIN"));
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Straße"), fold("strasse"));
        assert_eq!(fold("Café-Erlaubnis"), "cafe erlaubnis");
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(stem("anmeldungen"), stem("anmeldung"));
        assert_eq!(stem(&fold("Hunde")), stem(&fold("Hund")));
        assert_eq!(stem("permits"), stem("permit"));
        assert_eq!(words("Ich möchte meinen Hund anmelden"), ["hund", "anmeld"]);
    }

    use crate::catalogue::{CatalogueEntry, Channel, Topic};
    use crate::text::Text;

    fn entry(id: &str, de: &str, en: &str, keywords: &[&str]) -> CatalogueEntry {
        CatalogueEntry {
            id: id.into(),
            name: Text::new(de, en),
            summary: Text::new("", ""),
            category: "c".into(),
            life_situations: vec!["l".into()],
            channel: Channel::InPerson,
            wizard: None,
            url: None,
            bring: vec![],
            fee: Text::new("kostenlos", "free"),
            office: Text::new("Amt", "Office"),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            popular: false,
            offices: vec![],
        }
    }

    fn catalogue() -> Catalogue {
        Catalogue {
            life_situations: vec![Topic {
                id: "l".into(),
                name: Text::new("Leben", "Life"),
                intro: None,
                first: vec![],
            }],
            categories: vec![Topic {
                id: "c".into(),
                name: Text::new("Bürgerdienste", "Citizen services"),
                intro: None,
                first: vec![],
            }],
            services: vec![
                entry("hundesteuer", "Hundesteuer", "Dog tax", &[]),
                entry(
                    "anmeldung",
                    "Wohnsitzanmeldung",
                    "Registering an address",
                    &["Umzug", "neue Wohnung"],
                ),
                entry(
                    "sperrmuell",
                    "Sperrmüll",
                    "Bulky waste",
                    &["alte Möbel loswerden"],
                ),
                entry(
                    "fuehrerschein",
                    "Führerschein umtauschen",
                    "Exchange a driving licence",
                    &[],
                ),
                entry("zulassung", "Fahrzeug zulassen", "Register a vehicle", &[]),
                entry("grundsteuer", "Grundsteuer", "Property tax", &[]),
                entry("moebelbank", "Möbelbörse", "Furniture exchange", &[]),
            ],
            synonyms: vec![vec!["Auto".into(), "Fahrzeug".into(), "car".into()]],
            offices: vec![],
        }
    }

    fn first(query: &str) -> Option<String> {
        let c = catalogue();
        let hits = SearchIndex::build(&c).search(query, 3);
        hits.first().map(|h| c.services[h.service].id.clone())
    }

    #[test]
    fn umlauts_and_their_spellings_find_the_same_service() {
        for q in [
            "Führerschein",
            "fuehrerschein",
            "fuhrerschein",
            "FÜHRERSCHEIN ",
        ] {
            assert_eq!(first(q).as_deref(), Some("fuehrerschein"), "{q}");
        }
    }

    #[test]
    fn compounds_are_found_by_their_parts_and_parts_by_compounds() {
        assert_eq!(first("hund").as_deref(), Some("hundesteuer"));
        assert_eq!(first("Steuer für den Hund").as_deref(), Some("hundesteuer"));
        assert_eq!(first("Wohnsitz").as_deref(), Some("anmeldung"));
        // A word's mere tail is not a part: "teuer" is not in "Grundsteuer".
        let c = catalogue();
        let teuer = SearchIndex::build(&c).search("teuer ", 3);
        assert!(
            teuer.iter().all(|h| h.score < 1.0),
            "weak matches only: {teuer:?}"
        );
    }

    #[test]
    fn inflected_forms_and_typos_are_forgiven() {
        assert_eq!(first("Anmeldungen").as_deref(), Some("anmeldung"));
        assert_eq!(first("Hundesteur").as_deref(), Some("hundesteuer"));
        assert_eq!(first("Hundestuer").as_deref(), Some("hundesteuer"));
        assert_eq!(first("Sperrmühl").as_deref(), Some("sperrmuell"));
        assert_eq!(
            first("Fuehrerschien umtauschne").as_deref(),
            Some("fuehrerschein")
        );
    }

    #[test]
    fn synonyms_and_phrases_count_and_say_why() {
        assert_eq!(first("Auto anmelden").as_deref(), Some("zulassung"));
        assert_eq!(first("register my car").as_deref(), Some("zulassung"));
        let c = catalogue();
        let index = SearchIndex::build(&c);
        let hits = index.search("alte Möbel loswerden", 3);
        assert_eq!(c.services[hits[0].service].id, "sperrmuell");
        assert_eq!(hits[0].reasons[0], "alte Möbel loswerden");
        // Möbel alone also fits the furniture exchange; the phrase decides.
        assert!(hits
            .iter()
            .any(|h| c.services[h.service].id == "moebelbank"));
        let moved = index.search("neue Wohnung", 3);
        assert_eq!(c.services[moved[0].service].id, "anmeldung");
        assert_eq!(moved[0].reasons[0], "neue Wohnung");
    }

    #[test]
    fn popular_services_come_first_among_equal_matches() {
        let mut c = catalogue();
        c.services.push(entry(
            "halteverbot",
            "Halteverbot",
            "No parking",
            &["Umzug"],
        ));
        c.services[1].popular = true; // anmeldung
        let index = SearchIndex::build(&c);
        let umzug = index.search("Umzug", 3);
        assert_eq!(c.services[umzug[0].service].id, "anmeldung");
        // Not popular, the same match ranks by its place in the catalogue only.
        c.services[1].popular = false;
        c.services.swap(1, 7);
        let index = SearchIndex::build(&c);
        let umzug = index.search("Umzug", 3);
        assert_eq!(c.services[umzug[0].service].id, "halteverbot");
    }

    #[test]
    fn the_word_being_typed_matches_as_a_beginning() {
        assert_eq!(first("Sperr").as_deref(), Some("sperrmuell"));
        assert_eq!(first("Führersch").as_deref(), Some("fuehrerschein"));
        // Once the word is finished (a space follows), a beginning counts less.
        let c = catalogue();
        let index = SearchIndex::build(&c);
        assert!(index.search("Sperr", 1)[0].score > index.search("Sperr ", 1)[0].score);
    }

    #[test]
    fn empty_filler_and_hostile_queries_find_nothing_and_never_fail() {
        let c = catalogue();
        let index = SearchIndex::build(&c);
        for q in ["", "   ", "ich bin und", "!!!", "\u{0}\u{202e}", "ﷺ 🐕"] {
            assert!(index.search(q, 3).is_empty(), "{q:?}");
        }
        let long = "Hundesteuer ".repeat(2000);
        assert_eq!(
            c.services[index.search(&long, 3)[0].service].id,
            "hundesteuer"
        );
    }

    #[test]
    fn distance_counts_typos_and_swaps() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("sperrmul"), &c("sperrmull"), 2), Some(1));
        assert_eq!(distance(&c("hnud"), &c("hund"), 1), Some(1));
        assert_eq!(distance(&c("abc"), &c("xyz"), 2), None);
    }
}
