//! Storage of contact messages (server only).

use sqlx::PgPool;

use super::model::ContactMessage;
use crate::{
    error::AppError,
    i18n::Locale,
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
    },
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
    let to_team = Mail::ContactFormTeam {
        contact_message_id: id,
        from_name: message.full_name.clone(),
        reply_to: message.email.as_str().to_owned(),
        subject: message.subject.clone(),
    };
    let outgoing = OutgoingMail {
        idempotency_key: &format!("contact-message-{id}"),
        to: &recipient,
        // The team reads French; the visitor's own language is stored with the message.
        locale: Locale::Fr,
        mail: &to_team,
    };
    enqueue(&mut tx, outgoing).await?;
    // The visitor's acknowledgement, in their language. It repeats the subject but not the message:
    // a form anyone can fill in must not let strangers send their own text to any address.
    let copy = Mail::ContactFormCopy {
        full_name: message.full_name.clone(),
        subject: message.subject.clone(),
    };
    let outgoing = OutgoingMail {
        idempotency_key: &format!("contact-copy-{id}"),
        to: message.email.as_str(),
        locale,
        mail: &copy,
    };
    enqueue(&mut tx, outgoing).await?;
    tx.commit().await?;
    Ok(())
}
