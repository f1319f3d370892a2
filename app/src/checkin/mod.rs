//! At the door and before it: the check-in scanner (camera, manual search, offline list with queued
//! scans), co-organizer invitations, and the participants page with its exports and message to all.

pub mod api;
pub mod model;
pub mod pages;
pub mod participants;
#[cfg(feature = "ssr")]
pub mod server;
