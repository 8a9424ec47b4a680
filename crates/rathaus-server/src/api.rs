//! `/api/v1`: the contract of rathaus_core::api, served.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rathaus_core::api::ApiErrorCode;
use rathaus_core::api::{ServiceList, SubmitApplication};
use rathaus_core::case::normalize_case_number;
use rathaus_core::identity::{enforce_prefill, Identification};
use rathaus_core::validate::validate_application;
use rathaus_core::validate::{ErrorCode, FieldError};
use rathaus_core::{Answer, Answers, FileRef};

use crate::auth::MaybeSession;
use crate::cache::with_cache;
use crate::codes;
use crate::db::{DbError, IdempotentOutcome, NewCase};
use crate::error::ApiError;
use crate::extract::{blocking, AccessCode, Client, IdempotencyKey, JsonBody};
use crate::payments::payment_view;
pub use crate::uploads::MAX_FILE_BODY;
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/services", get(list_services))
        .route("/services/{id}", get(get_service))
        .route("/catalogue", get(get_catalogue))
        .route("/catalogue/overview", get(get_overview))
        .route("/applications", post(submit_application))
        .route("/applications/{case_number}", get(get_case))
        .route("/applications/{case_number}/answers", post(answer_request))
        .route(
            "/applications/{case_number}/payments",
            get(list_payments).post(create_payment),
        )
        .route(
            "/applications/{case_number}/payments/{payment_id}",
            get(get_payment),
        )
        .route("/attachments", post(crate::uploads::upload_attachment))
        .route("/openapi.json", get(openapi_document))
        .merge(crate::appointments::http::routes())
        .merge(crate::feedback::routes())
        .merge(crate::auth::routes())
        .fallback(|| async { ApiError::NotFound })
}

/// docs/openapi.json as this server describes itself.
async fn openapi_document() -> Response {
    static DOCUMENT: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(crate::openapi::document);
    let typed = [(header::CONTENT_TYPE, "application/json")];
    with_cache((typed, DOCUMENT.as_str()).into_response(), "no-cache")
}

async fn list_services(State(state): State<AppState>) -> Response {
    let list = ServiceList {
        services: state.catalogue.summaries(),
    };
    with_cache(Json(list).into_response(), "no-cache")
}

/// The whole catalogue in one answer: the app searches it on the device and keeps it
/// for offline use; `no-cache` makes the browser ask whether it changed. Compressed
/// once at start, as the client accepts it.
async fn get_catalogue(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    in_reader_language(state.city_catalogue.clone(), query, headers).await
}

/// `served` in the language `query` asks for, as the client accepts it.
async fn in_reader_language(
    served: std::sync::Arc<crate::precompressed::PerLanguage>,
    query: Option<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let locale = reader_language(query.as_deref())?;
    // The first answer in a language is compressed then: not on the async workers.
    let response = blocking(move || served.get(locale).response(&headers)).await?;
    Ok(with_cache(response, "no-cache"))
}

/// `?lang=`: the reader's language; the answer holds its texts, German and English
/// (German when not given). A language the app does not have is a bad request.
fn reader_language(query: Option<&str>) -> Result<rathaus_core::Locale, ApiError> {
    let lang = query
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="));
    match lang {
        None => Ok(rathaus_core::Locale::De),
        Some(code) => rathaus_core::Locale::from_code(code).ok_or(ApiError::BadRequest),
    }
}

/// What the front page shows (topics with their counts, the wizards), so that a first
/// visit need not carry the whole catalogue.
async fn get_overview(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    in_reader_language(state.city_overview.clone(), query, headers).await
}

async fn get_service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let def = state.catalogue.get(&id).ok_or(ApiError::NotFound)?;
    Ok(with_cache(Json(def).into_response(), "no-cache"))
}

