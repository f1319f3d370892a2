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

use leptos::prelude::*;

/// `Some("true")` once this component runs in the browser (an effect never runs on the server). Put it
/// on an interactive element as `data-live`: people's tools and tests can then tell a live control from
/// server-rendered HTML that is still waiting for its WASM.
pub fn live_marker() -> ReadSignal<Option<&'static str>> {
    let (live, set_live) = signal(None);
    Effect::new(move |_| set_live.set(Some("true")));
    live
}
