//! Files for an application (a site plan, the landlord's confirmation): chosen, checked
//! on the device against the question's rules, uploaded at once (offline: kept on the
//! device and uploaded when the application is sent), listed with "Remove". A file the
//! device or the backend refuses is named at the field, in the question's words; the
//! files already there stay.

use leptos::prelude::*;
use rathaus_core::api::ApiErrorCode;
use rathaus_core::definition::Constraints;
use rathaus_core::{ErrorCode, FileRef};
use wasm_bindgen::JsCast;

use super::field::{describedby, invalid, ErrorMessage, FormGroup, Hint};
use crate::api::ApiError;
use crate::file_store;
use crate::i18n::{fill, use_i18n, Key, Said};

/// Why a chosen file was refused, on the device before uploading or by the backend
/// that looked into it; the question puts it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    Type,
    TooLarge,
    TooMany,
    /// What the backend found inside the file ([`ErrorCode::found_on_upload`]):
    /// active content, malware.
    Content(ErrorCode),
}

/// The backend's answer to an upload as a refusal of the file (by its error code: the type,
/// the size, what is in it); `None` when the answer says nothing about the file (a
/// full store, an unavailable scanner, a server error), so trying again may help.
pub fn backend_refusal(error: &ApiError) -> Option<FileRefusal> {
    let ApiError::Status { body, .. } = error else {
        return None;
    };
    match error.code()? {
        // The backend judges the content: a renamed file is refused there.
        ApiErrorCode::UnsupportedMediaType => Some(FileRefusal::Type),
        ApiErrorCode::PayloadTooLarge => Some(FileRefusal::TooLarge),
        ApiErrorCode::ValidationFailed => body
            .as_ref()?
            .errors
            .iter()
            .map(|e| e.code)
            .find(|code| code.found_on_upload())
            .map(FileRefusal::Content),
        _ => None,
    }
}

/// The device-side check of one more file, by the core's own rules.
pub fn refuse_file(
    constraints: &Constraints,
    media_type: &str,
    size: u64,
    already: usize,
) -> Option<FileRefusal> {
    if already >= constraints.max_count.unwrap_or(1) as usize {
        Some(FileRefusal::TooMany)
    } else if !constraints.accepts(media_type) {
        Some(FileRefusal::Type)
    } else if size > constraints.file_limit() {
        Some(FileRefusal::TooLarge)
    } else {
        None
    }
}

