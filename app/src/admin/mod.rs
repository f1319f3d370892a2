//! The back-office (`/admin/…`): staff-only, server-rendered pages with plain forms and no islands,
//! so none of it reaches the browser's WASM. Copy is written as FR/EN pairs (`Locale::pick`).

// Server functions take one argument per form field (plain HTML forms post flat names).
#[allow(clippy::too_many_arguments)]
pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
