//! Global search from the header: events and organizers for everyone, accounts too for admins. The
//! `/search` page answers without JavaScript; the header's combobox island suggests as people type
//! by reading that same page.

pub mod api;
pub mod box_island;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
