//! The client of the city's backend: typed requests to `/api/v1` (rathaus_core::api).

use std::cell::RefCell;

use rathaus_core::api::{
    AccountApplications, AccountDraft, DraftsDeleted, LogoutView, SessionView, CSRF_HEADER,
};
use rathaus_core::api::{
    AnswerRequest, ApiErrorCode, ApplicationReceipt, CaseView, ErrorBody, FeedbackReceipt,
    ServiceList, SubmitApplication, ACCESS_CODE_SCHEME, ATTACHMENT_NAME_HEADER,
    IDEMPOTENCY_KEY_HEADER,
};
use rathaus_core::catalogue::{Catalogue, Overview};
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::json::{self, FromJson};
use rathaus_core::payment::{CreatePayment, PaymentList, PaymentView};
use rathaus_core::FileRef;
use rathaus_core::Locale;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestInit, Response};

/// A request that takes longer than this is given up, so no spinner spins forever.
const TIMEOUT_MS: i32 = 30_000;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// No answer: offline, DNS, timeout, or the server is down.
    #[error("the server could not be reached")]
    Network,
    /// An answer with an error status and, usually, an [`ErrorBody`].
    #[error("the server answered {status}")]
    Status {
        status: u16,
        body: Option<ErrorBody>,
    },
    /// An answer that is not what the contract promises.
    #[error("the server's answer could not be read")]
    Decode,
}

impl ApiError {
    /// What went wrong, as the backend says it (the code of its error body), or for an
    /// answer without that body what its status alone says; `None` without an answer.
    pub fn code(&self) -> Option<ApiErrorCode> {
        let ApiError::Status { status, body } = self else {
            return None;
        };
        match body {
            Some(body) => Some(body.error),
            None => ApiErrorCode::for_status(*status),
        }
    }

    /// The field problems of a `validation_failed` refusal (none listed for one without
    /// the backend's body); `None` for any other failure.
    pub fn field_errors(&self) -> Option<Vec<rathaus_core::validate::FieldError>> {
        if self.code() != Some(ApiErrorCode::ValidationFailed) {
            return None;
        }
        Some(match self {
            ApiError::Status {
                body: Some(body), ..
            } => body.errors.clone(),
            _ => Vec::new(),
        })
    }

    /// The backend says the request conflicts with the case as it is (the office's
    /// request is closed, or this key was used for a different answer): look again.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self.code(),
            Some(ApiErrorCode::RequestClosed | ApiErrorCode::IdempotencyKeyReused)
        )
    }

    /// No such thing — for a case: none with this number and access code (401 is a
    /// code the backend could not read as one, which the citizen hears the same way).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self.code(),
            Some(ApiErrorCode::NotFound | ApiErrorCode::Unauthorized)
        )
    }
}

thread_local! {
    static BASE_URL: RefCell<String> = RefCell::new("/api/v1".to_owned());
}

/// Where the API lives, from `config.json` (see [`crate::config`]).
pub fn set_base_url(url: &str) {
    BASE_URL.with(|b| *b.borrow_mut() = url.trim_end_matches('/').to_owned());
}

fn url(path: &str) -> String {
    BASE_URL.with(|b| format!("{}{path}", b.borrow()))
}

/// Reads a JSON answer. Errors carry the status and the [`ErrorBody`] the contract
/// defines. Kept apart from the (single, non-generic) request future, so that each
/// response type costs only its decoding.
pub(crate) fn decode<T: FromJson>((status, text): (u16, String)) -> Result<T, ApiError> {
    if !(200..300).contains(&status) {
        return Err(ApiError::Status {
            status,
            body: json::from_str(&text).ok(),
        });
    }
    json::from_str(&text).map_err(|_| ApiError::Decode)
}

