//! Pages reached from registration mails: `/manage/{token}` (see or cancel a registration, leave the
//! waitlist), `/tickets/offer/{token}` (accept a seat offered from the waitlist) and
//! `/registration/resent` (a guest registered twice: the tickets went to their mailbox again).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{
    api::{AcceptOffer, CancelRegistration, offer_by_token, registration_by_token},
    model::{ManageView, OfferView, RegistrationState},
};
use crate::{
    i18n::{Locale, MessageKey, use_locale},
    ui::{error_view::ErrorPanel, form::action_error},
};

fn token_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("token").unwrap_or_default())
}

#[component]
pub fn ManagePage() -> impl IntoView {
    let locale = use_locale();
    let token = token_param();
    let view_data = Resource::new(
        move || token.get(),
        move |t| registration_by_token(t, locale),
    );
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.t(MessageKey::ManageTitle)) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(data) => view! { <ManageCard data locale token=token.get_untracked() /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ManageCard(data: ManageView, locale: Locale, token: String) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<CancelRegistration>::new();
    let error = action_error(action);
    let cancel_error = move || {
        error.get().map(|e| {
            t(e.field_errors()
                .and_then(|f| f.get("cancel"))
                .unwrap_or(e.message_key()))
        })
    };
    let waitlisted = matches!(
        data.state,
        RegistrationState::Waitlisted | RegistrationState::Offered
    );
    let heading = match data.state {
        RegistrationState::Waitlisted => MessageKey::WaitlistedTitle,
        _ => MessageKey::ManageTitle,
    };
    let cancelled = data.state == RegistrationState::Cancelled;
    view! {
        <article class="container page narrow manage">
            <h1>{t(heading)}</h1>
            <p class="muted">{locale.pick("Ce lien est personnel : il donne accès à vos billets. Ne le transférez pas.", "This link is personal: it opens your tickets. Do not forward it.")}</p>
            {cancelled.then(|| view! { <p class="notice notice-success" role="status">{locale.pick("Votre inscription est annulée. Un email de confirmation vous a été envoyé.", "Your registration is cancelled. A confirmation email is on its way.")}</p> })}
            <dl class="facts">
                <dt>{t(MessageKey::EventTitleLabel)}</dt>
                <dd><a href=format!("/events/{}", data.event_slug)>{data.event_title.clone()}</a></dd>
                <dt>{t(MessageKey::EventWhen)}</dt>
                <dd>{data.when.clone()}</dd>
                <dt>{t(MessageKey::TicketAttendee)}</dt>
                <dd>{data.full_name.clone()}</dd>
                <dt>{t(MessageKey::ManageSeats)}</dt>
                <dd>{data.seats.to_string()}</dd>
                <dt>{t(MessageKey::TicketStatusLabel)}</dt>
                <dd data-registration-state>{t(data.state.label())}</dd>
                {data.waitlist_position.map(|n| view! {
                    <dt>{t(MessageKey::ManagePosition)}</dt>
                    <dd data-waitlist-position>{n.to_string()}</dd>
                })}
            </dl>
            {(!data.tickets.is_empty()).then(|| view! {
                <ul class="ticket-list">
                    {data.tickets.iter().map(|ticket| view! {
                        <li>
                            <a href=format!("/tickets/{}", ticket.code)>{ticket.attendee_name.clone()}</a>
                            " · " <span class="muted">{t(ticket.status.label())}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {data.can_cancel.then(|| view! {
                <section class="danger-zone" aria-labelledby="cancel-heading">
                    <h2 id="cancel-heading">{t(if waitlisted { MessageKey::ManageLeaveWaitlist } else { MessageKey::ManageCancel })}</h2>
                    <p class="muted">{locale.pick("Votre place sera libérée et proposée à la personne suivante. Cette action est définitive.", "Your seat will be given back and offered to the next person. This cannot be undone.")} " " {t(MessageKey::ManageCancelUntil)} " " {data.cancel_until.clone()}</p>
                    <ActionForm action attr:class="form">
                        <input type="hidden" name="token" value=token.clone() />
                        <p class="field-error" role="alert">{cancel_error}</p>
                        <button type="submit" class="button button-danger">
                            {t(if waitlisted { MessageKey::ManageLeaveWaitlist } else { MessageKey::ManageCancel })}
                        </button>
                    </ActionForm>
                </section>
            })}
            {(!data.can_cancel && !cancelled).then(|| view! {
                <p class="muted">{t(MessageKey::ManageCancelTooLate)}</p>
            })}
        </article>
    }
}

#[component]
pub fn OfferPage() -> impl IntoView {
    let locale = use_locale();
    let token = token_param();
    let offer = Resource::new(move || token.get(), move |t| offer_by_token(t, locale));
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.t(MessageKey::OfferTitle)) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(offer) => view! { <OfferCard offer locale token=token.get_untracked() /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfferCard(offer: OfferView, locale: Locale, token: String) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<AcceptOffer>::new();
    let error = action_error(action);
    let open = offer.state == RegistrationState::Offered && !offer.expired;
    let note = match (offer.state, offer.expired) {
        (RegistrationState::Offered, false) => None,
        (RegistrationState::Cancelled, _) | (RegistrationState::Offered, true) => {
            Some(MessageKey::OfferExpired)
        }
        _ => Some(MessageKey::OfferGone),
    };
    view! {
        <article class="container page narrow offer">
            <p class="eyebrow">{t(MessageKey::OfferTitle)}</p>
            <h1><a href=format!("/events/{}", offer.event_slug)>{offer.event_title}</a></h1>
            <p>{offer.when}</p>
            {note.map(|key| view! { <p class="notice notice-warning" role="status">{t(key)}</p> })}
            {open.then(|| view! {
                <p>{t(MessageKey::OfferLead)} " " <strong>{offer.expires.clone()}</strong></p>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="token" value=token.clone() />
                    <p class="field-error" role="alert">{move || error.get().map(|e| t(e.message_key()))}</p>
                    <button type="submit" class="button button-primary">{t(MessageKey::OfferAccept)}</button>
                </ActionForm>
            })}
        </article>
    }
}

#[component]
pub fn ResentPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.t(MessageKey::ResentTitle)) />
        <article class="container page narrow">
            <h1>{locale.t(MessageKey::ResentTitle)}</h1>
            <p>{locale.pick("Cette adresse est déjà inscrite à l’événement : nous venons de vous renvoyer votre billet par email (pensez à vos indésirables).", "This address is already registered for the event: we have just sent your ticket to it again (check your spam folder).")}</p>
            <p><a class="button button-ghost" href="/events">{locale.t(MessageKey::EventBackToList)}</a></p>
        </article>
    }
}
