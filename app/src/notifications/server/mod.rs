//! Sending notifications (server only). Every sender goes through [`deliver`], which honours the
//! recipient's preferences and writes the mail and the in-app notification inside the caller's
//! transaction, so they exist only if the change that caused them commits.

pub mod event_updates;
pub mod facts;
pub mod inbox;
pub mod reminders;

use sqlx::PgConnection;

use super::model::NotificationKind;
use crate::{
    i18n::Locale,
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
    },
};

/// Who is told: an account holder (`user_id`) or a guest known by email only.
pub struct Recipient<'a> {
    pub user_id: Option<i64>,
    pub email: &'a str,
    pub locale: Locale,
}

/// The in-app side of a notification (only for account holders).
pub struct InApp<'a> {
    pub event_id: Option<i64>,
    pub link: &'a str,
    pub payload: serde_json::Value,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub mailed: bool,
    pub shown_in_app: bool,
}

/// Queues the mail and records the in-app notification, as the recipient's preferences allow.
/// `key` makes a second call with the same key a no-op for both.
pub async fn deliver(
    conn: &mut PgConnection,
    recipient: &Recipient<'_>,
    kind: NotificationKind,
    key: &str,
    mail: &Mail,
    in_app: Option<InApp<'_>>,
) -> Result<Delivery, sqlx::Error> {
    let wants = sqlx::query!(
        r#"SELECT
             COALESCE((SELECT by_email FROM notification_preferences WHERE user_id = $1 AND kind = $2), true)
               AND NOT EXISTS (SELECT 1 FROM mail_opt_outs WHERE email = lower($3) AND kind = $2) AS "by_email!",
             COALESCE((SELECT in_app FROM notification_preferences WHERE user_id = $1 AND kind = $2), true) AS "in_app!""#,
        recipient.user_id,
        kind.code(),
        recipient.email,
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut delivery = Delivery::default();
    if wants.by_email || !kind.email_optional() {
        let outgoing = OutgoingMail {
            idempotency_key: key,
            to: recipient.email,
            locale: recipient.locale,
            mail,
        };
        delivery.mailed = enqueue(conn, outgoing).await?;
    }
    if let (Some(user_id), Some(in_app), true) = (recipient.user_id, in_app, wants.in_app) {
        delivery.shown_in_app = sqlx::query_scalar!(
            "INSERT INTO notifications (user_id, event_id, kind, payload, link, dedupe_key)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (dedupe_key) DO NOTHING
             RETURNING id",
            user_id,
            in_app.event_id,
            kind.code(),
            in_app.payload,
            in_app.link,
            key,
        )
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
    }
    Ok(delivery)
}

/// One-click unsubscribe: the address stops receiving this kind of optional mail, whether or not
/// it belongs to an account (the account's preference is switched off too). Idempotent.
pub async fn unsubscribe(
    pool: &sqlx::PgPool,
    email: &str,
    kind: NotificationKind,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO mail_opt_outs (email, kind) VALUES (lower($1), $2) ON CONFLICT DO NOTHING",
        email,
        kind.code(),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO notification_preferences (user_id, kind, by_email, in_app)
         SELECT id, $2, false, true FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL
         ON CONFLICT (user_id, kind) DO UPDATE SET by_email = false",
        email,
        kind.code(),
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
