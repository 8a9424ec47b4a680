//! A body that never changes while the server runs (the catalogue and its overview),
//! compressed once at start with the strongest settings, answered in the encoding the
//! client accepts, and with a 304 to a client that has it already.
//! Other API answers are compressed as they go (crate::web).

use std::io::Write;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// Brotli or gzip, whichever `Accept-Encoding` rates higher (brotli on a tie), if
/// either is acceptable at all.
pub fn preferred(headers: &HeaderMap) -> Encoding {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            match coding.as_str() {
                "br" => br = Some(q),
                "gzip" | "x-gzip" => gzip = Some(q),
                "*" => any = Some(q),
                _ => {}
            }
        }
    }
    let br = br.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

pub struct Precompressed {
    content_type: &'static str,
    /// A hash of the body: a client (the service worker, asking again for what the
    /// page already has) that holds this version gets a 304 without the body.
    tag: String,
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
}

impl Precompressed {
    pub fn new(body: Vec<u8>, content_type: &'static str) -> Precompressed {
        let mut brotli = brotli::CompressorWriter::new(Vec::new(), 64 * 1024, 11, 22);
        brotli.write_all(&body).expect("compressing into memory");
        let brotli = brotli.into_inner();
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&body).expect("compressing into memory");
        let gzip = gzip.finish().expect("compressing into memory");
        use sha2::Digest;
        let digest = sha2::Sha256::digest(&body);
        let tag = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        Precompressed {
            content_type,
            tag,
            identity: body.into(),
            brotli: brotli.into(),
            gzip: gzip.into(),
        }
    }

    pub fn response(&self, request: &HeaderMap) -> Response {
        let (body, encoding) = match preferred(request) {
            Encoding::Brotli => (self.brotli.clone(), Some("br")),
            Encoding::Gzip => (self.gzip.clone(), Some("gzip")),
            Encoding::Identity => (self.identity.clone(), None),
        };
        // One tag per encoding: the bytes differ.
        let etag = format!("\"{}-{}\"", self.tag, encoding.unwrap_or("id"));
        let fresh = request
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|t| t.trim().trim_start_matches("W/") == etag || t.trim() == "*");
        let mut response = if fresh {
            axum::http::StatusCode::NOT_MODIFIED.into_response()
        } else {
            body.into_response()
        };
        let h = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, value);
        }
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if fresh {
            return response;
        }
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        if let Some(encoding) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    }
}

/// One [`Precompressed`] body per reader's language (the catalogue and its overview,
/// each with only the texts that reader needs), made the first time a language is
/// asked for: compressing all eight at start would hold the start up by seconds.
pub struct PerLanguage {
    make: Box<dyn Fn(rathaus_core::Locale) -> Vec<u8> + Send + Sync>,
    content_type: &'static str,
    bodies: [std::sync::OnceLock<Precompressed>; rathaus_core::Locale::ALL.len()],
}

impl PerLanguage {
    pub fn new(
        make: impl Fn(rathaus_core::Locale) -> Vec<u8> + Send + Sync + 'static,
        content_type: &'static str,
    ) -> PerLanguage {
        let served = PerLanguage {
            make: Box::new(make),
            content_type,
            bodies: Default::default(),
        };
        // German at once: every first visit asks for it.
        served.get(rathaus_core::Locale::De);
        served
    }

    pub fn get(&self, locale: rathaus_core::Locale) -> &Precompressed {
        let at = rathaus_core::Locale::ALL
            .iter()
            .position(|l| *l == locale)
            .unwrap_or(0);
        self.bodies[at].get_or_init(|| Precompressed::new((self.make)(locale), self.content_type))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Encoding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        preferred(&headers)
    }

    #[test]
    fn the_encoding_follows_accept_encoding() {
        assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepting("gzip"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0.5, gzip;q=0.8"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip;q=0"), Encoding::Identity);
        assert_eq!(accepting("identity"), Encoding::Identity);
        assert_eq!(accepting("*"), Encoding::Brotli);
        assert_eq!(accepting("*;q=0.1, br;q=0"), Encoding::Gzip);
        assert_eq!(preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_encoding_reads_back_as_the_body() {
        use std::io::Read;
        let body = br#"{"services": ["a", "b", "c"]}"#.repeat(100);
        let p = Precompressed::new(body.clone(), "application/json");
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(&p.brotli[..], 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, body);
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(&p.gzip[..])
            .read_to_end(&mut ungzip)
            .unwrap();
        assert_eq!(ungzip, body);
        assert!(p.brotli.len() < body.len() / 10);
    }
}
