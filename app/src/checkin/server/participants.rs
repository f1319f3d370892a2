//! The participants of an event for its organizer: a filtered list, the same rows for the CSV and
//! PDF exports, and a message to everyone registered (through the outbox, rate limited).

use sqlx::PgPool;

use super::access::{self, Need};
use crate::{
    accounts::model::CurrentUser,
    checkin::participants::{Participant, ParticipantFilter, ParticipantList},
    error::AppError,
    i18n::{Locale, MessageKey},
    notifications::server::facts,
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
    },
    tickets::questions::Question,
    validation::text_length,
};

/// At most this many messages to all per event and day.
const MESSAGES_PER_DAY: i64 = 3;

pub async fn list(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    filter: &ParticipantFilter,
    locale: Locale,
) -> Result<ParticipantList, AppError> {
    let mut conn = pool.acquire().await?;
    let access = access::check(&mut conn, user, event_id, Need::Manage).await?;
    let questions: Vec<Question> = sqlx::query_scalar!(
        "SELECT registration_questions FROM events WHERE id = $1",
        event_id
    )
    .fetch_one(&mut *conn)
    .await
    .map(|v| serde_json::from_value(v).unwrap_or_default())?;
    let query: String = filter.q.trim().chars().take(100).collect();
    let like = super::contains_pattern(&query);
    let status = filter.status_db();
    let rows = sqlx::query!(
        r#"SELECT p.id, p.full_name, p.email, p.phone_number, p.seats, p.status, p.answers, p.created_at,
                  count(t.id) FILTER (WHERE t.status = 'used') AS "checked_in!",
                  coalesce(string_agg(t.attendee_name, ', ' ORDER BY t.id) FILTER (WHERE t.id IS NOT NULL), '') AS "attendees!"
           FROM event_participants p LEFT JOIN tickets t ON t.participant_id = p.id
           WHERE p.event_id = $1
             AND ($2 = '' OR lower(immutable_unaccent(p.full_name || ' ' || p.email)) LIKE immutable_unaccent($3))
             AND ($4::text IS NULL OR p.status = $4)
           GROUP BY p.id
           HAVING NOT $5 OR count(t.id) FILTER (WHERE t.status = 'used') > 0
           ORDER BY p.created_at, p.id
           LIMIT 5000"#,
        event_id,
        query,
        like,
        status,
        filter.status == "checked_in",
    )
    .fetch_all(&mut *conn)
    .await?;
    let zone: chrono_tz::Tz = access.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    let participants = rows
        .into_iter()
        .map(|r| Participant {
            id: r.id,
            full_name: r.full_name,
            email: r.email,
            phone: r.phone_number.unwrap_or_default(),
            seats: r.seats,
            status: r.status,
            checked_in: r.checked_in,
            attendees: r.attendees,
            registered_at: r
                .created_at
                .with_timezone(&zone)
                .format(match locale {
                    Locale::Fr => "%d/%m/%Y %H:%M",
                    Locale::En => "%Y-%m-%d %H:%M",
                })
                .to_string(),
            answers: (1..=questions.len())
                .map(|i| {
                    r.answers
                        .get(i.to_string())
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect(),
        })
        .collect();
    Ok(ParticipantList {
        event_id,
        event_title: access.title,
        questions: questions.into_iter().map(|q| q.label).collect(),
        participants,
    })
}

/// Sends `subject` and `body` to everyone registered; returns how many mails were queued.
pub async fn message_all(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    subject: &str,
    body: &str,
) -> Result<i64, AppError> {
    let subject = text_length(subject, 3, 120).map_err(|k| AppError::field("subject", k))?;
    let body = text_length(body, 10, 5000).map_err(|k| AppError::field("body", k))?;
    let mut tx = pool.begin().await?;
    access::check(&mut tx, user, event_id, Need::Manage).await?;
    // Lock the event so two simultaneous sends count each other.
    sqlx::query!("SELECT id FROM events WHERE id = $1 FOR UPDATE", event_id)
        .fetch_one(&mut *tx)
        .await?;
    let recent = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM event_messages
           WHERE event_id = $1 AND created_at > now() - interval '24 hours'"#,
        event_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if recent >= MESSAGES_PER_DAY {
        return Err(AppError::field("body", MessageKey::MessageLimitReached));
    }
    let recipients = sqlx::query!(
        "SELECT id, email, locale FROM event_participants WHERE event_id = $1 AND status = 'registered'",
        event_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let count = i32::try_from(recipients.len()).unwrap_or(i32::MAX);
    let message_id = sqlx::query_scalar!(
        "INSERT INTO event_messages (event_id, sender_id, subject, body, recipients)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        event_id,
        user.id,
        subject,
        body,
        count,
    )
    .fetch_one(&mut *tx)
    .await?;
    let event = facts::load(&mut tx, event_id).await?.facts;
    let mail = Mail::ParticipantMessage {
        event,
        organizer_name: user.full_name.clone(),
        subject: subject.clone(),
        body: body.clone(),
    };
    for r in &recipients {
        enqueue(
            &mut tx,
            OutgoingMail {
                idempotency_key: &format!("event-message:{message_id}:{}", r.id),
                to: &r.email,
                locale: Locale::from_tag(&r.locale).unwrap_or_default(),
                mail: &mail,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(i64::from(count))
}
