//! Back-office services: settings and word lists, dashboards, users, events, tickets, mails, labels.

pub mod audit;
pub mod catalog;
pub mod dashboard;
pub mod events;
pub mod mail;
pub mod settings;
pub mod tickets;
pub mod users;
