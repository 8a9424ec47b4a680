//! The runtime configuration in `/config.json`: a city points the built app at its own
//! backend by editing this file, without rebuilding.

use rathaus_core::json::{member_or_default, FromJson, Json, JsonError};

#[derive(Clone, Debug)]
pub struct Config {
    /// Base URL of the API, e.g. `/api/v1` or `https://backend.stadt.example/api/v1`.
    pub api_base_url: String,
    /// How many days a draft is kept after its last change (`draft_days`, default 30).
    pub draft_days: u64,
    /// How many days an application waiting in the outbox is sent automatically
    /// (`outbox_days`, default 30); then it goes back to being a draft. Must be shorter
    /// than the backend keeps idempotency keys, or a late retry could make a second case.
    pub outbox_days: u64,
}

pub const DEFAULT_DRAFT_DAYS: u64 = 30;
pub const DEFAULT_OUTBOX_DAYS: u64 = 30;

fn default_api_base() -> String {
    "/api/v1".to_owned()
}

impl FromJson for Config {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let url: String = member_or_default(v, "api_base_url")?;
        let days: u64 = member_or_default(v, "draft_days")?;
        let outbox_days: u64 = member_or_default(v, "outbox_days")?;
        Ok(Config {
            api_base_url: if url.trim().is_empty() {
                default_api_base()
            } else {
                url
            },
            draft_days: if days == 0 { DEFAULT_DRAFT_DAYS } else { days },
            outbox_days: if outbox_days == 0 {
                DEFAULT_OUTBOX_DAYS
            } else {
                outbox_days
            },
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base_url: default_api_base(),
            draft_days: DEFAULT_DRAFT_DAYS,
            outbox_days: DEFAULT_OUTBOX_DAYS,
        }
    }
}

/// Reads `/config.json`; falls back to the defaults if it is missing or unreadable, so
/// that a broken config never leaves a blank page.
pub async fn load() -> Config {
    let answer = crate::api::fetch_text("GET", "/config.json", None, &[]).await;
    match answer.and_then(crate::api::decode::<Config>) {
        Ok(config) => config,
        Err(_) => {
            web_sys::console::warn_1(
                &"config.json is missing or unreadable; using defaults".into(),
            );
            Config::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_sets_its_backend_and_how_long_drafts_and_the_outbox_are_kept() {
        let c: Config = rathaus_core::json::from_str(
            r#"{"api_base_url": "https://backend.stadt.example/api/v1", "draft_days": 14,
                "outbox_days": 7}"#,
        )
        .unwrap();
        assert_eq!(c.api_base_url, "https://backend.stadt.example/api/v1");
        assert_eq!((c.draft_days, c.outbox_days), (14, 7));
        // Left out, empty or zero: the defaults.
        let c: Config = rathaus_core::json::from_str(
            r#"{"api_base_url": " ", "draft_days": 0, "outbox_days": 0}"#,
        )
        .unwrap();
        assert_eq!(
            (c.api_base_url.as_str(), c.draft_days, c.outbox_days),
            ("/api/v1", 30, 30)
        );
        let c: Config = rathaus_core::json::from_str("{}").unwrap();
        assert_eq!((c.draft_days, c.outbox_days), (30, 30));
    }
}
