//! The runtime configuration in `/config.json`: a city points the built app at its own
//! backend by editing this file, without rebuilding.

use rathaus_core::json::{member_or_default, FromJson, Json, JsonError};

#[derive(Clone, Debug)]
pub struct Config {
    /// Base URL of the API, e.g. `/api/v1` or `https://backend.stadt.example/api/v1`.
    pub api_base_url: String,
}

fn default_api_base() -> String {
    "/api/v1".to_owned()
}

impl FromJson for Config {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let url: String = member_or_default(v, "api_base_url")?;
        Ok(Config {
            api_base_url: if url.trim().is_empty() {
                default_api_base()
            } else {
                url
            },
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base_url: default_api_base(),
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
