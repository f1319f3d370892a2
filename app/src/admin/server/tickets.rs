//! Tickets in the back-office: found by event, by person or by code; an admin cancels one (its seat
//! goes back and the waitlist moves), restores it (if a seat is free) or undoes a check-in.

use sqlx::PgPool;

use crate::{
    admin::model::TicketLine,
    error::AppError,
    i18n::{Locale, dates::format_moment},
    ssr::audit::{Target, record},
};

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TicketQuery {
    pub event_id: Option<i64>,
    /// An email address (the registrant's) or part of it.
    pub person: Option<String>,
    pub code: Option<String>,
}

/// Tickets with their participant's id, at most 500.
pub async fn lines(
    pool: &PgPool,
    query: &TicketQuery,
    locale: Locale,
) -> Result<Vec<(i64, TicketLine)>, AppError> {
    let person = query
        .person
        .as_deref()
        .map(|q| format!("%{}%", super::like_text(q)));
    let rows = sqlx::query!(
        r#"SELECT t.id, t.code, t.attendee_name, t.status, t.event_id, e.title, p.email, t.checked_in_at, t.participant_id
           FROM tickets t JOIN event_participants p ON p.id = t.participant_id JOIN events e ON e.id = t.event_id
           WHERE ($1::bigint IS NULL OR t.event_id = $1)
             AND ($2::text IS NULL OR lower(p.email) LIKE $2 OR lower(t.attendee_name) LIKE $2)
             AND ($3::text IS NULL OR t.code = $3)
           ORDER BY t.created_at DESC, t.id DESC LIMIT 500"#,
        query.event_id,
        person,
        query.code,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.participant_id,
                TicketLine {
                    id: r.id,
                    code: r.code,
                    attendee: r.attendee_name,
                    status: r.status,
                    event_id: r.event_id,
                    event_title: r.title,
                    email: r.email,
                    checked_in_label: r.checked_in_at.map(|at| format_moment(at, locale)),
                },
            )
        })
        .collect())
}

/// `valid`, `used` → `cancelled` frees the seat; `cancelled` → `valid` takes one back (if free);
/// `used` → `valid` undoes a check-in. Anything else is refused (`Conflict`).
pub async fn set_status(
    pool: &PgPool,
    admin: i64,
    ticket_id: i64,
    status: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let ticket = sqlx::query!(
        "SELECT t.event_id, t.participant_id, t.status FROM tickets t WHERE t.id = $1",
        ticket_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    // Lock in the registration order (event, then participant, then ticket).
    sqlx::query_scalar!(
        "SELECT id FROM events WHERE id = $1 FOR UPDATE",
        ticket.event_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let current = sqlx::query_scalar!(
        "SELECT status FROM tickets WHERE id = $1 FOR UPDATE",
        ticket_id
    )
    .fetch_one(&mut *tx)
    .await?;
    match (current.as_str(), status) {
        ("valid" | "used", "cancelled") => {
            sqlx::query!(
                "UPDATE tickets SET status = 'cancelled', cancelled_at = now(), checked_in_at = NULL WHERE id = $1",
                ticket_id
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "UPDATE events SET seats_taken = greatest(seats_taken - 1, 0) WHERE id = $1",
                ticket.event_id
            )
            .execute(&mut *tx)
            .await?;
            // The registration keeps its other seats, or ends with its last one.
            sqlx::query!(
                "UPDATE event_participants SET
                    seats = CASE WHEN seats > 1 THEN seats - 1 ELSE seats END,
                    status = CASE WHEN seats > 1 THEN status ELSE 'cancelled' END,
                    cancelled_at = CASE WHEN seats > 1 THEN cancelled_at ELSE now() END
                 WHERE id = $1 AND status <> 'cancelled'",
                ticket.participant_id
            )
            .execute(&mut *tx)
            .await?;
            crate::tickets::server::waitlist::offer_next(&mut tx, ticket.event_id).await?;
        }
        ("cancelled", "valid") => {
            let seat = sqlx::query!(
                "UPDATE events SET seats_taken = seats_taken + 1
                 WHERE id = $1 AND (capacity IS NULL OR seats_taken + 1 <= capacity)",
                ticket.event_id
            )
            .execute(&mut *tx)
            .await?;
            if seat.rows_affected() == 0 {
                return Err(AppError::SoldOut);
            }
            sqlx::query!(
                "UPDATE tickets SET status = 'valid', cancelled_at = NULL WHERE id = $1",
                ticket_id
            )
            .execute(&mut *tx)
            .await?;
            let back = sqlx::query!(
                "UPDATE event_participants SET
                    seats = CASE WHEN status = 'cancelled' THEN 1 ELSE least(seats + 1, 20) END,
                    status = 'registered', cancelled_at = NULL
                 WHERE id = $1",
                ticket.participant_id
            )
            .execute(&mut *tx)
            .await;
            match back {
                // The same address registered again since: restoring would make two registrations.
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(AppError::Conflict);
                }
                other => other?,
            };
        }
        ("used", "valid") => {
            sqlx::query!(
                "UPDATE tickets SET status = 'valid', checked_in_at = NULL, checked_in_by = NULL WHERE id = $1",
                ticket_id
            )
            .execute(&mut *tx)
            .await?;
        }
        _ => return Err(AppError::Conflict),
    }
    record(
        &mut tx,
        Some(admin),
        Target::Ticket(ticket_id),
        "ticket_status_changed",
        serde_json::json!({ "before": current, "after": status, "event": ticket.event_id }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
