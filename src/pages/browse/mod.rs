//! The catalogue's module: a topic's services and a service's information page.

pub mod info;
pub mod topic;

pub use info::InfoPage;
pub use topic::TopicPage;
