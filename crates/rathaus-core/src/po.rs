//! Translations for translators: gettext PO files (the format every translation tool
//! reads), one per language. An entry's `msgctxt` names the text (a UI key, or a
//! service's text path), its `msgid` is the German it was translated from and its
//! `msgstr` the translation — so a translation whose German has changed since is
//! found by comparing `msgid` with the German now (docs/translations.md).
//!
//! Only what these files need is read: comments, `msgctxt`, `msgid`, `msgstr`,
//! continued strings and the `fuzzy` flag. Plural forms are refused (the app's texts
//! are written so that they need none).

use std::fmt::Write as _;

/// One translated text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// What the text is (`msgctxt`).
    pub context: String,
    /// The German it was translated from (`msgid`).
    pub source: String,
    /// The translation (`msgstr`); empty when there is none yet.
    pub translation: String,
    /// `#.` lines: notes for the translator (written, not read back as meaning).
    pub notes: Vec<String>,
    /// Marked `#, fuzzy`: a guess a translator has not confirmed; not used.
    pub fuzzy: bool,
}

/// A PO file: its language (from the header's `Language:`) and its entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub language: String,
    pub entries: Vec<Entry>,
}

/// Why a PO file could not be read, at which line (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for PoError {}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Context,
    Source,
    Translation,
}

impl Catalog {
    /// The entry for `context`, if the file has one.
    pub fn get(&self, context: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.context == context)
    }

    /// Reads a PO file.
    pub fn parse(text: &str) -> Result<Catalog, PoError> {
        let mut catalog = Catalog::default();
        let mut entry = Entry::default();
        let mut part: Option<Part> = None;
        let mut header_seen = false;
        let mut started = false;
        let mut finish = |entry: &mut Entry, started: &mut bool, line: usize| {
            if !*started {
                return Ok(());
            }
            let done = std::mem::take(entry);
            *started = false;
            if done.context.is_empty() && done.source.is_empty() {
                if header_seen {
                    return Err(PoError {
                        line,
                        message: "a second header entry".into(),
                    });
                }
                header_seen = true;
                catalog.language = header_field(&done.translation, "Language").unwrap_or_default();
                return Ok(());
            }
            if catalog.entries.iter().any(|e| e.context == done.context) {
                return Err(PoError {
                    line,
                    message: format!("msgctxt \"{}\" appears twice", done.context),
                });
            }
            catalog.entries.push(done);
            Ok(())
        };
        let lines: Vec<&str> = text.lines().collect();
        for (index, raw) in lines.iter().enumerate() {
            let number = index + 1;
            let line = raw.trim();
            let error = |message: &str| PoError {
                line: number,
                message: message.to_owned(),
            };
            if line.is_empty() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                // A comment after a msgstr begins the next entry.
                if part == Some(Part::Translation) {
                    finish(&mut entry, &mut started, number)?;
                    part = None;
                }
                started = true;
                if let Some(note) = comment.strip_prefix(". ").or(comment.strip_prefix('.')) {
                    entry.notes.push(note.to_owned());
                } else if let Some(flags) = comment.strip_prefix(',') {
                    entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
                } else if comment.starts_with('~') {
                    return Err(error("obsolete entries (#~) are not read; remove them"));
                }
                continue;
            }
            if line.starts_with("msgid_plural") || line.starts_with("msgstr[") {
                return Err(error("plural forms are not used in these files"));
            }
            let (keyword, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let next = match keyword {
                "msgctxt" => Some(Part::Context),
                "msgid" => Some(Part::Source),
                "msgstr" => Some(Part::Translation),
                _ if line.starts_with('"') => None,
                _ => return Err(error(&format!("unknown line: {line}"))),
            };
            let string =
                unquote(if next.is_some() { rest.trim() } else { line }).map_err(|m| error(&m))?;
            match next {
                Some(p) => {
                    let order_ok = match p {
                        Part::Context => part.is_none() || part == Some(Part::Translation),
                        Part::Source => part != Some(Part::Source),
                        Part::Translation => part == Some(Part::Source),
                    };
                    if !order_ok {
                        return Err(error("expected msgctxt, msgid, msgstr in this order"));
                    }
                    if p != Part::Translation && part == Some(Part::Translation) {
                        finish(&mut entry, &mut started, number)?;
                    }
                    started = true;
                    part = Some(p);
                    target(&mut entry, p).push_str(&string);
                }
                None => match part {
                    Some(p) => target(&mut entry, p).push_str(&string),
                    None => return Err(error("a string without msgid or msgstr before it")),
                },
            }
        }
        if started && part != Some(Part::Translation) {
            return Err(PoError {
                line: lines.len(),
                message: "the last entry has no msgstr".into(),
            });
        }
        finish(&mut entry, &mut started, lines.len())?;
        Ok(catalog)
    }

    /// Writes the catalog as a PO file (UTF-8, one entry after another).
    pub fn write(&self) -> String {
        let mut out = String::new();
        out.push_str("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
        let _ = writeln!(out, "\"Language: {}\\n\"", escape(&self.language));
        for entry in &self.entries {
            out.push('\n');
            for note in &entry.notes {
                let _ = writeln!(out, "#. {}", note.replace('\n', " "));
            }
            if entry.fuzzy {
                out.push_str("#, fuzzy\n");
            }
            let _ = writeln!(out, "msgctxt \"{}\"", escape(&entry.context));
            let _ = writeln!(out, "msgid \"{}\"", escape(&entry.source));
            let _ = writeln!(out, "msgstr \"{}\"", escape(&entry.translation));
        }
        out
    }
}

