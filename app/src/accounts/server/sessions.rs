//! The signed-in devices of an account: list, revoke one, revoke all, and new session ids when
//! privileges change.

use sqlx::{PgConnection, PgPool};
use tower_sessions::Session;

use super::internal;
use crate::{
    accounts::model::{SessionView, device_label},
    error::AppError,
};

pub async fn list(
    pool: &PgPool,
    user_id: i64,
    current: Option<&str>,
    locale: crate::i18n::Locale,
) -> Result<Vec<SessionView>, AppError> {
    use crate::i18n::dates::format_moment;
    let rows = sqlx::query!(
        "SELECT id, session_id, user_agent, host(ip_address) AS ip, created_at, last_seen_at
         FROM user_sessions
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
         ORDER BY last_seen_at DESC LIMIT 50",
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionView {
            id: row.id,
            device: device_label(row.user_agent.as_deref()),
            ip_address: row.ip,
            signed_in: format_moment(row.created_at, locale),
            last_seen: format_moment(row.last_seen_at, locale),
            current: current == Some(row.session_id.as_str()),
        })
        .collect())
}

/// Ends one of the account's sessions (its stored session is deleted, so its cookie opens nothing).
/// Returns false when there was no such active session.
pub async fn revoke(pool: &PgPool, user_id: i64, handle: i64) -> Result<bool, AppError> {
    let mut tx = pool.begin().await?;
    let session_id = sqlx::query_scalar!(
        "UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL
         RETURNING session_id",
        user_id,
        handle
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(session_id) = &session_id {
        sqlx::query!(
            "DELETE FROM tower_sessions.session WHERE id = $1",
            session_id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(session_id.is_some())
}

/// Ends every session of the account but `keep` (the current one, when the person stays signed in).
pub async fn revoke_all(
    conn: &mut PgConnection,
    user_id: i64,
    keep: Option<&str>,
) -> Result<u64, AppError> {
    let ended = sqlx::query_scalar!(
        "UPDATE user_sessions SET revoked_at = now()
         WHERE user_id = $1 AND revoked_at IS NULL AND session_id IS DISTINCT FROM $2
         RETURNING session_id",
        user_id,
        keep
    )
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM tower_sessions.session WHERE id = ANY($1)",
        &ended
    )
    .execute(&mut *conn)
    .await?;
    Ok(ended.len() as u64)
}

/// Gives the current session a new id (after a privilege change: a stolen old id is worthless) and
/// keeps its row in the list of devices.
pub async fn rotate(pool: &PgPool, session: &Session) -> Result<(), AppError> {
    let Some(old) = session.id().map(|id| id.to_string()) else {
        return Ok(());
    };
    session.cycle_id().await.map_err(internal)?;
    session.save().await.map_err(internal)?;
    let new = session.id().ok_or(AppError::Internal)?.to_string();
    sqlx::query!(
        "UPDATE user_sessions SET session_id = $2 WHERE session_id = $1",
        old,
        new
    )
    .execute(pool)
    .await?;
    Ok(())
}