async fn submit_application(
    State(state): State<AppState>,
    session: MaybeSession,
    IdempotencyKey(key): IdempotencyKey,
    JsonBody(request): JsonBody<SubmitApplication>,
) -> Result<Response, ApiError> {
    let request_hash = codes::request_hash(&request);

    let db = state.db.clone();
    let catalogue = state.catalogue.clone();
    let now = state.clock.now();
    let outcome =
        blocking(move || -> Result<IdempotentOutcome, ApiError> {
            // A repeat is answered as the first time was, even if the definition has
            // changed since: the case exists.
            if let Some(outcome) = db.replay(&key, &request_hash, now)? {
                return Ok(outcome);
            }
            let def = catalogue
                .get(&request.service_id)
                .ok_or(ApiError::NotFound)?;
            let login = session.0.as_ref().map(|s| &s.stored);
            if def.identification == Identification::Required {
                match login {
                    None => return Err(ApiError::Forbidden(ApiErrorCode::IdentificationRequired)),
                    Some(l) if !l.identity.suffices_for(def) => {
                        return Err(ApiError::Forbidden(ApiErrorCode::AssuranceTooLow))
                    }
                    Some(_) => {}
                }
            }
            let (today, _) = now.berlin_local();
            // What the app says about a file (name, size, type) is replaced by what was
            // recorded on upload, so the rules on files judge the real file.
            let mut sent = request.answers.clone();
            // A read-only prefilled answer is the login's, never the request's.
            let from_identity = match login {
                Some(l) if !def.identification.is_none() => {
                    enforce_prefill(def, &l.identity, &mut sent)
                }
                _ => Vec::new(),
            };
            let mut unknown = Vec::new();
            // Each file's id and the question that refers to it.
            let mut paths: Vec<(String, String)> = Vec::new();
            for_each_file(&mut sent, "", &mut |path, file| match db
                .unclaimed_attachment(&file.id, now)
            {
                Ok(Some(recorded)) => {
                    paths.push((recorded.id.clone(), path.to_owned()));
                    *file = recorded;
                }
                _ => unknown.push(FieldError {
                    field: path.to_owned(),
                    code: ErrorCode::Invalid,
                    limit: None,
                }),
            });
            if !unknown.is_empty() {
                return Err(ApiError::Validation(unknown));
            }
            let attachments: Vec<String> = paths.iter().map(|(id, _)| id.clone()).collect();
            let answers = validate_application(def, &sent, today).map_err(ApiError::Validation)?;
            // The fee comes from the server's own rules, whatever the app computed.
            let fee = def.fee_for(&answers, today);
            let answers_json = serde_json::to_string(&answers).expect("answers serialise");
            let created = db.create_case_idempotent(
                &key,
                &request_hash,
                NewCase {
                    attachments: &attachments,
                    service_id: &def.id,
                    service_version: def.version,
                    answers_json: &answers_json,
                    fee,
                    locale: request.locale.code(),
                    now,
                    account: login.map(|l| l.account.as_str()),
                    from_identity: &from_identity,
                },
            );
            match created {
                Err(DbError::AttachmentTaken(id)) => Err(ApiError::Validation(
                    paths
                        .iter()
                        .filter(|(taken, _)| *taken == id)
                        .map(|(_, path)| FieldError {
                            field: path.clone(),
                            code: ErrorCode::Invalid,
                            limit: None,
                        })
                        .collect(),
                )),
                other => Ok(other?),
            }
        })
        .await??;

    Ok(match outcome {
        IdempotentOutcome::Created(receipt) => with_cache(
            (StatusCode::CREATED, Json(receipt)).into_response(),
            "no-store",
        ),
        IdempotentOutcome::Repeated(receipt) => {
            with_cache((StatusCode::OK, Json(receipt)).into_response(), "no-store")
        }
        IdempotentOutcome::KeyReused => return Err(ApiError::IdempotencyKeyReused),
    })
}

/// Calls `f` with every file an application refers to and the path of its question
/// (`plan`, or `persons.1.proof` inside a group).
fn for_each_file(answers: &mut Answers, prefix: &str, f: &mut dyn FnMut(&str, &mut FileRef)) {
    for (id, answer) in answers.0.iter_mut() {
        let path = format!("{prefix}{id}");
        match answer {
            Answer::Files(files) => files.iter_mut().for_each(|file| f(&path, file)),
            Answer::Items(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    for_each_file(item, &format!("{path}.{index}."), f);
                }
            }
            _ => {}
        }
    }
}

async fn get_case(
    State(state): State<AppState>,
    Path(case_number): Path<String>,
    client: Client,
    code: AccessCode,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    // Malformed number, wrong code, unknown case: one answer for all (404), so that
    // nothing can be learnt about which cases exist; no code at all is 401, whatever
    // the number.
    let view = authorised_case(&state, &case_number, &client, &code, &session).await?;
    Ok(with_cache(Json(view).into_response(), "no-store"))
}

/// The case, if the request carries its access code; one answer (404) for everything
/// else, as for the status lookup. Wrong attempts count towards the limit
/// (crate::limit); over it, the answer is 429 for right codes too. A request without
/// a code (none, another scheme, not a code's shape) is 401 before anything is looked
/// at: it is no guess, and its answer is the same for every case number.
async fn authorised_case(
    state: &AppState,
    case_number: &str,
    client: &Client,
    code: &AccessCode,
    session: &MaybeSession,
) -> Result<rathaus_core::api::CaseView, ApiError> {
    // The code, or else a logged-in account's own case: a case of the account needs no
    // access code, and another account's case is the same 404 as a wrong code.
    let key = match (code.0.clone(), session.account()) {
        (Some(code), _) => CaseKey::Code(code),
        (None, Some(account)) => CaseKey::Account(account.to_owned()),
        (None, None) => return Err(ApiError::Unauthorized),
    };
    let at = state.clock.now().0;
    if let Some(seconds) = state.attempts.blocked(case_number, client.0, at) {
        return Err(ApiError::Limited(seconds));
    }
    let wrong = || {
        state.attempts.failed(case_number, client.0, at);
        ApiError::NotFound
    };
    let Some(number) = normalize_case_number(case_number) else {
        return Err(wrong());
    };
    let db = state.db.clone();
    let catalogue = state.catalogue.clone();
    blocking(move || {
        let title = |service_id: &str| catalogue.title_of(service_id);
        match key {
            CaseKey::Code(code) => db.case_for_citizen(&number, &code, title),
            CaseKey::Account(account) => db.case_for_account(&number, &account, title),
        }
    })
    .await??
    .ok_or_else(wrong)
}

