//! The platform-free heart of Rathaus.
//!
//! Compiled into the web app (wasm32) and the reference backend (native), so that both
//! decide with the same code which step is shown, what is valid and what a service costs.

pub mod answers;
pub mod api;
pub mod appointments;
pub mod autocomplete;
pub mod case;
pub mod catalogue;
pub mod check;
pub mod condition;
pub mod date;
pub mod definition;
pub mod drafts;
pub mod fee;
pub mod field_error;
pub mod flow;
pub mod format;
pub mod identification;
pub mod identity;
pub mod json;
pub mod locale;
pub mod migrate;
pub mod number;
pub mod offices;
pub mod option_lists;
pub mod pattern;
pub mod payment;
pub mod placeholders;
pub mod po;
pub mod postcodes;
#[cfg(feature = "schema")]
pub mod schema;
pub mod scope;
pub mod search;
pub mod sections;
pub mod text;
pub mod timeline;
pub mod translated;
pub mod upload;
pub mod validate;

pub use answers::{AddressInput, Answer, Answers, DateInput, FileRef};
pub use definition::{Field, FieldKind, ServiceDefinition, Step};
pub use fee::Money;
pub use text::{Locale, Text};
pub use validate::{ErrorCode, FieldError};
