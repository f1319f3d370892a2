//! The activity log: who did what to which record, written in the caller's transaction. Never holds a
//! secret: actions are names, details are ids and before/after values.

use sqlx::PgConnection;

/// The record an action was about (`target_type` and `target_id` in `activity_logs`).
pub enum Target {
    User(i64),
    Event(i64),
    Ticket(i64),
    Report(i64),
    Category(i64),
    Label(i64),
    /// Platform-wide records: settings, word lists, announcements (`id` names the row when there is one).
    Platform,
    Term(i64),
    Announcement(i64),
    Mail(i64),
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
        Target::User(id) => ("user", Some(id)),
        Target::Event(id) => ("event", Some(id)),
        Target::Ticket(id) => ("ticket", Some(id)),
        Target::Report(id) => ("report", Some(id)),
        Target::Category(id) => ("category", Some(id)),
        Target::Label(id) => ("label", Some(id)),
        Target::Platform => ("platform", None),
        Target::Term(id) => ("moderation_term", Some(id)),
        Target::Announcement(id) => ("announcement", Some(id)),
        Target::Mail(id) => ("mail", Some(id)),
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
