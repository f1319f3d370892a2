use leptos::prelude::*;

use crate::{
    events::model::EventCard,
    i18n::{Locale, MessageKey},
    ui::badge::FreeFoodBadge,
};

#[component]
pub fn EventCardView(event: EventCard, locale: Locale) -> impl IntoView {
    let place = match (&event.city, event.mode) {
        (Some(city), crate::events::model::AttendanceMode::InPerson) => city.clone(),
        (Some(city), mode) => format!("{city} · {}", locale.t(mode.label())),
        (None, mode) => locale.t(mode.label()).to_owned(),
    };
    let seats = event.seats_left.map(|left| {
        if left == 0 {
            locale.t(MessageKey::SoldOut).to_owned()
        } else {
            format!("{left} {}", locale.t(MessageKey::SeatsLeft))
        }
    });
    view! {
        <article class="event-card" class:event-card-freefood=event.free_food>
            <div class="event-card-top">
                <span class="chip">{event.category}</span>
                {event.free_food.then(|| view! { <FreeFoodBadge locale /> })}
            </div>
            <h3 class="event-card-title">
                <a href=format!("/events/{}", event.slug)>{event.title}</a>
            </h3>
            <p class="event-card-meta">
                <time datetime=event.starts_iso>{event.starts_label}</time>
                <span aria-hidden="true">" · "</span>
                <span>{place}</span>
            </p>
            <p class="event-card-summary">{event.summary}</p>
            <p class="event-card-foot">
                <span class="price">{event.price_label}</span>
                {seats.map(|s| view! { <span class="seats">{s}</span> })}
            </p>
        </article>
    }
}
