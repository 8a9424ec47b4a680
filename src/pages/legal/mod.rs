//! The legal pages' module: Impressum, Datenschutz, Barrierefreiheit and its
//! feedback form.

pub mod accessibility;
pub mod barrier_report;
pub mod content;
pub mod imprint;
pub mod privacy;

pub use accessibility::AccessibilityPage;
pub use barrier_report::BarrierReportPage;
pub use imprint::ImprintPage;
pub use privacy::PrivacyPage;

use leptos::prelude::*;

use crate::router::LegalRoute;

/// Release builds (`--cfg rathaus_split`) move this function and what only it uses
/// into a wasm module of its own (docs/size.md): few visits need these pages.
#[cfg_attr(rathaus_split, lazy)]
pub async fn legal_code(route: LegalRoute) -> AnyView {
    match route {
        LegalRoute::Imprint => view! { <ImprintPage /> }.into_any(),
        LegalRoute::Privacy => view! { <PrivacyPage /> }.into_any(),
        LegalRoute::Accessibility => view! { <AccessibilityPage /> }.into_any(),
        LegalRoute::BarrierReport => view! { <BarrierReportPage /> }.into_any(),
    }
}
