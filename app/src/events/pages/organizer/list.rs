//! `/organizer/events`: the events a person organizes, with what they can do next.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    events::{api::my_events, model::EventStatus},
    i18n::{MessageKey, use_locale},
    ui::error_view::ErrorPanel,
};

#[component]
pub fn MyEventsPage() -> impl IntoView {
    let locale = use_locale();
    let t = move |key| locale.t(key);
    let events = Resource::new(|| (), |_| my_events());
    view! {
        <Title text=format!("{} · Meetral", t(MessageKey::MyEventsTitle)) />
        <section class="container page">
            <div class="page-head">
                <h1>{t(MessageKey::MyEventsTitle)}</h1>
                <a class="button button-primary" href="/organizer/events/new">{t(MessageKey::MyEventsCreate)}</a>
            </div>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(AppError::Unauthorized) => login_redirect("/organizer/events".into()).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t(MessageKey::MyEventsEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="my-events">
                                {list.into_iter().map(|event| {
                                    let seats = match event.capacity {
                                        Some(capacity) => format!("{} / {capacity}", event.seats_taken),
                                        None => event.seats_taken.to_string(),
                                    };
                                    view! {
                                        <li class="my-event">
                                            <div>
                                                <span class=format!("status status-{:?}", event.status).to_lowercase()>{t(event.status.label())}</span>
                                                <h2><a href=format!("/organizer/events/{}/preview", event.id)>{event.title}</a></h2>
                                                <p class="muted">{event.starts_label} " · " {t(MessageKey::MyEventsRegistered)} " " {seats}</p>
                                                {event.moderation_reason.map(|reason| view! {
                                                    <p class="notice notice-warning" data-moderation-reason>
                                                        <strong>{t(MessageKey::ModerationReasonLabel)}</strong> " " {reason}
                                                    </p>
                                                })}
                                            </div>
                                            <div class="my-event-actions">
                                                {event.status.editable().then(|| view! {
                                                    <a class="button button-ghost" href=format!("/organizer/events/{}/edit", event.id)>{t(MessageKey::EditorEdit)}</a>
                                                })}
                                                {(event.status == EventStatus::Published || event.status == EventStatus::Cancelled).then(|| view! {
                                                    <a class="button button-ghost" href=format!("/events/{}", event.slug)>{t(MessageKey::PreviewPublicPage)}</a>
                                                    <a class="button button-ghost" href=format!("/organizer/events/{}/participants", event.id)>{t(MessageKey::ParticipantsTitle)}</a>
                                                    <a class="button button-ghost" href=format!("/organizer/events/{}/checkin", event.id)>{t(MessageKey::CheckinTitle)}</a>
                                                })}
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
