//! The legal pages' module: Impressum, Datenschutz, Barrierefreiheit and its
//! feedback form.

pub mod accessibility;
pub mod barrier_report;
pub mod imprint;
pub mod privacy;

pub use accessibility::AccessibilityPage;
pub use barrier_report::BarrierReportPage;
pub use imprint::ImprintPage;
pub use privacy::PrivacyPage;
