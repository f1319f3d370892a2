//! Moderation on the server: the checks, intake after a submission, decisions, reports, sanctions.

pub mod checks;
pub mod intake;
pub mod queue;
pub mod reports;
pub mod review;
pub mod sanctions;
pub mod templates;
