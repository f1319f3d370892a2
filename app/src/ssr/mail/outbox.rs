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
