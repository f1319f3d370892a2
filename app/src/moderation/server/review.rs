//! A moderator's decision on a submitted event. The event row is locked first, so when two
//! moderators decide at once exactly one decision lands; the other is told it was already decided.
//! The decision, the moderation_actions row, the audit log, the organizer's mail and in-app notice
//! are written in one transaction.

use sqlx::PgPool;

use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    notifications::server::event_updates,
    ssr::{
        audit::{Target, record},
        mail::message::ModerationOutcome,
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject(String),
    RequestChanges(String),
}

impl Decision {
    pub fn name(&self) -> &'static str {
        self.action()
    }

    fn action(&self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject(_) => "reject",
            Decision::RequestChanges(_) => "request_changes",
        }
    }

    fn status(&self) -> &'static str {
        match self {
            Decision::Approve => "published",
            Decision::Reject(_) => "rejected",
            Decision::RequestChanges(_) => "changes_requested",
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Decision::Approve => None,
            Decision::Reject(reason) | Decision::RequestChanges(reason) => Some(reason),
        }
    }

    fn outcome(&self) -> ModerationOutcome {
        match self {
            Decision::Approve => ModerationOutcome::Approved,
            Decision::Reject(_) => ModerationOutcome::Rejected,
            Decision::RequestChanges(_) => ModerationOutcome::ChangesRequested,
        }
    }
}

/// Applies `decision` to an event waiting for review. `NotFound` for unknown or deleted events,
/// `Conflict` when it is no longer waiting (another moderator decided, or the organizer withdrew it).
pub async fn decide(
    pool: &PgPool,
    moderator: &CurrentUser,
    event_id: i64,
    decision: &Decision,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let event = sqlx::query!(
        "SELECT status, organizer_id FROM events WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        event_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if event.status != "pending_review" {
        return Err(AppError::Conflict);
    }
    if event.organizer_id == moderator.id {
        // Nobody moderates their own event.
        return Err(AppError::Forbidden);
    }
    sqlx::query!(
        "UPDATE events SET status = $2, status_reason = $3, reviewed_at = now(), reviewed_by = $4,
                published_at = CASE WHEN $2 = 'published' THEN coalesce(published_at, now()) ELSE published_at END,
                updated_at = now()
         WHERE id = $1",
        event_id,
        decision.status(),
        decision.reason(),
        moderator.id,
    )
    .execute(&mut *tx)
    .await?;
    crate::webhooks::server::emit_status(&mut tx, event_id, decision.status()).await?;
    let action_id = sqlx::query_scalar!(
        "INSERT INTO moderation_actions (moderator_id, event_id, target_user_id, action, reason)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        moderator.id,
        event_id,
        event.organizer_id,
        decision.action(),
        decision.reason(),
    )
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        Some(moderator.id),
        Target::Event(event_id),
        &format!("moderation_{}", decision.action()),
        serde_json::json!({
            "before": { "status": event.status },
            "after": { "status": decision.status(), "reason": decision.reason() },
        }),
        ip,
    )
    .await?;
    event_updates::moderation_decided(
        &mut tx,
        event_id,
        action_id,
        decision.outcome(),
        decision.reason().map(str::to_owned),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
