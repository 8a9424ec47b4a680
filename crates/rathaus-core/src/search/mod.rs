//! Search in the citizen's own words, on the device: nothing typed leaves it.
//!
//! Words are folded (case, umlauts and ß, accents: Führerschein = fuehrerschein =
//! fuhrerschein) and lightly stemmed (Anmeldungen → anmeldung, abgemeldet → abmeld),
//! so that both sides of a comparison are written alike ([`text`]). A word of the query
//! then matches a word of a service exactly, as the beginning of what is being typed,
//! as a part of a compound (Hund, Steuer ↔ Hundesteuer), with one or two typos where
//! that is safe, or through the catalogue's synonyms (Auto = Kfz; "neue Wohnung" =
//! Umzug). Services carry the citizen's own phrases as keywords ("alte Möbel
//! loswerden"); a phrase whose words are all in the query counts extra. Words that
//! only fill a sentence ("alte", "loswerden") count only in such a phrase. Every hit
//! says which of the service's words it matched; a query about a life situation
//! ("Hochzeit") names it too ([`SearchIndex::life_situation`]).

mod index;
mod query;
mod text;

use std::collections::HashMap;

pub use crate::text::fold;
pub use index::SearchIndex;
pub use text::{stem, words};

use query::QueryWord;

// All the weights are here, also those only `query` uses: they are tuned together.

/// A keyword phrase of two or more words, all of them in the query.
const PHRASE_BONUS: f32 = 6.0;
/// What a word's further matches in the same service add, besides the best one.
const MORE_PLACES: f32 = 0.2;
/// A service marked popular in the catalogue, against others matching as well.
const POPULAR: f32 = 1.25;
/// Results scoring less than this share of the best one are left out: they matched a
/// side word only ("alte Akten" beside "alte Möbel loswerden") and bury the answer.
const RELATIVE_FLOOR: f32 = 0.2;

/// How well a query word matches an indexed word.
const EXACT: f32 = 1.0;
const SYNONYM: f32 = 0.9;
const COMPOUND_PART: f32 = 0.8;
const PREFIX: f32 = 0.7;
const TYPO: f32 = 0.6;
const INFIX: f32 = 0.5;
/// A query word's own matches where it is part of a synonym of several words.
const INSIDE_PHRASE_SYNONYM: f32 = 0.5;
/// A part of a query word that is itself a word of the catalogue.
const KNOWN_COMPOUND_PART: f32 = 0.15;

