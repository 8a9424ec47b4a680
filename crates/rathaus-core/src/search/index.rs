//! The search index of one catalogue: every word of its services (folded and
//! stemmed) with where it stands, the services' keyword phrases, the synonyms, and the
//! words of the life situations. Built once on the device.

use std::collections::HashMap;

use super::text::words_in;
use crate::catalogue::{Catalogue, Topic};
use crate::text::Locale;

/// How much a word counts, by where in the service it stands.
const NAME: f32 = 4.0;
/// The citizen's own words for a service count as much as its name.
const KEYWORD: f32 = 4.0;
const SUMMARY: f32 = 1.0;
const TOPIC: f32 = 1.0;

/// One word of the index: where it occurs and how it was written there.
pub(super) struct Word {
    pub text: String,
    pub chars: Vec<char>,
    /// (service, field weight, what to show as the reason).
    pub postings: Vec<(u32, f32, u32)>,
    pub idf: f32,
    /// Found in the services' English texts and in none of their German ones ("fund"
    /// of "funding"): no German word typed is a typo of it.
    pub english_only: bool,
}

/// A keyword phrase of a service: its words (ids into the index), and its text.
pub(super) struct Phrase {
    pub words: Vec<u32>,
    pub shown: u32,
}

/// A synonym of several words ("neue Wohnung" in the group of "Umzug"): where the
/// query has all of them, the group's single words count for them.
pub(super) struct PhraseSynonym {
    pub words: Vec<u32>,
    pub group: Vec<u32>,
}

/// The search index of one catalogue, built on the device.
pub struct SearchIndex {
    pub(super) words: Vec<Word>,
    /// Reasons, as written in the catalogue ("Umzug", "neue Wohnung").
    pub(super) shown: Vec<String>,
    /// Per service: its keyword phrases of two or more words.
    pub(super) phrases: Vec<Vec<Phrase>>,
    /// Word id → the ids of the words that mean the same.
    pub(super) synonyms: HashMap<u32, Vec<u32>>,
    pub(super) phrase_synonyms: Vec<PhraseSynonym>,
    /// Stemmed word → its id.
    pub(super) ids: HashMap<String, u32>,
    /// Per service: marked popular.
    pub(super) popular: Vec<bool>,
    /// Per life situation (in catalogue order): its name and keywords, as word ids.
    pub(super) life_situations: Vec<Vec<Vec<u32>>>,
    /// The reader's language: its texts are indexed besides German and English, and
    /// every word is stemmed for it (super::text::stem_in).
    pub(super) locale: Locale,
}

/// Where a text of a service comes from: its language decides which typos are safe.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    German,
    English,
    /// A text in the reader's language (not German or English).
    Reader,
    Keyword,
}

