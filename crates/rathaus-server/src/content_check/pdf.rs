//! PDFs: their structure outside the streams and inside object streams, searched for
//! names that run something or carry other files.

use std::io::Read;

use super::{find, markup_inside, Layout, Refusal};

/// Names of the PDF features that run something or carry other files.
const ACTIVE_NAMES: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"AA",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"XFA",
    b"RichMedia",
    b"SubmitForm",
    b"ImportData",
    b"GoToE",
    b"GoToR",
];

/// Object streams are inflated to be checked too, up to this much in all.
const MAX_INFLATED: u64 = 64 * 1024 * 1024;

/// A PDF without active names outside its streams and in its object streams; what is
/// outside the streams is searched for markup too.
pub(super) fn pdf_layout(pdf: &[u8]) -> Result<Layout<'_>, Refusal> {
    let mut searched = Vec::new();
    let mut outside_from = 0;
    let mut budget = MAX_INFLATED;
    for stream in streams(pdf) {
        searched.push(&pdf[outside_from..stream.content.start]);
        outside_from = stream.content.end;
        let dictionary = &pdf[stream.dictionary.clone()];
        if !names(dictionary).any(|n| n == b"ObjStm") {
            continue;
        }
        // Objects packed into a stream: their dictionaries must be checked as well.
        let content = &pdf[stream.content.clone()];
        let filters: Vec<Vec<u8>> = names(dictionary)
            .filter(|n| n.ends_with(b"Decode"))
            .collect();
        let inflated = match filters.as_slice() {
            [] => content.to_vec(),
            [only] if only == b"FlateDecode" => {
                let mut out = Vec::new();
                let read = flate2::read::ZlibDecoder::new(content)
                    .take(budget + 1)
                    .read_to_end(&mut out);
                if read.is_err() || out.len() as u64 > budget {
                    return Err(Refusal::ActiveContent("object stream cannot be read"));
                }
                budget -= out.len() as u64;
                out
            }
            _ => return Err(Refusal::ActiveContent("object stream cannot be read")),
        };
        active_name(&inflated)?;
        if markup_inside(&inflated) {
            return Err(Refusal::ActiveContent("HTML or script inside"));
        }
    }
    searched.push(&pdf[outside_from..]);
    for part in &searched {
        active_name(part)?;
    }
    let trailer = pdf
        .windows(5)
        .rposition(|w| w == b"%%EOF")
        .map_or(&[][..], |i| &pdf[i + 5..]);
    Ok(Layout { searched, trailer })
}

fn active_name(pdf: &[u8]) -> Result<(), Refusal> {
    for (name, rest) in names_with_rest(pdf) {
        if ACTIVE_NAMES.contains(&name.as_slice()) {
            return Err(Refusal::ActiveContent(
                "PDF with scripts, actions or embedded files",
            ));
        }
        // Opening at a page (`/OpenAction [3 0 R /Fit]`) is harmless; an action is not.
        if name == b"OpenAction" {
            let next = rest.iter().find(|b| !is_pdf_whitespace(**b));
            if next != Some(&b'[') {
                return Err(Refusal::ActiveContent("PDF with an action on opening"));
            }
        }
    }
    Ok(())
}

fn is_pdf_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_pdf_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Every name (`/Type`) in `pdf`, `#xx` escapes decoded (`/J#61vaScript` is
/// `/JavaScript`), with what follows it.
fn names_with_rest(pdf: &[u8]) -> impl Iterator<Item = (Vec<u8>, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + pdf.get(at..)?.iter().position(|&b| b == b'/')? + 1;
        let mut end = start;
        while end < pdf.len() && !is_pdf_whitespace(pdf[end]) && !is_pdf_delimiter(pdf[end]) {
            end += 1;
        }
        at = end;
        Some((decode_name(&pdf[start..end]), &pdf[end..]))
    })
}

fn names(pdf: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    names_with_rest(pdf).map(|(name, _)| name)
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match (
            raw[i],
            raw.get(i + 1).copied().and_then(hex),
            raw.get(i + 2).copied().and_then(hex),
        ) {
            (b'#', Some(h), Some(l)) => {
                out.push(h * 16 + l);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Where a stream is: its dictionary (from the `obj` before it) and its content (up to
/// `endstream`).
struct Stream {
    dictionary: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
}

fn streams(pdf: &[u8]) -> impl Iterator<Item = Stream> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let found = at + find(&pdf[at..], b"stream")?;
        at = found + 6;
        // `endstream` contains `stream`; the stream keyword ends its line.
        if found >= 3 && &pdf[found - 3..found] == b"end" {
            continue;
        }
        let content_start = match pdf.get(at..at + 2) {
            Some([b'\r', b'\n']) => at + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => at + 1,
            _ => continue,
        };
        let dictionary_start = pdf[..found]
            .windows(3)
            .rposition(|w| w == b"obj")
            .unwrap_or(0);
        let content_end =
            find(&pdf[content_start..], b"endstream").map_or(pdf.len(), |i| content_start + i);
        at = content_end;
        return Some(Stream {
            dictionary: dictionary_start..found,
            content: content_start..content_end,
        });
    })
}
