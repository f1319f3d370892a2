//! `/organizer/events/{id}/participants`: everyone who registered, searchable and filtered by status
//! (a plain GET form), the answers to the event's questions, CSV and PDF exports, and a message to
//! all registered participants.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::api::{MessageParticipants, participants};
use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{error_view::ErrorPanel, form::action_error},
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantFilter {
    pub q: String,
    /// "", "registered", "waitlisted", "offered", "cancelled" or "checked_in".
    pub status: String,
}

impl ParticipantFilter {
    /// The registration status to filter on, if any ("checked_in" filters on tickets instead).
    pub fn status_db(&self) -> Option<String> {
        matches!(
            self.status.as_str(),
            "registered" | "waitlisted" | "offered" | "cancelled"
        )
        .then(|| self.status.clone())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub seats: i32,
    pub status: String,
    pub checked_in: i64,
    /// Names on the tickets, comma separated.
    pub attendees: String,
    pub registered_at: String,
    /// One per question, in order ("" when not answered).
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantList {
    pub event_id: i64,
    pub event_title: String,
    pub questions: Vec<String>,
    pub participants: Vec<Participant>,
}

/// The label of a registration status.
pub fn status_label(status: &str) -> MessageKey {
    match status {
        "waitlisted" => MessageKey::StateWaitlisted,
        "offered" => MessageKey::StateOffered,
        "cancelled" => MessageKey::StateCancelled,
        _ => MessageKey::StateRegistered,
    }
}

const STATUSES: [(&str, MessageKey); 6] = [
    ("", MessageKey::ParticipantsAll),
    ("registered", MessageKey::StateRegistered),
    ("checked_in", MessageKey::ParticipantsCheckedIn),
    ("waitlisted", MessageKey::StateWaitlisted),
    ("offered", MessageKey::StateOffered),
    ("cancelled", MessageKey::StateCancelled),
];

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let locale = use_locale();
    let event_id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let Some(event_id) = event_id else {
        return view! { <ErrorPanel error=AppError::NotFound /> }.into_any();
    };
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        ParticipantFilter {
            q: q.get("q").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
        }
    };
    let sent = query.read_untracked().get("sent");
    let list = Resource::new(filter, move |f| participants(event_id, f, locale));
    let here = format!("/organizer/events/{event_id}/participants");
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=format!("{} · Meetral", locale.t(MessageKey::ParticipantsTitle)) />
        <Suspense fallback=|| view! { <div class="container page skeleton" aria-hidden="true"></div> }>
            {move || {
                let (here, sent) = (here.clone(), sent.clone());
                Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <Participants list filter=filter() locale sent /> }.into_any(),
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
fn Participants(
    list: ParticipantList,
    filter: ParticipantFilter,
    locale: Locale,
    sent: Option<String>,
) -> impl IntoView {
    let t = move |key| locale.t(key);
    let base = format!("/organizer/events/{}/participants", list.event_id);
    let export_query = format!(
        "?q={}&status={}",
        crate::urls::encode_query_value(&filter.q),
        crate::urls::encode_query_value(&filter.status)
    );
    let count = list.participants.len();
    view! {
        <section class="container page participants">
            <p><a href="/organizer/events">"← " {t(MessageKey::MyEventsTitle)}</a></p>
            <p class="eyebrow">{t(MessageKey::ParticipantsTitle)}</p>
            <h1>{list.event_title.clone()}</h1>
            {sent.map(|n| view! { <p class="notice notice-success" role="status">{format!("{} {n}", t(MessageKey::ParticipantsMessageSent))}</p> })}
            <form class="form participants-filter" method="get" action=base.clone() role="search">
                <div class="field">
                    <label for="participants-q">{t(MessageKey::ParticipantsSearch)}</label>
                    <input id="participants-q" name="q" type="search" value=filter.q.clone() />
                </div>
                <div class="field">
                    <label for="participants-status">{t(MessageKey::TicketStatusLabel)}</label>
                    <select id="participants-status" name="status">
                        {STATUSES.map(|(value, key)| view! {
                            <option value=value selected=filter.status == value>{t(key)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-ghost">{t(MessageKey::CatalogueApply)}</button>
            </form>
            <p class="participants-exports">
                <span data-participant-count>{count.to_string()}</span> " " {t(MessageKey::ParticipantsCount)} " · "
                <a href=format!("{base}.csv{export_query}") download>{t(MessageKey::ParticipantsCsv)}</a> " · "
                <a href=format!("{base}.csv{export_query}&sep=semicolon") download>{t(MessageKey::ParticipantsCsvExcel)}</a> " · "
                <a href=format!("{base}.pdf{export_query}")>{t(MessageKey::ParticipantsPdf)}</a> " · "
                <a href=format!("/organizer/events/{}/checkin", list.event_id)>{t(MessageKey::CheckinTitle)}</a>
            </p>
            // Focusable so keyboard users can scroll a wide table.
            <div class="table-scroll" tabindex="0" role="region" aria-label=t(MessageKey::ParticipantsTitle)>
                <table class="participants-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(MessageKey::FieldFullName)}</th>
                            <th scope="col">{t(MessageKey::FieldEmail)}</th>
                            <th scope="col">{t(MessageKey::ManageSeats)}</th>
                            <th scope="col">{t(MessageKey::TicketStatusLabel)}</th>
                            <th scope="col">{t(MessageKey::ParticipantsCheckedIn)}</th>
                            <th scope="col">{t(MessageKey::ParticipantsRegisteredAt)}</th>
                            {list.questions.iter().map(|q| view! { <th scope="col">{q.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {list.participants.into_iter().map(|p| view! {
                            <tr data-participant>
                                <td>{p.full_name}{(p.seats > 1).then(|| view! { <br /><span class="muted">{p.attendees.clone()}</span> })}</td>
                                <td>{p.email}<br /><span class="muted">{p.phone}</span></td>
                                <td>{p.seats.to_string()}</td>
                                <td>{t(status_label(&p.status))}</td>
                                <td>{format!("{} / {}", p.checked_in, p.seats)}</td>
                                <td>{p.registered_at}</td>
                                {p.answers.into_iter().map(|a| view! { <td>{a}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(count == 0).then(|| view! { <p class="muted">{t(MessageKey::ParticipantsEmpty)}</p> })}
            <MessageAll event_id=list.event_id locale />
        </section>
    }
}

#[component]
fn MessageAll(event_id: i64, locale: Locale) -> impl IntoView {
    let t = move |key| locale.t(key);
    let action = ServerAction::<MessageParticipants>::new();
    let error = action_error(action);
    let at = move |field: &'static str| {
        move || {
            error.get().and_then(|e| match e.field_errors() {
                Some(f) => f.get(field).map(t),
                None if field == "body" => Some(t(e.message_key())),
                None => None,
            })
        }
    };
    view! {
        <section class="message-all" aria-labelledby="message-heading">
            <h2 id="message-heading">{t(MessageKey::ParticipantsMessageTitle)}</h2>
            <p class="muted">{t(MessageKey::ParticipantsMessageLead)}</p>
            <ActionForm action attr:class="form">
                <input type="hidden" name="event_id" value=event_id.to_string() />
                <div class="field">
                    <label for="message-subject">{t(MessageKey::ContactSubject)}</label>
                    <input id="message-subject" name="subject" type="text" maxlength="120" required aria-describedby="message-subject-error" />
                    <p class="field-error" id="message-subject-error" aria-live="polite">{at("subject")}</p>
                </div>
                <div class="field">
                    <label for="message-body">{t(MessageKey::ContactMessage)}</label>
                    <textarea id="message-body" name="body" rows="6" maxlength="5000" required aria-describedby="message-body-error"></textarea>
                    <p class="field-error" id="message-body-error" aria-live="polite">{at("body")}</p>
                </div>
                <button type="submit" class="button button-primary">{t(MessageKey::ParticipantsMessageSend)}</button>
            </ActionForm>
        </section>
    }
}
