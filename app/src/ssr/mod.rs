//! Server-only infrastructure shared by the features: database pool, request facts, response status.

pub mod calendar;
pub mod db;
pub mod jobs;
pub mod mail;
pub mod qr;
pub mod rate_limit;
pub mod request;
pub mod session_store;

/// The server secret that signs links (unsubscribe), provided to pages and server functions.
#[derive(Clone)]
pub struct SigningSecret(pub std::sync::Arc<[u8]>);
