//! Telling participants and organizers what happened to an event: it moved, it was cancelled, or
//! moderation decided on it. Called by the feature that makes the change, in its transaction.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

use super::{InApp, Recipient, deliver, facts, reminders};
use crate::{
    i18n::Locale,
    notifications::model::NotificationKind,
    ssr::mail::message::{Mail, ModerationOutcome},
};

/// Participants to tell about a change: registered, waitlisted or holding an offer.
struct Concerned {
    id: i64,
    user_id: Option<i64>,
    email: String,
    full_name: String,
    locale: String,
}

async fn concerned(conn: &mut PgConnection, event_id: i64) -> Result<Vec<Concerned>, sqlx::Error> {
    sqlx::query_as!(
        Concerned,
        "SELECT id, user_id, email, full_name, locale FROM event_participants
         WHERE event_id = $1 AND status IN ('registered', 'waitlisted', 'offered') ORDER BY id",
        event_id
    )
    .fetch_all(&mut *conn)
    .await
}

fn recipient(person: &Concerned) -> Recipient<'_> {
    Recipient {
        user_id: person.user_id,
        email: &person.email,
        locale: Locale::from_tag(&person.locale).unwrap_or_default(),
    }
}

/// The event's date, time or place changed (already written): reminders move, everyone concerned is
/// told what it was and what it is now. Saving the same values again tells nobody twice.
pub async fn event_changed(
    conn: &mut PgConnection,
    event_id: i64,
    previous_starts_at: Option<DateTime<Utc>>,
    previous_place: Option<String>,
) -> Result<usize, sqlx::Error> {
    reminders::reschedule(conn, event_id).await?;
    let event = facts::load(conn, event_id).await?.facts;
    // Same start and place → same key → nobody is told twice about one change.
    let place_digest = Sha256::digest(event.place.as_deref().unwrap_or("online").as_bytes());
    let version = format!(
        "{}:{:x}",
        event.starts_at.timestamp(),
        u64::from_be_bytes(place_digest[..8].try_into().unwrap_or_default())
    );
    let link = format!("/events/{}", event.slug);
    let payload = serde_json::json!({ "event_title": event.title, "starts_at": event.starts_at });
    tell_concerned(
        conn,
        event_id,
        NotificationKind::EventChanged,
        &link,
        payload,
        |person| {
            (
                format!("event_changed:{event_id}:{version}:{}", person.id),
                Mail::EventChanged {
                    full_name: person.full_name.clone(),
                    event: event.clone(),
                    previous_starts_at,
                    previous_place: previous_place.clone(),
                },
            )
        },
    )
    .await
}

/// Delivers one notification of `kind` to everyone concerned by the event; `mail_for` gives each
/// person's idempotency key and mail. Returns how many mails were queued.
async fn tell_concerned(
    conn: &mut PgConnection,
    event_id: i64,
    kind: NotificationKind,
    link: &str,
    payload: serde_json::Value,
    mail_for: impl Fn(&Concerned) -> (String, Mail),
) -> Result<usize, sqlx::Error> {
    let mut told = 0;
    for person in concerned(conn, event_id).await? {
        let (key, mail) = mail_for(&person);
        let in_app = InApp {
            event_id: Some(event_id),
            link,
            payload: payload.clone(),
        };
        let delivery = deliver(conn, &recipient(&person), kind, &key, &mail, Some(in_app)).await?;
        told += usize::from(delivery.mailed);
    }
    Ok(told)
}

/// The event was cancelled (status already written): its reminders go, everyone concerned is told.
pub async fn event_cancelled(
    conn: &mut PgConnection,
    event_id: i64,
    message: Option<String>,
) -> Result<usize, sqlx::Error> {
    reminders::reschedule(conn, event_id).await?;
    let event = facts::load(conn, event_id).await?.facts;
    let link = format!("/events/{}", event.slug);
    let payload = serde_json::json!({ "event_title": event.title });
    tell_concerned(
        conn,
        event_id,
        NotificationKind::EventCancelled,
        &link,
        payload,
        |person| {
            (
                format!("event_cancelled:{event_id}:{}", person.id),
                Mail::EventCancelled {
                    full_name: person.full_name.clone(),
                    event: event.clone(),
                    message: message.clone(),
                },
            )
        },
    )
    .await
}

/// Tells the organizer what moderation decided (`decision_id`: the moderation_actions row).
pub async fn moderation_decided(
    conn: &mut PgConnection,
    event_id: i64,
    decision_id: i64,
    outcome: ModerationOutcome,
    reason: Option<String>,
) -> Result<(), sqlx::Error> {
    let state = facts::load(conn, event_id).await?;
    let organizer = sqlx::query!(
        "SELECT id, email, full_name, locale FROM users WHERE id = $1",
        state.organizer_id
    )
    .fetch_one(&mut *conn)
    .await?;
    if outcome == ModerationOutcome::Approved {
        reminders::reschedule(conn, event_id).await?;
    }
    let event = state.facts;
    let mail = Mail::ModerationDecision {
        full_name: organizer.full_name,
        event_id,
        event_slug: event.slug.clone(),
        event_title: event.title.clone(),
        outcome,
        reason: reason.clone(),
    };
    let link = match outcome {
        ModerationOutcome::Approved => format!("/events/{}", event.slug),
        _ => format!("/organizer/events/{event_id}/edit"),
    };
    let in_app = InApp {
        event_id: Some(event_id),
        link: &link,
        payload: serde_json::json!({ "event_title": event.title, "outcome": outcome, "reason": reason }),
    };
    let recipient = Recipient {
        user_id: Some(organizer.id),
        email: &organizer.email,
        locale: Locale::from_tag(&organizer.locale).unwrap_or_default(),
    };
    let key = format!("moderation_decision:{decision_id}");
    deliver(
        conn,
        &recipient,
        NotificationKind::ModerationDecision,
        &key,
        &mail,
        Some(in_app),
    )
    .await?;
    Ok(())
}
