//! Shared components: page layout, logo, form fields, error panels, badges.

pub mod badge;
pub mod chart;
pub mod error_view;
pub mod form;
pub mod layout;
pub mod live_form;
pub mod logo;
pub mod map;
pub mod share;
