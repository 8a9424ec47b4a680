//! Where a PNG or JPEG keeps what is searched (every chunk or segment but the image
//! data) and what follows its end.

use super::Layout;

/// Every chunk but the image data, and what follows `IEND`; `None` when the chunks
/// do not add up.
pub(super) fn png_layout(data: &[u8]) -> Option<Layout<'_>> {
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
pub(super) fn jpeg_layout(data: &[u8]) -> Layout<'_> {
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
