//! The shape of a code a citizen types (a licence plate, a dog tag number), as a
//! definition writes it in `constraints.pattern`. A deliberately small syntax rather
//! than regular expressions: authors can read it, it runs in linear time whatever is
//! typed, and it costs the wizard a few hundred bytes instead of a regex engine.
//!
//! `L` a letter (A–Z, Ä, Ö, Ü, either case), `D` a digit, `A` a letter or a digit;
//! `{n}` or `{m,n}` after one of them (or after a literal) repeats it; `\` makes the
//! next character literal (`\L`); every other character stands for itself. The whole
//! answer must match: `L{1,3}-L{1,2} D{1,4}` takes `MS-AB 123`.

use std::fmt;

/// Repeats larger than this are refused: no code is that long.
const MAX_REPEAT: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    LetterOrDigit,
    Literal(char),
}

impl Class {
    fn takes(self, c: char) -> bool {
        let letter = |c: char| c.is_ascii_alphabetic() || "äöüÄÖÜ".contains(c);
        match self {
            Class::Letter => letter(c),
            Class::Digit => c.is_ascii_digit(),
            Class::LetterOrDigit => letter(c) || c.is_ascii_digit(),
            Class::Literal(l) => l == c,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    class: Class,
    min: u32,
    max: u32,
}

/// A pattern read from a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern(Vec<Item>);

/// Why a pattern cannot be read, for the definition check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternError {
    Empty,
    /// `{` with nothing before it to repeat.
    NothingToRepeat,
    /// `{` without a closing `}`, or something other than `n` or `m,n` inside.
    BadRepeat,
    /// `{m,n}` with m greater than n, or a repeat over the limit.
    RepeatOutOfRange,
    /// A `\` at the very end.
    TrailingBackslash,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            PatternError::Empty => "the pattern is empty",
            PatternError::NothingToRepeat => "'{' must follow what it repeats (L{2})",
            PatternError::BadRepeat => "a repeat is written {n} or {m,n}, closed with '}'",
            PatternError::RepeatOutOfRange => "a repeat {m,n} needs m ≤ n ≤ 100",
            PatternError::TrailingBackslash => "'\\' at the end has nothing to make literal",
        })
    }
}

impl Pattern {
    pub fn parse(source: &str) -> Result<Pattern, PatternError> {
        let mut items: Vec<Item> = Vec::new();
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            let class = match c {
                'L' => Class::Letter,
                'D' => Class::Digit,
                'A' => Class::LetterOrDigit,
                '\\' => Class::Literal(chars.next().ok_or(PatternError::TrailingBackslash)?),
                '{' => {
                    let item = items.last_mut().ok_or(PatternError::NothingToRepeat)?;
                    let mut inside = String::new();
                    loop {
                        match chars.next().ok_or(PatternError::BadRepeat)? {
                            '}' => break,
                            c => inside.push(c),
                        }
                    }
                    let (min, max) = repeat(&inside)?;
                    item.min = min;
                    item.max = max;
                    continue;
                }
                other => Class::Literal(other),
            };
            items.push(Item {
                class,
                min: 1,
                max: 1,
            });
        }
        if items.is_empty() {
            return Err(PatternError::Empty);
        }
        Ok(Pattern(items))
    }

    /// Whether the whole of `text` has this shape. Linear in the text's length for
    /// each item: the set of places the items so far can end at, carried forward.
    pub fn matches(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let mut reachable = vec![false; chars.len() + 1];
        reachable[0] = true;
        for item in &self.0 {
            let mut next = vec![false; chars.len() + 1];
            for start in (0..=chars.len()).filter(|&s| reachable[s]) {
                let mut taken = 0;
                loop {
                    if taken >= item.min {
                        next[start + taken as usize] = true;
                    }
                    let at = start + taken as usize;
                    if taken == item.max || at == chars.len() || !item.class.takes(chars[at]) {
                        break;
                    }
                    taken += 1;
                }
            }
            reachable = next;
        }
        reachable[chars.len()]
    }
}

fn repeat(inside: &str) -> Result<(u32, u32), PatternError> {
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| PatternError::BadRepeat);
    let (min, max) = match inside.split_once(',') {
        Some((min, max)) => (number(min)?, number(max)?),
        None => {
            let n = number(inside)?;
            (n, n)
        }
    };
    if min > max || max > MAX_REPEAT || max == 0 {
        return Err(PatternError::RepeatOutOfRange);
    }
    Ok((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        Pattern::parse(pattern).unwrap().matches(text)
    }

    #[test]
    fn a_licence_plate() {
        let plate = "L{1,3}-L{1,2} D{1,4}";
        for ok in ["MS-AB 123", "M-A 1", "BÖB-XY 9999", "ms-ab 12"] {
            assert!(matches(plate, ok), "{ok}");
        }
        for bad in [
            "MS-AB123",
            "MS-ABC 123",
            "MS-AB 12345",
            "MSAB 1",
            "",
            "MS-AB 123 ",
        ] {
            assert!(!matches(plate, bad), "{bad}");
        }
    }

    #[test]
    fn classes_repeats_and_literals() {
        assert!(matches("D{4,6}", "1234"));
        assert!(matches("D{4,6}", "123456"));
        assert!(!matches("D{4,6}", "123"));
        assert!(!matches("D{4,6}", "12a4"));
        assert!(matches("A{3}", "a1B"));
        assert!(matches(r"\L-D", "L-5"));
        assert!(!matches(r"\L-D", "X-5"));
        assert!(matches("GA-D{2}/D{2}", "GA-12/34"));
        // A literal may repeat too, and an optional part is a repeat from 0.
        assert!(matches("D{2}.{0,1}D", "123"));
        assert!(matches("D{2}.{0,1}D", "12.3"));
    }

    #[test]
    fn backtracks_where_a_repeat_takes_too_much() {
        // The letters may be one or two; the second letter is needed by the next item.
        assert!(matches("L{1,2}L", "AB"));
        assert!(matches("A{1,5}D{2}", "AB123"));
    }

    #[test]
    fn long_hostile_input_is_linear() {
        let text = "A".repeat(10_000);
        assert!(!matches("A{1,100}A{1,100}D", &text));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(Pattern::parse(""), Err(PatternError::Empty));
        assert_eq!(Pattern::parse("{2}"), Err(PatternError::NothingToRepeat));
        assert_eq!(Pattern::parse("D{2"), Err(PatternError::BadRepeat));
        assert_eq!(Pattern::parse("D{x}"), Err(PatternError::BadRepeat));
        assert_eq!(
            Pattern::parse("D{3,2}"),
            Err(PatternError::RepeatOutOfRange)
        );
        assert_eq!(
            Pattern::parse("D{1,1000}"),
            Err(PatternError::RepeatOutOfRange)
        );
        assert_eq!(Pattern::parse("D{0}"), Err(PatternError::RepeatOutOfRange));
        assert_eq!(Pattern::parse("D\\"), Err(PatternError::TrailingBackslash));
    }
}