/// What a request carries. Turned into a JS value here, in the app's first module: the
/// wizard is a separately loaded module, and wasm-bindgen's conversions only work when
/// called from the first one.
#[derive(Clone, Copy)]
pub(crate) enum Body<'a> {
    Json(&'a str),
    File(&'a web_sys::Blob),
}

thread_local! {
    /// The session's CSRF token, once known (crate::api::get_session).
    static CSRF_TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sends a request; the status and body text of the answer. A request that changes
/// something carries the session's CSRF token; refused for want of it (the app did
/// not know it yet, or the session is new), it is sent once more with the token the
/// backend names now.
pub(crate) async fn fetch_text(
    method: &str,
    url: &str,
    body: Option<Body<'_>>,
    headers: &[(&str, &str)],
) -> Result<(u16, String), ApiError> {
    let changes = method != "GET";
    // A device that has logged in asks for the token before its first change, rather
    // than having that change refused.
    if changes && CSRF_TOKEN.with(|t| t.borrow().is_none()) && crate::store::account().is_some() {
        let _ = get_session().await;
    }
    let answer = fetch_once(method, url, body, headers, changes).await?;
    if !(changes && answer.0 == 403 && answer.1.contains("\"csrf_failed\"")) {
        return Ok(answer);
    }
    if get_session().await.is_err() {
        return Ok(answer);
    }
    fetch_once(method, url, body, headers, true).await
}

async fn fetch_once(
    method: &str,
    url: &str,
    body: Option<Body<'_>>,
    headers: &[(&str, &str)],
    with_csrf: bool,
) -> Result<(u16, String), ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let init = RequestInit::new();
    init.set_method(method);
    let h = Headers::new().map_err(|_| ApiError::Network)?;
    h.set("Accept", "application/json")
        .map_err(|_| ApiError::Network)?;
    match body {
        Some(Body::Json(text)) => {
            h.set("Content-Type", "application/json")
                .map_err(|_| ApiError::Network)?;
            init.set_body(&JsValue::from_str(text));
        }
        Some(Body::File(file)) => {
            h.set("Content-Type", &file.type_())
                .map_err(|_| ApiError::Network)?;
            init.set_body(file);
        }
        None => {}
    }
    for (name, value) in headers {
        h.set(name, value).map_err(|_| ApiError::Network)?;
    }
    if with_csrf {
        if let Some(token) = CSRF_TOKEN.with(|t| t.borrow().clone()) {
            h.set(CSRF_HEADER, &token).map_err(|_| ApiError::Network)?;
        }
    }
    init.set_headers(&h);
    let controller = AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
        crate::task::belongs_to_current_task(c);
        let c = c.clone();
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || c.abort());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            TIMEOUT_MS,
        );
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;
    let text = JsFuture::from(response.text().map_err(|_| ApiError::Network)?)
        .await
        .map_err(|_| ApiError::Network)?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

/// Who is logged in (nobody, mostly); remembers the CSRF token for the requests after.
pub async fn get_session() -> Result<SessionView, ApiError> {
    let session: SessionView =
        decode(fetch_once("GET", &url("/session"), None, &[], false).await?)?;
    CSRF_TOKEN.with(|t| *t.borrow_mut() = session.csrf_token.clone());
    Ok(session)
}

/// Ends the session here; where to end it at the identity provider.
pub async fn logout() -> Result<LogoutView, ApiError> {
    let answer = fetch_text("POST", &url("/auth/logout"), None, &[]).await?;
    CSRF_TOKEN.with(|t| *t.borrow_mut() = None);
    decode(answer)
}

/// The logged-in account's cases, from the backend (any device).
pub async fn account_applications() -> Result<AccountApplications, ApiError> {
    decode(fetch_text("GET", &url("/account/applications"), None, &[]).await?)
}

/// The account's draft of a service, saved from another device.
pub async fn get_account_draft(service_id: &str) -> Result<AccountDraft, ApiError> {
    let path = format!("/account/drafts/{}", encode_segment(service_id));
    decode(fetch_text("GET", &url(&path), None, &[]).await?)
}

/// Keeps a draft for the account, to go on on another device.
pub async fn save_account_draft(
    service_id: &str,
    draft: &AccountDraft,
) -> Result<AccountDraft, ApiError> {
    let path = format!("/account/drafts/{}", encode_segment(service_id));
    let body = json::to_string(draft);
    decode(fetch_text("PUT", &url(&path), Some(Body::Json(&body)), &[]).await?)
}

/// Forgets the account's draft of a service, or all its drafts (`None`).
pub async fn delete_account_drafts(service_id: Option<&str>) -> Result<DraftsDeleted, ApiError> {
    let path = match service_id {
        Some(id) => format!("/account/drafts/{}", encode_segment(id)),
        None => "/account/drafts".to_owned(),
    };
    decode(fetch_text("DELETE", &url(&path), None, &[]).await?)
}

