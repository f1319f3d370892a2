//! Announcements to a segment of users (one outbox mail each, written with the announcement in one
//! transaction), their history, and the mails the worker gave up on (retried from the back-office).

use sqlx::PgPool;

use crate::{
    admin::model::{AnnouncementLine, FailedMail},
    error::AppError,
    i18n::{Locale, dates::format_moment},
    ssr::{
        audit::{Target, record},
        mail::{
            message::Mail,
            outbox::{self, OutgoingMail, enqueue},
        },
    },
};

/// Sends an announcement to every active account of the segment; returns how many were queued.
pub async fn announce(
    pool: &PgPool,
    admin: i64,
    segment: &str,
    subject: &str,
    body: &str,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let recipients = sqlx::query!(
        "SELECT id, email, full_name, locale FROM users u
         WHERE deleted_at IS NULL AND status = 'active' AND email_verified_at IS NOT NULL
           AND CASE $1
                 WHEN 'organizers' THEN EXISTS (SELECT 1 FROM events e WHERE e.organizer_id = u.id)
                 WHEN 'participants' THEN EXISTS (SELECT 1 FROM event_participants p WHERE p.user_id = u.id)
                 WHEN 'staff' THEN u.role IN ('moderator', 'admin')
                 ELSE true END
         ORDER BY id",
        segment
    )
    .fetch_all(&mut *tx)
    .await?;
    let count = i32::try_from(recipients.len()).unwrap_or(i32::MAX);
    let id = sqlx::query_scalar!(
        "INSERT INTO announcements (author_id, segment, subject, body, recipients) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        admin,
        segment,
        subject,
        body,
        count,
    )
    .fetch_one(&mut *tx)
    .await?;
    for person in recipients {
        let mail = Mail::Announcement {
            full_name: person.full_name,
            subject: subject.to_owned(),
            body: body.to_owned(),
        };
        enqueue(
            &mut tx,
            OutgoingMail {
                idempotency_key: &format!("announcement:{id}:{}", person.id),
                to: &person.email,
                locale: Locale::from_tag(&person.locale).unwrap_or_default(),
                mail: &mail,
            },
        )
        .await?;
    }
    record(
        &mut tx,
        Some(admin),
        Target::Announcement(id),
        "announcement_sent",
        serde_json::json!({ "segment": segment, "subject": subject, "recipients": count }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(i64::from(count))
}

pub async fn announcements(
    pool: &PgPool,
    locale: Locale,
) -> Result<Vec<AnnouncementLine>, AppError> {
    Ok(sqlx::query!(
        "SELECT a.subject, a.segment, a.recipients, u.full_name, a.created_at
         FROM announcements a JOIN users u ON u.id = a.author_id ORDER BY a.created_at DESC LIMIT 50"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| AnnouncementLine {
        subject: r.subject,
        segment: r.segment,
        recipients: r.recipients,
        author: r.full_name,
        when_label: format_moment(r.created_at, locale),
    })
    .collect())
}

pub async fn failed(pool: &PgPool, locale: Locale) -> Result<Vec<FailedMail>, AppError> {
    Ok(outbox::failed(pool, 100)
        .await?
        .into_iter()
        .map(|m| FailedMail {
            id: m.id,
            to: m.to_address,
            template: m.template,
            attempts: m.attempts,
            error: m.last_error,
            when_label: format_moment(m.created_at, locale),
        })
        .collect())
}

/// Queues a failed mail again (or all of them), logged.
pub async fn retry(
    pool: &PgPool,
    admin: i64,
    id: Option<i64>,
    ip: Option<&str>,
) -> Result<u64, AppError> {
    let mut tx = pool.begin().await?;
    let count = outbox::retry_failed(&mut tx, id).await?;
    if id.is_some() && count == 0 {
        return Err(AppError::NotFound);
    }
    let target = id.map_or(Target::Platform, Target::Mail);
    record(
        &mut tx,
        Some(admin),
        target,
        "mail_retried",
        serde_json::json!({ "count": count }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(count)
}
