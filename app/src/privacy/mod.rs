//! Personal data (GDPR): the "my data" page with the export and the account deletion, the
//! retention job for guests, and the privacy policy. Server-rendered without islands; copy as
//! FR/EN pairs (`Locale::pick`).

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
