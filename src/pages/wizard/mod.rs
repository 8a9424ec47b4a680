//! The wizard's module: applying (start, steps, groups, the check page) and following
//! what was sent (confirmation and case, payment, status lookup, "Meine Anträge", the
//! device page).

pub mod applications;
pub mod case;
pub mod check_answers;
pub mod device;
pub mod group;
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
