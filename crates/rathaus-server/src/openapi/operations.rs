//! The table of `/api/v1` operations as the router serves them (crate::api::routes), with
//! the example bodies the tests send.

use rathaus_core::api::{
    AccountApplications, AccountDraft, DraftsDeleted, LogoutView, SessionView,
};
use rathaus_core::api::{
    AnswerRequest, ApplicationReceipt, CaseView, FeedbackReceipt, FeedbackReport, ServiceList,
    SubmitApplication,
};
use rathaus_core::catalogue::{Catalogue, Overview};
use rathaus_core::definition::ServiceDefinition;
use rathaus_core::payment::{CreatePayment, PaymentList, PaymentView};
use rathaus_core::FileRef;
use serde_json::{json, Value};

use super::{schema, Input, Operation};

pub fn operations() -> Vec<Operation> {
    vec![
        Operation {
            method: "get",
            path: "/openapi.json",
            id: "getOpenApi",
            summary: "This description (docs/openapi.json).",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The OpenAPI 3.1 document.")],
            body: |_| schemars::json_schema!({"type": "object"}),
            errors: &[],
        },
        Operation {
            method: "get",
            path: "/services",
            id: "listServices",
            summary: "The services that have a wizard, with title, summary and fixed fee.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The services.")],
            body: schema::<ServiceList>,
            errors: &[],
        },
        Operation {
            method: "get",
            path: "/services/{id}",
            id: "getService",
            summary: "A service's definition: the wizard's steps, questions, rules and fees.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The definition.")],
            body: schema::<ServiceDefinition>,
            errors: &[404],
        },
        Operation {
            method: "get",
            path: "/catalogue",
            id: "getCatalogue",
            summary: "The whole catalogue of the city's services, searched on the device.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The catalogue (brotli or gzip as the client accepts).")],
            body: schema::<Catalogue>,
            errors: &[400],
        },
        Operation {
            method: "get",
            path: "/catalogue/overview",
            id: "getOverview",
            summary: "What the front page shows: topics with their counts, the wizards.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The overview.")],
            body: schema::<Overview>,
            errors: &[400],
        },
        Operation {
            method: "post",
            path: "/applications",
            id: "submitApplication",
            summary: "Send an application. The backend validates the answers and computes \
                      the fee by its own rules; the receipt's access code is shown once.",
            input: Input::Json(schema::<SubmitApplication>, example_application),
            idempotent: true,
            access_code: false,
            ok: &[
                (201, "The case was made."),
                (200, "A repeat of an earlier request: its receipt again."),
            ],
            body: schema::<ApplicationReceipt>,
            errors: &[400, 403, 404, 408, 409, 413, 422],
        },
        Operation {
            method: "get",
            path: "/applications/{case_number}",
            id: "getCase",
            summary: "A case with its timeline and the office's open request.",
            input: Input::None,
            idempotent: false,
            access_code: true,
            ok: &[(200, "The case.")],
            body: schema::<CaseView>,
            errors: &[401, 404, 429],
        },
        Operation {
            method: "post",
            path: "/applications/{case_number}/answers",
            id: "answerRequest",
            summary: "Answer the office's open request (files are uploaded first).",
            input: Input::Json(
                schema::<AnswerRequest>,
                || json!({"request_id": "rq_1", "text": "Die Kopie liegt bei.", "attachments": []}),
            ),
            idempotent: true,
            access_code: true,
            ok: &[(200, "The answer is recorded: the case as it is now.")],
            body: schema::<CaseView>,
            errors: &[400, 401, 404, 408, 409, 413, 422, 429],
        },
        Operation {
            method: "get",
            path: "/applications/{case_number}/payments",
            id: "listPayments",
            summary: "The case's payments, oldest first.",
            input: Input::None,
            idempotent: false,
            access_code: true,
            ok: &[(200, "The payments.")],
            body: schema::<PaymentList>,
            errors: &[401, 404, 429],
        },
        Operation {
            method: "post",
            path: "/applications/{case_number}/payments",
            id: "createPayment",
            summary: "Start paying the case's fee (the amount is the backend's own).",
            input: Input::Json(
                schema::<CreatePayment>,
                || json!({"return_url": "/applications/2026-7KQ4-M2XD/payment"}),
            ),
            idempotent: true,
            access_code: true,
            ok: &[
                (
                    201,
                    "A payment was started: send the citizen to its redirect_url.",
                ),
                (
                    200,
                    "A repeat of an earlier request: that payment as it is now.",
                ),
            ],
            body: schema::<PaymentView>,
            errors: &[400, 401, 404, 408, 409, 413, 429],
        },
        Operation {
            method: "get",
            path: "/applications/{case_number}/payments/{payment_id}",
            id: "getPayment",
            summary: "One payment of the case, as it is now.",
            input: Input::None,
            idempotent: false,
            access_code: true,
            ok: &[(200, "The payment.")],
            body: schema::<PaymentView>,
            errors: &[401, 404, 429],
        },
        Operation {
            method: "post",
            path: "/attachments",
            id: "uploadAttachment",
            summary: "Upload a file for an application or an answer; named in them by its id.",
            input: Input::File,
            idempotent: false,
            access_code: false,
            ok: &[(
                201,
                "The file is stored, unclaimed until an application names it.",
            )],
            body: schema::<FileRef>,
            errors: &[400, 408, 413, 415, 422, 429, 503],
        },
        Operation {
            method: "get",
            path: "/session",
            id: "getSession",
            summary: "Who is logged in (the session cookie's), with the CSRF token that the \
                      browser's state-changing requests then carry (X-CSRF-Token). Logging \
                      in is a navigation to /auth/login?return=…, not a JSON request.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The session, or that nobody is logged in.")],
            body: schema::<SessionView>,
            errors: &[],
        },
        Operation {
            method: "post",
            path: "/auth/logout",
            id: "logout",
            summary: "End the session here; where to end it at the identity provider.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The session is over (or there was none).")],
            body: schema::<LogoutView>,
            errors: &[403],
        },
        Operation {
            method: "get",
            path: "/account/applications",
            id: "listAccountApplications",
            summary: "The logged-in account's cases, newest first, on any device.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The account's cases.")],
            body: schema::<AccountApplications>,
            errors: &[403],
        },
        Operation {
            method: "get",
            path: "/account/drafts/{service_id}",
            id: "getAccountDraft",
            summary: "The account's draft of a service, saved from another device.",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "The draft.")],
            body: schema::<AccountDraft>,
            errors: &[403, 404],
        },
        Operation {
            method: "put",
            path: "/account/drafts/{service_id}",
            id: "saveAccountDraft",
            summary: "Keep a draft for the account, to go on on another device (asked for \
                      by the citizen); kept 30 days after it was last saved.",
            input: Input::Json(
                schema::<AccountDraft>,
                || json!({"service_version": 1, "answers": {"kind": "private"}, "saved_at": 1767261600000u64}),
            ),
            idempotent: false,
            access_code: false,
            ok: &[(200, "The draft as kept.")],
            body: schema::<AccountDraft>,
            errors: &[400, 403, 404, 413],
        },
        Operation {
            method: "delete",
            path: "/account/drafts/{service_id}",
            id: "deleteAccountDraft",
            summary: "Forget the account's draft of a service (it was sent, or dropped).",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "How many drafts were deleted.")],
            body: schema::<DraftsDeleted>,
            errors: &[403],
        },
        Operation {
            method: "delete",
            path: "/account/drafts",
            id: "deleteAccountDrafts",
            summary: "Forget all the account's drafts (the citizen deletes everything).",
            input: Input::None,
            idempotent: false,
            access_code: false,
            ok: &[(200, "How many drafts were deleted.")],
            body: schema::<DraftsDeleted>,
            errors: &[403],
        },
        Operation {
            method: "post",
            path: "/feedback",
            id: "reportBarrier",
            summary: "Report a barrier in the app (the accessibility statement's feedback).",
            input: Input::Json(schema::<FeedbackReport>, || {
                json!({
                    "page": "/dienste/fuehrungszeugnis",
                    "description": "Der Knopf „Weiter“ ist mit der Tastatur nicht erreichbar.",
                    "contact": "",
                    "locale": "de",
                })
            }),
            idempotent: true,
            access_code: false,
            ok: &[
                (201, "The report is received."),
                (200, "A repeat of an earlier request: its receipt again."),
            ],
            body: schema::<FeedbackReceipt>,
            errors: &[400, 408, 409, 413, 422, 429],
        },
    ]
    .into_iter()
    .chain(super::appointments::operations())
    .collect()
}

/// A complete application for the Bewohnerparkausweis (30,00 €, no login needed) as the
/// app sends it (also the tests' valid application).
pub fn example_application() -> Value {
    json!({
        "service_id": "bewohnerparkausweis",
        "service_version": 1,
        "locale": "de",
        "answers": {
            "zone": "a",
            "anschrift": {"street": "Heidestraße 17", "extra": "", "postcode": "44135", "town": "Dortmund"},
            "kennzeichen": "DO-AB 123",
            "halter": "selbst",
        },
    })
}
