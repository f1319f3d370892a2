use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    events::{api::upcoming_events, pages::EventCardView},
    i18n::{MessageKey, use_locale},
    ui::{badge::FreeFoodBadge, error_view::ErrorPanel},
};

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let t = move |key| locale.t(key);
    let upcoming = Resource::new(|| (), |_| upcoming_events(6));
    view! {
        <Title text=format!("Meetral — {}", t(MessageKey::Slogan)) />
        <section class="hero">
            <div class="container hero-inner">
                <p class="slogan">{t(MessageKey::Slogan)}</p>
                <h1>{t(MessageKey::HomeHeroTitle)}</h1>
                <p class="lead">{t(MessageKey::HomeHeroLead)}</p>
                <p class="hero-actions">
                    <a class="button button-primary button-large" href="/events">{t(MessageKey::HomeCtaBrowse)}</a>
                    <a class="button button-mint button-large" href="#freefood">{t(MessageKey::HomeCtaFreeFood)}</a>
                </p>
            </div>
        </section>
        <section class="container section" aria-labelledby="upcoming-title">
            <div class="section-head">
                <h2 id="upcoming-title">{t(MessageKey::HomeUpcomingTitle)}</h2>
                <a href="/events">{t(MessageKey::HomeSeeAll)} " →"</a>
            </div>
            <Suspense fallback=|| view! { <div class="event-grid skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match upcoming.await {
                        Ok(events) if events.is_empty() => view! { <p class="empty">{t(MessageKey::HomeUpcomingEmpty)}</p> }.into_any(),
                        Ok(events) => view! {
                            <div class="event-grid" data-testid="upcoming-events">
                                {events.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section id="freefood" class="freefood-band" aria-labelledby="freefood-title">
            <div class="container freefood-inner">
                <FreeFoodBadge locale />
                <h2 id="freefood-title">{t(MessageKey::HomeFreeFoodTitle)}</h2>
                <p>{t(MessageKey::HomeFreeFoodText)}</p>
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
