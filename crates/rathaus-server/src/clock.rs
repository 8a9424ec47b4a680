//! What time it is, asked in one place: everything that expires (idempotency keys,
//! uploads, payments, the limits on wrong codes and uploads) reads this clock, so that
//! a test can move it forward by days instead of waiting.

use std::sync::Arc;

use rathaus_core::date::Timestamp;

/// The server's clock; the system clock unless a test sets another.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> Timestamp + Send + Sync>);

impl Clock {
    pub fn system() -> Clock {
        Clock(Arc::new(system_now))
    }

    /// A clock that asks `now` (tests: the system time plus an offset they move).
    pub fn from_fn(now: impl Fn() -> Timestamp + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> Timestamp {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now().to_rfc3339())
    }
}

/// The system's time (the server itself asks `AppState::clock`).
pub fn now() -> Timestamp {
    system_now()
}

pub(crate) fn system_now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    Timestamp(secs)
}
