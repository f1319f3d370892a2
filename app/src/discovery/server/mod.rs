//! Discovery on the server: the catalogue query.

pub mod catalogue;
pub mod feeds;
