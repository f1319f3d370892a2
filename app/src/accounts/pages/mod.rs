//! Account pages: sign-in (and its second step), signup, email confirmation, password reset, profile
//! and security. Forms are islands that check as people type and work as plain posts without WASM.

mod api_tokens;
mod login;
mod password;
mod profile;
mod public_profile;
mod security;
mod signup;
mod strength;
mod verify;

pub use api_tokens::*;
pub use login::*;
pub use password::*;
pub use profile::*;
pub use public_profile::*;
pub use security::*;
pub use signup::*;
pub use verify::*;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{Locale, MessageKey};

/// Signed-out visitors are sent to the login page, and come back to `path` after.
pub fn login_redirect(path: String) -> impl IntoView {
    let target = crate::urls::login_url(&path);
    // On the server: a real 302 (the failed server function had set 401 on this response).
    #[cfg(feature = "ssr")]
    {
        leptos_axum::redirect(&target);
        crate::ssr::request::set_status(302);
    }
    view! { <leptos_router::components::Redirect path=target /> }
}

/// Title (not indexed: account pages are private or short-lived) and heading of an account page.
#[component]
fn AccountHead(locale: Locale, title: MessageKey) -> impl IntoView {
    view! {
        <Title text=format!("{} · Meetral", locale.t(title)) />
        <Meta name="robots" content="noindex" />
        <h1>{locale.t(title)}</h1>
    }
}

/// Tabs between the signed-in person's pages; `current` is marked for assistive technology.
#[component]
pub fn AccountNav(locale: Locale, current: &'static str) -> impl IntoView {
    let links = [
        ("/account", MessageKey::AccountProfileTab),
        ("/account/security", MessageKey::AccountSecurityTab),
        (
            "/account/notifications",
            MessageKey::AccountNotificationsTab,
        ),
    ];
    // Server-only copy: the account pages are not islands.
    let public_tab = locale.pick("Profil public", "Public profile");
    let data_tab = locale.pick("Mes données", "My data");
    let tokens_tab = locale.pick("Jetons d’API", "API tokens");
    let webhooks_tab = locale.pick("Webhooks", "Webhooks");
    view! {
        <nav class="account-nav" aria-label=locale.t(MessageKey::AccountArea)>
            {links.into_iter().map(|(href, key)| view! {
                <a href=href aria-current=(href == current).then_some("page")>{locale.t(key)}</a>
            }).collect_view()}
            <a href="/account/public" aria-current=("/account/public" == current).then_some("page")>{public_tab}</a>
            <a href="/account/data" aria-current=("/account/data" == current).then_some("page")>{data_tab}</a>
            <a href="/account/tokens" aria-current=("/account/tokens" == current).then_some("page")>{tokens_tab}</a>
            <a href="/account/webhooks" aria-current=("/account/webhooks" == current).then_some("page")>{webhooks_tab}</a>
        </nav>
    }
}