/// Typos into a word the catalogue has only in English are forgiven from this length
/// on: a short German word is all too often one letter away from a short English one
/// (Hund, fund; Haus, house).
const SHORTEST_ENGLISH_TYPO: usize = 7;

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
    /// The best `limit` services for `query`, best first. The last word counts as still
    /// being typed unless the query ends in a space.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = self.query(query);
        if query.is_empty() {
            return Vec::new();
        }
        let count = query.len();
        let content = query.iter().filter(|q| !q.filler).count();
        // Per query word: (word, kind of match, counted as rare as the word itself).
        let mut per_word: Vec<Vec<(u32, f32, bool)>> = query
            .iter()
            .map(|q| {
                let own = q.known.is_none();
                self.matches(q)
                    .into_iter()
                    .map(|(id, m)| (id, m, own))
                    .collect()
            })
            .collect();
        // A synonym of several words counts for its words that are not fillers, shared,
        // and as rare as its group's words: "neue Wohnung" says more than "Wohnung".
        // Its words alone count for less: "neue Wohnung" is about moving, not about
        // every service with a flat in it.
        for (n, at) in self.phrase_synonyms_in(&query) {
            let carriers: Vec<usize> = at.into_iter().filter(|&i| !query[i].filler).collect();
            for &i in &carriers {
                let m = SYNONYM / carriers.len() as f32;
                let group = &self.phrase_synonyms[n].group;
                per_word[i]
                    .iter_mut()
                    .for_each(|(_, own, _)| *own *= INSIDE_PHRASE_SYNONYM);
                per_word[i].extend(group.iter().map(|&g| (g, m, true)));
            }
        }
        // Per service and query word: the best (score, reason) and the sum of all
        // matches (a word in name, summary and keywords counts more than in one); and
        // the words hit, for phrases.
        let mut found: HashMap<u32, Found> = HashMap::new();
        for (qi, matched) in per_word.into_iter().enumerate() {
            let q = &query[qi];
            let known_idf = q.known.map_or(f32::MAX, |k| self.words[k as usize].idf);
            for (id, m, own) in matched {
                let word = &self.words[id as usize];
                // A common word typed says little, even where it is part of a rare
                // compound: the rarer of the two counts.
                let idf = if own {
                    word.idf
                } else {
                    known_idf.min(word.idf)
                };
                for &(service, weight, shown) in &word.postings {
                    let entry = found.entry(service).or_insert_with(|| Found {
                        words: vec![WordScore::default(); count],
                        hit: Vec::new(),
                    });
                    if m >= TYPO {
                        entry.hit.push(id);
                    }
                    if q.filler {
                        continue;
                    }
                    let score = m * weight * idf;
                    let slot = &mut entry.words[qi];
                    slot.all += score;
                    slot.closest = slot.closest.max(m);
                    if score > slot.best {
                        (slot.best, slot.shown) = (score, shown);
                    }
                }
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .filter_map(|(service, found)| self.hit(service, found, &query, content))
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.service.cmp(&b.service)));
        let floor = hits.first().map_or(0.0, |h| h.score * RELATIVE_FLOOR);
        hits.retain(|h| h.score >= floor);
        hits.truncate(limit);
        hits
    }

    /// One service's score and reasons; `None` where only fillers matched.
    fn hit(&self, service: u32, found: Found, query: &[QueryWord], content: usize) -> Option<Hit> {
        let Found { words, hit } = found;
        let matched = words.iter().filter(|w| w.best > 0.0).count();
        let coverage = matched as f32 / content.max(1) as f32;
        let sum: f32 = words
            .iter()
            .map(|w| w.best + MORE_PLACES * (w.all - w.best))
            .sum();
        let mut score = sum * coverage * coverage;
        // Only where every word of the query is found as written (or as a synonym): a
        // popular service must not pass a better match by a part of a compound or a
        // typo ("Bibliotheksausweis" is not "Ausweis").
        let close = words
            .iter()
            .zip(query)
            .all(|(w, q)| q.filler || w.closest >= SYNONYM);
        if close && matched > 0 && self.popular.get(service as usize) == Some(&true) {
            score *= POPULAR;
        }
        let mut reasons: Vec<(f32, u32)> = words
            .iter()
            .filter(|w| w.best > 0.0)
            .map(|w| (w.best, w.shown))
            .collect();
        for phrase in &self.phrases[service as usize] {
            if phrase.words.iter().all(|w| hit.contains(w)) {
                score += PHRASE_BONUS;
                reasons.push((f32::MAX, phrase.shown));
            }
        }
        if score <= 0.0 {
            return None;
        }
        reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut shown: Vec<String> = Vec::new();
        for (_, r) in reasons {
            let text = &self.shown[r as usize];
            if !shown.iter().any(|s| s.eq_ignore_ascii_case(text)) && shown.len() < 3 {
                shown.push(text.clone());
            }
        }
        Some(Hit {
            service: service as usize,
            score,
            reasons: shown,
        })
    }

    /// The life situation the query is about (its index in the catalogue's
    /// `life_situations`), if any: one of its words or phrases (name or keywords:
    /// "Umzug", "Kind bekommen") is in the query as written or as a synonym, and covers
    /// at least half of the query's words that are not fillers. Words still being
    /// typed count once they are whole, so the suggestion does not flicker.
    pub fn life_situation(&self, query: &str) -> Option<usize> {
        let query = self.query(query);
        let content = query.iter().filter(|q| !q.filler).count();
        if content == 0 {
            return None;
        }
        // Per query word: the words of the catalogue it stands for.
        let mut stands: Vec<Vec<u32>> = query
            .iter()
            .map(|q| {
                let Some(&id) = self.ids.get(&q.text) else {
                    return Vec::new();
                };
                let mut ids = vec![id];
                ids.extend(self.synonyms.get(&id).into_iter().flatten());
                ids
            })
            .collect();
        for (n, at) in self.phrase_synonyms_in(&query) {
            for i in at {
                stands[i].extend(&self.phrase_synonyms[n].group);
            }
        }
        let mut best: Option<(usize, usize, usize)> = None;
        for (life, phrases) in self.life_situations.iter().enumerate() {
            let mut covered = vec![false; query.len()];
            let mut longest = 0;
            for phrase in phrases {
                let at: Option<Vec<usize>> = phrase
                    .iter()
                    .map(|w| stands.iter().position(|s| s.contains(w)))
                    .collect();
                if let Some(at) = at {
                    at.into_iter().for_each(|i| covered[i] = true);
                    longest = longest.max(phrase.len());
                }
            }
            let n = covered
                .iter()
                .zip(&query)
                .filter(|(c, q)| **c && !q.filler)
                .count();
            if n > 0 && n * 2 >= content && best.is_none_or(|(bn, bl, _)| (n, longest) > (bn, bl)) {
                best = Some((n, longest, life));
            }
        }
        best.map(|(_, _, life)| life)
    }
}

#[cfg(test)]
mod tests;
