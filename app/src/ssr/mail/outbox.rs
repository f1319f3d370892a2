use super::message::Mail;
use crate::i18n::Locale;

/// A mail to send later. `idempotency_key` makes enqueueing the same mail twice a no-op.
pub struct OutgoingMail<'a> {
    pub idempotency_key: &'a str,
    pub to: &'a str,
    pub locale: Locale,
    pub mail: &'a Mail,
}

/// Writes the mail into the outbox inside the caller's transaction: it leaves only if that commits.
/// Returns false when a mail with the same idempotency key already exists.
pub async fn enqueue(
    tx: &mut sqlx::PgConnection,
    outgoing: OutgoingMail<'_>,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query_scalar!(
        "INSERT INTO email_outbox (idempotency_key, to_address, locale, template, payload)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id",
        outgoing.idempotency_key,
        outgoing.to,
        outgoing.locale.code(),
        outgoing.mail.template(),
        outgoing.mail.payload(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(inserted.is_some())
}

/// A mail the worker gave up on, as admins see it.
pub struct FailedMail {
    pub id: i64,
    pub to_address: String,
    pub template: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The most recent failed mails (index `email_outbox_failed`).
pub async fn failed(pool: &sqlx::PgPool, limit: i64) -> Result<Vec<FailedMail>, sqlx::Error> {
    sqlx::query_as!(
        FailedMail,
        "SELECT id, to_address, template, attempts, last_error, created_at FROM email_outbox
         WHERE status = 'failed' ORDER BY created_at DESC LIMIT $1",
        limit
    )
    .fetch_all(pool)
    .await
}

/// Puts failed mails back in the queue (one by id, or all of them) with a fresh attempt budget;
/// the worker sends them at its next round. Returns how many were re-queued.
pub async fn retry_failed(
    conn: &mut sqlx::PgConnection,
    id: Option<i64>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE email_outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
         WHERE status = 'failed' AND ($1::bigint IS NULL OR id = $1)",
        id
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}
