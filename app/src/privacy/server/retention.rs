//! The retention job: guests (registrations without an account) keep their personal data only
//! `guest_retention_days` after their event ended; then their rows are anonymised like an erased
//! account's. Run hourly by the worker; several workers share the rows (SKIP LOCKED).

use sqlx::PgPool;

use super::erase::anonymise_ids;

/// Rows anonymised per transaction.
const BATCH: i64 = 500;

/// Anonymises every guest registration whose event ended more than the retention time ago.
pub async fn erase_past_guests(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let mut total = 0;
    loop {
        let mut tx = pool.begin().await?;
        let days = crate::admin::server::settings::load(&mut tx)
            .await?
            .guest_retention_days;
        let ids = sqlx::query_scalar!(
            "SELECT p.id FROM event_participants p JOIN events e ON e.id = p.event_id
             WHERE p.user_id IS NULL AND p.anonymised_at IS NULL
               AND e.ends_at < now() - make_interval(days => $1)
             ORDER BY p.id LIMIT $2
             FOR UPDATE OF p SKIP LOCKED",
            days as i32,
            BATCH
        )
        .fetch_all(&mut *tx)
        .await?;
        let done = anonymise_ids(&mut tx, &ids).await?;
        tx.commit().await?;
        total += done;
        if (ids.len() as i64) < BATCH {
            return Ok(total);
        }
    }
}

/// How long the security log keeps the address an action came from.
pub const LOG_IP_RETENTION_DAYS: i32 = 365;

/// Clears the IP address of log entries older than `LOG_IP_RETENTION_DAYS` (the entries stay: who
/// did what and when is still needed to account for decisions).
pub async fn forget_old_log_addresses(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE activity_logs SET ip_address = NULL
         WHERE ip_address IS NOT NULL AND created_at < now() - make_interval(days => $1)",
        LOG_IP_RETENTION_DAYS
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// How long a sent mail stays in the outbox (enough to answer "did it leave?"; its payload quotes names).
pub const SENT_MAIL_RETENTION_DAYS: i32 = 30;

/// Deletes mails sent more than `SENT_MAIL_RETENTION_DAYS` ago (failed ones stay for the admins).
pub async fn forget_sent_mail(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM email_outbox
         WHERE status = 'sent' AND sent_at < now() - make_interval(days => $1)",
        SENT_MAIL_RETENTION_DAYS
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Webhook deliveries (their payloads name participants) are kept as the organizer's log for as long
/// as sent mails, then deleted.
pub async fn forget_old_webhook_deliveries(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM webhook_deliveries
         WHERE status <> 'pending' AND created_at < now() - make_interval(days => $1)",
        SENT_MAIL_RETENTION_DAYS
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
