//! Shared components: page layout, logo, form fields, error panels, badges.

pub mod badge;
pub mod error_view;
pub mod form;
pub mod layout;
pub mod logo;
