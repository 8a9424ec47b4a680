//! Uploads as a hostile client sends them: active content, malware (the built-in EICAR
//! check and a configured scanner), disguised names, and one client trying to fill the
//! room that all citizens share.

mod common;

use std::io::{Read, Write};
use std::net::IpAddr;
use std::path::Path;

use common::*;
use serde_json::Value;

fn refused(answer: (u16, Value), code: &str) {
    let (status, body) = answer;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"], "validation_failed");
    assert_eq!(body["errors"][0]["field"], "file");
    assert_eq!(body["errors"][0]["code"], code, "{body}");
}

fn pdf_with(object: &str) -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj {object} endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n").into_bytes()
}

const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

#[test]
fn active_content_is_refused_with_a_code_the_app_can_show() {
    let s = Server::start();
    for object in [
        "<</Type /Catalog /OpenAction <</S /JavaScript /JS (app.alert(1))>> >>",
        "<</S /Launch /F (calc.exe)>>",
        "<</Names <</EmbeddedFiles 2 0 R>> >>",
        "<</AcroForm <</XFA 3 0 R>> >>",
        "<</AA <</O 4 0 R>> >>",
    ] {
        refused(
            s.upload("formular.pdf", "application/pdf", &pdf_with(object)),
            "active_content",
        );
    }
    refused(
        s.upload(
            "seite.pdf",
            "application/pdf",
            b"%PDF-1.4\n<html><script>alert(1)</script></html>",
        ),
        "active_content",
    );
    for trailer in [
        &b"<script>alert(1)</script>"[..],
        b"PK\x03\x04\x14\x00",
        b"%PDF-1.7",
    ] {
        let mut polyglot = PNG.to_vec();
        polyglot.extend_from_slice(trailer);
        refused(
            s.upload("bild.png", "image/png", &polyglot),
            "active_content",
        );
    }
    // EICAR, bare or inside a file, is malware even without a scanner.
    refused(
        s.upload("eicar.com", "application/pdf", EICAR),
        "malware_found",
    );
    let mut pdf = PDF.to_vec();
    pdf.extend_from_slice(EICAR);
    refused(
        s.upload("eicar.pdf", "application/pdf", &pdf),
        "malware_found",
    );
    // A plain file still goes through.
    assert_eq!(s.upload("plan.pdf", "application/pdf", PDF).0, 201);
}

#[test]
fn file_names_lose_bidi_controls_and_get_their_real_extension() {
    let s = Server::start();
    let (status, stored) = s.upload("rechnung%E2%80%AEfdp.exe", "application/pdf", PDF);
    assert_eq!(status, 201);
    assert_eq!(stored["name"], "rechnungfdp.exe.pdf");
    let (_, stored) = s.upload("Foto%E2%81%A6%E2%80%8B%EF%BB%BF%0D.png", "image/png", PNG);
    assert_eq!(stored["name"], "Foto.png");
}

/// A fake scanner: exit 1 when the file contains the marker, 0 otherwise.
fn fake_scanner(dir: &Path, script: &str) -> String {
    let path = dir.join("scan.sh");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    format!("sh {}", path.display())
}

const MARKER: &[u8] = b"INFECTED-FOR-THIS-TEST";

#[test]
fn a_scan_command_decides_and_fails_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let scanner = fake_scanner(
        tmp.path(),
        &format!(
            "if grep -q {}; then exit 1; else exit 0; fi",
            std::str::from_utf8(MARKER).unwrap()
        ),
    );
    let s = Server::start_adjusted(|c| c.scan_command = Some(scanner));
    assert_eq!(s.upload("plan.pdf", "application/pdf", PDF).0, 201);
    let mut infected = PDF.to_vec();
    infected.extend_from_slice(MARKER);
    refused(
        s.upload("plan.pdf", "application/pdf", &infected),
        "malware_found",
    );

    // A scanner that fails, or is not there at all: no file is taken.
    for broken in ["exit 2", "exec /nonexistent/clamdscan"] {
        let scanner = fake_scanner(tmp.path(), broken);
        let s = Server::start_adjusted(|c| c.scan_command = Some(scanner));
        let (status, body) = s.upload("plan.pdf", "application/pdf", PDF);
        assert_eq!(
            (status, body["error"].as_str()),
            (503, Some("unavailable")),
            "{broken}"
        );
    }
}

