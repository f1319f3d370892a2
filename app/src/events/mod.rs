//! Events as visitors read them. Dates and prices are formatted on the server in the viewer's language
//! and the event's time zone, so the time-zone database never ships to the browser.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
