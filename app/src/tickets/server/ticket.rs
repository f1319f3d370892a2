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

/// The ticket with this code, whatever its status; `NotFound` for an unknown or malformed code.
pub async fn by_code(
    pool: &PgPool,
    secret: &[u8],
    code: &str,
    locale: Locale,
) -> Result<TicketView, AppError> {
    if code.len() > 64
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(AppError::NotFound);
    }
    let row = sqlx::query!(
        r#"SELECT t.id, t.code, t.attendee_name, t.status, t.checked_in_at, t.participant_id,
                  e.id AS event_id, e.title, e.slug, e.starts_at, e.time_zone, e.attendance_mode,
                  e.venue_name, e.address_line, e.postal_code, e.city, e.latitude, e.longitude
           FROM tickets t JOIN events e ON e.id = t.event_id
           WHERE t.code = $1 AND e.deleted_at IS NULL"#,
        code
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let payload = super::codes::qr_payload(secret, row.id, row.event_id, row.participant_id);
    let qr_svg = qr::svg(&payload).map_err(|e| {
        tracing::error!("ticket QR: {e}");
        AppError::Internal
    })?;
    let zone: chrono_tz::Tz = row.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    let status = match row.status.as_str() {
        "used" => TicketStatus::Used,
        "cancelled" => TicketStatus::Cancelled,
        _ => TicketStatus::Valid,
    };
    let in_person = row.attendance_mode != "online";
    Ok(TicketView {
        code: row.code,
        attendee_name: row.attendee_name,
        status,
        used_at: row
            .checked_in_at
            .map(|at| at.with_timezone(&zone).format("%H:%M").to_string()),
        event_title: row.title,
        event_slug: row.slug,
        when: format_event_start(row.starts_at, &row.time_zone, locale),
        starts_iso: row.starts_at.to_rfc3339(),
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
        qr_svg,
    })
}
