//! Registration and tickets: a seat taken atomically, one ticket per seat with an unguessable code and a
//! signed QR payload, the confirmation mail through the outbox.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
