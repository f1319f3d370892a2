//! A registration seen and cancelled through its private link (`/manage/{token}`): guests have no
//! account, the link in their mail is their key. Cancelling frees the seats for the waitlist.

use sqlx::{PgConnection, PgPool};

use super::codes;
use crate::{
    error::AppError,
    i18n::{Locale, MessageKey, dates::format_event_start},
    notifications::server::facts,
    ssr::mail::{
        message::{Mail, ParticipantChange},
        outbox::{OutgoingMail, enqueue},
    },
    tickets::model::{ManageView, ManagedTicket, RegistrationState, TicketStatus},
};

fn state(status: &str) -> RegistrationState {
    match status {
        "waitlisted" => RegistrationState::Waitlisted,
        "offered" => RegistrationState::Offered,
        "cancelled" => RegistrationState::Cancelled,
        _ => RegistrationState::Registered,
    }
}

pub async fn view(pool: &PgPool, token: &str, locale: Locale) -> Result<ManageView, AppError> {
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let p = sqlx::query!(
        r#"SELECT p.id, p.full_name, p.status, p.seats, p.waitlisted_at, e.id AS event_id, e.title, e.slug,
                  e.starts_at, e.time_zone,
                  e.starts_at - make_interval(mins => e.cancellation_cutoff_min) AS "cutoff!",
                  e.status AS event_status
           FROM event_participants p JOIN events e ON e.id = p.event_id
           WHERE p.manage_token_hash = $1 AND e.deleted_at IS NULL"#,
        codes::token_hash(token)
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let tickets = sqlx::query!(
        "SELECT code, attendee_name, status FROM tickets WHERE participant_id = $1 ORDER BY id",
        p.id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|t| ManagedTicket {
        code: t.code,
        attendee_name: t.attendee_name,
        status: TicketStatus::from_db(&t.status),
    })
    .collect::<Vec<_>>();
    let position = match p.waitlisted_at {
        Some(at) if p.status == "waitlisted" => Some(
            sqlx::query_scalar!(
                r#"SELECT count(*) AS "n!" FROM event_participants
                   WHERE event_id = $1 AND status = 'waitlisted' AND (waitlisted_at, id) <= ($2, $3)"#,
                p.event_id,
                at,
                p.id
            )
            .fetch_one(pool)
            .await?,
        ),
        _ => None,
    };
    let now = chrono::Utc::now();
    let any_used = tickets.iter().any(|t| t.status == TicketStatus::Used);
    Ok(ManageView {
        full_name: p.full_name,
        state: state(&p.status),
        seats: p.seats,
        event_title: p.title,
        event_slug: p.slug,
        when: format_event_start(p.starts_at, &p.time_zone, locale),
        cancel_until: format_event_start(p.cutoff, &p.time_zone, locale),
        can_cancel: p.status != "cancelled"
            && p.event_status == "published"
            && p.cutoff > now
            && !any_used,
        waitlist_position: position,
        tickets,
    })
}

/// Cancels the registration behind `token`: its tickets are cancelled, its seats given back and
/// offered to the waitlist, the person and the organizer told — in one transaction. Refused after the
/// organizer's cutoff or once a ticket was used at the door.
pub async fn cancel(pool: &PgPool, token: &str) -> Result<(), AppError> {
    if !codes::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let participant_id = sqlx::query_scalar!(
        "SELECT id FROM event_participants WHERE manage_token_hash = $1",
        codes::token_hash(token)
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    cancel_registration(pool, participant_id).await
}

/// Cancels a registration of `user_id`'s account (the REST API's way in), like `cancel`; someone
/// else's registration is `NotFound`.
pub async fn cancel_own(pool: &PgPool, user_id: i64, participant_id: i64) -> Result<(), AppError> {
    let holder = sqlx::query_scalar!(
        "SELECT user_id FROM event_participants WHERE id = $1",
        participant_id
    )
    .fetch_optional(pool)
    .await?
    .flatten();
    if holder != Some(user_id) {
        return Err(AppError::NotFound);
    }
    cancel_registration(pool, participant_id).await
}

async fn cancel_registration(pool: &PgPool, participant_id: i64) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let event_id = sqlx::query_scalar!(
        "SELECT event_id FROM event_participants WHERE id = $1",
        participant_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    // The event's row first, then the participant's: the order registrations and offers lock them in,
    // so a cancellation never deadlocks with them.
    let event = sqlx::query!(
        r#"SELECT status, now() < starts_at - make_interval(mins => cancellation_cutoff_min) AS "open!"
           FROM events WHERE id = $1 AND deleted_at IS NULL FOR UPDATE"#,
        event_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let p = sqlx::query!(
        "SELECT id, status FROM event_participants WHERE id = $1 FOR UPDATE",
        participant_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if p.status == "cancelled" {
        return Ok(());
    }
    if !event.open || event.status != "published" {
        return Err(AppError::field("cancel", MessageKey::ManageCancelTooLate));
    }
    let used = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM tickets WHERE participant_id = $1 AND status = 'used'"#,
        p.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if used > 0 {
        return Err(AppError::field("cancel", MessageKey::ManageCancelUsed));
    }
    end(&mut tx, p.id, event_id, &p.status, false).await?;
    if p.status == "registered" {
        super::organizer::tell(&mut tx, p.id, ParticipantChange::Cancelled).await?;
    }
    super::waitlist::offer_next(&mut tx, event_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws a registration whose holder is deleting their account: its tickets cancelled, its seats
/// back to the event and offered to the waitlist. The organizer is not sent the person's name (it is
/// being erased); their counts follow from the rows. Locks the event, then the participant, like
/// registrations do.
pub async fn withdraw(conn: &mut PgConnection, participant_id: i64) -> Result<(), AppError> {
    let event_id = sqlx::query_scalar!(
        "SELECT event_id FROM event_participants WHERE id = $1",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!("SELECT id FROM events WHERE id = $1 FOR UPDATE", event_id)
        .fetch_one(&mut *conn)
        .await?;
    let status = sqlx::query_scalar!(
        "SELECT status FROM event_participants WHERE id = $1 FOR UPDATE",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    if status == "cancelled" {
        return Ok(());
    }
    end(conn, participant_id, event_id, &status, false).await?;
    super::waitlist::offer_next(conn, event_id).await?;
    Ok(())
}

/// Ends a registration that was `status` (cancelled by its holder, or an offer that lapsed): its
/// tickets are cancelled, the seats it took or held go back to the event, and the person is told.
/// The caller holds the event's row lock.
pub(super) async fn end(
    conn: &mut PgConnection,
    participant_id: i64,
    event_id: i64,
    status: &str,
    offer_expired: bool,
) -> Result<(), AppError> {
    let p = sqlx::query!(
        "UPDATE event_participants SET status = 'cancelled', cancelled_at = now(), offer_expires_at = NULL
         WHERE id = $1 RETURNING seats, email, full_name, locale",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "UPDATE tickets SET status = 'cancelled', cancelled_at = now()
         WHERE participant_id = $1 AND status = 'valid'",
        participant_id
    )
    .execute(&mut *conn)
    .await?;
    // Registered and offered seats are counted in seats_taken; a place in line is not.
    if status == "registered" || status == "offered" {
        sqlx::query!(
            "UPDATE events SET seats_taken = greatest(seats_taken - $2, 0) WHERE id = $1",
            event_id,
            p.seats
        )
        .execute(&mut *conn)
        .await?;
    }
    let event = facts::load(&mut *conn, event_id).await?.facts;
    let key = if offer_expired {
        format!("waitlist-lapsed:{participant_id}")
    } else {
        format!("registration-cancelled:{participant_id}")
    };
    enqueue(
        conn,
        OutgoingMail {
            idempotency_key: &key,
            to: &p.email,
            locale: Locale::from_tag(&p.locale).unwrap_or_default(),
            mail: &Mail::RegistrationCancelled {
                full_name: p.full_name,
                event,
                offer_expired,
            },
        },
    )
    .await?;
    Ok(())
}
