//! One file per page of the app, in a folder per wasm module (docs/architecture.md,
//! 'Modules'): the first visit's pages here, the wizard's in `wizard/`, the
//! catalogue's in `browse/`, the legal pages in `legal/`. A page in a folder is
//! reached only through its module's lazy entry point (src/pages/wizard/mod.rs `deferred`,
//! src/search.rs `catalogue_code`, src/pages/legal/mod.rs `legal_code`).

pub mod catalogue;
pub mod not_found;

pub mod browse;
pub mod legal;
pub mod wizard;

pub use catalogue::CataloguePage;
pub use not_found::NotFoundPage;
