//! Discovery on the server: the catalogue query, home sections, organizer pages and feeds.

pub mod cache;
pub mod catalogue;
pub mod feeds;
pub mod home;
pub mod organizers;
