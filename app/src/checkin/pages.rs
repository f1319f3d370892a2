//! `/organizer/events/{id}/checkin`: the door. The server renders the event, the counters, the
//! search box and the team; `/checkin.js` (loaded on this page only, no WASM) runs the camera, the
//! verdict screen, the live counters and the offline mode, with the texts it shows handed over as
//! data attributes. `/invitations/{token}`: a co-organizer accepts an invitation.

use leptos::prelude::*;
use leptos_meta::{Meta, Script, Title};
use leptos_router::hooks::use_params_map;

use super::{
    api::{AcceptInvitation, InviteCoOrganizer, checkin_event, invitation},
    model::{DoorEvent, Verdict},
};
use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{error_view::ErrorPanel, form::action_error},
};

fn event_param() -> Option<i64> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
}

#[component]
pub fn CheckinPage() -> impl IntoView {
    let locale = use_locale();
    let Some(event_id) = event_param() else {
        return view! { <ErrorPanel error=AppError::NotFound /> }.into_any();
    };
    let event = Resource::new(move || event_id, move |id| checkin_event(id, locale));
    let here = format!("/organizer/events/{event_id}/checkin");
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.t(MessageKey::CheckinTitle)) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match event.await {
                        Ok(event) => view! { <Door event locale /> }.into_any(),
                        Err(AppError::Unauthorized) => login_redirect(here).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Door(event: DoorEvent, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let verdicts = [
        Verdict::Admitted,
        Verdict::AlreadyUsed,
        Verdict::OtherEvent,
        Verdict::Cancelled,
        Verdict::Unknown,
    ];
    view! {
        <Script src="/checkin.js" defer="defer" />
        <section class="container page checkin" id="checkin" data-event=event.id.to_string()
            data-jsqr="/pkg/vendor/jsqr/jsQR.js"
            data-t-offline=t(MessageKey::CheckinOffline) data-t-online=t(MessageKey::CheckinOnline)
            data-t-queued=t(MessageKey::CheckinQueued) data-t-synced=t(MessageKey::CheckinSynced)
            data-t-conflict=t(MessageKey::CheckinConflict) data-t-camera-denied=locale.pick("Accès à la caméra refusé : autorisez-le dans le navigateur, ou cherchez le participant ci-dessous.", "Camera access denied: allow it in the browser, or search for the participant below.")
            data-t-no-camera=locale.pick("Pas de caméra disponible sur cet appareil : cherchez le participant ci-dessous.", "No camera on this device: search for the participant below.") data-t-at=t(MessageKey::TicketUsedAt)
            data-t-check-in=t(MessageKey::CheckinManualAdmit) data-t-none=t(MessageKey::CheckinNoMatch)
            data-t-status-valid=t(MessageKey::TicketValid) data-t-status-used=t(MessageKey::TicketUsed)
            data-t-status-cancelled=t(MessageKey::TicketCancelled)>
            {verdicts.map(|v| view! {
                <span hidden data-verdict-text=serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_owned)).unwrap_or_default()>{t(v.message())}</span>
            }).collect_view()}
            <p><a href="/organizer/events">"← " {t(MessageKey::MyEventsTitle)}</a></p>
            <p class="eyebrow">{t(MessageKey::CheckinTitle)}</p>
            <h1><a href=format!("/events/{}", event.slug)>{event.title.clone()}</a></h1>
            <p class="muted">{event.when.clone()}</p>
            <p class="checkin-counts" aria-live="polite">
                <strong data-count-checked>{event.counts.checked_in.to_string()}</strong>
                " / " <span data-count-registered>{event.counts.registered.to_string()}</span>
                " " {t(MessageKey::CheckinCounted)}
            </p>
            <p class="checkin-network muted" data-network role="status"></p>
            <div class="checkin-camera">
                <video data-video playsinline muted hidden></video>
                <button type="button" class="button button-primary" data-start-camera>{t(MessageKey::CheckinStartCamera)}</button>
                <button type="button" class="button button-ghost" data-stop-camera hidden>{t(MessageKey::CheckinStopCamera)}</button>
                <p class="field-error" data-camera-error role="alert"></p>
            </div>
            <form class="form checkin-search" data-search role="search">
                <label for="checkin-q">{t(MessageKey::CheckinSearchLabel)}</label>
                <div class="search-row">
                    <input id="checkin-q" name="q" type="search" autocomplete="off" minlength="2" />
                    <button type="submit" class="button button-ghost">{t(MessageKey::CatalogueSearch)}</button>
                </div>
            </form>
            <ul class="checkin-results" data-results aria-live="polite"></ul>
            <ul class="checkin-conflicts" data-conflicts aria-live="polite"></ul>
            <div class="verdict" data-verdict hidden role="alert" tabindex="-1">
                <p class="verdict-title" data-verdict-title></p>
                <p class="verdict-name" data-verdict-name></p>
                <p class="verdict-detail" data-verdict-detail></p>
            </div>
            {event.can_invite.then(|| view! { <Team event_id=event.id team=event.team.clone() locale /> })}
            <p><a href=format!("/organizer/events/{}/participants", event.id)>{t(MessageKey::ParticipantsTitle)}</a></p>
        </section>
    }
}

#[component]
fn Team(event_id: i64, team: Vec<super::model::TeamMember>, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<InviteCoOrganizer>::new();
    let error = action_error(action);
    let email_error = move || {
        error.get().map(|e| {
            t(e.field_errors()
                .and_then(|f| f.get("email"))
                .unwrap_or(e.message_key()))
        })
    };
    view! {
        <section class="checkin-team" aria-labelledby="team-heading">
            <h2 id="team-heading">{t(MessageKey::CheckinTeam)}</h2>
            <ul>
                {team.into_iter().map(|m| view! {
                    <li>{if m.name.is_empty() { m.email.clone() } else { format!("{} · {}", m.name, m.email) }}
                        {m.pending.then(|| view! { " " <span class="chip">{t(MessageKey::CheckinInvitePending)}</span> })}</li>
                }).collect_view()}
            </ul>
            <ActionForm action attr:class="form">
                <input type="hidden" name="event_id" value=event_id.to_string() />
                <input type="hidden" name="locale" value=locale.code() />
                <div class="field">
                    <label for="invite-email">{t(MessageKey::CheckinInviteLabel)}</label>
                    <input id="invite-email" name="email" type="email" autocomplete="off" required aria-describedby="invite-email-error" />
                    <p class="field-error" id="invite-email-error" aria-live="polite">{email_error}</p>
                </div>
                <button type="submit" class="button button-ghost">{t(MessageKey::CheckinInvite)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let data = Resource::new(move || token.get(), invitation);
    let action = ServerAction::<AcceptInvitation>::new();
    let error = action_error(action);
    let t = move |key| locale.t(key);
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", t(MessageKey::InvitationTitle)) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok((_, title, open)) => view! {
                        <article class="container page narrow">
                            <p class="eyebrow">{t(MessageKey::InvitationTitle)}</p>
                            <h1>{title}</h1>
                            {if open {
                                view! {
                                    <p>{t(MessageKey::InvitationLead)}</p>
                                    <ActionForm action attr:class="form">
                                        <input type="hidden" name="token" value=token.get_untracked() />
                                        <p class="field-error" role="alert">{move || error.get().map(|e| t(e.message_key()))}</p>
                                        <button type="submit" class="button button-primary">{t(MessageKey::InvitationAccept)}</button>
                                    </ActionForm>
                                }.into_any()
                            } else {
                                view! { <p class="notice notice-warning">{t(MessageKey::InvitationClosed)}</p> }.into_any()
                            }}
                        </article>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
