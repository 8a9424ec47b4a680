//! The backend takes what the core says it takes (`rathaus_core::upload`), which the
//! definition check holds every question's `accept` and `max_file_bytes` against.

use rathaus_core::upload::{ACCEPTED_MEDIA_TYPES, MAX_UPLOAD_BYTES};
use rathaus_server::api::MAX_FILE_BODY;
use rathaus_server::content_check::sniff_media_type;

#[test]
fn the_backend_takes_exactly_the_core_s_media_types_and_size() {
    let samples: [&[u8]; 3] = [
        b"%PDF-1.7\n",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        &[0xFF, 0xD8, 0xFF, 0xE0],
    ];
    let mut sniffed: Vec<&str> = samples.iter().filter_map(|s| sniff_media_type(s)).collect();
    sniffed.sort_unstable();
    assert_eq!(sniffed, ACCEPTED_MEDIA_TYPES);
    assert_eq!(sniff_media_type(b"<html>"), None);
    assert_eq!(MAX_FILE_BODY as u64, MAX_UPLOAD_BYTES);
}
