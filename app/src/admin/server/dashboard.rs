//! The dashboard's figures: a handful of aggregate queries, each served by an index.

use chrono::{Duration, Utc};
use sqlx::PgPool;

use super::audit;
use crate::{
    admin::model::Dashboard,
    error::AppError,
    i18n::{Locale, dates::DEFAULT_TIME_ZONE},
};

pub async fn load(pool: &PgPool, locale: Locale) -> Result<Dashboard, AppError> {
    let users = sqlx::query!(
        r#"SELECT count(*) AS "all!",
                  count(*) FILTER (WHERE status = 'suspended') AS "suspended!",
                  count(*) FILTER (WHERE created_at > now() - interval '7 days') AS "new_week!"
           FROM users WHERE deleted_at IS NULL"#
    )
    .fetch_one(pool)
    .await?;
    let by_status = sqlx::query!(
        r#"SELECT s.status AS "status!", count(e.id) AS "count!"
           FROM unnest(ARRAY['draft', 'pending_review', 'published', 'changes_requested', 'rejected', 'cancelled']) AS s(status)
           LEFT JOIN events e ON e.status = s.status AND e.deleted_at IS NULL
           GROUP BY s.status ORDER BY array_position(ARRAY['draft', 'pending_review', 'published', 'changes_requested', 'rejected', 'cancelled'], s.status)"#
    )
    .fetch_all(pool)
    .await?;
    let tickets = sqlx::query!(
        r#"SELECT count(*) AS "issued!",
                  count(*) FILTER (WHERE t.status = 'used') AS "used!",
                  count(*) FILTER (WHERE t.status <> 'cancelled' AND e.ends_at < now()) AS "past!",
                  count(*) FILTER (WHERE t.status = 'used' AND e.ends_at < now()) AS "past_used!"
           FROM tickets t JOIN events e ON e.id = t.event_id"#
    )
    .fetch_one(pool)
    .await?;
    let queues = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM reports WHERE status = 'open') AS "reports!",
                  (SELECT count(*) FROM events WHERE status = 'pending_review' AND deleted_at IS NULL) AS "pending!",
                  (SELECT count(*) FROM email_outbox WHERE status = 'failed') AS "failed!""#
    )
    .fetch_one(pool)
    .await?;
    let since = (Utc::now().with_timezone(&DEFAULT_TIME_ZONE) - Duration::days(29)).date_naive();
    let per_day = sqlx::query!(
        r#"SELECT d::date AS "day!", count(p.id) AS "count!"
           FROM generate_series($1::date, (now() AT TIME ZONE 'Europe/Paris')::date, interval '1 day') AS d
           LEFT JOIN event_participants p
             ON (p.created_at AT TIME ZONE 'Europe/Paris')::date = d::date AND p.status <> 'waitlisted'
           GROUP BY d ORDER BY d"#,
        since
    )
    .fetch_all(pool)
    .await?;
    let registrations = per_day
        .into_iter()
        .map(|r| {
            let label = match locale {
                Locale::Fr => r.day.format("%d/%m").to_string(),
                Locale::En => r.day.format("%m/%d").to_string(),
            };
            (r.day.to_string(), label, r.count)
        })
        .collect();
    Ok(Dashboard {
        users: users.all,
        suspended_users: users.suspended,
        new_users_week: users.new_week,
        events_by_status: by_status.into_iter().map(|r| (r.status, r.count)).collect(),
        tickets_issued: tickets.issued,
        tickets_used: tickets.used,
        checkin_rate: (tickets.past > 0).then(|| tickets.past_used * 100 / tickets.past),
        open_reports: queues.reports,
        pending_reviews: queues.pending,
        failed_mails: queues.failed,
        registrations,
        recent: audit::lines(pool, &audit::Filter::default(), 0, 10, locale).await?,
    })
}
