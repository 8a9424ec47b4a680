//! One file per page of the app.

pub mod accessibility;
pub mod applications;
pub mod barrier_report;
pub mod case;
pub mod catalogue;
pub mod check_answers;
pub mod device;
pub mod group;
pub mod imprint;
pub mod info;
pub mod not_found;
pub mod payment;
pub mod privacy;
pub mod service_start;
pub mod status;
pub mod step;
pub mod topic;

pub use accessibility::AccessibilityPage;
pub use applications::ApplicationsPage;
pub use barrier_report::BarrierReportPage;
pub use case::CasePage;
pub use catalogue::CataloguePage;
pub use check_answers::CheckAnswersPage;
pub use device::DevicePage;
pub use imprint::ImprintPage;
pub use info::InfoPage;
pub use not_found::NotFoundPage;
pub use payment::PaymentReturnPage;
pub use privacy::PrivacyPage;
pub use service_start::ServiceStartPage;
pub use status::StatusPage;
pub use step::{ResumePage, StepPage};
pub use topic::TopicPage;
