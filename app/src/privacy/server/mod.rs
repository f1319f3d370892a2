pub mod erase;
pub mod export;
pub mod retention;
pub mod zip;
