//! The back-office (`/admin/…`): staff-only, server-rendered pages with plain forms and no islands,
//! so none of it reaches the browser's WASM. Copy is written as FR/EN pairs (`Locale::pick`).

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
