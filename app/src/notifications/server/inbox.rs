//! The notification centre's reads and writes, always for one user (server only).

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::{
    i18n::{Locale, dates::format_event_start_short},
    notifications::model::{NotificationItem, NotificationKind, NotificationPage, PreferenceRow},
};

pub const PAGE_SIZE: i64 = 20;

pub async fn unread_count(pool: &PgPool, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM notifications WHERE user_id = $1 AND read_at IS NULL"#,
        user_id
    )
    .fetch_one(pool)
    .await
}

/// Page `page` (from 1), newest first; one extra row tells whether an older page exists.
pub async fn page(
    pool: &PgPool,
    user_id: i64,
    page: i64,
    locale: Locale,
) -> Result<NotificationPage, sqlx::Error> {
    let page = page.clamp(1, 10_000);
    let rows = sqlx::query!(
        "SELECT id, kind, payload, link, read_at, created_at FROM notifications
         WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
        user_id,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .fetch_all(pool)
    .await?;
    let has_older = rows.len() as i64 > PAGE_SIZE;
    let items = rows
        .into_iter()
        .take(PAGE_SIZE as usize)
        .filter_map(|row| {
            let kind = NotificationKind::from_code(&row.kind)?;
            let text = |name: &str| {
                row.payload
                    .get(name)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            Some(NotificationItem {
                id: row.id,
                kind,
                outcome: text("outcome"),
                subject: text("event_title").unwrap_or_default(),
                link: row.link.unwrap_or_else(|| "/notifications".to_owned()),
                read: row.read_at.is_some(),
                when_label: format_event_start_short(row.created_at, "Europe/Paris", locale),
                when_iso: row
                    .created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            })
        })
        .collect();
    Ok(NotificationPage {
        items,
        page,
        has_older,
    })
}

/// Marks one of the user's notifications read (someone else's id changes nothing).
pub async fn mark_read(pool: &PgPool, user_id: i64, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL",
        id,
        user_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn mark_all_read(
    pool: &PgPool,
    user_id: i64,
    up_to: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND created_at <= $2",
        user_id,
        up_to
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Every kind with the user's choice (default: both on); essential mails stay on whatever is stored.
pub async fn preferences(pool: &PgPool, user_id: i64) -> Result<Vec<PreferenceRow>, sqlx::Error> {
    let stored = sqlx::query!(
        "SELECT kind, by_email, in_app FROM notification_preferences WHERE user_id = $1",
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(NotificationKind::ALL
        .into_iter()
        .map(|kind| {
            let row = stored.iter().find(|r| r.kind == kind.code());
            PreferenceRow {
                kind,
                by_email: !kind.email_optional() || row.is_none_or(|r| r.by_email),
                in_app: row.is_none_or(|r| r.in_app),
            }
        })
        .collect())
}

/// Saves every kind at once, in one transaction. Turning an optional mail back on also lifts an
/// unsubscribe made from a mail for the account's address.
pub async fn save_preferences(
    pool: &PgPool,
    user_id: i64,
    rows: &[PreferenceRow],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for row in rows {
        let by_email = row.by_email || !row.kind.email_optional();
        sqlx::query!(
            "INSERT INTO notification_preferences (user_id, kind, by_email, in_app) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, kind) DO UPDATE SET by_email = EXCLUDED.by_email, in_app = EXCLUDED.in_app",
            user_id,
            row.kind.code(),
            by_email,
            row.in_app,
        )
        .execute(&mut *tx)
        .await?;
        if by_email {
            sqlx::query!(
                "DELETE FROM mail_opt_outs WHERE kind = $2
                   AND email = (SELECT lower(email) FROM users WHERE id = $1)",
                user_id,
                row.kind.code(),
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}
