//! Words as the search compares them: folded (case, umlauts, accents), lightly
//! stemmed, without stopwords; which words only fill a sentence; and how far apart
//! two words are (typos).

use crate::text::{fold, Locale};

/// Words that say nothing about the service looked for (folded, as [`fold`] writes).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    // German
    "ich", "bin", "habe", "hab", "hat", "hatte", "mein", "meine", "meinen", "meiner",
    "meines", "meinem", "mir", "mich", "ein", "eine", "einen", "einer", "eines", "einem",
    "der", "die", "das", "den", "dem", "des", "und", "oder", "fur", "mit", "von", "vom",
    "zu", "zum", "zur", "im", "in", "am", "an", "auf", "aus", "bei", "ist", "sind", "war",
    "wie", "was", "wo", "wann", "warum", "kann", "konnen", "muss", "mussen", "will",
    "wollen", "mochte", "brauche", "brauchen", "bitte", "nicht", "kein", "keine", "es",
    "sich", "wir", "sie", "er", "uns", "auch", "noch", "so", "da", "hier", "mal", "gerne",
    "jetzt", "ob", "dass", "wenn", "man", "wird", "werden", "soll", "sollte", "darf",
    "gibt", "geht", "ab", "um", "nach", "wohin", "woher", "welche", "welcher", "welches",
    "jemand", "etwas", "viel", "sehr", "mehr", "du", "ihr", "unser", "unsere", "dein",
    "deine", "wer", "wen", "wem", "ja", "nein", "aber", "dann", "denn", "weil", "schon",
    "nur", "doch", "wurde", "wurden", "haben", "hatten", "gehabt", "bist", "seid",
    // English
    "i", "my", "me", "a", "an", "the", "and", "or", "for", "with", "of", "to", "on", "at",
    "is", "are", "was", "how", "what", "where", "when", "why", "can", "do", "does", "need",
    "want", "please", "have", "has", "get", "it", "we", "our", "you", "your", "from",
    "about", "be", "should", "would", "like", "got", "just", "some",
    "this", "that", "there", "been", "will", "did", "which", "who", "someone", "somebody",
    "something", "anyone", "getting",
    // Turkish (folded: "için" → "icin")
    "bir", "ve", "ile", "icin", "ne", "nasil", "nerede", "nereye", "neden", "mi", "mu",
    "bu", "o", "ben", "benim", "bana", "biz", "bizim", "sen", "siz", "var", "yok",
    "cok", "daha", "gibi", "ama", "veya", "ya", "de", "da", "ki", "hangi", "kim",
    // Arabic (folded: "أريد" → "اريد", "على" → "علي"; "şu" is left: folded, it is "su",
    // water)
    "في", "من", "علي", "الي", "عن", "مع", "و", "او", "ما", "ماذا", "كيف", "اين", "متي",
    "هل", "انا", "لي", "عندي", "اريد", "نريد", "هذا", "هذه", "ذلك", "التي", "الذي", "لا",
    "بدي", "بدنا", "ممكن", "عايز",
    // Ukrainian and Russian
    "я", "мы", "ми", "мне", "мені", "мой", "моя", "мою", "мій", "моє", "моего", "в", "у",
    "на", "и", "і", "й", "с", "з", "для", "по", "о", "об", "про", "от", "від", "до", "за",
    "как", "як", "где", "де", "что", "що", "чтобы", "щоб", "это", "це", "не", "нет",
    "ні", "или", "або", "хочу", "нужно", "надо", "треба", "потрібно", "можно", "можна",
    "меня", "мене", "есть", "є",
    // Polish (folded: "się" → "sie", "chcę" → "chce")
    "jak", "gdzie", "co", "czy", "w", "we", "na", "z", "ze", "do", "dla", "po", "o", "od",
    "i", "a", "moj", "moja", "moje", "mojego", "mi", "mnie", "sie", "chce", "chcemy",
    "jest", "nie", "to", "ten", "ta", "potrzebuje", "musze", "mozna", "prosze",
];

