//! The home page: slogan, the FreeFood concept and the next published events.

pub mod pages;
