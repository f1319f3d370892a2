//! The personal dashboard (`/dashboard`) and an organizer's statistics for one event
//! (`/organizer/events/{id}/stats`). Both are server-rendered without islands, so their copy is
//! written as FR/EN pairs (`Locale::pick`) and never reaches the browser's WASM.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
