//! GOV.UK-style components, one folder each with its CSS. Every field follows one
//! contract (see [`field`]): label, `{id}-hint`, `{id}-error`, `aria-describedby`,
//! `aria-invalid`, and a visually hidden "Error:" before the message.

pub mod address_input;
pub mod back_link;
pub mod button;
pub mod checkbox;
pub mod checkboxes;
pub mod date_input;
pub mod error_summary;
pub mod field;
pub mod file_upload;
pub mod notice;
pub mod panel;
pub mod radios;
pub mod ranking;
pub mod search_box;
pub mod select;
pub mod summary_list;
pub mod text_input;

pub use address_input::{address_part_id, AddressInput};
pub use back_link::BackLink;
pub use button::{Button, PrintButton};
pub use checkbox::Checkbox;
pub use checkboxes::Checkboxes;
pub use date_input::DateInput;
pub use error_summary::{ErrorSummary, SummaryError};
pub use file_upload::{FileRefusal, FileUpload};
pub use notice::{LoadError, Loading};
pub use panel::Panel;
pub use radios::{RadioOption, Radios};
pub use ranking::Ranking;
pub use select::Select;
pub use summary_list::{SummaryList, SummaryRow};
pub use text_input::{TextInput, TextInputKind};
