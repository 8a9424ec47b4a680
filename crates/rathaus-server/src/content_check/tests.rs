//! Files that are taken and files that are refused, built byte by byte.

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
    let mut packed = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    packed
        .write_all(b"1 0 <</Type /Catalog /OpenAction 2 0 R>> <</S /JavaScript /JS (x)>>")
        .unwrap();
    let packed = packed.finish().unwrap();
    let mut pdf =
        b"%PDF-1.7\n5 0 obj <</Type /ObjStm /N 2 /First 4 /Filter /FlateDecode /Length ".to_vec();
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
