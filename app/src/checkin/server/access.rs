//! Who may work an event's door (its organizer, any co-organizer, an admin) and who may see its
//! participants and invite (the organizer, a manager, an admin).

use sqlx::PgConnection;

use crate::{
    accounts::model::{CurrentUser, Role},
    error::AppError,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Scanning tickets.
    Door,
    /// The participant list, exports, messages and invitations.
    Manage,
}

pub struct Access {
    pub event_id: i64,
    pub title: String,
    pub time_zone: String,
    pub can_manage: bool,
}

/// `NotFound` for an unknown or deleted event, `Forbidden` for someone without the role.
pub async fn check(
    conn: &mut PgConnection,
    user: &CurrentUser,
    event_id: i64,
    need: Need,
) -> Result<Access, AppError> {
    let row = sqlx::query!(
        r#"SELECT e.title, e.time_zone, e.organizer_id = $2 AS "owner!",
                  (SELECT o.role FROM event_organizers o WHERE o.event_id = e.id AND o.user_id = $2) AS role
           FROM events e WHERE e.id = $1 AND e.deleted_at IS NULL"#,
        event_id,
        user.id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let admin = user.role >= Role::Admin && user.two_factor;
    let can_manage = row.owner || admin || row.role.as_deref() == Some("manager");
    let allowed = match need {
        Need::Door => can_manage || row.role.is_some(),
        Need::Manage => can_manage,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    Ok(Access {
        event_id,
        title: row.title,
        time_zone: row.time_zone,
        can_manage,
    })
}