impl SearchIndex {
    /// The index for a German reader (German and English texts).
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        SearchIndex::build_in(catalogue, Locale::De)
    }

    /// The index for a reader of `locale`: its texts and keywords as well, where the
    /// catalogue has them (docs/search.md).
    pub fn build_in(catalogue: &Catalogue, locale: Locale) -> SearchIndex {
        // Leichte Sprache is German: its texts are searched as German ones.
        let reader = match locale {
            Locale::De | Locale::En => None,
            other => Some(other),
        };
        let mut index = SearchIndex {
            locale,
            words: Vec::new(),
            shown: Vec::new(),
            phrases: Vec::new(),
            synonyms: HashMap::new(),
            phrase_synonyms: Vec::new(),
            ids: HashMap::new(),
            popular: catalogue.services.iter().map(|s| s.popular).collect(),
            life_situations: Vec::new(),
        };
        let mut shown_ids: HashMap<String, u32> = HashMap::new();
        // Per word: seen in a German text, in an English one.
        let mut languages: Vec<(bool, bool)> = Vec::new();
        let topic_name = |topics: &[Topic], id: &str, locale| {
            topics
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.get(locale).to_owned())
                .unwrap_or_default()
        };
        for (n, service) in catalogue.services.iter().enumerate() {
            let n = n as u32;
            let mut texts: Vec<(String, f32, Source)> = Vec::new();
            let sources = [(Locale::De, Source::German), (Locale::En, Source::English)]
                .into_iter()
                .chain(reader.map(|l| (l, Source::Reader)));
            for (locale, source) in sources {
                // Where the reader's language lacks a text, German stands in: already in.
                if source == Source::Reader && !service.name.has(locale.code()) {
                    continue;
                }
                texts.push((service.name.get(locale).to_owned(), NAME, source));
                texts.push((service.summary.get(locale).to_owned(), SUMMARY, source));
                texts.push((
                    topic_name(&catalogue.categories, &service.category, locale),
                    TOPIC,
                    source,
                ));
                for l in &service.life_situations {
                    texts.push((
                        topic_name(&catalogue.life_situations, l, locale),
                        TOPIC,
                        source,
                    ));
                }
            }
            let own = reader
                .and_then(|l| service.keywords_by_language.get(l.code()))
                .into_iter()
                .flatten();
            for k in service.keywords.iter().chain(own) {
                texts.push((k.clone(), KEYWORD, Source::Keyword));
            }
            let mut phrases = Vec::new();
            for (text, weight, source) in texts {
                let mut phrase_words = Vec::new();
                let phrase_shown = index.add_shown(&mut shown_ids, &text);
                for original in text.split(|c: char| !c.is_alphanumeric()) {
                    let Some(stemmed) = words_in(original, locale).into_iter().next() else {
                        continue;
                    };
                    let shown = if source == Source::Keyword {
                        phrase_shown
                    } else {
                        index.add_shown(&mut shown_ids, original)
                    };
                    let id = index.word_id(&stemmed);
                    languages.resize(index.words.len(), (false, false));
                    let language = &mut languages[id as usize];
                    language.0 |= matches!(source, Source::German | Source::Reader);
                    language.1 |= source == Source::English;
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
                if source == Source::Keyword && phrase_words.len() > 1 {
                    phrases.push(Phrase {
                        words: phrase_words,
                        shown: phrase_shown,
                    });
                }
            }
            index.phrases.push(phrases);
        }
        for group in &catalogue.synonyms {
            let mut members = Vec::new();
            let mut phrases = Vec::new();
            for w in group {
                let ids: Vec<u32> = words_in(w, locale)
                    .iter()
                    .map(|w| index.word_id(w))
                    .collect();
                match ids.as_slice() {
                    [] => {}
                    [one] => members.push(*one),
                    _ => phrases.push(ids),
                }
            }
            for &m in &members {
                let others = members.iter().copied().filter(|&o| o != m);
                index.synonyms.entry(m).or_default().extend(others);
            }
            for words in phrases {
                index.phrase_synonyms.push(PhraseSynonym {
                    words,
                    group: members.clone(),
                });
            }
        }
        for topic in &catalogue.life_situations {
            let mut phrases = Vec::new();
            let own = reader
                .and_then(|l| topic.keywords_by_language.get(l.code()))
                .into_iter()
                .flatten();
            let names = [Locale::De, Locale::En]
                .into_iter()
                .chain(reader)
                .map(|l| topic.name.get(l));
            for text in names.chain(topic.keywords.iter().chain(own).map(String::as_str)) {
                let ids: Vec<u32> = words_in(text, locale)
                    .iter()
                    .map(|w| index.word_id(w))
                    .collect();
                if !ids.is_empty() {
                    phrases.push(ids);
                }
            }
            index.life_situations.push(phrases);
        }
        let total = catalogue.services.len().max(1) as f32;
        languages.resize(index.words.len(), (false, false));
        for (word, (german, english)) in index.words.iter_mut().zip(languages) {
            let df = word.postings.len().max(1) as f32;
            word.idf = (1.0 + total / df).ln();
            word.english_only = english && !german;
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

    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        self.words.push(Word {
            text: word.to_owned(),
            chars: word.chars().collect(),
            postings: Vec::new(),
            idf: 0.0,
            english_only: false,
        });
        let id = (self.words.len() - 1) as u32;
        self.ids.insert(word.to_owned(), id);
        id
    }

    /// The id of a stemmed word that finds something: it is in a service, or stands
    /// for one through a synonym.
    pub(super) fn known(&self, word: &str) -> Option<u32> {
        let &id = self.ids.get(word)?;
        let finds = !self.words[id as usize].postings.is_empty()
            || self.synonyms.contains_key(&id)
            || self.phrase_synonyms.iter().any(|p| p.words == [id]);
        finds.then_some(id)
    }
}
