//! The office's question and the citizen's answer: text and/or documents. What is
//! written is kept on the device with the answer's idempotency key, so that a failed
//! send, a reload or a refresh of the page loses nothing and a retry is the same
//! answer: the office gets it once.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rathaus_core::api::{AnswerRequest, OpenRequest};
use rathaus_core::{FieldError, FileRef};

use super::answer::{Answer, Sent, Shown};
use super::format_timestamp;
use super::tracker::{shows_answered, Tracker};
use crate::api::{self, ApiError};
use crate::components::{
    Button, ErrorSummary, FileRefusal, FileUpload, SummaryError, TextInput, TextInputKind,
};
use crate::file_store;
use crate::i18n::{use_i18n, Key};
use crate::store::{self, AnswerDraft};

/// Where the citizen answers: "sent" once the office has the answer, and the form for
/// the question it is for (which a refresh changes only while the form holds nothing
/// of the citizen's, see [`Tracker::question`]).
#[component]
pub fn AnswerSection(tracker: Tracker) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || tracker.answered.get().then(|| view! {
            <div class="notice notice--success" id="answer-sent" tabindex="-1" role="status">
                <p>{i18n.t(Key::AnswerSent)}</p>
            </div>
        })}
        {move || tracker.question.get().map(|request| view! { <AnswerForm tracker=tracker request=request /> })}
    }
}

/// Uploads files chosen while offline (kept on the device until now).
async fn upload_local(files: Vec<FileRef>) -> Result<Vec<FileRef>, ApiError> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        if !file_store::is_local(&file) {
            out.push(file);
            continue;
        }
        let blob = file_store::load(&file.id).await.ok_or(ApiError::Decode)?;
        let stored = api::upload_attachment(&blob, &file.name).await?;
        file_store::keep(&stored.id, &blob).await;
        file_store::forget(vec![file.id.clone()]);
        out.push(stored);
    }
    Ok(out)
}

/// Sends `answer` with its key. A 409 means the question is no longer open: if the
/// case shows it answered, that is this answer arriving (a lost reply, another tab).
async fn send(tracker: Tracker, answer: &AnswerRequest, request: &OpenRequest, key: &str) -> Sent {
    let Some(app) = tracker.app.try_get_value() else {
        return Sent::Failed(ApiError::Network);
    };
    let result = api::answer_request(&app.case_number, &app.access_code, key, answer).await;
    match result {
        Ok(view) => Sent::Answered(view),
        Err(e) if e.is_conflict() => {
            match api::get_case(&app.case_number, &app.access_code).await {
                Ok(view) if shows_answered(&view, request) => Sent::Answered(view),
                _ => Sent::Closed,
            }
        }
        Err(e) => Sent::Failed(e),
    }
}

