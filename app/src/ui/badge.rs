use leptos::prelude::*;

use crate::i18n::{Locale, MessageKey};

/// The green FreeFood label. The accessible name says what it means, the visible text stays short.
#[component]
pub fn FreeFoodBadge(locale: Locale) -> impl IntoView {
    view! {
        <span class="badge badge-freefood" title=locale.t(MessageKey::FreeFoodBadgeLabel)>
            <svg class="badge-icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4 1v5a2 2 0 0 0 1.5 1.9V15h1.5V7.9A2 2 0 0 0 8.5 6V1H7v4.5H6.3V1H5.2v4.5H4.5V1zM12.5 1C11 1 10 2.8 10 5v3.5h1.5V15H13V1z" fill="currentColor" />
            </svg>
            {locale.t(MessageKey::FreeFood)}
            <span class="visually-hidden">{format!(" — {}", locale.t(MessageKey::FreeFoodBadgeLabel))}</span>
        </span>
    }
}
