//! Pages that belong to no feature: 404 and the text pages (terms, legal notice, privacy, help).

#[cfg(feature = "ssr")]
mod content;
pub mod not_found;
pub mod static_pages;
