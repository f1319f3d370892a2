use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    discovery::api::home_sections,
    events::{model::EventCard, pages::EventCardView},
    i18n::{Locale, MessageKey, use_locale},
    ui::{badge::FreeFoodBadge, error_view::ErrorPanel},
};

/// One titled row of events with a link to the same selection in the catalogue.
#[component]
fn Section(
    locale: Locale,
    id: &'static str,
    title: MessageKey,
    more: &'static str,
    events: Vec<EventCard>,
) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="container section" aria-labelledby=labelled_by data-section=id>
            <div class="section-head">
                <h2 id=heading>{locale.t(title)}</h2>
                <a href=more>{locale.t(MessageKey::HomeSeeAll)} " →"</a>
            </div>
            <div class="event-grid">
                {events.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let t = move |key| locale.t(key);
    let sections = Resource::new(|| (), |_| home_sections());
    view! {
        <Title text=format!("Meetral — {}", t(MessageKey::Slogan)) />
        <section class="hero">
            <div class="container hero-inner">
                <p class="slogan">{t(MessageKey::Slogan)}</p>
                <h1>{t(MessageKey::HomeHeroTitle)}</h1>
                <p class="lead">{locale.pick("Formations, afterworks, lancements, sorties culturelles : trouvez un événement près de chez vous, inscrivez-vous en un instant, avec ou sans compte, et recevez votre billet par e-mail.", "Workshops, afterworks, launches, cultural outings: find an event near you, register in a moment, with or without an account, and get your ticket by email.")}</p>
                <p class="hero-actions">
                    <a class="button button-primary button-large" href="/events">{t(MessageKey::HomeCtaBrowse)}</a>
                    <a class="button button-mint button-large" href="#freefood">{t(MessageKey::HomeCtaFreeFood)}</a>
                </p>
            </div>
        </section>
        <Suspense fallback=|| view! { <div class="container section event-grid skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match sections.await {
                    Ok(found) => view! {
                        {found.near.map(|events| view! {
                            <Section locale id="near" title=MessageKey::HomeNearTitle more="/events?sort=nearest" events />
                        })}
                        <section class="container section" aria-labelledby="upcoming-title">
                            <div class="section-head">
                                <h2 id="upcoming-title">{t(MessageKey::HomeUpcomingTitle)}</h2>
                                <a href="/events">{t(MessageKey::HomeSeeAll)} " →"</a>
                            </div>
                            {if found.upcoming.is_empty() {
                                view! { <p class="empty">{t(MessageKey::HomeUpcomingEmpty)}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="event-grid" data-testid="upcoming-events">
                                        {found.upcoming.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
                                    </div>
                                }.into_any()
                            }}
                        </section>
                        {(!found.weekend.is_empty()).then(|| view! {
                            <Section locale id="weekend" title=MessageKey::HomeWeekendTitle more="/events?when=weekend" events=found.weekend />
                        })}
                        {(!found.free_food.is_empty()).then(|| view! {
                            <Section locale id="freefood-picks" title=MessageKey::HomeFreeFoodPicksTitle more="/events?freefood=1" events=found.free_food />
                        })}
                        {(!found.popular.is_empty()).then(|| view! {
                            <Section locale id="popular" title=MessageKey::HomePopularTitle more="/events?sort=popular" events=found.popular />
                        })}
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
        <section id="freefood" class="freefood-band" aria-labelledby="freefood-title">
            <div class="container freefood-inner">
                <FreeFoodBadge locale />
                <h2 id="freefood-title">{t(MessageKey::HomeFreeFoodTitle)}</h2>
                <p>{locale.pick("Le label FreeFood signale les événements où une collation ou un repas est offert. Un petit-déjeuner avant une formation, un buffet après une conférence : repérez le badge vert et venez partager un moment convivial.", "The FreeFood label marks events where a snack or a meal is offered. Breakfast before a workshop, a buffet after a talk: look for the green badge and come share a friendly moment.")}</p>
            </div>
        </section>
        <section class="container section" aria-labelledby="steps-title">
            <h2 id="steps-title">{t(MessageKey::HomeStepsTitle)}</h2>
            <ol class="steps">
                <li><span class="step-word">"Meet."</span> {t(MessageKey::HomeStepFind)}</li>
                <li><span class="step-word">"Connect."</span> {t(MessageKey::HomeStepRegister)}</li>
                <li><span class="step-word">"Enjoy."</span> {t(MessageKey::HomeStepEnjoy)}</li>
            </ol>
        </section>
    }
}
