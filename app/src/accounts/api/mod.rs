//! Account server functions: thin (limits and authorization first, then one service call).

mod account;
mod admin;
mod api_tokens;
mod password;
mod public_profile;
mod security;
mod session;
mod signup;

pub use account::*;
pub use admin::*;
pub use api_tokens::*;
pub use password::*;
pub use public_profile::*;
pub use security::*;
pub use session::*;
pub use signup::*;
