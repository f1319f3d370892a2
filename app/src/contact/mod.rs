//! Contact form: a visitor writes to the team. The message and the mail to the team are stored in one
//! transaction; the mail leaves through the outbox.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
