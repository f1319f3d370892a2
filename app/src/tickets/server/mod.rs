//! Registration (server only): the seat count is taken by one conditional UPDATE inside the
//! registration's transaction, so capacity holds under any number of simultaneous attempts.

pub mod codes;
mod register;
pub mod ticket;

pub use register::{Registered, Registrant, register};