/// Words that carry a sentence but do not say which service is meant ("alte Möbel
/// loswerden": the furniture is what counts). Folded; compared after stemming. They
/// count where a keyword phrase of the service has them ("neue Wohnung"), never alone:
/// "alte" must not find the archive's "alte Akten".
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    // German: everyday verbs, their forms, and adjectives that fit any service
    "alt", "alte", "alter", "altes", "neu", "neue", "neuer", "neues", "loswerden", "brauch",
    "braucht", "benotige", "benotigen", "bekomme", "bekommen", "bekommt", "machen", "mache",
    "macht", "gemacht", "lassen", "lasse", "gehen", "gehe", "kommen", "komme", "kommt",
    "geben", "gebe", "nehmen", "wissen", "weiss", "erfahren", "suche", "suchen", "sucht",
    "finden", "frage", "fragen", "info", "infos", "information", "informationen", "schnell",
    "dringend", "sofort", "heute", "morgen", "gestern", "bald", "leider", "danke", "hallo",
    "guten", "tag", "bitte", "gern", "mochten", "wollte", "wollen", "moglich", "genau",
    "richtig", "wieder", "einfach", "gut", "ganz", "andere", "anderen", "beantragen",
    "beantrage", "antrag",
    // Turkish, Arabic, Ukrainian, Russian, Polish: wanting, getting, applying
    "istiyorum", "lazim", "gerek", "gerekiyor", "yapmak", "almak", "basvuru", "yeni",
    "eski", "nasil", "yardim", "طلب", "جديد", "الحصول", "получить", "отримати",
    "оформить", "оформити", "новый", "новий", "заявление", "заява", "nowy", "nowa",
    "zalatwic", "uzyskac", "wniosek",
    // English
    "old", "new", "rid", "find", "make", "give", "take", "know", "apply", "applying",
    "some", "good", "quick", "quickly", "urgent", "hello", "thanks", "info", "information",
];

/// German verb particles that a sentence puts at its end: "ich ziehe um" means
/// umziehen, "ich melde das Auto ab" means abmelden.
const PARTICLES: &[&str] = &["ab", "an", "auf", "aus", "ein", "um", "zu", "weg", "zuruck"];

/// The particles that stand before "ge" in a participle: "umgemeldet", "abgemeldet".
#[rustfmt::skip]
const PARTICIPLE_PREFIXES: &[&str] = &[
    "ab", "an", "auf", "aus", "ein", "um", "zu", "weg", "zuruck", "nach", "vor", "mit",
    "los", "fest", "her", "hin", "uber",
];

/// The stem of one folded word: German and English inflection endings cut off where
/// enough of the word is left to mean something (alte, alten, altem → alt; Hunde →
/// hund). A plain -s only goes from longer words: Haus and Pass keep theirs. A
/// participle of a verb with a particle loses its "ge" and ending, so that it meets
/// the verb: angemeldet, anmelden → anmeld. Cyrillic and Arabic words lose their
/// endings (and Arabic its article) by their script: паспорта → паспорт.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() {
        return match word.chars().next() {
            Some('\u{400}'..='\u{4FF}') => endings_of(word, CYRILLIC_ENDINGS, 3),
            Some('\u{600}'..='\u{6FF}') => arabic(word),
            _ => word.to_owned(),
        };
    }
    if word.len() < 4 {
        return word.to_owned();
    }
    if let Some(verb) = participle(word) {
        return endings(&verb);
    }
    endings(word)
}

/// [`stem`] for a reader of `locale`: Turkish and Polish words (written in the same
/// letters as German once folded) lose their own endings first — ehliyetimi →
/// ehliyet, dowodu → dowod — in the index of that reader and in their queries alike.
pub fn stem_in(word: &str, locale: Locale) -> String {
    match locale {
        Locale::Tr if word.is_ascii() => stem(&turkish(word)),
        Locale::Pl if word.is_ascii() => stem(&endings_of(word, POLISH_ENDINGS, 4)),
        _ => stem(word),
    }
}

/// Case, number and possessive endings of Russian and Ukrainian, longest first.
#[rustfmt::skip]
const CYRILLIC_ENDINGS: &[&str] = &[
    "ями", "ами", "ого", "его", "ому", "ему", "ими", "ыми", "ших",
    "ою", "ею", "ых", "их", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые",
    "ие", "ую", "юю", "ов", "ев", "ів", "ей", "ам", "ям", "ах", "ях", "ом", "ем",
    "ия", "ию", "ии", "ія", "ію", "ії", "а", "я", "о", "е", "у", "ю", "ы", "и", "і", "ї",
    "ь", "й", "є",
];

/// Polish (folded: ą → a, ł → l) case, number and verb endings, longest first.
#[rustfmt::skip]
const POLISH_ENDINGS: &[&str] = &[
    "owania", "owanie", "ywanie", "aniem", "owiec", "owac", "ywac", "iwac", "anie", "enie",
    "ania", "enia", "owie",
    "ilem", "ilam", "alem", "alam", "ego", "emu", "ymi", "ami", "ach", "ych", "ich", "iej",
    "owi", "owa", "owe", "ow", "om", "ej", "ym", "im", "em", "ie", "ac", "ic", "yc", "ec",
    "y", "i", "a", "e", "u", "o",
];