/// Where the browser goes to log in, coming back to `return_to` (a path of the app).
pub fn login_url(return_to: &str) -> String {
    url(&format!("/auth/login?return={}", encode_segment(return_to)))
}

pub async fn list_services() -> Result<ServiceList, ApiError> {
    decode(fetch_text("GET", &url("/services"), None, &[]).await?)
}

/// What the front page shows: topics with their counts, and the wizards.
/// Its texts in German, English and `locale` (docs/api.md).
pub async fn get_overview(locale: Locale) -> Result<Overview, ApiError> {
    let path = format!("/catalogue/overview?lang={}", locale.code());
    decode(fetch_text("GET", &url(&path), None, &[]).await?)
}

/// The city's whole catalogue (searched on the device).
pub async fn get_catalogue(locale: Locale) -> Result<Catalogue, ApiError> {
    let path = format!("/catalogue?lang={}", locale.code());
    decode(fetch_text("GET", &url(&path), None, &[]).await?)
}

pub async fn get_service(id: &str) -> Result<ServiceDefinition, ApiError> {
    let path = format!("/services/{}", encode_segment(id));
    decode(fetch_text("GET", &url(&path), None, &[]).await?)
}

/// Sends an application. `body` is the exact JSON kept with its key, so that a retry
/// sends byte for byte the same with the same key.
pub async fn submit_application(
    body: &str,
    idempotency_key: &str,
) -> Result<ApplicationReceipt, ApiError> {
    let headers = [(IDEMPOTENCY_KEY_HEADER, idempotency_key)];
    decode(
        fetch_text(
            "POST",
            &url("/applications"),
            Some(Body::Json(body)),
            &headers,
        )
        .await?,
    )
}

/// Uploads a file for an application; the backend keeps it until the application is
/// sent and answers with what it recorded (its own reading of type and size).
pub async fn upload_attachment(file: &web_sys::Blob, name: &str) -> Result<FileRef, ApiError> {
    let name = encode_segment(name);
    let headers = [(ATTACHMENT_NAME_HEADER, name.as_str())];
    decode(
        fetch_text(
            "POST",
            &url("/attachments"),
            Some(Body::File(file)),
            &headers,
        )
        .await?,
    )
}

pub fn submission_body(request: &SubmitApplication) -> String {
    json::to_string(request)
}

/// The `Authorization` header of a case's requests; none for a case of the logged-in
/// account known without its code (the session cookie vouches for it).
fn case_auth(access_code: &str) -> Option<String> {
    (!access_code.is_empty()).then(|| format!("{ACCESS_CODE_SCHEME} {access_code}"))
}

/// The case's status; the access code travels in a header, never in the URL.
pub async fn get_case(case_number: &str, access_code: &str) -> Result<CaseView, ApiError> {
    let path = format!("/applications/{}", encode_segment(case_number));
    let auth = case_auth(access_code);
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
    decode(fetch_text("GET", &url(&path), None, &headers).await?)
}

/// Sends the citizen's answer to the office's open request; the case as it is then.
/// `key` makes a retry safe: the same answer is never recorded twice.
pub async fn answer_request(
    case_number: &str,
    access_code: &str,
    key: &str,
    answer: &AnswerRequest,
) -> Result<CaseView, ApiError> {
    let path = format!("/applications/{}/answers", encode_segment(case_number));
    let auth = case_auth(access_code);
    let body = json::to_string(answer);
    let mut headers = vec![(IDEMPOTENCY_KEY_HEADER, key)];
    headers.extend(auth.iter().map(|a| ("Authorization", a.as_str())));
    decode(fetch_text("POST", &url(&path), Some(Body::Json(&body)), &headers).await?)
}

fn payments_path(case_number: &str) -> String {
    url(&format!(
        "/applications/{}/payments",
        encode_segment(case_number)
    ))
}

