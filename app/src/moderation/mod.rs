//! Moderation: automated checks and the review queue before publication, reports from visitors,
//! sanctions. The back-office pages live in `admin`; this folder holds the rules and services.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
