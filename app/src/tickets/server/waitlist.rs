//! The waitlist. A freed seat is offered to the first people in line whose seats fit; the offer holds
//! those seats (counted in `seats_taken`) until it is accepted or expires, so accepting can never
//! overbook and nobody registering meanwhile takes a seat that is promised. Expiry is a job at the
//! offer's deadline; it gives the seats back and offers them to the next person.

use sqlx::{PgConnection, PgPool};

use super::codes;
use crate::{
    error::AppError,
    notifications::{
        model::NotificationKind,
        server::{InApp, Recipient, deliver, facts},
    },
    ssr::{jobs::Job, mail::message::Mail, mail::message::ParticipantChange},
};

pub const EXPIRY_KIND: &str = "waitlist_offer_expiry";

/// The person just joined the line: their confirmation with the private link, and the organizer told.
pub async fn joined(
    conn: &mut PgConnection,
    participant_id: i64,
    manage_token: &str,
) -> Result<(), AppError> {
    let p = person(conn, participant_id).await?;
    let event = facts::load(&mut *conn, p.event_id).await?.facts;
    let mail = Mail::WaitlistJoined {
        full_name: p.full_name.clone(),
        event,
        manage_token: manage_token.to_owned(),
    };
    crate::ssr::mail::outbox::enqueue(
        conn,
        crate::ssr::mail::outbox::OutgoingMail {
            idempotency_key: &format!("waitlist-joined:{participant_id}"),
            to: &p.email,
            locale: p.locale,
            mail: &mail,
        },
    )
    .await?;
    super::organizer::tell(conn, participant_id, ParticipantChange::Waitlisted).await
}

struct Person {
    event_id: i64,
    user_id: Option<i64>,
    email: String,
    full_name: String,
    locale: crate::i18n::Locale,
}

async fn person(conn: &mut PgConnection, participant_id: i64) -> Result<Person, AppError> {
    let p = sqlx::query!(
        "SELECT event_id, user_id, email, full_name, locale FROM event_participants WHERE id = $1",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(Person {
        event_id: p.event_id,
        user_id: p.user_id,
        email: p.email,
        full_name: p.full_name,
        locale: crate::i18n::Locale::from_tag(&p.locale).unwrap_or_default(),
    })
}

/// Offers the free seats of an open event to the people in line, first come first served among those
/// whose seats fit. Returns how many offers were made. Runs in the caller's transaction.
pub async fn offer_next(conn: &mut PgConnection, event_id: i64) -> Result<usize, AppError> {
    let mut offered = 0;
    loop {
        // Lock the event (orders this with registrations) and the first person who fits.
        let next = sqlx::query!(
            r#"WITH e AS (
                   SELECT id, capacity, seats_taken, waitlist_offer_min FROM events
                   WHERE id = $1 AND status = 'published' AND deleted_at IS NULL AND ends_at > now()
                   FOR UPDATE)
               SELECT p.id, p.seats, e.waitlist_offer_min FROM e
               JOIN event_participants p ON p.event_id = e.id AND p.status = 'waitlisted'
               WHERE e.capacity IS NULL OR p.seats <= e.capacity - e.seats_taken
               ORDER BY p.waitlisted_at, p.id LIMIT 1
               FOR UPDATE OF p"#,
            event_id
        )
        .fetch_optional(&mut *conn)
        .await?;
        let Some(next) = next else {
            return Ok(offered);
        };
        let (token, hash) = codes::new_token();
        let expires_at = sqlx::query_scalar!(
            "UPDATE event_participants SET status = 'offered', offer_token_hash = $2,
                    offer_expires_at = now() + make_interval(mins => $3)
             WHERE id = $1 RETURNING offer_expires_at AS \"at!\"",
            next.id,
            hash,
            next.waitlist_offer_min,
        )
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query!(
            "UPDATE events SET seats_taken = seats_taken + $2 WHERE id = $1",
            event_id,
            next.seats
        )
        .execute(&mut *conn)
        .await?;
        sqlx::query!(
            "INSERT INTO jobs (kind, dedupe_key, event_id, payload, run_at)
             VALUES ($1, $2, $3, jsonb_build_object('participant_id', $4::bigint), $5)
             ON CONFLICT (dedupe_key) DO UPDATE SET run_at = EXCLUDED.run_at, done_at = NULL, attempts = 0",
            EXPIRY_KIND,
            format!("{EXPIRY_KIND}:{}", next.id),
            event_id,
            next.id,
            expires_at,
        )
        .execute(&mut *conn)
        .await?;
        let p = person(conn, next.id).await?;
        let event = facts::load(&mut *conn, event_id).await?.facts;
        let link = format!("/tickets/offer/{token}");
        let mail = Mail::WaitlistOffer {
            full_name: p.full_name.clone(),
            event: event.clone(),
            token,
            expires_at,
        };
        deliver(
            conn,
            &Recipient {
                user_id: p.user_id,
                email: &p.email,
                locale: p.locale,
            },
            NotificationKind::WaitlistOffer,
            &format!("waitlist-offer:{}", next.id),
            &mail,
            Some(InApp {
                event_id: Some(event_id),
                link: &link,
                payload: serde_json::json!({ "event_title": event.title }),
            }),
        )
        .await?;
        offered += 1;
    }
}

