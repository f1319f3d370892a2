//! Storage of contact messages (server only).

use sqlx::PgPool;

use super::model::ContactMessage;
use crate::{error::AppError, i18n::Locale};

/// Inserts the message and its outbox mail to the team in one transaction: both or neither.
pub async fn record(
    pool: &PgPool,
    message: &ContactMessage,
    locale: Locale,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO contact_messages (full_name, email, subject, message, locale)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        message.full_name,
        message.email.as_str(),
        message.subject,
        message.message,
        locale.code(),
    )
    .fetch_one(&mut *tx)
    .await?;
    let payload = serde_json::json!({
        "contact_message_id": id,
        "from_name": message.full_name,
        "reply_to": message.email.as_str(),
        "subject": message.subject,
    });
    sqlx::query!(
        "INSERT INTO email_outbox (idempotency_key, to_address, locale, template, payload)
         SELECT $1, COALESCE((SELECT value #>> '{}' FROM settings WHERE key = 'contact.recipient'), 'contact@meetral.fr'),
                'fr', 'contact_form_team', $2",
        format!("contact-message-{id}"),
        payload,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
