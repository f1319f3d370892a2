//! `/tickets`, "Mes billets": the start page of the installable ticket app. Account holders see
//! their tickets from the server; every ticket opened on this device is listed too (kept by
//! `/tickets.js`, whose service worker keeps the pages themselves for offline use).

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use super::{api::my_tickets, model::WalletTicket};
use crate::i18n::{Locale, MessageKey, use_locale};

/// The manifest, service worker and script every ticket page shares.
#[component]
pub fn TicketAppAssets() -> impl IntoView {
    view! {
        <Link rel="manifest" href="/tickets.webmanifest" />
        <Meta name="theme-color" content="#007BFF" />
        <Script src="/tickets.js" defer="defer" />
    }
}

#[component]
pub fn WalletPage() -> impl IntoView {
    let locale = use_locale();
    let tickets = Resource::new(|| (), move |_| my_tickets(locale));
    let t = move |key| locale.t(key);
    view! {
        <TicketAppAssets />
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", t(MessageKey::WalletTitle)) />
        <section class="container page narrow wallet">
            <h1>{t(MessageKey::WalletTitle)}</h1>
            <p class="muted">{locale.pick("Les billets que vous avez ouverts sur cet appareil restent disponibles hors connexion. Ajoutez Meetral à votre écran d’accueil pour les retrouver d’un geste.", "Tickets you opened on this device stay available offline. Add Meetral to your home screen to find them in one tap.")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    let tickets = tickets.await.unwrap_or_default();
                    (!tickets.is_empty()).then(|| view! { <AccountTickets tickets locale /> })
                })}
            </Suspense>
            <h2>{t(MessageKey::WalletDevice)}</h2>
            <ul class="ticket-list" data-device-tickets data-empty=t(MessageKey::WalletEmpty)>
                <li class="muted">{t(MessageKey::WalletEmpty)}</li>
            </ul>
        </section>
    }
}

#[component]
fn AccountTickets(tickets: Vec<WalletTicket>, locale: Locale) -> impl IntoView {
    view! {
        <h2>{locale.t(MessageKey::WalletAccount)}</h2>
        <ul class="ticket-list" data-account-tickets>
            {tickets.into_iter().map(|ticket| view! {
                <li>
                    <a href=format!("/tickets/{}", ticket.code)><strong>{ticket.event_title}</strong></a>
                    <br /><span class="muted">{ticket.when} " · " {ticket.attendee_name} " · " {locale.t(ticket.status.label())}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