/// An offer as its page shows it (any state: accepted, lapsed or still open).
pub async fn offer_view(
    pool: &PgPool,
    token: &str,
    locale: crate::i18n::Locale,
) -> Result<crate::tickets::model::OfferView, AppError> {
    use crate::{i18n::dates::format_event_start, tickets::model::RegistrationState};
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let row = sqlx::query!(
        r#"SELECT p.status, p.offer_expires_at, coalesce(p.offer_expires_at <= now(), false) AS "expired!",
                  e.title, e.slug, e.starts_at, e.time_zone
           FROM event_participants p JOIN events e ON e.id = p.event_id
           WHERE p.offer_token_hash = $1 AND e.deleted_at IS NULL"#,
        codes::token_hash(token)
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(crate::tickets::model::OfferView {
        when: format_event_start(row.starts_at, &row.time_zone, locale),
        expires: row
            .offer_expires_at
            .map(|at| format_event_start(at, &row.time_zone, locale)),
        expired: row.expired,
        state: match row.status.as_str() {
            "registered" => RegistrationState::Registered,
            "offered" => RegistrationState::Offered,
            "waitlisted" => RegistrationState::Waitlisted,
            _ => RegistrationState::Cancelled,
        },
        event_title: row.title,
        event_slug: row.slug,
    })
}

/// Accepts an offer: the held seats become tickets, atomically (the row lock makes a double click or
/// a race with the expiry job end one way only). Returns the first ticket's code.
pub async fn accept(pool: &PgPool, secret: &[u8], token: &str) -> Result<String, AppError> {
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let mut tx = pool.begin().await?;
    let p = sqlx::query!(
        r#"SELECT id, status, coalesce(offer_expires_at <= now(), true) AS "expired!", locale
           FROM event_participants WHERE offer_token_hash = $1 FOR UPDATE"#,
        codes::token_hash(token)
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if p.status == "registered" {
        // Accepted already (a second click): the same tickets.
        let code = first_code(&mut tx, p.id).await?;
        return Ok(code);
    }
    if p.status != "offered" || p.expired {
        return Err(AppError::Conflict);
    }
    sqlx::query!(
        "UPDATE event_participants SET status = 'registered', offer_expires_at = NULL WHERE id = $1",
        p.id
    )
    .execute(&mut *tx)
    .await?;
    super::register::issue_tickets(&mut tx, p.id, &[]).await?;
    let locale = crate::i18n::Locale::from_tag(&p.locale).unwrap_or_default();
    let key = format!("registration:{}", p.id);
    super::register::confirm(&mut tx, secret, p.id, None, &key, locale).await?;
    super::organizer::tell(&mut tx, p.id, ParticipantChange::Registered).await?;
    let code = first_code(&mut tx, p.id).await?;
    tx.commit().await?;
    Ok(code)
}

async fn first_code(conn: &mut PgConnection, participant_id: i64) -> Result<String, AppError> {
    sqlx::query_scalar!(
        "SELECT code FROM tickets WHERE participant_id = $1 AND status <> 'cancelled' ORDER BY id LIMIT 1",
        participant_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::Conflict)
}

/// The expiry job: a lapsed offer gives its seats back and they go to the next person in line.
pub async fn expire(conn: &mut PgConnection, job: &Job) -> Result<(), AppError> {
    let (Some(participant_id), Some(event_id)) = (
        job.payload.get("participant_id").and_then(|v| v.as_i64()),
        job.event_id,
    ) else {
        return Ok(());
    };
    // Event first, then the participant: the order registrations and cancellations lock them in.
    sqlx::query!("SELECT id FROM events WHERE id = $1 FOR UPDATE", event_id)
        .fetch_optional(&mut *conn)
        .await?;
    let lapsed = sqlx::query_scalar!(
        "SELECT id FROM event_participants
         WHERE id = $1 AND status = 'offered' AND offer_expires_at <= now() FOR UPDATE",
        participant_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if lapsed.is_none() {
        return Ok(());
    }
    super::manage::end(conn, participant_id, event_id, "offered", true).await?;
    offer_next(conn, event_id).await?;
    Ok(())
}
