//! Webhooks for organizers: HTTPS endpoints told of registrations, cancellations, check-ins and status
//! changes of their events — signed with a per-endpoint HMAC key, delivered by the worker with retries,
//! each delivery kept as the log `/account/webhooks` shows.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
