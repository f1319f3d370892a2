//! Registration and tickets: a seat taken atomically, one ticket per seat with an unguessable code and a
//! signed QR payload, the confirmation mail through the outbox.

pub mod api;
pub mod manage_pages;
pub mod model;
pub mod pages;
pub mod questions;
#[cfg(feature = "ssr")]
pub mod server;
pub mod wallet;