#[component]
pub fn FileUpload(
    #[prop(into)] id: String,
    #[prop(into)] label: Said,
    #[prop(optional, into)] hint: Option<Said>,
    #[prop(into)] error: Signal<Option<String>>,
    constraints: Constraints,
    #[prop(into)] value: Signal<Vec<FileRef>>,
    #[prop(into)] on_change: Callback<Vec<FileRef>>,
    /// Words for a file refused on the device (type, size, count).
    #[prop(into)]
    refusal_message: Callback<FileRefusal, String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let local_error = RwSignal::new(None::<String>);
    let shown_error = Signal::derive(move || local_error.get().or_else(|| error.get()));
    let status = RwSignal::new(None::<String>);
    let label_view = super::text_input::label(&id, label, is_page_heading);
    let describedby = describedby(&id, hint.is_some(), shown_error);
    let hint_view = hint.map(|text| view! { <Hint id=id.clone() text=text /> });
    let accept = if constraints.accept.is_empty() {
        rathaus_core::definition::DEFAULT_ACCEPT.join(",")
    } else {
        constraints.accept.join(",")
    };
    let multiple = constraints.max_count.unwrap_or(1) > 1;

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // The same file may be chosen again after a failure: clear the box.
        input.set_value("");
        local_error.set(None);
        let constraints = constraints.clone();
        crate::spawn(async move {
            for file in files {
                let already = value.get_untracked().len();
                let size = file.size() as u64;
                if let Some(refusal) = refuse_file(&constraints, &file.type_(), size, already) {
                    local_error.try_set(Some(refusal_message.run(refusal)));
                    return;
                }
                status.try_set(Some(i18n.t(Key::Uploading).to_owned()));
                let name = file.name();
                let kept = match crate::api::upload_attachment(&file, &name).await {
                    Ok(stored) => {
                        // A copy stays on the device as long as the draft.
                        file_store::keep(&stored.id, &file).await;
                        Ok((stored, Key::Uploaded))
                    }
                    // Offline: kept on the device, uploaded when the application is sent.
                    Err(ApiError::Network) => {
                        let local = FileRef {
                            id: format!(
                                "{}{}",
                                file_store::LOCAL_PREFIX,
                                crate::api::new_idempotency_key()
                            ),
                            name: name.clone(),
                            size,
                            media_type: file.type_(),
                        };
                        if file_store::keep(&local.id, &file).await {
                            Ok((local, Key::KeptUntilOnline))
                        } else {
                            Err(i18n.t(Key::UploadFailed).to_owned())
                        }
                    }
                    Err(e) => Err(match backend_refusal(&e) {
                        Some(refusal) => refusal_message.run(refusal),
                        None => i18n.t(Key::UploadFailed).to_owned(),
                    }),
                };
                match kept {
                    Ok((stored, said)) => {
                        let mut next = value.get_untracked();
                        next.push(stored);
                        on_change.run(next);
                        status.try_set(Some(fill(i18n.t(said), &[("name", &name)])));
                    }
                    Err(message) => {
                        status.try_set(None);
                        local_error.try_set(Some(message));
                        return;
                    }
                }
            }
        });
    };

    let list = move || {
        let files = value.get();
        (!files.is_empty()).then(|| {
            files
                .into_iter()
                .map(|f| {
                    let remove_id = f.id.clone();
                    let name = f.name.clone();
                    let waiting = file_store::is_local(&f).then(|| i18n.t(Key::NotYetUploaded));
                    view! {
                        <li class="file-upload__file">
                            <span>
                                {f.name} " (" {rathaus_core::format::file_size(f.size)} ")"
                                {waiting.map(|w| format!(" – {w}"))}
                            </span>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    let next = value
                                        .get_untracked()
                                        .into_iter()
                                        .filter(|x| x.id != remove_id)
                                        .collect();
                                    on_change.run(next);
                                    status.set(None);
                                    file_store::forget(vec![remove_id.clone()]);
                                }
                            >
                                {i18n.t(Key::Remove)}
                                <span class="visually-hidden">{format!(" {name}")}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <FormGroup error=shown_error>
            {label_view}
            {hint_view}
            <ErrorMessage id=id.clone() error=shown_error />
            <ul class="file-upload__list">{list}</ul>
            <input
                id=id.clone()
                name=id
                type="file"
                class="file-upload"
                class:input--error=move || shown_error.with(Option::is_some)
                accept=accept
                multiple=multiple
                aria-describedby=describedby
                aria-invalid=invalid(shown_error)
                on:change=on_pick
            />
            <p class="file-upload__status" aria-live="polite">{move || status.get()}</p>
        </FormGroup>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_refuses_what_the_question_would_refuse() {
        let c: Constraints = rathaus_core::json::from_str(
            r#"{"accept":["application/pdf"],"max_file_bytes":1000,"max_count":2}"#,
        )
        .unwrap();
        assert_eq!(refuse_file(&c, "application/pdf", 1000, 0), None);
        assert_eq!(refuse_file(&c, "image/png", 10, 0), Some(FileRefusal::Type));
        assert_eq!(
            refuse_file(&c, "application/pdf", 1001, 0),
            Some(FileRefusal::TooLarge)
        );
        assert_eq!(
            refuse_file(&c, "application/pdf", 10, 2),
            Some(FileRefusal::TooMany)
        );
        let plain = Constraints::default();
        assert_eq!(refuse_file(&plain, "image/jpeg", 10, 0), None);
        assert_eq!(
            refuse_file(&plain, "image/jpeg", 10, 1),
            Some(FileRefusal::TooMany)
        );
        assert_eq!(
            refuse_file(&plain, "text/html", 10, 0),
            Some(FileRefusal::Type)
        );
    }

    /// The answer as the backend sends it (crates/rathaus-server/src/error.rs).
    fn answered(status: u16, body: &str) -> ApiError {
        ApiError::Status {
            status,
            body: rathaus_core::json::from_str(body).ok(),
        }
    }

    #[test]
    fn the_backends_refusals_are_refusals_of_the_file() {
        let refused = |code: &str| {
            answered(
                422,
                &format!(
                    r#"{{"error":"validation_failed","errors":[{{"field":"file","code":"{code}"}}]}}"#
                ),
            )
        };
        assert_eq!(
            backend_refusal(&refused("active_content")),
            Some(FileRefusal::Content(ErrorCode::ActiveContent))
        );
        assert_eq!(
            backend_refusal(&refused("malware_found")),
            Some(FileRefusal::Content(ErrorCode::MalwareFound))
        );
        let unsupported = r#"{"error":"unsupported_media_type","errors":[]}"#;
        assert_eq!(
            backend_refusal(&answered(415, unsupported)),
            Some(FileRefusal::Type)
        );
        let too_large = r#"{"error":"payload_too_large","errors":[]}"#;
        assert_eq!(
            backend_refusal(&answered(413, too_large)),
            Some(FileRefusal::TooLarge)
        );
        // A proxy's page instead of the backend's JSON still says what is wrong.
        assert_eq!(
            backend_refusal(&answered(413, "<html>")),
            Some(FileRefusal::TooLarge)
        );
    }

    #[test]
    fn a_failure_that_is_not_about_the_file_is_worth_another_try() {
        assert_eq!(backend_refusal(&ApiError::Network), None);
        assert_eq!(backend_refusal(&ApiError::Decode), None);
        for status in [429, 500, 503] {
            assert_eq!(
                backend_refusal(&answered(status, r#"{"error":"unavailable"}"#)),
                None,
                "{status}"
            );
        }
        // Only what the backend finds inside a file is a refusal of the file.
        let required =
            r#"{"error":"validation_failed","errors":[{"field":"file","code":"required"}]}"#;
        assert_eq!(backend_refusal(&answered(422, required)), None);
        assert_eq!(backend_refusal(&answered(422, "")), None);
    }
}