fn target(entry: &mut Entry, part: Part) -> &mut String {
    match part {
        Part::Context => &mut entry.context,
        Part::Source => &mut entry.source,
        Part::Translation => &mut entry.translation,
    }
}

fn header_field(header: &str, name: &str) -> Option<String> {
    header.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim().to_owned())
    })
}

fn unquote(quoted: &str) -> Result<String, String> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(|| format!("not a quoted string: {quoted}"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
            },
            '"' => return Err("a quote inside a string must be written \\\"".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// What a language's file lacks against the German texts now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Texts with no translation (none in the file, an empty or a fuzzy one).
    pub missing: Vec<String>,
    /// Texts translated from German that has changed since (`msgid` ≠ the German now).
    pub stale: Vec<String>,
    /// Entries for texts that no longer exist.
    pub unknown: Vec<String>,
}

impl Coverage {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty()
    }
}

/// Checks `catalog` against `german`: every text's context and its German now.
pub fn coverage<'a>(
    german: impl IntoIterator<Item = (&'a str, &'a str)>,
    catalog: &Catalog,
) -> Coverage {
    let mut report = Coverage::default();
    let mut known = Vec::new();
    for (context, source) in german {
        known.push(context);
        match catalog.get(context) {
            Some(e) if e.translation.trim().is_empty() || e.fuzzy => {
                report.missing.push(context.to_owned())
            }
            Some(e) if e.source != source => report.stale.push(context.to_owned()),
            Some(_) => {}
            None => report.missing.push(context.to_owned()),
        }
    }
    report.unknown = catalog
        .entries
        .iter()
        .filter(|e| !known.contains(&e.context.as_str()))
        .map(|e| e.context.clone())
        .collect();
    report
}

/// The `{name}` placeholders of a text, sorted: a translation must keep every one of
/// its German's (they are filled in as they are).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

/// The translation to show for `context`: a confirmed one only. A stale one is still shown (an older translation serves a reader better
/// than none) — the checker reports it until a translator has looked at it.
pub fn translation<'a>(catalog: &'a Catalog, context: &str) -> Option<&'a str> {
    catalog
        .get(context)
        .filter(|e| !e.fuzzy && !e.translation.trim().is_empty())
        .map(|e| e.translation.as_str())
}

#[cfg(test)]
mod tests;
