//! `POST /attachments`: a file for an application or an answer to the office. It is
//! judged by its content (crate::content_check), scanned when a scanner is configured
//! (crate::scan), named so that the name cannot disguise it, and kept within the
//! client's share of the room for unclaimed files (crate::attachments).

use std::net::IpAddr;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rathaus_core::api::ATTACHMENT_NAME_HEADER;
use rathaus_core::validate::ErrorCode;

use crate::attachments::NewUpload;
use crate::body::Body;
use crate::cache::with_cache;
use crate::content_check::{self, Refusal};
use crate::db::DbError;
use crate::error::ApiError;
use crate::extract::{blocking, Client};
use crate::scan::Outcome;
use crate::AppState;

pub async fn upload_attachment(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    Body(data): Body<MAX_FILE_BODY>,
) -> Result<Response, ApiError> {
    if data.is_empty() {
        return Err(ApiError::BadRequest);
    }
    let now = state.clock.now();
    let tag = client
        .address()
        .map(|ip| client_tag(&state.upload_salt[..], ip));
    let limits = state.upload_limits;
    // Over its share, a client's file is not even looked at.
    let db = state.db.clone();
    let (checked_tag, size) = (tag.clone(), data.len());
    blocking(move || db.check_client_uploads(checked_tag.as_deref(), size, now, limits))
        .await?
        .map_err(refused_storage)?;
    let checked = data.clone();
    let media_type = blocking(move || content_check::inspect(&checked))
        .await?
        .map_err(|refusal| {
            tracing::info!("upload refused: {}", describe(refusal));
            match refusal {
                Refusal::Unsupported => ApiError::UnsupportedMediaType,
                Refusal::ActiveContent(_) => ApiError::RefusedFile(ErrorCode::ActiveContent),
                Refusal::Malware(_) => ApiError::RefusedFile(ErrorCode::MalwareFound),
            }
        })?;
    match state.scanner.scan(&data).await {
        Outcome::Clean => {}
        Outcome::Infected => return Err(ApiError::RefusedFile(ErrorCode::MalwareFound)),
        Outcome::Unavailable(_) => return Err(ApiError::Unavailable),
    }
    let name = attachment_name(&headers, media_type);
    let db = state.db.clone();
    let stored = blocking(move || {
        db.store_attachment(
            &NewUpload {
                name: &name,
                media_type,
                data: &data,
                client_tag: tag.as_deref(),
                now,
            },
            limits,
        )
    })
    .await?
    .map_err(refused_storage)?;
    Ok(with_cache(
        (StatusCode::CREATED, Json(stored)).into_response(),
        "no-store",
    ))
}

fn refused_storage(e: DbError) -> ApiError {
    match e {
        DbError::UploadsFull => ApiError::TooManyRequests,
        DbError::ClientUploadsFull { retry_after } => ApiError::Limited(retry_after),
        other => other.into(),
    }
}

fn describe(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::Unsupported => "not a PDF, PNG or JPEG",
        Refusal::ActiveContent(why) | Refusal::Malware(why) => why,
    }
}

/// One uploaded file: the core's limit, which the definition check holds every
/// question's `max_file_bytes` to. Each question sets its own (smaller) limit, checked
/// on submit; this only keeps anyone from streaming gigabytes.
pub const MAX_FILE_BODY: usize = rathaus_core::upload::MAX_UPLOAD_BYTES as usize;

/// Whose uploads these are, without keeping the address: a hash of the client's key
/// (its address, or its IPv6 /64) with a salt that lives only as long as the process.
pub fn client_tag(salt: &[u8], ip: IpAddr) -> String {
    let mut keyed = salt.to_vec();
    keyed.extend_from_slice(crate::limit::client_key(ip).as_bytes());
    crate::codes::sha256_hex(&keyed)[..32].to_owned()
}

