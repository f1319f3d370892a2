//! `/organizers/{slug}`: an organizer's public page with their coming and past events.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::api::{OrganizerProfile, organizer_page};
use crate::{
    events::pages::EventCardView,
    i18n::{Locale, MessageKey, use_locale},
    ui::error_view::ErrorPanel,
};

#[component]
pub fn OrganizerPublicPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        organizer_page,
    );
    view! {
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Organizer locale page /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Organizer(locale: Locale, page: OrganizerProfile) -> impl IntoView {
    let t = move |key| locale.t(key);
    let description = page
        .bio
        .clone()
        .unwrap_or_else(|| format!("{} — {}", page.name, t(MessageKey::OrganizerLead)));
    let grid = move |events: Vec<crate::events::model::EventCard>| {
        view! {
            <div class="event-grid">
                {events.into_iter().map(|event| view! { <EventCardView event locale /> }).collect_view()}
            </div>
        }
    };
    view! {
        <Title text=format!("{} · Meetral", page.name) />
        <Meta name="description" content=description />
        <section class="container page organizer-page">
            <header class="organizer-head">
                {page.avatar.map(|(src, srcset)| view! {
                    <img class="avatar avatar-large" src=src srcset=srcset alt="" width="128" height="128" />
                })}
                <div>
                    <p class="eyebrow">{t(MessageKey::OrganizerLead)}</p>
                    <h1>{page.name.clone()}</h1>
                </div>
            </header>
            {page.bio.map(|bio| view! { <p class="lead organizer-bio">{bio}</p> })}
            {(!page.links.is_empty()).then(|| view! {
                <ul class="organizer-links">
                    {page.links.into_iter().map(|link| {
                        let shown = link.trim_start_matches("https://").trim_end_matches('/').to_owned();
                        view! { <li><a href=link rel="nofollow ugc noopener" target="_blank">{shown}</a></li> }
                    }).collect_view()}
                </ul>
            })}
            <h2>{t(MessageKey::OrganizerUpcoming)}</h2>
            {if page.upcoming.is_empty() {
                view! { <p class="empty">{t(MessageKey::OrganizerNoUpcoming)}</p> }.into_any()
            } else {
                grid(page.upcoming).into_any()
            }}
            {(!page.past.is_empty()).then(|| view! {
                <h2>{t(MessageKey::OrganizerPast)}</h2>
                {grid(page.past)}
            })}
        </section>
    }
}
