//! Sanctions: suspended or deleted accounts lose their sessions and their events leave the site
//! (hidden with the reason `organizer`, shown again when the account is back); events are deleted
//! softly and restored. Each writes moderation_actions and the audit log in the caller's transaction.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    ssr::audit::{Target, record},
};

pub const SUSPENSION_END_KIND: &str = "suspension_end";

/// Hides (or shows again) every event of an organizer because of their account's state.
pub async fn set_organizer_events_hidden(
    conn: &mut PgConnection,
    user_id: i64,
    hidden: bool,
) -> Result<u64, sqlx::Error> {
    let done = if hidden {
        sqlx::query!(
            "UPDATE events SET hidden_at = now(), hidden_reason = 'organizer'
             WHERE organizer_id = $1 AND hidden_at IS NULL",
            user_id
        )
        .execute(&mut *conn)
        .await?
    } else {
        // Events hidden by reports stay hidden until a moderator looks at them.
        sqlx::query!(
            "UPDATE events SET hidden_at = NULL, hidden_reason = NULL
             WHERE organizer_id = $1 AND hidden_reason = 'organizer'",
            user_id
        )
        .execute(&mut *conn)
        .await?
    };
    Ok(done.rows_affected())
}

/// Writes a moderator's or admin's action on an account or event.
pub async fn log_action(
    conn: &mut PgConnection,
    actor: Option<i64>,
    event_id: Option<i64>,
    user_id: Option<i64>,
    action: &str,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO moderation_actions (moderator_id, event_id, target_user_id, action, reason)
         VALUES ($1, $2, $3, $4, $5)",
        actor,
        event_id,
        user_id,
        action,
        reason,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A suspension with an end date lifts itself then (the job reinstates the account and its events).
pub async fn schedule_end(
    conn: &mut PgConnection,
    user_id: i64,
    until: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    let key = format!("{SUSPENSION_END_KIND}:{user_id}");
    match until {
        Some(at) => {
            sqlx::query!(
                "INSERT INTO jobs (kind, dedupe_key, payload, run_at)
                 VALUES ($1, $2, jsonb_build_object('user_id', $3::bigint), $4)
                 ON CONFLICT (dedupe_key) DO UPDATE SET run_at = EXCLUDED.run_at, done_at = NULL, attempts = 0",
                SUSPENSION_END_KIND,
                key,
                user_id,
                at,
            )
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query!(
                "UPDATE jobs SET done_at = now() WHERE dedupe_key = $1 AND done_at IS NULL",
                key
            )
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// The job at a suspension's end date.
pub async fn end_suspension(
    conn: &mut PgConnection,
    job: &crate::ssr::jobs::Job,
) -> Result<(), sqlx::Error> {
    let Some(user_id) = job
        .payload
        .get("user_id")
        .and_then(serde_json::Value::as_i64)
    else {
        return Ok(());
    };
    let lifted = sqlx::query!(
        "UPDATE users SET status = 'active', suspension_reason = NULL, suspended_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'suspended' AND suspended_until <= now() AND deleted_at IS NULL",
        user_id
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if lifted > 0 {
        set_organizer_events_hidden(conn, user_id, false).await?;
        log_action(
            conn,
            None,
            None,
            Some(user_id),
            "restore_user",
            Some("suspension ended"),
        )
        .await?;
        record(
            conn,
            None,
            Target::User(user_id),
            "user_reinstated",
            serde_json::json!({ "cause": "suspension_ended" }),
            None,
        )
        .await?;
    }
    Ok(())
}

/// Soft-deletes an account: signed out everywhere, its events hidden, restorable by an admin.
pub async fn delete_user(
    pool: &PgPool,
    admin: &CurrentUser,
    user_id: i64,
    reason: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    if admin.id == user_id {
        return Err(AppError::Forbidden);
    }
    let mut tx = pool.begin().await?;
    let before = sqlx::query!(
        "SELECT status, role FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    sqlx::query!(
        "UPDATE users SET deleted_at = now(), updated_at = now() WHERE id = $1",
        user_id
    )
    .execute(&mut *tx)
    .await?;
    crate::accounts::server::sessions::revoke_all(&mut tx, user_id, None).await?;
    let hidden = set_organizer_events_hidden(&mut tx, user_id, true).await?;
    log_action(
        &mut tx,
        Some(admin.id),
        None,
        Some(user_id),
        "delete_user",
        Some(reason),
    )
    .await?;
    record(
        &mut tx,
        Some(admin.id),
        Target::User(user_id),
        "user_deleted",
        serde_json::json!({ "before": { "status": before.status, "role": before.role, "deleted": false },
                            "after": { "deleted": true }, "reason": reason, "events_hidden": hidden }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Restores a soft-deleted account (refused with `Conflict` when its address was taken since).
pub async fn restore_user(
    pool: &PgPool,
    admin: &CurrentUser,
    user_id: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        "SELECT status FROM users WHERE id = $1 AND deleted_at IS NOT NULL FOR UPDATE",
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let restored = sqlx::query!(
        "UPDATE users SET deleted_at = NULL, updated_at = now() WHERE id = $1",
        user_id
    )
    .execute(&mut *tx)
    .await;
    match restored {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(AppError::Conflict),
        other => other?,
    };
    if row.status == "active" {
        set_organizer_events_hidden(&mut tx, user_id, false).await?;
    }
    log_action(
        &mut tx,
        Some(admin.id),
        None,
        Some(user_id),
        "restore_user",
        None,
    )
    .await?;
    record(
        &mut tx,
        Some(admin.id),
        Target::User(user_id),
        "user_restored",
        serde_json::json!({ "before": { "deleted": true }, "after": { "deleted": false } }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Soft-deletes an event (it leaves every page; tickets stay in the database) or restores it.
pub async fn set_event_deleted(
    pool: &PgPool,
    admin: &CurrentUser,
    event_id: i64,
    deleted: bool,
    reason: Option<&str>,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query!(
        "SELECT organizer_id, deleted_at IS NOT NULL AS \"deleted!\" FROM events WHERE id = $1 FOR UPDATE",
        event_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if row.deleted == deleted {
        return Err(AppError::Conflict);
    }
    let changed = sqlx::query!(
        "UPDATE events SET deleted_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1",
        event_id,
        deleted
    )
    .execute(&mut *tx)
    .await;
    match changed {
        // Restoring: another live event took the slug meanwhile.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(AppError::Conflict),
        other => other?,
    };
    let action = if deleted {
        "delete_event"
    } else {
        "restore_event"
    };
    log_action(
        &mut tx,
        Some(admin.id),
        Some(event_id),
        Some(row.organizer_id),
        action,
        reason,
    )
    .await?;
    record(
        &mut tx,
        Some(admin.id),
        Target::Event(event_id),
        if deleted { "event_deleted" } else { "event_restored" },
        serde_json::json!({ "before": { "deleted": row.deleted }, "after": { "deleted": deleted }, "reason": reason }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
