//! Finding events: the catalogue's filters (in the URL), French full-text search, places and dates.

pub mod api;
pub mod live;
pub mod map;
pub mod model;
pub mod organizer_page;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
