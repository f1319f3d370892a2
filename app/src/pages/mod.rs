//! Pages that belong to no feature: 404 and the short legal/help pages.

pub mod not_found;
pub mod static_pages;
