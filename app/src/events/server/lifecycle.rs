//! An event's life after its first save: submitted for moderation, cancelled with a message.

use chrono::Utc;
use sqlx::PgPool;

use super::access;
use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    i18n::MessageKey,
    moderation::server::intake::{self, Intake},
    notifications::server::event_updates,
};

/// Draft, rejected or "changes requested" → the automated checks, then published at once (trusted
/// organizer, clean score) or pending moderation. The start must still lie ahead.
pub async fn submit(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    ip: Option<&str>,
) -> Result<Intake, AppError> {
    let mut tx = pool.begin().await?;
    let locked = access::lock_for(&mut tx, user, event_id).await?;
    if !matches!(
        locked.status.as_str(),
        "draft" | "rejected" | "changes_requested"
    ) {
        return Err(AppError::Conflict);
    }
    if locked.starts_at <= Utc::now() {
        return Err(AppError::field("starts_at", MessageKey::DateMustBeFuture));
    }
    intake::check_daily_limit(&mut tx, locked.organizer_id).await?;
    let (outcome, assessment) = intake::run(&mut tx, event_id, intake::Cause::Submitted).await?;
    access::log(
        &mut tx,
        user.id,
        event_id,
        "event_submitted",
        serde_json::json!({ "risk_score": assessment.score, "published": outcome == Intake::Published }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Cancels an event that is not over: its tickets are cancelled, its reminders dropped and everyone
/// registered is told (mail + in-app) with the organizer's message — all in one transaction.
pub async fn cancel(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    message: Option<String>,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let mut tx = pool.begin().await?;
    let locked = access::lock_for(&mut tx, user, event_id).await?;
    let told = cancel_locked(&mut tx, user.id, &locked, message, ip).await?;
    tx.commit().await?;
    Ok(told)
}

/// Cancels the event `locked` in the caller's transaction (see `cancel`); `actor` is logged.
pub async fn cancel_locked(
    tx: &mut sqlx::PgConnection,
    actor: i64,
    locked: &access::Locked,
    message: Option<String>,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let event_id = locked.id;
    if locked.status == "cancelled" {
        return Err(AppError::Conflict);
    }
    sqlx::query!(
        "UPDATE events SET status = 'cancelled', cancelled_at = now(), cancellation_message = $2,
                updated_at = now()
         WHERE id = $1",
        event_id,
        message,
    )
    .execute(&mut *tx)
    .await?;
    crate::webhooks::server::emit_status(tx, event_id, "cancelled").await?;
    let tickets = sqlx::query!(
        "UPDATE tickets SET status = 'cancelled', cancelled_at = now()
         WHERE event_id = $1 AND status = 'valid'",
        event_id
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let told = event_updates::event_cancelled(&mut *tx, event_id, message).await?;
    access::log(
        &mut *tx,
        actor,
        event_id,
        "event_cancelled",
        serde_json::json!({ "previous_status": locked.status, "tickets_cancelled": tickets, "mails": told }),
        ip,
    )
    .await?;
    Ok(told)
}