/// The extensions a file of each type may have; another is replaced by the first.
fn extensions(media_type: &str) -> &'static [&'static str] {
    match media_type {
        "application/pdf" => &["pdf"],
        "image/png" => &["png"],
        _ => &["jpg", "jpeg", "jpe", "jfif"],
    }
}

/// A file name as shown to the office: the last path part, without control, invisible
/// or bidirectional characters (`rechnung\u{202E}fdp.exe` would show as
/// `rechnungexe.pdf`), at most 200 characters, and ending in the extension of what the
/// file really is — so that opening it cannot run something else. Percent-encoded
/// UTF-8 on the wire (the header is ASCII).
fn attachment_name(headers: &HeaderMap, media_type: &str) -> String {
    let raw = headers
        .get(ATTACHMENT_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let decoded = percent_decode(raw);
    let base = decoded.rsplit(['/', '\\']).next().unwrap_or("");
    let visible: String = base
        .chars()
        .filter(|&c| !crate::staff_text::is_hidden(c))
        .take(200)
        .collect();
    // Windows drops trailing dots and spaces, which would change the extension.
    let clean = visible.trim().trim_end_matches(['.', ' ']);
    let stem = if clean.is_empty() { "Datei" } else { clean };
    let allowed = extensions(media_type);
    let has_allowed = stem
        .rsplit_once('.')
        .is_some_and(|(_, ext)| allowed.iter().any(|a| a.eq_ignore_ascii_case(ext)));
    if has_allowed {
        stem.to_owned()
    } else {
        format!("{stem}.{}", allowed[0])
    }
}

pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn named(raw: &str, media_type: &str) -> String {
        let mut headers = HeaderMap::new();
        headers.insert(ATTACHMENT_NAME_HEADER, HeaderValue::from_str(raw).unwrap());
        attachment_name(&headers, media_type)
    }

    #[test]
    fn names_cannot_disguise_a_file() {
        // U+202E, the right-to-left override, percent-encoded as the app sends it.
        assert_eq!(
            named("rechnung%E2%80%AEfdp.exe", "application/pdf"),
            "rechnungfdp.exe.pdf"
        );
        for hidden in [
            "%E2%80%AA",
            "%E2%80%AB",
            "%E2%80%AC",
            "%E2%80%AD",
            "%E2%81%A6",
            "%E2%81%A7",
            "%E2%81%A8",
            "%E2%81%A9",
            "%E2%80%8B",
            "%E2%80%8C",
            "%E2%80%8D",
            "%E2%80%8E",
            "%E2%80%8F",
            "%D8%9C",
            "%EF%BB%BF",
            "%0D",
            "%0A",
            "%00",
            "%1B",
            "%7F",
            "%C2%85",
        ] {
            assert_eq!(
                named(&format!("Miet{hidden}vertrag.pdf"), "application/pdf"),
                "Mietvertrag.pdf",
                "{hidden}"
            );
        }
        assert_eq!(named("Foto.JPEG", "image/jpeg"), "Foto.JPEG");
        assert_eq!(named("Foto.png", "image/jpeg"), "Foto.png.jpg");
        assert_eq!(named("scan.pdf. . ", "application/pdf"), "scan.pdf");
        assert_eq!(named("..%2F..%2Fetc%2Fpasswd", "image/png"), "passwd.png");
        assert_eq!(named("%E2%80%AE", "application/pdf"), "Datei.pdf");
        assert_eq!(
            named("Wohnungsgeberbest%C3%A4tigung.pdf", "application/pdf"),
            "Wohnungsgeberbestätigung.pdf"
        );
    }

    #[test]
    fn client_tags_hide_the_address_but_tell_clients_apart() {
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let tag = client_tag(b"salt", a);
        assert!(!tag.contains("192"));
        assert_eq!(tag, client_tag(b"salt", a));
        assert_ne!(tag, client_tag(b"salt", b));
        assert_ne!(tag, client_tag(b"other salt", a));
    }
}
