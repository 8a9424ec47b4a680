//! What an uploaded file is, judged by its content — the client's word does not count —
//! and whether it is safe to hand to the office. Only PDF, PNG and JPEG are taken, and
//! of those only files without active content: no PDF scripts, actions that run on
//! opening, launches, embedded files or XFA forms; no second format hidden in or after
//! an image or a PDF (HTML, script, PDF, ZIP, programs); nothing that cannot be checked
//! (a PDF whose object streams cannot be read). The EICAR test file is refused as
//! malware even without a scanner (crate::scan runs one when configured).

use std::io::Read;

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

/// Every chunk but the image data, and what follows `IEND`; `None` when the chunks
/// do not add up.
fn png_layout(data: &[u8]) -> Option<Layout<'_>> {
    let mut searched = Vec::new();
    let mut at = 8;
    loop {
        let length = u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = data.get(at + 4..at + 8)?;
        let end = at.checked_add(12)?.checked_add(length)?;
        if end > data.len() {
            return None;
        }
        if kind != b"IDAT" && kind != b"fdAT" {
            searched.push(&data[at + 8..end - 4]);
        }
        at = end;
        if kind == b"IEND" {
            return Some(Layout {
                searched,
                trailer: &data[at..],
            });
        }
    }
}

/// Every segment but the entropy-coded image data, and what follows the end marker.
/// The segments are walked by their lengths, so an embedded thumbnail's end marker
/// does not count. A file without an end marker has no trailer.
fn jpeg_layout(data: &[u8]) -> Layout<'_> {
    let mut searched = Vec::new();
    let mut at = 2;
    while at + 1 < data.len() {
        if data[at] != 0xFF {
            // Inside entropy-coded data: the next marker is 0xFF not followed by 0x00
            // (a stuffed byte) or a restart marker.
            at += 1;
            continue;
        }
        match data[at + 1] {
            0xFF => at += 1,
            0x00 | 0x01 | 0xD0..=0xD7 => at += 2,
            0xD9 => {
                return Layout {
                    searched,
                    trailer: &data[at + 2..],
                }
            }
            _ => {
                let Some(length) = data.get(at + 2..at + 4) else {
                    break;
                };
                let end = (at + 2 + usize::from(u16::from_be_bytes([length[0], length[1]])))
                    .min(data.len());
                searched.push(&data[(at + 4).min(end)..end]);
                at = end;
            }
        }
    }
    Layout {
        searched,
        trailer: &[],
    }
}

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
fn pdf_layout(pdf: &[u8]) -> Result<Layout<'_>, Refusal> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n\
        2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

    fn pdf_with(object: &str) -> Vec<u8> {
        format!("%PDF-1.7\n1 0 obj {object} endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n").into_bytes()
    }

    fn png(extra_chunk: Option<(&[u8; 4], &[u8])>) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8; 4], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            out.extend_from_slice(&[0, 0, 0, 0]);
        };
        chunk(b"IHDR", &[0; 13]);
        if let Some((kind, data)) = extra_chunk {
            chunk(kind, data);
        }
        chunk(b"IDAT", &[1, 2, 3]);
        chunk(b"IEND", &[]);
        out
    }

    fn jpeg() -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        // An APP1 segment holding a thumbnail with its own end marker.
        out.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x08, 0xFF, 0xD8, 0xFF, 0xD9, 0x00, 0x00]);
        // Start of scan, then entropy-coded data with a stuffed 0xFF and a restart.
        out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02]);
        out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }

    #[test]
    fn plain_files_are_accepted() {
        assert_eq!(inspect(PDF), Ok("application/pdf"));
        assert_eq!(inspect(&png(None)), Ok("image/png"));
        assert_eq!(inspect(&jpeg()), Ok("image/jpeg"));
        // Opening at a page is no action; links are no active content.
        assert_eq!(
            inspect(&pdf_with(
                "<</Type /Catalog /OpenAction [3 0 R /Fit] /URI (https://x)>>"
            )),
            Ok("application/pdf")
        );
        // Data after an image that is not another format (a phone's motion photo).
        let mut motion = jpeg();
        motion.extend_from_slice(b"\x00\x00\x00\x18ftypmp42");
        assert_eq!(inspect(&motion), Ok("image/jpeg"));
        assert_eq!(inspect(b"GIF89a"), Err(Refusal::Unsupported));
        assert_eq!(inspect(b"<html>"), Err(Refusal::Unsupported));
    }

    #[test]
    fn pdf_scripts_actions_and_embedded_files_are_refused() {
        for object in [
            "<</Type /Action /S /JavaScript /JS (app.alert(1))>>",
            "<</OpenAction 5 0 R>>",
            "<</OpenAction <</S /URI /URI (https://evil.example)>> >>",
            "<</S /Launch /F (cmd.exe)>>",
            "<</Names <</EmbeddedFiles 6 0 R>> >>",
            "<</Type /EmbeddedFile>>",
            "<</AA <</O 7 0 R>> >>",
            "<</AcroForm <</XFA 8 0 R>> >>",
            "<</S /SubmitForm /F (https://evil.example)>>",
            "<</Type /RichMedia>>",
            // Names written with escapes are the same names.
            "<</S /J#61vaScript /J#53 (x)>>",
            "<</#4AavaScript (x)>>",
        ] {
            assert!(
                matches!(inspect(&pdf_with(object)), Err(Refusal::ActiveContent(_))),
                "{object}"
            );
        }
    }

    #[test]
    fn actions_hidden_in_compressed_object_streams_are_found() {
        use std::io::Write;
        let mut packed =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        packed
            .write_all(b"1 0 <</Type /Catalog /OpenAction 2 0 R>> <</S /JavaScript /JS (x)>>")
            .unwrap();
        let packed = packed.finish().unwrap();
        let mut pdf =
            b"%PDF-1.7\n5 0 obj <</Type /ObjStm /N 2 /First 4 /Filter /FlateDecode /Length "
                .to_vec();
        pdf.extend_from_slice(format!("{}>>\nstream\n", packed.len()).as_bytes());
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        assert!(matches!(inspect(&pdf), Err(Refusal::ActiveContent(_))));
        // An object stream that cannot be read cannot be checked.
        let unreadable = b"%PDF-1.7\n5 0 obj <</Type /ObjStm /Filter /FlateDecode>>\nstream\n\
            not zlib at all\nendstream\nendobj\n%%EOF\n";
        assert!(matches!(
            inspect(unreadable),
            Err(Refusal::ActiveContent(_))
        ));
        let lzw = b"%PDF-1.7\n5 0 obj <</Type /ObjStm /Filter /LZWDecode>>\nstream\n\
            ...\nendstream\nendobj\n%%EOF\n";
        assert!(matches!(inspect(lzw), Err(Refusal::ActiveContent(_))));
        // A compressed stream that is not an object stream (page content) is left alone.
        let content = b"%PDF-1.7\n4 0 obj <</Filter /FlateDecode /Length 3>>\nstream\n\
            xyz\nendstream\nendobj\n%%EOF\n";
        assert_eq!(inspect(content), Ok("application/pdf"));
    }

    #[test]
    fn polyglots_are_refused() {
        // A "PDF" that is a web page.
        let html_pdf = b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>";
        assert!(matches!(inspect(html_pdf), Err(Refusal::ActiveContent(_))));
        // HTML in an image's text chunk, or after its end.
        let text = png(Some((b"tEXt", b"Comment\0<script>alert(1)</script>")));
        assert!(matches!(inspect(&text), Err(Refusal::ActiveContent(_))));
        for trailer in [
            &b"<!doctype html><p>hi"[..],
            b"PK\x03\x04\x14\x00\x00\x00",
            b"%PDF-1.7\n",
            b"\n\nMZ\x90\x00",
            b"#!/bin/sh\nrm -rf /",
        ] {
            let mut image = png(None);
            image.extend_from_slice(trailer);
            assert!(
                matches!(inspect(&image), Err(Refusal::ActiveContent(_))),
                "png + {trailer:?}"
            );
            let mut photo = jpeg();
            photo.extend_from_slice(trailer);
            assert!(
                matches!(inspect(&photo), Err(Refusal::ActiveContent(_))),
                "jpeg + {trailer:?}"
            );
            let mut pdf = PDF.to_vec();
            pdf.extend_from_slice(trailer);
            assert!(
                matches!(inspect(&pdf), Err(Refusal::ActiveContent(_))),
                "pdf + {trailer:?}"
            );
        }
        // A ZIP whose directory ends the file opens as an archive, wherever it starts.
        let mut zip_tail = jpeg();
        zip_tail.extend_from_slice(b"junk first PK\x05\x06\x00\x00\x00\x00");
        assert!(matches!(inspect(&zip_tail), Err(Refusal::ActiveContent(_))));
        // A PDF inside an image.
        let inside = png(Some((b"zTXt", b"%PDF-1.7 ...")));
        assert!(matches!(inspect(&inside), Err(Refusal::ActiveContent(_))));
        // A PNG whose chunks run past its end is no PNG.
        assert_eq!(
            inspect(b"\x89PNG\r\n\x1a\n\x00\x00\x10\x00IHDR"),
            Err(Refusal::Unsupported)
        );
    }

    #[test]
    fn the_eicar_test_file_is_malware_wherever_it_is() {
        let eicar = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
        assert!(matches!(inspect(eicar), Err(Refusal::Malware(_))));
        let mut pdf = PDF.to_vec();
        pdf.extend_from_slice(eicar);
        assert!(matches!(inspect(&pdf), Err(Refusal::Malware(_))));
    }
}
