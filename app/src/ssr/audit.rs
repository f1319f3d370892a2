//! The activity log: who did what to which record, written in the caller's transaction. Never holds a
//! secret: actions are names, details are ids and before/after values.

use sqlx::PgConnection;

/// The record an action was about (`target_type` and `target_id` in `activity_logs`).
pub enum Target {
    User(i64),
    Event(i64),
}

pub async fn record(
    conn: &mut PgConnection,
    actor: Option<i64>,
    target: Target,
    action: &str,
    details: serde_json::Value,
    ip: Option<&str>,
) -> Result<(), sqlx::Error> {
    let (kind, id) = match target {
        Target::User(id) => ("user", id),
        Target::Event(id) => ("event", id),
    };
    sqlx::query!(
        "INSERT INTO activity_logs (actor_user_id, action, target_type, target_id, details, ip_address)
         VALUES ($1, $2, $3, $4, $5, $6::text::inet)",
        actor,
        action,
        kind,
        id,
        details,
        ip,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
