//! Event reminders (24 h and 2 h before by default; `events.reminder_offsets_min` per event). One job
//! per event and offset (`dedupe_key`), remembering the start it was planned for: when the event
//! moves, [`reschedule`] moves the job (and re-arms it if it had already run for the old date); the
//! mail key contains the start too, so a reminder is never sent twice for the same date.

use chrono::Utc;
use sqlx::PgConnection;

use super::{InApp, Recipient, deliver, facts};
use crate::{
    i18n::Locale, notifications::model::NotificationKind, ssr::jobs::Job, ssr::mail::message::Mail,
};

pub const KIND: &str = "event_reminder";

/// Brings the event's reminder jobs in line with its start, offsets and status. Call it in the
/// transaction that publishes, moves, cancels or deletes an event.
pub async fn reschedule(conn: &mut PgConnection, event_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM jobs j
         WHERE j.event_id = $1 AND j.kind = 'event_reminder' AND j.done_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM events e
             WHERE e.id = j.event_id AND e.status = 'published' AND e.deleted_at IS NULL
               AND (j.payload->>'offset_min')::int = ANY (e.reminder_offsets_min)
               AND e.starts_at - make_interval(mins => (j.payload->>'offset_min')::int) > now())",
        event_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO jobs (kind, dedupe_key, event_id, payload, run_at)
         SELECT 'event_reminder', 'event_reminder:' || e.id || ':' || o, e.id,
                jsonb_build_object('offset_min', o,
                                   'starts_at_us', (extract(epoch FROM e.starts_at) * 1000000)::bigint),
                e.starts_at - make_interval(mins => o)
         FROM events e CROSS JOIN LATERAL unnest(e.reminder_offsets_min) AS o
         WHERE e.id = $1 AND e.status = 'published' AND e.deleted_at IS NULL
           AND e.starts_at - make_interval(mins => o) > now()
         ON CONFLICT (dedupe_key) DO UPDATE
           SET payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, attempts = 0, last_error = NULL,
               done_at = NULL
           WHERE jobs.payload IS DISTINCT FROM EXCLUDED.payload",
        event_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The job: one reminder to every registered participant, if the event still starts when planned.
pub async fn send(conn: &mut PgConnection, job: &Job) -> Result<(), sqlx::Error> {
    let Some(event_id) = job.event_id else {
        return Ok(());
    };
    let planned_start = job.payload.get("starts_at_us").and_then(|v| v.as_i64());
    let offset = job
        .payload
        .get("offset_min")
        .and_then(|v| v.as_i64())
        .unwrap_or(0);
    let state = facts::load(conn, event_id).await?;
    let event = state.facts;
    let still_valid = state.status == "published"
        && !state.deleted
        && planned_start == Some(event.starts_at.timestamp_micros())
        && event.starts_at > Utc::now();
    if !still_valid {
        // Stale: the event moved (its new job exists), was cancelled, or has started.
        return Ok(());
    }
    let participants = sqlx::query!(
        r#"SELECT p.id, p.user_id, p.email, p.full_name, p.locale,
                  COALESCE(array_agg(t.code ORDER BY t.id) FILTER (WHERE t.status = 'valid'), '{}') AS "codes!"
           FROM event_participants p LEFT JOIN tickets t ON t.participant_id = p.id
           WHERE p.event_id = $1 AND p.status = 'registered'
           GROUP BY p.id ORDER BY p.id"#,
        event_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let start_key = event.starts_at.timestamp();
    for participant in participants {
        let key = format!(
            "event_reminder:{event_id}:{offset}:{start_key}:{}",
            participant.id
        );
        let link = participant.codes.first().map_or_else(
            || format!("/events/{}", event.slug),
            |code| format!("/tickets/{code}"),
        );
        let mail = Mail::EventReminder {
            full_name: participant.full_name,
            event: event.clone(),
            ticket_codes: participant.codes,
        };
        let recipient = Recipient {
            user_id: participant.user_id,
            email: &participant.email,
            locale: Locale::from_tag(&participant.locale).unwrap_or_default(),
        };
        let in_app = InApp {
            event_id: Some(event_id),
            link: &link,
            payload: serde_json::json!({ "event_title": event.title, "starts_at": event.starts_at }),
        };
        deliver(
            conn,
            &recipient,
            NotificationKind::EventReminder,
            &key,
            &mail,
            Some(in_app),
        )
        .await?;
    }
    Ok(())
}
