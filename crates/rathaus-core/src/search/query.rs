//! A query's words, and which words of the index each matches and how well.

use super::index::Word;
use super::text::{distance, is_filler, query_words, typos_allowed};
use super::{
    SearchIndex, COMPOUND_PART, EXACT, INFIX, KNOWN_COMPOUND_PART, PREFIX, SHORTEST_ENGLISH_TYPO,
    SYNONYM, TYPO,
};

/// One word of a query, as the search compares it.
pub(super) struct QueryWord {
    pub text: String,
    /// As typed (folded, not stemmed): what a word being typed begins with.
    pub typed: String,
    pub chars: Vec<char>,
    /// Only fills the sentence ([`is_filler`]).
    pub filler: bool,
    /// The last word, still being typed.
    pub partial: bool,
    /// Its id where it is a word of the catalogue that finds something.
    pub known: Option<u32>,
}

/// May `q` be a typo of `w`? Only for a word the catalogue does not have as typed
/// (otherwise the citizen meant that word: "Hund" is no typo of "fund"), with the
/// same first letter (typos are rarely there, and a different first letter makes a
/// different word: Hund, Bund, Mund), and not into a short English word.
fn typo_safe(q: &QueryWord, w: &Word) -> bool {
    q.known.is_none()
        && q.chars.first() == w.chars.first()
        && !(w.english_only && w.chars.len() < SHORTEST_ENGLISH_TYPO)
}

/// How the query word `q` matches the indexed word `w`.
fn word_match(q: &QueryWord, w: &Word) -> Option<f32> {
    let (query, word) = (q.text.as_str(), w.text.as_str());
    if query == word {
        return Some(EXACT);
    }
    let (ql, wl) = (q.chars.len(), w.chars.len());
    // While typing: the beginning of a word. A short word that is already one of the
    // catalogue's is meant as typed ("car" is not the beginning of "care").
    let shortest = if q.known.is_some() { 4 } else { 3 };
    if q.partial && ql >= shortest && word.starts_with(q.typed.as_str()) {
        return Some(PREFIX);
    }
    // Compounds: the query is the first or last part of the word, or the word is one of
    // the query's (Hund + Steuer ↔ Hundesteuer). A part must be a word of its own, or
    // any word's tail would match ("teuer" in "Grundsteuer"), and a German one: the
    // English "fund" is no part of "Fundsache".
    if q.known.is_some() && ql >= 4 && (word.starts_with(query) || word.ends_with(query)) {
        return Some(COMPOUND_PART);
    }
    if wl >= 4 && !w.english_only && (query.starts_with(word) || query.ends_with(word)) {
        // A compound the catalogue has, typed whole, means the whole: "Hundesteuer" is
        // not about other taxes, "Führungszeugnis" not about guided tours.
        return Some(if q.known.is_some() {
            KNOWN_COMPOUND_PART
        } else {
            COMPOUND_PART
        });
    }
    // Inside a longer word: "meldung" in "Wohnsitzanmeldung".
    if ql >= 5 && word.contains(query) {
        return Some(INFIX);
    }
    if !typo_safe(q, w) {
        return None;
    }
    if let Some(d) = distance(&q.chars, &w.chars, typos_allowed(ql.min(wl))) {
        // In a word of four letters one changed letter makes another word (Mund,
        // Mulde): only two letters swapped count as a typo there.
        if d > 0 && (ql.min(wl) > 4 || swapped(&q.chars, &w.chars)) {
            return Some(TYPO);
        }
    }
    // A typo'd first part of a compound, while typing: "hundsteu" → hundesteuer.
    if q.partial && ql >= 5 && wl > ql {
        if let Some(d) = distance(&q.chars, &w.chars[..ql], typos_allowed(ql)) {
            if d > 0 {
                return Some(TYPO * PREFIX);
            }
        }
    }
    None
}

/// The same letters, two neighbours swapped: "hnud" for "hund".
fn swapped(a: &[char], b: &[char]) -> bool {
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    a.len() == b.len()
        && matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

impl SearchIndex {
    pub(super) fn query(&self, query: &str) -> Vec<QueryWord> {
        let typing = !query.ends_with(char::is_whitespace);
        let list = query_words(query, self.locale, |w| self.known(w).is_some());
        let last = list.len().saturating_sub(1);
        list.into_iter()
            .enumerate()
            .map(|(i, (typed, text))| QueryWord {
                typed,
                chars: text.chars().collect(),
                filler: is_filler(&text, self.locale),
                partial: typing && i == last,
                known: self.known(&text),
                text,
            })
            .collect()
    }

    /// The indexed words `q` matches, and how well.
    pub(super) fn matches(&self, q: &QueryWord) -> Vec<(u32, f32)> {
        if q.filler {
            // Only as written: it counts in a keyword phrase, nowhere else.
            return self
                .ids
                .get(&q.text)
                .map(|&id| (id, EXACT))
                .into_iter()
                .collect();
        }
        let mut matched: Vec<(u32, f32)> = self
            .words
            .iter()
            .enumerate()
            .filter_map(|(id, w)| word_match(q, w).map(|m| (id as u32, m)))
            .collect();
        // Synonyms of what the word is (exactly) in the index; not of a compound it
        // is part of ("Bibliotheksausweis" is no synonym of "Personalausweis").
        if let Some(&id) = self.ids.get(&q.text) {
            if let Some(others) = self.synonyms.get(&id) {
                matched.extend(others.iter().map(|&o| (o, SYNONYM)));
            }
        }
        matched
    }

    /// For each synonym of several words that the query has in full ("neue Wohnung"):
    /// the positions of its words in the query.
    pub(super) fn phrase_synonyms_in(&self, query: &[QueryWord]) -> Vec<(usize, Vec<usize>)> {
        let exact: Vec<Option<u32>> = query
            .iter()
            .map(|q| self.ids.get(&q.text).copied())
            .collect();
        self.phrase_synonyms
            .iter()
            .enumerate()
            .filter_map(|(n, p)| {
                let at: Option<Vec<usize>> = p
                    .words
                    .iter()
                    .map(|w| exact.iter().position(|e| *e == Some(*w)))
                    .collect();
                at.map(|at| (n, at))
            })
            .collect()
    }
}
