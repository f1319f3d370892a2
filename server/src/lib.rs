//! The Meetral server as a library, so integration tests drive the exact router the binary serves.

pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod worker;
