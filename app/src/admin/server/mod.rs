//! Back-office services: settings and word lists, dashboards, users, events, tickets, mails, labels.

pub mod audit;
pub mod catalog;
pub mod dashboard;
pub mod events;
pub mod mail;
pub mod settings;
pub mod tickets;
pub mod users;

/// `text` for a `LIKE` pattern: lower case, its own wildcards removed (people type words, not patterns).
pub fn like_text(text: &str) -> String {
    text.to_lowercase().replace(['%', '_', '\\'], "")
}
