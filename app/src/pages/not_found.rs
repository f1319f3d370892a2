use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{MessageKey, use_locale};

/// The branded 404 page; answers with HTTP 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::request::set_status(404);
    let locale = use_locale();
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::Error404Title)) />
        <section class="error-page" data-status="404">
            <p class="error-code" aria-hidden="true">{locale.t(MessageKey::Error404Code)}</p>
            <h1>{locale.t(MessageKey::Error404Title)}</h1>
            <p>{locale.pick("Cette page n’existe pas ou a été déplacée. Vérifiez l’adresse ou repartez de l’accueil.", "This page does not exist or has moved. Check the address or start again from the home page.")}</p>
            <p class="hero-actions">
                <a class="button button-primary" href="/">{locale.t(MessageKey::ErrorBackHome)}</a>
                <a class="button button-ghost" href="/events">{locale.t(MessageKey::NavEvents)}</a>
            </p>
        </section>
    }
}
