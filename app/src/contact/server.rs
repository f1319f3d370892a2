//! Storage of contact messages (server only).

use sqlx::PgPool;

use super::model::ContactMessage;
use crate::{
    error::AppError,
    i18n::Locale,
    ssr::mail::outbox::{OutgoingMail, enqueue},
};

/// Where contact messages go unless the `contact.recipient` setting says otherwise.
const DEFAULT_RECIPIENT: &str = "contact@meetral.fr";

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
    let recipient =
        sqlx::query_scalar!("SELECT value #>> '{}' FROM settings WHERE key = 'contact.recipient'")
            .fetch_optional(&mut *tx)
            .await?
            .flatten()
            .unwrap_or_else(|| DEFAULT_RECIPIENT.to_owned());
    let mail = OutgoingMail {
        idempotency_key: &format!("contact-message-{id}"),
        to: &recipient,
        // The team reads French; the visitor's own language is stored with the message.
        locale: Locale::Fr,
        template: "contact_form_team",
        payload: serde_json::json!({
            "contact_message_id": id,
            "from_name": message.full_name,
            "reply_to": message.email.as_str(),
            "subject": message.subject,
        }),
    };
    enqueue(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(())
}
