//! The text pages: terms, legal notice, privacy and cookies, help. Their copy is Markdown in
//! `content/` (French and English), rendered on the server only: none of it reaches the WASM.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{Locale, MessageKey, use_locale};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPage {
    Terms,
    Legal,
    Privacy,
    Help,
}

impl TextPage {
    fn title(self) -> MessageKey {
        match self {
            TextPage::Terms => MessageKey::TermsTitle,
            TextPage::Legal => MessageKey::LegalTitle,
            TextPage::Privacy => MessageKey::PrivacyTitle,
            TextPage::Help => MessageKey::FaqTitle,
        }
    }
}

#[component]
fn ContentPage(page: TextPage) -> impl IntoView {
    let locale = use_locale();
    let title = locale.t(page.title());
    let html = page_html(page, locale);
    view! {
        <Title text=format!("{title} · Meetral") />
        <Meta name="description" content=format!("{title} — Meetral") />
        <article class="container page narrow prose">
            <h1>{title}</h1>
            <div inner_html=html></div>
        </article>
    }
}

#[cfg(feature = "ssr")]
fn page_html(page: TextPage, locale: Locale) -> String {
    super::content::html(page, locale)
}

/// Pages are not islands: the browser never renders them.
#[cfg(not(feature = "ssr"))]
fn page_html(_: TextPage, _: Locale) -> String {
    String::new()
}

#[component]
pub fn LegalPage() -> impl IntoView {
    view! { <ContentPage page=TextPage::Legal /> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <ContentPage page=TextPage::Privacy /> }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <ContentPage page=TextPage::Terms /> }
}

#[component]
pub fn FaqPage() -> impl IntoView {
    view! { <ContentPage page=TextPage::Help /> }
}
