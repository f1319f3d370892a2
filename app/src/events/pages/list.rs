use leptos::prelude::*;
use leptos_meta::Title;

use super::EventCardView;
use crate::{
    events::api::upcoming_events,
    i18n::{MessageKey, use_locale},
    ui::error_view::ErrorPanel,
};

/// `/events`: upcoming published events, soonest first.
#[component]
pub fn EventListPage() -> impl IntoView {
    let locale = use_locale();
    let events = Resource::new(|| (), |_| upcoming_events(48));
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::EventsTitle)) />
        <section class="container page">
            <h1>{locale.t(MessageKey::EventsTitle)}</h1>
            <p class="lead">{locale.t(MessageKey::EventsLead)}</p>
            <Suspense fallback=|| view! { <div class="event-grid skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{locale.t(MessageKey::EventsEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="event-grid">
                                {list.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