#[component]
fn AnswerForm(tracker: Tracker, request: OpenRequest) -> impl IntoView {
    let i18n = use_i18n();
    let model = StoredValue::new(Answer::to(request.clone(), i18n.locale()));
    // What was written before (a reload, a closed tab) comes back, with its key.
    let case_number = tracker.app.with_value(|a| a.case_number.clone());
    let kept = store::load_answer(&case_number, &request.id);
    let text = RwSignal::new(kept.text);
    let files = RwSignal::new(kept.files);
    let key = StoredValue::new(kept.key);
    let save_failed = RwSignal::new(false);
    let keep = {
        let (case_number, request_id) = (case_number.clone(), request.id.clone());
        Callback::new(move |()| {
            let draft = AnswerDraft {
                text: text.get_untracked(),
                files: files.get_untracked(),
                key: key.get_value(),
            };
            let saved = store::save_answer(&case_number, &request_id, &draft);
            let _ = save_failed.try_set(!saved);
        })
    };
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Key>);
    let pending = RwSignal::new(false);
    // Settled without this answer: nothing here can be sent any more.
    let closed = RwSignal::new(false);

    // While the form holds the citizen's words or is sending them, refreshes of the
    // page leave it alone; its errors put "Fehler: " in the page's title.
    Effect::new(move |_| {
        let content = !text.with(|t| t.trim().is_empty()) || !files.with(Vec::is_empty);
        tracker
            .answer_in_hand
            .set(!closed.get() && (pending.get() || content));
    });
    Effect::new(move |_| tracker.answer_errors.set(!errors.with(Vec::is_empty)));
    focus_if_asked_for();

    let message_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|list| model.with_value(|m| m.message(list, field, i18n.locale())))
        })
    };
    let text_error = message_for("text");
    let files_error = message_for("attachments");
    let summary = Signal::derive(move || {
        [
            ("#answer-text", text_error.get()),
            ("#answer-files", files_error.get()),
        ]
        .into_iter()
        .filter_map(|(href, message)| {
            message.map(|message| SummaryError {
                href: href.into(),
                message,
            })
        })
        .collect::<Vec<_>>()
    });

    let on_submit = {
        let request = request.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            failure.set(None);
            let prepared =
                model.with_value(|m| m.prepare(text.get_untracked(), files.get_untracked()));
            let answer = match prepared {
                Ok(answer) => answer,
                Err(problems) => {
                    errors.set(problems);
                    return;
                }
            };
            errors.set(Vec::new());
            // The key belongs to this answer: made once, kept with it on the device,
            // sent with every retry.
            let answer_key = key.get_value().unwrap_or_else(api::new_idempotency_key);
            key.set_value(Some(answer_key.clone()));
            keep.run(());
            pending.set(true);
            let (request, case_number) = (request.clone(), case_number.clone());
            crate::spawn(async move {
                let mut answer = answer;
                let sent = match upload_local(answer.attachments.clone()).await {
                    Ok(uploaded) => {
                        answer.attachments = uploaded.clone();
                        let _ = files.try_set(uploaded);
                        send(tracker, &answer, &request, &answer_key).await
                    }
                    Err(e) => Sent::Failed(e),
                };
                // The device is put right even if the citizen has left the page.
                if sent.is_settled() {
                    file_store::forget(answer.attachments.iter().map(|f| f.id.clone()).collect());
                    store::delete_answer(&case_number, &request.id);
                }
                if pending.try_set(false).is_some() {
                    return;
                }
                match sent.shown() {
                    Shown::Answered(view) => {
                        text.set(String::new());
                        files.set(Vec::new());
                        tracker.show_answered(*view, true);
                    }
                    Shown::Closed => {
                        closed.set(true);
                        failure.set(Some(Key::AnswerClosed));
                        tracker.refresh();
                    }
                    Shown::Errors(found) => errors.set(found),
                    Shown::Failure(key) => failure.set(Some(key)),
                }
            });
        }
    };

    let refusal_message = Callback::new(move |refusal: FileRefusal| {
        model.with_value(|m| {
            crate::wizard::messages::refusal_message(&m.files_field, refusal, i18n.locale())
        })
    });
    let asked = format_timestamp(&request.asked_at, i18n.locale());
    let files_label = i18n.t(Answer::files_label(&request));
    let file_constraints = model.with_value(|m| m.files_field.constraints.clone());
    view! {
        <section class="case-question" data-testid="open-request" aria-labelledby="answer">
            <h2 class="heading-m" id="answer" tabindex="-1">{i18n.t(Key::EventRequest)}</h2>
            <p class="timeline__date">{asked}</p>
            <div class="inset"><p>{request.message.clone()}</p></div>
            <ErrorSummary errors=summary />
            {move || failure.get().map(|k| view! {
                <div class="notice notice--error" role="alert"><p>{i18n.t(k)}</p></div>
            })}
            <form novalidate on:submit=on_submit>
                <TextInput
                    id="answer-text"
                    label=i18n.t(Key::AnswerTextLabel)
                    hint=i18n.t(Key::AnswerTextHint)
                    error=text_error
                    value=text
                    on_input=move |v: String| {
                        text.set(v);
                        keep.run(());
                    }
                    kind=TextInputKind::LongText
                />
                <FileUpload
                    id="answer-files"
                    label=files_label
                    hint=i18n.t(Key::AnswerFilesHint)
                    error=files_error
                    constraints=file_constraints
                    value=files
                    on_change=Callback::new(move |list: Vec<FileRef>| {
                        files.set(list);
                        keep.run(());
                    })
                    refusal_message=refusal_message
                />
                {move || save_failed.get().then(|| view! {
                    <div class="notice notice--error" role="alert"><p>{i18n.t(Key::SaveFailed)}</p></div>
                })}
                <Button
                    label=i18n.t(Key::SendAnswer)
                    busy=pending
                    busy_label=i18n.t(Key::AnswerSending)
                />
            </form>
        </section>
    }
}

/// Arrived by a link to the answer (`…#answer`, from "Meine Anträge"): focus goes to
/// the question once it is shown, and the address forgets the part, so that a later
/// question does not take focus by itself.
fn focus_if_asked_for() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.hash().ok().as_deref() != Some("#answer") {
        return;
    }
    crate::page::next_frame(move || {
        crate::components::error_summary::focus_selector("#answer");
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
        }
    });
}