/// Turkish (folded: ı → i, ş → s, ğ → g) plural, possessive and case endings, longest
/// first; cut up to three times from the end (ehliyet-im-i). Verb endings and the
/// buffer-y forms are left: cut, they eat the word's own letters (ehliyet → ehli).
#[rustfmt::skip]
const TURKISH_ENDINGS: &[&str] = &[
    "lari", "leri", "imiz", "umuz", "iniz", "unuz", "mak", "mek", "lar", "ler", "dan",
    "den", "tan", "ten", "nin", "nun", "sini", "sunu", "im", "um", "in", "un", "si", "su",
    "da", "de", "i", "u", "a", "e",
];

/// The longest of `list` cut from the end where `shortest` letters are left.
fn endings_of(word: &str, list: &[&str], shortest: usize) -> String {
    let letters = word.chars().count();
    list.iter()
        .filter(|e| word.ends_with(*e) && letters - e.chars().count() >= shortest)
        .max_by_key(|e| e.chars().count())
        .map_or_else(
            || word.to_owned(),
            |e| word[..word.len() - e.len()].to_owned(),
        )
}

fn turkish(word: &str) -> String {
    let mut stem = word.to_owned();
    for _ in 0..3 {
        let cut = endings_of(&stem, TURKISH_ENDINGS, 4);
        if cut == stem {
            break;
        }
        stem = cut;
    }
    // A final k or p softens before a vowel (köpek, köpeği; kitap, kitabı): back to
    // the dictionary's letter.
    if stem.len() < word.len() {
        if let Some(base) = stem.strip_suffix('g') {
            return format!("{base}k");
        }
        if let Some(base) = stem.strip_suffix('b') {
            return format!("{base}p");
        }
    }
    stem
}

/// Arabic light stemming: the conjunction and prepositions written onto the article
/// (و، ب، ك، ف، ل + ال), the article, and plural, feminine and pronoun endings. A
/// prefix goes only where enough is left to be a word, and a lone و stays: both are
/// as often the word's own letters (والدين, parents, is no "and" + دين, religion).
fn arabic(word: &str) -> String {
    let letters = |w: &str| w.chars().count();
    let mut stem = word;
    for (prefix, shortest) in [
        ("وال", 4),
        ("بال", 3),
        ("كال", 3),
        ("فال", 3),
        ("لل", 3),
        ("ال", 2),
    ] {
        if let Some(rest) = stem.strip_prefix(prefix) {
            if letters(rest) >= shortest {
                stem = rest;
                break;
            }
        }
    }
    for suffix in ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] {
        if let Some(rest) = stem.strip_suffix(suffix) {
            if letters(rest) >= 2 {
                stem = rest;
                break;
            }
        }
    }
    stem.to_owned()
}

/// [`stem`] without its participles.
fn endings(word: &str) -> String {
    if let Some(base) = word.strip_suffix("ungen") {
        return format!("{base}ung");
    }
    for suffix in ["ern", "em", "en", "er", "es", "ing", "ed", "e", "n", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            // A plain -e leaves three letters of a short English word as often as of
            // a German one (care → car, rate → rat): only from four on.
            let shortest = match suffix {
                "s" => 5,
                "e" => 4,
                _ => 3,
            };
            if base.len() >= shortest {
                return base.to_owned();
            }
        }
    }
    word.to_owned()
}

/// "abgemeldet" → "abmelden", "ausgewandert" → "auswandern": particle + ge + verb +
/// -t, -et or -en, the verb part long enough to be one (so "angeln" stays).
fn participle(word: &str) -> Option<String> {
    let (prefix, rest) = PARTICIPLE_PREFIXES.iter().find_map(|p| {
        word.strip_prefix(p)
            .and_then(|r| r.strip_prefix("ge"))
            .map(|r| (*p, r))
    })?;
    let verb = ["et", "en", "t"]
        .iter()
        .find_map(|end| rest.strip_suffix(end))?;
    let ending = if verb.ends_with("er") || verb.ends_with("el") {
        "n"
    } else {
        "en"
    };
    (verb.len() >= 3).then(|| format!("{prefix}{verb}{ending}"))
}

/// The words of a text that count: folded, stemmed, without stopwords.
pub fn words(text: &str) -> Vec<String> {
    words_in(text, Locale::De)
}

/// [`words`], stemmed for a reader of `locale` ([`stem_in`]).
pub fn words_in(text: &str, locale: Locale) -> Vec<String> {
    fold(text)
        .split_whitespace()
        .filter(|w| !STOPWORDS.contains(w))
        .map(|w| stem_in(w, locale))
        .collect()
}

