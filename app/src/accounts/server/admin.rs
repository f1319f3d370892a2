//! What admins do to accounts: roles and suspensions (each logged with before/after), and the
//! `create-admin` bootstrap of the server binary.

use sqlx::PgPool;

use super::{Client, passwords, sessions};
use crate::{
    accounts::model::{Role, Suspension, check_full_name},
    error::AppError,
    validation::Email,
};

async fn audit(
    conn: &mut sqlx::PgConnection,
    actor: i64,
    target: i64,
    action: &str,
    details: serde_json::Value,
    client: &Client,
) -> Result<(), AppError> {
    use crate::ssr::audit::{Target, record};
    record(
        conn,
        Some(actor),
        Target::User(target),
        action,
        details,
        client.ip.as_deref(),
    )
    .await?;
    Ok(())
}

/// Changes someone's role. Their sessions end: they sign in again under the new role (with a second
/// factor for staff). Nobody changes their own role.
pub async fn set_role(
    pool: &PgPool,
    actor: i64,
    target: i64,
    role: Role,
    client: &Client,
) -> Result<(), AppError> {
    if actor == target {
        return Err(AppError::Forbidden);
    }
    let mut tx = pool.begin().await?;
    let before = sqlx::query_scalar!(
        "SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        target
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    sqlx::query!(
        "UPDATE users SET role = $2, updated_at = now() WHERE id = $1",
        target,
        role.as_db()
    )
    .execute(&mut *tx)
    .await?;
    sessions::revoke_all(&mut tx, target, None).await?;
    audit(
        &mut tx,
        actor,
        target,
        "role_changed",
        serde_json::json!({ "before": before, "after": role.as_db() }),
        client,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Suspends an account (until a date, or until reinstated) with the reason shown at its next sign-in.
pub async fn suspend(
    pool: &PgPool,
    actor: i64,
    target: i64,
    suspension: &Suspension,
    client: &Client,
) -> Result<(), AppError> {
    if actor == target {
        return Err(AppError::Forbidden);
    }
    let mut tx = pool.begin().await?;
    let updated = sqlx::query!(
        "UPDATE users SET status = 'suspended', suspension_reason = $2, suspended_until = $3, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL",
        target,
        suspension.reason,
        suspension.until,
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    sessions::revoke_all(&mut tx, target, None).await?;
    use crate::moderation::server::sanctions;
    let hidden = sanctions::set_organizer_events_hidden(&mut tx, target, true).await?;
    sanctions::schedule_end(&mut tx, target, suspension.until).await?;
    sanctions::log_action(
        &mut tx,
        Some(actor),
        None,
        Some(target),
        "suspend_user",
        Some(&suspension.reason),
    )
    .await?;
    tracing::info!(target, events_hidden = hidden, "account suspended");
    audit(
        &mut tx,
        actor,
        target,
        "user_suspended",
        serde_json::json!({ "reason": suspension.reason, "until": suspension.until }),
        client,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn reinstate(
    pool: &PgPool,
    actor: i64,
    target: i64,
    client: &Client,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let updated = sqlx::query!(
        "UPDATE users SET status = 'active', suspension_reason = NULL, suspended_until = NULL, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND status = 'suspended'",
        target
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    use crate::moderation::server::sanctions;
    sanctions::set_organizer_events_hidden(&mut tx, target, false).await?;
    sanctions::schedule_end(&mut tx, target, None).await?;
    sanctions::log_action(
        &mut tx,
        Some(actor),
        None,
        Some(target),
        "restore_user",
        None,
    )
    .await?;
    audit(
        &mut tx,
        actor,
        target,
        "user_reinstated",
        serde_json::json!({}),
        client,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `meetral create-admin`: creates the account as an admin (email confirmed), or promotes an existing
/// one (its sessions end). Returns whether the account is new. The password obeys the usual rules.
pub async fn create_admin(
    pool: &PgPool,
    email: &str,
    full_name: &str,
    password: &str,
) -> Result<bool, String> {
    let email = Email::parse(email).map_err(|_| "invalid email address".to_owned())?;
    let full_name =
        check_full_name(full_name).map_err(|_| "invalid name (1 to 100 characters)".to_owned())?;
    passwords::check_strength(password, &[email.as_str(), &full_name])
        .map_err(|_| "password too weak: use at least 8 characters that are hard to guess (a few words work well)".to_owned())?;
    let hash = passwords::hash(password.to_owned())
        .await
        .map_err(|e| e.to_string())?;
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let existing = sqlx::query_scalar!(
        "UPDATE users SET role = 'admin', password_hash = $2, email_verified_at = coalesce(email_verified_at, now()),
                          updated_at = now()
         WHERE lower(email) = lower($1) AND deleted_at IS NULL RETURNING id",
        email.as_str(),
        hash
    )
    .fetch_optional(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    let (id, created) = match existing {
        Some(id) => {
            sessions::revoke_all(&mut tx, id, None)
                .await
                .map_err(|e| e.to_string())?;
            (id, false)
        }
        None => {
            let id = sqlx::query_scalar!(
                "INSERT INTO users (email, email_verified_at, password_hash, full_name, role, terms_accepted_at)
                 VALUES ($1, now(), $2, $3, 'admin', now()) RETURNING id",
                email.as_str(),
                hash,
                full_name
            )
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
            (id, true)
        }
    };
    sqlx::query!(
        "INSERT INTO activity_logs (actor_user_id, action, target_type, target_id, details)
         VALUES (NULL, 'admin_created_from_cli', 'user', $1, $2)",
        id,
        serde_json::json!({ "new_account": created })
    )
    .execute(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(created)
}
