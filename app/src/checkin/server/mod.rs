//! Check-in and participants (server only). Every entry point starts with an access check.

pub mod access;
pub mod export;
pub mod invite;
pub mod participants;
pub mod scan;