/// The words of a query, as [`words`], with a particle at the end joined to the verb
/// it belongs to where that makes a word the catalogue knows ("ich ziehe um" →
/// umzieh). `known` says whether a stemmed word is one of the catalogue's.
/// Each word comes as typed (folded) and stemmed.
pub fn query_words(
    text: &str,
    locale: Locale,
    known: impl Fn(&str) -> bool,
) -> Vec<(String, String)> {
    let folded = fold(text);
    let mut out: Vec<(String, String)> = folded
        .split_whitespace()
        .filter(|w| !STOPWORDS.contains(w))
        .map(|w| (w.to_owned(), stem_in(w, locale)))
        .collect();
    let Some(last) = folded.split_whitespace().last() else {
        return out;
    };
    if PARTICLES.contains(&last) {
        for (typed, w) in out.iter_mut() {
            let joined = stem_in(&format!("{last}{typed}"), locale);
            if known(&joined) {
                (*typed, *w) = (format!("{last}{typed}"), joined);
                break;
            }
        }
    }
    out
}

/// Whether a stemmed word only fills a sentence (see [`FILLERS`]).
pub fn is_filler(stemmed: &str, locale: Locale) -> bool {
    FILLERS
        .iter()
        .any(|f| *f == stemmed || stem_in(f, locale) == stemmed)
}

/// Restricted Damerau–Levenshtein distance, or `None` once it exceeds `max`.
pub fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
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
pub fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
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

    #[test]
    fn inflected_forms_share_a_stem_in_every_language() {
        let same = |a: &str, b: &str, locale| {
            assert_eq!(words_in(a, locale), words_in(b, locale), "{a} {b}");
        };
        same("ehliyetimi", "ehliyet", Locale::Tr);
        same("pasaportumu", "pasaport", Locale::Tr);
        same("köpeğimi", "köpek", Locale::Tr);
        same("kopegimi", "köpek", Locale::Tr);
        same("dowodu osobistego", "dowód osobisty", Locale::Pl);
        same("zameldowanie", "zameldować", Locale::Pl);
        same("паспорта", "паспорт", Locale::Ru);
        same("справку", "справка", Locale::Ru);
        same("несудимости", "несудимость", Locale::Ru);
        same("посвідку", "посвідка", Locale::Uk);
        same("الكلب", "كلب", Locale::Ar);
        same("كلبي", "كلب", Locale::Ar);
        same("بالبلدية", "بلدية", Locale::Ar);
        same("الوالدين", "والدين", Locale::Ar);
        assert_ne!(
            words_in("والدين", Locale::Ar),
            words_in("دينية", Locale::Ar)
        );
        // Stopwords as typed, with alif maqsura; "su" is water in Turkish.
        assert_eq!(
            words_in("على الجنسية", Locale::Ar),
            words_in("الجنسية", Locale::Ar)
        );
        assert_eq!(words_in("su faturası", Locale::Tr).len(), 2);
        // Arabic as typed: with or without hamza and vowel marks.
        same("أريد", "اريد", Locale::Ar);
        same("جَواز", "جواز", Locale::Ar);
        // A German reader's words keep their German stems.
        assert_eq!(stem_in("anmeldungen", Locale::De), "anmeldung");
        // The endings of a language are cut only for its readers: a German "Kita"
        // stays whole for them.
        assert_eq!(stem_in("kita", Locale::De), "kita");
    }

    #[test]
    fn participles_of_verbs_with_a_particle_meet_the_verb() {
        assert_eq!(stem("angemeldet"), stem("anmelden"));
        assert_eq!(stem("abgemeldet"), stem("abmelden"));
        assert_eq!(stem("ausgewandert"), stem("auswandern"));
        assert_eq!(stem("umgemeldet"), stem("ummelden"));
        // Words that only begin like a participle keep their stem.
        assert_eq!(stem("angeln"), "angel");
        assert_eq!(stem("ausgabe"), "ausgab");
    }

    #[test]
    fn a_particle_at_the_end_joins_its_verb() {
        let known = |w: &str| ["umzieh", "abmeld"].contains(&w);
        let stems = |q: &str| -> Vec<String> {
            query_words(q, Locale::De, known)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        };
        assert_eq!(stems("ich ziehe um"), ["umzieh"]);
        assert_eq!(stems("ich melde mein Auto ab"), ["abmeld", "auto"]);
        // Only into a word the catalogue knows.
        assert_eq!(stems("ich gehe um"), ["gehe"]);
    }

    #[test]
    fn fillers_are_recognised_in_every_form() {
        for w in [
            "alte",
            "alten",
            "neue",
            "loswerden",
            "brauchen",
            "bekomme",
            "old",
            "new",
        ] {
            assert!(is_filler(&stem(&fold(w)), Locale::De), "{w}");
        }
        for w in ["Möbel", "Hund", "Wohnung", "Umzug", "Kind"] {
            assert!(!is_filler(&stem(&fold(w)), Locale::De), "{w}");
        }
    }

    #[test]
    fn distance_counts_typos_and_swaps() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("sperrmul"), &c("sperrmull"), 2), Some(1));
        assert_eq!(distance(&c("hnud"), &c("hund"), 1), Some(1));
        assert_eq!(distance(&c("abc"), &c("xyz"), 2), None);
    }
}
