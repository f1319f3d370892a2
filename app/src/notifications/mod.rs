//! Notifications: what a person is told (by email and in the app) about their events, tickets and
//! submissions, honouring their preferences. Senders call `server::deliver`; scheduled reminders and
//! event changes live in `server::reminders` and `server::event_updates`.

pub mod api;
pub mod bell;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
