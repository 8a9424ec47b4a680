//! One file per page of the app, in a folder per wasm module (docs/architecture.md,
//! 'Modules'): the first visit's pages here, the wizard's in `wizard/`, the
//! catalogue's in `browse/`, the legal pages in `legal/`. A page in a folder is
//! reached only through its module's lazy entry point (src/app.rs `deferred`,
//! src/search.rs `catalogue_code`, src/legal.rs `legal_code`).

pub mod catalogue;
pub mod not_found;

pub mod browse;
pub mod legal;
pub mod wizard;

pub use browse::{InfoPage, TopicPage};
pub use catalogue::CataloguePage;
pub use legal::{AccessibilityPage, BarrierReportPage, ImprintPage, PrivacyPage};
pub use not_found::NotFoundPage;
pub use wizard::{
    ApplicationsPage, CasePage, CheckAnswersPage, DevicePage, PaymentReturnPage, ResumePage,
    ServiceStartPage, StatusPage, StepPage,
};
