//! Reading one ticket for its page.

use sqlx::PgPool;

use crate::{
    error::AppError,
    events::model::directions_link,
    i18n::{Locale, dates::format_event_start},
    notifications::server::facts::place_line,
    ssr::qr,
    tickets::model::{TicketStatus, TicketView},
};

/// The ticket with this code, whatever its status, its QR drawn as SVG; `NotFound` for an unknown or
/// malformed code.
pub async fn by_code(
    pool: &PgPool,
    secret: &[u8],
    code: &str,
    locale: Locale,
) -> Result<TicketView, AppError> {
    let (mut ticket, payload) = with_payload(pool, secret, code, locale).await?;
    ticket.qr_svg = qr::svg(&payload).map_err(|e| {
        tracing::error!("ticket QR: {e}");
        AppError::Internal
    })?;
    Ok(ticket)
}

/// The ticket's facts (without the SVG) and the signed payload its QR code holds.
pub async fn with_payload(
    pool: &PgPool,
    secret: &[u8],
    code: &str,
    locale: Locale,
) -> Result<(TicketView, String), AppError> {
    if !super::codes::well_formed(code) {
        return Err(AppError::NotFound);
    }
    let row = sqlx::query!(
        r#"SELECT t.id, t.code, t.attendee_name, t.status, t.checked_in_at, t.participant_id,
                  e.id AS event_id, e.title, e.slug, e.starts_at, e.time_zone, e.attendance_mode,
                  e.venue_name, e.address_line, e.postal_code, e.city, e.latitude, e.longitude, e.online_url
           FROM tickets t JOIN events e ON e.id = t.event_id
           WHERE t.code = $1 AND e.deleted_at IS NULL"#,
        code
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let payload = super::codes::qr_payload(secret, row.id, row.event_id, row.participant_id);
    let zone: chrono_tz::Tz = row.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    let status = TicketStatus::from_db(&row.status);
    let in_person = row.attendance_mode != "online";
    let ticket = TicketView {
        code: row.code,
        attendee_name: row.attendee_name,
        status,
        used_at: row
            .checked_in_at
            .map(|at| at.with_timezone(&zone).format("%H:%M").to_string()),
        event_title: row.title,
        event_slug: row.slug,
        when: format_event_start(row.starts_at, &row.time_zone, locale),
        starts_iso: row
            .starts_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        place: in_person
            .then(|| {
                place_line(
                    row.venue_name.as_deref(),
                    row.address_line.as_deref(),
                    row.postal_code.as_deref(),
                    row.city.as_deref(),
                )
            })
            .flatten(),
        directions: match (in_person, row.latitude, row.longitude) {
            (true, Some(lat), Some(lon)) => Some(directions_link(lat, lon)),
            _ => None,
        },
        online: row.attendance_mode != "in_person",
        online_url: row
            .online_url
            .filter(|_| row.attendance_mode != "in_person"),
        qr_svg: String::new(),
    };
    Ok((ticket, payload))
}

/// An account's tickets (not cancelled), the next events first, then past ones.
pub async fn of_user(
    pool: &PgPool,
    user_id: i64,
    locale: Locale,
) -> Result<Vec<crate::tickets::model::WalletTicket>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT t.code, t.attendee_name, t.status, e.title, e.starts_at, e.time_zone, e.ends_at < now() AS "past!"
         FROM event_participants p
         JOIN tickets t ON t.participant_id = p.id
         JOIN events e ON e.id = p.event_id
         WHERE p.user_id = $1 AND p.status = 'registered' AND t.status <> 'cancelled' AND e.deleted_at IS NULL
         ORDER BY e.ends_at < now(), e.starts_at, t.id
         LIMIT 200"#,
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::tickets::model::WalletTicket {
            code: r.code,
            attendee_name: r.attendee_name,
            event_title: r.title,
            when: format_event_start(r.starts_at, &r.time_zone, locale),
            starts_iso: crate::i18n::dates::iso_with_offset(r.starts_at, &r.time_zone),
            status: TicketStatus::from_db(&r.status),
            past: r.past,
        })
        .collect())
}

/// The account that holds the ticket with this code (none for a guest's ticket or an unknown code).
pub async fn holder(pool: &PgPool, code: &str) -> Result<Option<i64>, AppError> {
    if !super::codes::well_formed(code) {
        return Ok(None);
    }
    Ok(sqlx::query_scalar!(
        "SELECT p.user_id FROM tickets t JOIN event_participants p ON p.id = t.participant_id
         WHERE t.code = $1",
        code
    )
    .fetch_optional(pool)
    .await?
    .flatten())
}
