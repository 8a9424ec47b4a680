//! `/account/drafts`: a logged-in citizen's drafts, kept so that they can go on on
//! another device. Only the account's own; the answers are the app's, checked as an
//! application's answers are when it is sent, not here.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use rathaus_core::api::{AccountDraft, DraftsDeleted};
use rathaus_core::date::Timestamp;

use super::{required, MaybeSession};
use crate::cache::with_cache;
use crate::error::ApiError;
use crate::extract::{blocking, JsonBody};
use crate::AppState;

/// Days a draft is kept after it was last saved, as on the device (the app's
/// config.json `draft_days`, 30).
pub const ACCOUNT_DRAFT_DAYS: i64 = 30;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account/drafts", delete(delete_all))
        .route(
            "/account/drafts/{service_id}",
            get(get_draft).put(put_draft).delete(delete_one),
        )
}

async fn get_draft(
    State(state): State<AppState>,
    session: MaybeSession,
    Path(service_id): Path<String>,
) -> Result<Response, ApiError> {
    let account = required(&session)?.stored.account.clone();
    let db = state.db.clone();
    let oldest = Timestamp(state.clock.now().0 - ACCOUNT_DRAFT_DAYS * 86_400);
    let stored = blocking(move || db.account_draft(&account, &service_id, oldest))
        .await??
        .ok_or(ApiError::NotFound)?;
    let draft: AccountDraft = serde_json::from_str(&stored)
        .map_err(|e| ApiError::Internal(format!("account draft: {e}")))?;
    Ok(with_cache(Json(draft).into_response(), "no-store"))
}

async fn put_draft(
    State(state): State<AppState>,
    session: MaybeSession,
    Path(service_id): Path<String>,
    JsonBody(draft): JsonBody<AccountDraft>,
) -> Result<Response, ApiError> {
    let account = required(&session)?.stored.account.clone();
    if state.catalogue.get(&service_id).is_none() {
        return Err(ApiError::NotFound);
    }
    let db = state.db.clone();
    let now = state.clock.now();
    let text = serde_json::to_string(&draft).expect("a draft serialises");
    blocking(move || db.save_account_draft(&account, &service_id, &text, now)).await??;
    Ok(with_cache(Json(draft).into_response(), "no-store"))
}

async fn delete_one(
    State(state): State<AppState>,
    session: MaybeSession,
    Path(service_id): Path<String>,
) -> Result<Response, ApiError> {
    delete_drafts(state, session, Some(service_id)).await
}

async fn delete_all(
    State(state): State<AppState>,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    delete_drafts(state, session, None).await
}

async fn delete_drafts(
    state: AppState,
    session: MaybeSession,
    service_id: Option<String>,
) -> Result<Response, ApiError> {
    let account = required(&session)?.stored.account.clone();
    let db = state.db.clone();
    let deleted =
        blocking(move || db.delete_account_drafts(&account, service_id.as_deref())).await??;
    Ok(with_cache(
        Json(DraftsDeleted { deleted }).into_response(),
        "no-store",
    ))
}
