use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::{
    events::{api::event_by_slug, model::EventDetail},
    i18n::{Locale, MessageKey, use_locale},
    ui::{badge::FreeFoodBadge, error_view::ErrorPanel},
};

/// `/events/{slug}`: the event as visitors see it.
#[component]
pub fn EventPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let event = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        event_by_slug,
    );
    view! {
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(detail) => view! { <EventDetailView detail locale /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EventDetailView(detail: EventDetail, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let card = detail.card;
    let status_note = if detail.is_cancelled {
        Some(t(MessageKey::EventCancelled))
    } else if detail.is_past {
        Some(t(MessageKey::EventPast))
    } else {
        None
    };
    let place = match (&detail.venue_name, &detail.address) {
        (Some(venue), Some(address)) => format!("{venue} — {address}"),
        (Some(venue), None) => venue.clone(),
        (None, Some(address)) => address.clone(),
        (None, None) => t(card.mode.label()).to_owned(),
    };
    let capacity = match (detail.capacity, card.seats_left) {
        (Some(_), Some(0)) => t(MessageKey::SoldOut).to_owned(),
        (Some(capacity), Some(left)) => format!("{left} {} / {capacity}", t(MessageKey::SeatsLeft)),
        _ => t(MessageKey::EventNoLimit).to_owned(),
    };
    view! {
        <Title text=format!("{} · Meetral", card.title) />
        <Meta name="description" content=card.summary.clone() />
        <article class="container page event-page">
            <p><a href="/events">"← " {t(MessageKey::EventBackToList)}</a></p>
            <div class="event-card-top">
                <span class="chip">{card.category}</span>
                {card.free_food.then(|| view! { <FreeFoodBadge locale /> })}
            </div>
            <h1>{card.title}</h1>
            {status_note.map(|note| view! { <p class="notice notice-warning" role="status">{note}</p> })}
            <p class="lead">{card.summary}</p>
            <dl class="facts">
                <dt>{t(MessageKey::EventWhen)}</dt>
                <dd><time datetime=card.starts_iso>{detail.starts_label_long}</time></dd>
                <dt>{t(MessageKey::EventWhere)}</dt>
                <dd>{place}</dd>
                <dt>{t(MessageKey::EventPrice)}</dt>
                <dd>{card.price_label}</dd>
                <dt>{t(MessageKey::EventCapacity)}</dt>
                <dd>{capacity}</dd>
                <dt>{t(MessageKey::EventOrganizer)}</dt>
                <dd>{detail.organizer_name}</dd>
                {detail.free_food_details.map(|offered| view! {
                    <dt>{t(MessageKey::EventFreeFoodOffered)}</dt>
                    <dd>{offered}</dd>
                })}
            </dl>
            <div class="event-description">
                {detail.description.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view()}
            </div>
        </article>
    }
}
