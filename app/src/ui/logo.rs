use leptos::prelude::*;

/// The Meetral mark: a central dot with radiating arcs, drawn in the current text colour.
#[component]
pub fn LogoMark(#[prop(default = 32)] size: u32) -> impl IntoView {
    view! {
        <svg class="logo-mark" width=size height=size viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <circle cx="16" cy="16" r="4" fill="var(--color-primary)" />
            <path d="M10.3 10.3a8 8 0 0 0 0 11.4M21.7 10.3a8 8 0 0 1 0 11.4" fill="none" stroke="var(--color-primary)" stroke-width="2.4" stroke-linecap="round" />
            <path d="M6 6a14 14 0 0 0 0 20M26 6a14 14 0 0 1 0 20" fill="none" stroke="var(--color-mint)" stroke-width="2.4" stroke-linecap="round" />
        </svg>
    }
}
