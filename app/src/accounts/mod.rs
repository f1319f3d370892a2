//! Accounts: signing in and out with a server-side session (PostgreSQL store, id rotated at login,
//! idle and absolute timeouts, one `user_sessions` row per signed-in device so it can be revoked).
//! Signup, password reset, 2FA and the sessions page arrive with the rest of the accounts issue.

pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;
