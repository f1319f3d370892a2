//! Who may change an event: its organizer, a co-organizer with the manager role, or an admin.

use sqlx::PgConnection;

use crate::{
    accounts::model::{CurrentUser, Role},
    error::AppError,
};

/// The state of an event someone is about to change, its row locked until the transaction ends.
pub struct Locked {
    pub id: i64,
    pub status: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub place: Option<String>,
    pub organizer_id: i64,
}

/// Locks the event for `user` (FOR UPDATE); `Forbidden` when they may not manage it, `NotFound` when
/// it does not exist (or was deleted).
pub async fn lock_for(
    conn: &mut PgConnection,
    user: &CurrentUser,
    event_id: i64,
) -> Result<Locked, AppError> {
    let row = sqlx::query!(
        r#"SELECT e.id, e.status, e.starts_at, e.organizer_id, e.attendance_mode, e.venue_name,
                  e.address_line, e.postal_code, e.city,
                  EXISTS (SELECT 1 FROM event_organizers o
                          WHERE o.event_id = e.id AND o.user_id = $2 AND o.role = 'manager') AS "manager!"
           FROM events e WHERE e.id = $1 AND e.deleted_at IS NULL FOR UPDATE OF e"#,
        event_id,
        user.id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let admin = user.role >= Role::Admin && user.two_factor;
    if row.organizer_id != user.id && !row.manager && !admin {
        return Err(AppError::Forbidden);
    }
    let place = (row.attendance_mode != "online")
        .then(|| {
            crate::notifications::server::facts::place_line(
                row.venue_name.as_deref(),
                row.address_line.as_deref(),
                row.postal_code.as_deref(),
                row.city.as_deref(),
            )
        })
        .flatten();
    Ok(Locked {
        id: row.id,
        status: row.status,
        starts_at: row.starts_at,
        place,
        organizer_id: row.organizer_id,
    })
}

/// Writes what happened to an event in the activity log, in the caller's transaction.
pub async fn log(
    conn: &mut PgConnection,
    actor: i64,
    event_id: i64,
    action: &str,
    details: serde_json::Value,
    ip: Option<&str>,
) -> Result<(), AppError> {
    use crate::ssr::audit::{Target, record};
    record(
        conn,
        Some(actor),
        Target::Event(event_id),
        action,
        details,
        ip,
    )
    .await?;
    Ok(())
}