/// Starts (or, for the same `request_id`, finds again) the payment of a case's fee.
/// The amount is the backend's; `return_url` is where the provider sends the citizen.
pub async fn create_payment(
    case_number: &str,
    access_code: &str,
    request_id: &str,
    return_url: &str,
) -> Result<PaymentView, ApiError> {
    let auth = case_auth(access_code);
    let body = json::to_string(&CreatePayment {
        return_url: return_url.to_owned(),
    });
    let mut headers = vec![(IDEMPOTENCY_KEY_HEADER, request_id)];
    headers.extend(auth.iter().map(|a| ("Authorization", a.as_str())));
    decode(
        fetch_text(
            "POST",
            &payments_path(case_number),
            Some(Body::Json(&body)),
            &headers,
        )
        .await?,
    )
}

/// The payments of a case, oldest first: the backend's word on what was paid.
pub async fn list_payments(case_number: &str, access_code: &str) -> Result<PaymentList, ApiError> {
    let auth = case_auth(access_code);
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
    decode(fetch_text("GET", &payments_path(case_number), None, &headers).await?)
}

/// A service definition as a JSON value: for a page that reads a few of its members
/// (the privacy statement) without the definition's codec, which is the wizard's.
pub async fn get_service_json(id: &str) -> Result<json::Json, ApiError> {
    let path = format!("/services/{}", encode_segment(id));
    let (status, text) = fetch_text("GET", &url(&path), None, &[]).await?;
    if !(200..300).contains(&status) {
        return Err(ApiError::Status {
            status,
            body: json::from_str(&text).ok(),
        });
    }
    json::parse(&text).map_err(|_| ApiError::Decode)
}

/// Sends a citizen's report of a barrier. `body` is the exact JSON sent before with
/// `key`, so that a retry after a lost answer is the same report, kept once.
pub async fn send_feedback(body: &str, key: &str) -> Result<FeedbackReceipt, ApiError> {
    let headers = [(IDEMPOTENCY_KEY_HEADER, key)];
    decode(fetch_text("POST", &url("/feedback"), Some(Body::Json(body)), &headers).await?)
}

/// Percent-encodes everything but unreserved characters, for one path segment.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A random idempotency key (UUID v4 form). `crypto.getRandomValues` works on plain
/// http too, unlike `randomUUID`, so a city testing on its LAN is not surprised.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Without a random source, time and Math.random still make collisions unlikely.
        let seed = js_sys::Date::now() as u64;
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = ((seed >> ((i % 8) * 8)) as u8) ^ ((js_sys::Math::random() * 256.0) as u8);
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rathaus_core::validate::{ErrorCode, FieldError};

    fn answered(status: u16, error: Option<ApiErrorCode>, errors: Vec<FieldError>) -> ApiError {
        ApiError::Status {
            status,
            body: error.map(|error| ErrorBody { error, errors }),
        }
    }

    #[test]
    fn a_refusal_is_read_by_the_backends_code_not_its_status() {
        let problem = FieldError {
            field: "text".into(),
            code: ErrorCode::Required,
            limit: None,
        };
        let invalid = answered(
            422,
            Some(ApiErrorCode::ValidationFailed),
            vec![problem.clone()],
        );
        assert_eq!(invalid.field_errors(), Some(vec![problem]));
        // A proxy's 422 without the body: refused, with nothing to show at a field.
        assert_eq!(answered(422, None, vec![]).field_errors(), Some(vec![]));
        assert_eq!(
            answered(400, Some(ApiErrorCode::BadRequest), vec![]).field_errors(),
            None
        );
        assert_eq!(ApiError::Network.field_errors(), None);

        assert!(answered(409, Some(ApiErrorCode::RequestClosed), vec![]).is_conflict());
        assert!(answered(409, Some(ApiErrorCode::IdempotencyKeyReused), vec![]).is_conflict());
        // A 409 that is about paying, or one without the backend's code, is not this.
        assert!(!answered(409, Some(ApiErrorCode::AlreadyPaid), vec![]).is_conflict());
        assert!(!answered(409, None, vec![]).is_conflict());

        // A 401 (a code the backend could not read) reads to the citizen as not found.
        assert!(answered(401, None, vec![]).is_not_found());
        assert!(answered(404, Some(ApiErrorCode::NotFound), vec![]).is_not_found());
        assert!(!answered(429, Some(ApiErrorCode::TooManyRequests), vec![]).is_not_found());
    }
}
