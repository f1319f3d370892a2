//! Server-only infrastructure shared by the features: database pool, request facts, response status.

pub mod db;
pub mod mail;
pub mod request;