/// A fake clamd on a Unix socket: reads one INSTREAM, answers FOUND when the stream
/// holds the marker.
fn fake_clamd(socket: &Path) -> std::thread::JoinHandle<()> {
    let listener = std::os::unix::net::UnixListener::bind(socket).unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut command = [0u8; 10];
            if stream.read_exact(&mut command).is_err() {
                return;
            }
            assert_eq!(&command, b"zINSTREAM\0");
            let mut data = Vec::new();
            loop {
                let mut length = [0u8; 4];
                stream.read_exact(&mut length).unwrap();
                let length = u32::from_be_bytes(length) as usize;
                if length == 0 {
                    break;
                }
                let mut chunk = vec![0u8; length];
                stream.read_exact(&mut chunk).unwrap();
                data.extend_from_slice(&chunk);
            }
            let infected = data.windows(MARKER.len()).any(|w| w == MARKER);
            let reply: &[u8] = if infected {
                b"stream: Rathaus-Test-Signature FOUND\0"
            } else {
                b"stream: OK\0"
            };
            stream.write_all(reply).unwrap();
        }
    })
}

#[test]
fn a_clamd_socket_is_asked_and_its_absence_refuses_uploads() {
    let tmp = tempfile::tempdir().unwrap();
    let socket = tmp.path().join("clamd.ctl");
    let _clamd = fake_clamd(&socket);
    let s = Server::start_adjusted(|c| c.clamd_socket = Some(socket.clone()));
    assert_eq!(s.upload("plan.pdf", "application/pdf", PDF).0, 201);
    // More than one chunk of INSTREAM.
    let mut big = PDF.to_vec();
    big.extend(std::iter::repeat_n(b' ', 200_000));
    big.extend_from_slice(MARKER);
    refused(
        s.upload("plan.pdf", "application/pdf", &big),
        "malware_found",
    );
    drop(s);

    let gone = tmp.path().join("no-clamd.ctl");
    let s = Server::start_adjusted(|c| c.clamd_socket = Some(gone));
    let (status, body) = s.upload("plan.pdf", "application/pdf", PDF);
    assert_eq!((status, body["error"].as_str()), (503, Some("unavailable")));
}

fn upload_from(s: &Server, from: &str, data: &[u8]) -> RawResponse {
    let mut request = format!(
        "POST /api/v1/attachments HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n\
         Attachment-Name: plan.pdf\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        data.len()
    )
    .into_bytes();
    request.extend_from_slice(data);
    s.raw_from(from.parse::<IpAddr>().unwrap(), &request)
}

#[test]
fn one_client_cannot_fill_the_room_for_everyone() {
    let s = Server::start_adjusted(|c| {
        c.uploads_per_client = 3;
        c.upload_mib_per_client = 1;
    });
    for _ in 0..3 {
        assert_eq!(upload_from(&s, "127.0.0.1", PDF).status, 201);
    }
    let limited = upload_from(&s, "127.0.0.1", PDF);
    assert_eq!(limited.status, 429);
    assert_eq!(limited.json()["error"], "too_many_requests");
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=30 * 86_400).contains(&wait), "{wait}");
    // Another client still uploads.
    assert_eq!(upload_from(&s, "127.0.0.2", PDF).status, 201);
    // Bytes count as well as files.
    let mut big = PDF.to_vec();
    big.extend(std::iter::repeat_n(b'\n', 700 * 1024));
    assert_eq!(upload_from(&s, "127.0.0.3", &big).status, 201);
    assert_eq!(upload_from(&s, "127.0.0.3", &big).status, 429);
    assert_eq!(upload_from(&s, "127.0.0.3", PDF).status, 201);
    // When its files are older than the window (here: expired), the client may again.
    s.advance(30 * 86_400 + 1);
    assert_eq!(upload_from(&s, "127.0.0.1", PDF).status, 201);
}

#[test]
fn behind_a_proxy_the_per_client_limits_can_be_switched_off() {
    let s = Server::start_adjusted(|c| {
        c.uploads_per_client = 0;
        c.upload_mib_per_client = 0;
    });
    for _ in 0..10 {
        assert_eq!(s.upload("plan.pdf", "application/pdf", PDF).0, 201);
    }
}

#[test]
fn an_unclaimed_upload_waits_30_days_for_its_application() {
    let s = Server::start();
    let (_, file) = s.upload("plan.pdf", "application/pdf", PDF);
    let application = |file: &Value| {
        serde_json::json!({
            "service_id": "bauantrag",
            "service_version": 1,
            "answers": {"lageplan": {"files": [file]}}
        })
    };
    s.advance(29 * 86_400);
    let (status, body) = s.submit(Some("bau"), &application(&file));
    // The file is still there: whatever else the application lacks, not the file.
    assert!(
        status == 201
            || body["errors"]
                .as_array()
                .is_some_and(|e| e.iter().all(|e| e["field"] != "lageplan")),
        "{body}"
    );
    let (_, late) = s.upload("plan.pdf", "application/pdf", PDF);
    s.advance(31 * 86_400);
    let (status, body) = s.submit(Some("bau-2"), &application(&late));
    assert_eq!(status, 422);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "lageplan" && e["code"] == "invalid"),
        "{body}"
    );
}
