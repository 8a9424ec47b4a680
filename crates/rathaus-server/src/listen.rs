//! Accepting connections. Each one costs an open file, so their number is limited, a
//! connection that does not send a complete request head in time is closed (idle ones
//! between requests too), and when all slots are taken the connection that has been
//! idle longest — waiting for a request, or stuck in the middle of its head — makes
//! room for the new one. Without this, a few hundred connections held open and silent
//! exhaust the open-files limit and nobody else gets an answer. Slow bodies are bounded
//! by crate::body; a connection with a request in progress is never closed for another.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::Router;
use http_body::Body as HttpBody;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tower::ServiceExt;

/// How connections are kept in check.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Connections served at once; lowered at start to what the open-files limit
    /// allows (see [`open_files_allow`]).
    pub max_connections: usize,
    /// Time a connection has to send a complete request head, counted from when the
    /// server starts waiting for one (a fresh connection, or after an answer).
    pub header_timeout: Duration,
}

/// After the shutdown signal: how long requests in progress may take to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Open files kept free for the database, its journal, the built app's files and
/// scanner sockets.
const FILES_FOR_OTHERS: u64 = 64;

/// One served connection: whether it has a request in progress, since when it has
/// not, and how to close it.
struct Connection {
    requests: AtomicUsize,
    idle_since: Mutex<Instant>,
    close: Notify,
}

#[derive(Default)]
struct Connections {
    next_id: u64,
    open: HashMap<u64, Arc<Connection>>,
}

impl Connections {
    /// Closes the connection idle longest, if any is idle; whether one was.
    fn close_longest_idle(&self) -> bool {
        let idle = self
            .open
            .values()
            .filter(|c| c.requests.load(Ordering::SeqCst) == 0)
            .min_by_key(|c| *c.idle_since.lock().unwrap_or_else(|p| p.into_inner()));
        match idle {
            Some(connection) => {
                connection.close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Marks its connection busy while it lives: from a request's head until its answer
/// has been sent (it travels inside the answer's body).
struct InProgress(Arc<Connection>);

impl InProgress {
    fn start(connection: &Arc<Connection>) -> InProgress {
        connection.requests.fetch_add(1, Ordering::SeqCst);
        InProgress(connection.clone())
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        *self.0.idle_since.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        self.0.requests.fetch_sub(1, Ordering::SeqCst);
    }
}

/// An answer's body that keeps its connection marked busy until it is sent.
struct Tracked {
    body: Body,
    _in_progress: InProgress,
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in
/// progress finish (for [`SHUTDOWN_GRACE`] at most).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let max = match open_files_allow() {
        Some(allowed) if (allowed as usize) < limits.max_connections => {
            tracing::warn!(
                "the open-files limit allows {allowed} connections, not {}",
                limits.max_connections
            );
            allowed as usize
        }
        _ => limits.max_connections,
    };
    let slots = Arc::new(Semaphore::new(max.max(1)));
    let connections = Arc::new(Mutex::new(Connections::default()));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // All slots taken: the connection idle longest makes room. If every one has a
        // request in progress, the new one waits (and nothing more is accepted).
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                lock(&connections).close_longest_idle();
                tokio::select! {
                    slot = slots.clone().acquire_owned() => slot.expect("never closed"),
                    () = &mut shutdown => break,
                }
            }
        };
        let _ = stream.set_nodelay(true);
        let connection = Arc::new(Connection {
            requests: AtomicUsize::new(0),
            idle_since: Mutex::new(Instant::now()),
            close: Notify::new(),
        });
        let id = {
            let mut open = lock(&connections);
            open.next_id += 1;
            let id = open.next_id;
            open.open.insert(id, connection.clone());
            id
        };
        let app = app.clone();
        let tracked = connection.clone();
        // The client's address counts wrong access codes and uploads (crate::limit);
        // it is not logged.
        let service = tower::service_fn(move |mut request: axum::http::Request<Incoming>| {
            let in_progress = InProgress::start(&tracked);
            request.extensions_mut().insert(ConnectInfo(remote));
            let app = app.clone();
            async move {
                let response = app.oneshot(request).await?;
                Ok::<_, Infallible>(response.map(|body| {
                    Body::new(Tracked {
                        body,
                        _in_progress: in_progress,
                    })
                }))
            }
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout);
        let served = graceful.watch(
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)),
        );
        let connections = connections.clone();
        tokio::spawn(async move {
            // An error here is the client's: gone, too slow, or not speaking HTTP.
            tokio::select! {
                _ = served => {},
                () = connection.close.notified() => {},
            }
            lock(&connections).open.remove(&id);
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            tracing::warn!("requests still in progress at shutdown were cut off");
        },
    }
}

fn lock(connections: &Mutex<Connections>) -> std::sync::MutexGuard<'_, Connections> {
    connections.lock().unwrap_or_else(|p| p.into_inner())
}

/// A failed accept: the client gave up meanwhile (nothing to do), or the process is out
/// of files or memory (wait a moment rather than spin).
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::*;
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    ) {
        return;
    }
    tracing::warn!("cannot accept a connection: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// How many connections the open-files limit leaves room for, after raising the soft
/// limit to the hard one (as far as the system lets a process): `None` if unknown.
#[cfg(unix)]
fn open_files_allow() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    // `rlim_t` is narrower than u64 on some systems.
    #[allow(clippy::useless_conversion)]
    let files = u64::try_from(limit.rlim_cur).unwrap_or(u64::MAX);
    Some(files.saturating_sub(FILES_FOR_OTHERS).max(1))
}

#[cfg(not(unix))]
fn open_files_allow() -> Option<u64> {
    None
}
