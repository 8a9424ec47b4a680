//! What an uploaded file is, judged by its content — the client's word does not count —
//! and whether it is safe to hand to the office. Only PDF, PNG and JPEG are taken, and
//! of those only files without active content: no PDF scripts, actions that run on
//! opening, launches, embedded files or XFA forms; no second format hidden in or after
//! an image or a PDF (HTML, script, PDF, ZIP, programs); nothing that cannot be checked
//! (a PDF whose object streams cannot be read). The EICAR test file is refused as
//! malware even without a scanner (crate::scan runs one when configured).

mod image;
mod pdf;
#[cfg(test)]
mod tests;

use image::{jpeg_layout, png_layout};
use pdf::pdf_layout;

/// Why a file is refused; the reason is for the log (never the file's content or name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a PDF, PNG or JPEG.
    Unsupported,
    ActiveContent(&'static str),
    Malware(&'static str),
}

/// The media type of an acceptable file, or why it is refused.
pub fn inspect(data: &[u8]) -> Result<&'static str, Refusal> {
    if contains(data, b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE") {
        return Err(Refusal::Malware("EICAR test file"));
    }
    let media_type = sniff_media_type(data).ok_or(Refusal::Unsupported)?;
    // Only the file's structure and metadata are searched, not compressed image or
    // page data: random bytes there would match short markers now and then.
    let layout = match media_type {
        "application/pdf" => pdf_layout(data)?,
        "image/png" => png_layout(data).ok_or(Refusal::Unsupported)?,
        _ => jpeg_layout(data),
    };
    let image = media_type != "application/pdf";
    for part in &layout.searched {
        if markup_inside(part) {
            return Err(Refusal::ActiveContent("HTML or script inside"));
        }
        if image && contains(part, b"%PDF-") {
            return Err(Refusal::ActiveContent("PDF inside an image"));
        }
    }
    if starts_like_another_format(layout.trailer) || markup_inside(layout.trailer) {
        return Err(Refusal::ActiveContent("another format after the end"));
    }
    if zip_directory_at_end(data) {
        return Err(Refusal::ActiveContent("ZIP archive inside"));
    }
    Ok(media_type)
}

/// Where a file keeps what could hide something: its structure and metadata, and what
/// follows its end.
struct Layout<'a> {
    searched: Vec<&'a [u8]>,
    trailer: &'a [u8],
}

/// The type from the first bytes: only kinds an office can open safely, each one of
/// the core's `ACCEPTED_MEDIA_TYPES` (what the definition check allows in `accept`).
pub fn sniff_media_type(data: &[u8]) -> Option<&'static str> {
    let [pdf, jpeg, png] = rathaus_core::upload::ACCEPTED_MEDIA_TYPES;
    if data.starts_with(b"%PDF-") {
        Some(pdf)
    } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(png)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(jpeg)
    } else {
        None
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// HTML or script markup: a browser given the file as a page would run it. None of
/// these can be PDF syntax (`<` there opens a dictionary or a hex string, and these
/// letters are not all hex digits).
fn markup_inside(data: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"script",
        b"html",
        b"iframe",
        b"svg",
        b"object",
        b"embed",
        b"body",
        b"!doctype",
        b"?php",
        b"meta",
        b"form",
        b"img",
    ];
    data.iter().enumerate().any(|(i, &b)| {
        b == b'<'
            && TAGS.iter().any(|tag| {
                let rest = &data[i + 1..];
                rest.len() > tag.len()
                    && rest[..tag.len()].eq_ignore_ascii_case(tag)
                    && matches!(rest[tag.len()], b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r')
            })
    })
}

/// A ZIP archive's end record within the last 64 KiB: ZIP readers look for it there,
/// so the file opens as an archive too.
fn zip_directory_at_end(data: &[u8]) -> bool {
    let tail = &data[data.len().saturating_sub(65_536 + 22)..];
    contains(tail, b"PK\x05\x06")
}

/// Data after a file's end that is another file: an archive, a page, a program.
fn starts_like_another_format(trailer: &[u8]) -> bool {
    let start = trailer
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0)
        .map_or(&[][..], |i| &trailer[i..]);
    const SIGNATURES: &[&[u8]] = &[
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"%PDF",
        b"<",
        b"MZ",
        b"\x7fELF",
        b"#!",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"Rar!",
        b"7z\xBC\xAF",
        b"\x1f\x8b",
        b"{\\rtf",
        b"\xD0\xCF\x11\xE0",
    ];
    SIGNATURES.iter().any(|s| start.starts_with(s))
}
