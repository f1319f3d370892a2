use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{MessageKey, use_locale};

#[component]
fn TextPage(title: MessageKey, body: MessageKey) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=format!("{} · Meetral", locale.t(title)) />
        <article class="container page narrow">
            <h1>{locale.t(title)}</h1>
            <p>{locale.t(body)}</p>
        </article>
    }
}

#[component]
pub fn LegalPage() -> impl IntoView {
    view! { <TextPage title=MessageKey::LegalTitle body=MessageKey::LegalBody /> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <TextPage title=MessageKey::PrivacyTitle body=MessageKey::PrivacyBody /> }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <TextPage title=MessageKey::TermsTitle body=MessageKey::TermsBody /> }
}

#[component]
pub fn FaqPage() -> impl IntoView {
    let locale = use_locale();
    let t = move |key| locale.t(key);
    let entries = [
        (MessageKey::FaqWhatQ, MessageKey::FaqWhatA),
        (MessageKey::FaqFreeFoodQ, MessageKey::FaqFreeFoodA),
        (MessageKey::FaqAccountQ, MessageKey::FaqAccountA),
        (MessageKey::FaqModerationQ, MessageKey::FaqModerationA),
        (MessageKey::FaqTicketQ, MessageKey::FaqTicketA),
    ];
    view! {
        <Title text=format!("{} · Meetral", t(MessageKey::FaqTitle)) />
        <article class="container page narrow">
            <h1>{t(MessageKey::FaqTitle)}</h1>
            <p class="lead">{t(MessageKey::FaqLead)}</p>
            {entries.into_iter().map(|(q, a)| view! {
                <details class="faq-item">
                    <summary>{t(q)}</summary>
                    <p>{t(a)}</p>
                </details>
            }).collect_view()}
        </article>
    }
}
