//! Typed identifiers: an event id can never be passed where a user id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);
    };
}

id_type!(UserId);
id_type!(EventId);
id_type!(CategoryId);
id_type!(TicketId);
