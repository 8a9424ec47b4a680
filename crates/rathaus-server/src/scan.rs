//! The malware-scan hook a city switches on: every uploaded file goes to a scanner
//! before it is kept — a command that reads the file on standard input
//! (`--scan-command "clamdscan --no-summary --stream -"`; exit 0 clean, 1 infected,
//! anything else an error) or a clamd socket (`--clamd-socket`, the INSTREAM protocol).
//! An infected file is refused; when the scanner cannot answer, uploads are refused
//! too (fail closed) until it can. Logs never carry the file's content or name.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How long one scan may take before the scanner counts as unavailable.
const SCAN_TIMEOUT: Duration = Duration::from_secs(120);

/// clamd takes the stream in chunks of at most this size.
const CLAMD_CHUNK: usize = 64 * 1024;

#[derive(Clone, Debug, Default)]
pub enum Scanner {
    /// No scanner configured: only the checks of crate::content_check.
    #[default]
    Off,
    /// A shell command reading the file on standard input.
    Command(String),
    /// A clamd socket speaking INSTREAM.
    Clamd(PathBuf),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Infected,
    /// The scanner could not say; why, for the log.
    Unavailable(String),
}

impl Scanner {
    pub fn new(command: Option<String>, clamd_socket: Option<PathBuf>) -> Scanner {
        match (command, clamd_socket) {
            (Some(command), _) if !command.trim().is_empty() => Scanner::Command(command),
            (_, Some(socket)) => Scanner::Clamd(socket),
            _ => Scanner::Off,
        }
    }

    pub fn is_on(&self) -> bool {
        !matches!(self, Scanner::Off)
    }

    pub async fn scan(&self, data: &[u8]) -> Outcome {
        let scanned = match self {
            Scanner::Off => return Outcome::Clean,
            Scanner::Command(command) => {
                tokio::time::timeout(SCAN_TIMEOUT, run_command(command, data)).await
            }
            Scanner::Clamd(socket) => {
                tokio::time::timeout(SCAN_TIMEOUT, ask_clamd(socket, data)).await
            }
        };
        let outcome = scanned.unwrap_or_else(|_| Outcome::Unavailable("no answer in time".into()));
        match &outcome {
            Outcome::Clean => {}
            Outcome::Infected => tracing::warn!("upload refused: the scanner found malware"),
            Outcome::Unavailable(why) => tracing::error!(
                "upload refused: the malware scanner is unavailable ({})",
                crate::staff_text::escape(why)
            ),
        }
        outcome
    }
}

async fn run_command(command: &str, data: &[u8]) -> Outcome {
    let child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        // The scanner's words may name what it found; they are not needed here.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => return Outcome::Unavailable(format!("cannot start the scan command: {e}")),
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A scanner may stop reading once it has decided; its exit status counts.
    let write = async move {
        let _ = stdin.write_all(data).await;
        drop(stdin);
    };
    let (_, status) = tokio::join!(write, child.wait());
    match status.map(|s| s.code()) {
        Ok(Some(0)) => Outcome::Clean,
        Ok(Some(1)) => Outcome::Infected,
        Ok(Some(code)) => Outcome::Unavailable(format!("the scan command exited with {code}")),
        Ok(None) => Outcome::Unavailable("the scan command was killed".into()),
        Err(e) => Outcome::Unavailable(format!("the scan command failed: {e}")),
    }
}

#[cfg(unix)]
async fn ask_clamd(socket: &std::path::Path, data: &[u8]) -> Outcome {
    let mut stream = match tokio::net::UnixStream::connect(socket).await {
        Ok(stream) => stream,
        Err(e) => return Outcome::Unavailable(format!("cannot reach clamd: {e}")),
    };
    let sent = async {
        stream.write_all(b"zINSTREAM\0").await?;
        for chunk in data.chunks(CLAMD_CHUNK) {
            stream
                .write_all(&(chunk.len() as u32).to_be_bytes())
                .await?;
            stream.write_all(chunk).await?;
        }
        stream.write_all(&0u32.to_be_bytes()).await?;
        let mut reply = Vec::new();
        (&mut stream).take(4096).read_to_end(&mut reply).await?;
        Ok::<_, std::io::Error>(reply)
    };
    let reply = match sent.await {
        Ok(reply) => reply,
        Err(e) => return Outcome::Unavailable(format!("clamd: {e}")),
    };
    clamd_verdict(&reply)
}

#[cfg(not(unix))]
async fn ask_clamd(_: &std::path::Path, _: &[u8]) -> Outcome {
    Outcome::Unavailable("clamd sockets need a Unix system".into())
}

/// `stream: OK`, `stream: Eicar-Signature FOUND`, or an error such as
/// `INSTREAM size limit exceeded. ERROR`.
fn clamd_verdict(reply: &[u8]) -> Outcome {
    let text = String::from_utf8_lossy(reply);
    let text = text.trim_end_matches(['\0', '\n']).trim();
    if text.ends_with("FOUND") {
        Outcome::Infected
    } else if text.ends_with(": OK") {
        Outcome::Clean
    } else {
        let shown: String = text.chars().take(200).collect();
        Outcome::Unavailable(format!("clamd answered '{shown}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamd_replies() {
        assert_eq!(clamd_verdict(b"stream: OK\0"), Outcome::Clean);
        assert_eq!(
            clamd_verdict(b"stream: Eicar-Test-Signature FOUND\0"),
            Outcome::Infected
        );
        assert!(matches!(
            clamd_verdict(b"INSTREAM size limit exceeded. ERROR\0"),
            Outcome::Unavailable(_)
        ));
        assert!(matches!(clamd_verdict(b""), Outcome::Unavailable(_)));
    }
}