/// What opens a case: its access code, or the session of the account it belongs to.
enum CaseKey {
    Code(String),
    Account(String),
}

/// `POST /applications/{case}/answers`: the citizen answers the office's open request.
/// Idempotent by key: the same answer again changes nothing. Answers with the case as
/// it is now.
async fn answer_request(
    State(state): State<AppState>,
    Path(case_number): Path<String>,
    client: Client,
    code: AccessCode,
    session: MaybeSession,
    IdempotencyKey(key): IdempotencyKey,
    JsonBody(answer): JsonBody<rathaus_core::api::AnswerRequest>,
) -> Result<Response, ApiError> {
    use crate::office::OfficeError;
    let case = authorised_case(&state, &case_number, &client, &code, &session).await?;
    // Checked against the open request; a closed one is for the database to judge
    // (it may be this very answer, repeated).
    if let Some(request) = case
        .open_request
        .as_ref()
        .filter(|r| r.id == answer.request_id)
    {
        let problems = answer.problems(request);
        if !problems.is_empty() {
            return Err(ApiError::Validation(problems));
        }
    }
    let db = state.db.clone();
    let number = case.case_number.clone();
    let now = state.clock.now();
    let outcome = blocking(move || db.answer(&number, &key, &answer, now)).await?;
    match outcome {
        Ok(_) => {}
        Err(OfficeError::KeyReused) => return Err(ApiError::IdempotencyKeyReused),
        Err(OfficeError::RequestClosed | OfficeError::Illegal { .. }) => {
            return Err(ApiError::RequestClosed)
        }
        Err(OfficeError::UnknownAttachment(_)) => {
            return Err(ApiError::Validation(vec![FieldError {
                field: "attachments".into(),
                code: ErrorCode::Invalid,
                limit: None,
            }]))
        }
        Err(e) => return Err(ApiError::Internal(e.to_string())),
    }
    let view = authorised_case(&state, &case_number, &client, &code, &session).await?;
    Ok(with_cache(Json(view).into_response(), "no-store"))
}

async fn create_payment(
    State(state): State<AppState>,
    Path(case_number): Path<String>,
    client: Client,
    code: AccessCode,
    session: MaybeSession,
    IdempotencyKey(request_id): IdempotencyKey,
    JsonBody(request): JsonBody<rathaus_core::payment::CreatePayment>,
) -> Result<Response, ApiError> {
    use crate::payments::Created;
    let case = authorised_case(&state, &case_number, &client, &code, &session).await?;
    if !crate::auth::valid_return_url(&request.return_url) {
        return Err(ApiError::BadRequest);
    }
    let request_hash = codes::request_hash(&request);
    // The amount is the backend's own: the fee it computed when the case was made.
    if case.fee.0 <= 0 {
        return Err(ApiError::NothingToPay);
    }
    let db = state.db.clone();
    let (number, fee, seconds) = (case.case_number.clone(), case.fee, state.payment_seconds);
    let now = state.clock.now();
    let created = blocking(move || {
        db.create_payment(
            &number,
            &request_id,
            &request_hash,
            fee,
            &request.return_url,
            now,
            seconds,
        )
    })
    .await??;
    let (status, payment) = match created {
        Created::New(p) => (StatusCode::CREATED, p),
        Created::Existing(p) => (StatusCode::OK, p),
        Created::AlreadyPaid => return Err(ApiError::AlreadyPaid),
        Created::KeyReused => return Err(ApiError::IdempotencyKeyReused),
    };
    let view = payment_view(payment, &case.service_title, &state.payment_provider_url);
    Ok(with_cache((status, Json(view)).into_response(), "no-store"))
}

async fn list_payments(
    State(state): State<AppState>,
    Path(case_number): Path<String>,
    client: Client,
    code: AccessCode,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    let case = authorised_case(&state, &case_number, &client, &code, &session).await?;
    let db = state.db.clone();
    let number = case.case_number.clone();
    let now = state.clock.now();
    let payments = blocking(move || db.payments(&number, now)).await??;
    let list = rathaus_core::payment::PaymentList {
        payments: payments
            .into_iter()
            .map(|p| payment_view(p, &case.service_title, &state.payment_provider_url))
            .collect(),
    };
    Ok(with_cache(Json(list).into_response(), "no-store"))
}

async fn get_payment(
    State(state): State<AppState>,
    Path((case_number, payment_id)): Path<(String, String)>,
    client: Client,
    code: AccessCode,
    session: MaybeSession,
) -> Result<Response, ApiError> {
    let case = authorised_case(&state, &case_number, &client, &code, &session).await?;
    let db = state.db.clone();
    let number = case.case_number.clone();
    let now = state.clock.now();
    let payment = blocking(move || db.payments(&number, now))
        .await??
        .into_iter()
        .find(|p| p.id == payment_id)
        .ok_or(ApiError::NotFound)?;
    let view = payment_view(payment, &case.service_title, &state.payment_provider_url);
    Ok(with_cache(Json(view).into_response(), "no-store"))
}
