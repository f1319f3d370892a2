//! Transactional mail through an outbox: a mail is a row written in the same transaction as its cause
//! (`outbox::enqueue`) and sent after commit by a worker (`worker`), at least once, with retries.

pub mod message;
pub mod outbox;
pub mod render;
pub mod transport;
pub mod unsubscribe;
pub mod worker;
