//! Citizens' text as staff read it in a terminal or a log: one line, and every
//! character that could move the cursor, forge a line or reorder what is shown made
//! visible. A carriage return would let an answer overwrite the line before it; a
//! right-to-left override makes `rechnung<U+202E>fdp.exe` look like `rechnungexe.pdf`.

use std::borrow::Cow;

/// Bidirectional controls and invisible characters that change how text around them is
/// shown, or hide that something is there.
fn is_invisible_or_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                   // soft hyphen
            | '\u{061C}'             // Arabic letter mark
            | '\u{180E}'             // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero width space, joiners, LRM, RLM
            | '\u{2028}'..='\u{2029}' // line and paragraph separator
            | '\u{202A}'..='\u{202E}' // embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // isolates
            | '\u{206A}'..='\u{206F}' // deprecated format characters
            | '\u{FEFF}'             // byte order mark
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

/// Whether `c` must not reach a file name or a staff member's screen as it is: control
/// characters (C0, DEL, C1) and the invisible and bidirectional ones.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_invisible_or_bidi(c)
}

/// `text` with `\r`, `\n`, `\t` and `\\` written as such and every other hidden character
/// as `<U+XXXX>`; unchanged (borrowed) when there is nothing to escape.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\\' || is_hidden(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn a_carriage_return_cannot_forge_a_line() {
        let forged = "Braun\r2026-11-27  approved          status   Genehmigt";
        let shown = escape(forged);
        assert_eq!(
            shown,
            "Braun\\r2026-11-27  approved          status   Genehmigt"
        );
        assert!(!shown.contains(['\r', '\n']));
        assert_eq!(escape("eins\nzwei\tdrei"), "eins\\nzwei\\tdrei");
        // A backslash typed by the citizen stays distinguishable from an escape.
        assert_eq!(escape("C:\\r"), "C:\\\\r");
    }

    #[test]
    fn bidi_controls_and_invisible_characters_are_shown() {
        assert_eq!(escape("rechnung\u{202E}fdp.exe"), "rechnung<U+202E>fdp.exe");
        for (c, name) in [
            ('\u{202A}', "<U+202A>"),
            ('\u{2066}', "<U+2066>"),
            ('\u{2069}', "<U+2069>"),
            ('\u{200B}', "<U+200B>"),
            ('\u{200F}', "<U+200F>"),
            ('\u{061C}', "<U+061C>"),
            ('\u{FEFF}', "<U+FEFF>"),
            ('\u{1B}', "<U+001B>"),
            ('\u{7F}', "<U+007F>"),
            ('\u{9B}', "<U+009B>"),
            ('\u{0}', "<U+0000>"),
        ] {
            assert_eq!(escape(&format!("a{c}b")), format!("a{name}b"));
        }
    }

    #[test]
    fn ordinary_text_stays_as_it_is() {
        let text = "Müller-Lüdenscheidt, Straße 5 — «Ärger» 🙂 שלום";
        assert!(matches!(escape(text), std::borrow::Cow::Borrowed(_)));
    }
}
