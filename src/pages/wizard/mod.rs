//! The wizard's module: applying (start, steps, groups, the check page) and following
//! what was sent (confirmation and case, payment, status lookup, "Meine Anträge", the
//! device page).

pub mod applications;
pub mod arrival;
pub mod case;
pub mod check_answers;
pub mod device;
pub mod group;
pub mod login;
pub mod payment;
pub mod service_start;
pub mod status;
pub mod step;

pub use applications::ApplicationsPage;
pub use case::CasePage;
pub use check_answers::CheckAnswersPage;
pub use device::DevicePage;
pub use payment::PaymentReturnPage;
pub use service_start::ServiceStartPage;
pub use status::StatusPage;
pub use step::{ResumePage, StepPage};

use leptos::prelude::*;

use crate::outbox::Outbox;
use crate::router::WizardRoute;
use crate::store;

/// What a first visit does not need: the wizard's pages, the confirmation, case and
/// device pages, and sending what waits in the outbox.
pub enum Deferred {
    Page(WizardRoute),
    SendWaiting(Outbox),
    /// Reads what the device keeps (src/store): damaged data is set aside, expired
    /// drafts are deleted.
    ReadStore,
}

/// Release builds (`--cfg rathaus_split`, scripts/build.sh) move this function and
/// everything only it uses into a second wasm module, loaded on first use
/// (docs/size.md).
#[cfg_attr(rathaus_split, lazy)]
pub async fn deferred(task: Deferred) -> AnyView {
    let route = match task {
        Deferred::Page(route) => route,
        Deferred::SendWaiting(outbox) => {
            outbox.send_waiting();
            return ().into_any();
        }
        Deferred::ReadStore => {
            store::load_applications();
            store::expire_drafts();
            return ().into_any();
        }
    };
    match route {
        WizardRoute::Step {
            service,
            step,
            item,
            from_check,
        } => view! { <StepPage service=service step=step item=item from_check=from_check /> }
            .into_any(),
        WizardRoute::ServiceStart { service } => {
            view! { <ServiceStartPage service=service /> }.into_any()
        }
        WizardRoute::Check { service } => view! { <CheckAnswersPage service=service /> }.into_any(),
        WizardRoute::Device => view! { <DevicePage /> }.into_any(),
        WizardRoute::Resume { service } => view! { <ResumePage service=service /> }.into_any(),
        WizardRoute::Case { case_number } => {
            view! { <CasePage case_number=case_number /> }.into_any()
        }
        WizardRoute::Applications => view! { <ApplicationsPage /> }.into_any(),
        WizardRoute::Status => view! { <StatusPage /> }.into_any(),
        WizardRoute::Login { failed, return_to } => {
            view! { <login::LoginPage failed=failed return_to=return_to /> }.into_any()
        }
        WizardRoute::PaymentReturn { case_number } => {
            view! { <PaymentReturnPage case_number=case_number /> }.into_any()
        }
    }
}
