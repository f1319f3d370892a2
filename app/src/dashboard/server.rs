//! The dashboard's and the statistics' queries (server only). Each list is one query; nothing is
//! loaded per row.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
};

use chrono::{Duration, NaiveDate, Utc};
use sqlx::PgPool;

use super::model::{Counters, Dashboard, EventStats};
use crate::{
    accounts::model::CurrentUser,
    checkin::server::access::{self, Need},
    error::AppError,
    i18n::{
        Locale,
        dates::{DEFAULT_TIME_ZONE, format_event_start, parse_time_zone},
    },
    ui::chart::Bar,
};

/// How many recent notifications and past events the dashboard lists.
const RECENT: usize = 5;
const ATTENDED: usize = 10;

pub async fn dashboard(
    pool: &PgPool,
    user: &CurrentUser,
    locale: Locale,
) -> Result<Dashboard, AppError> {
    let tickets = crate::tickets::server::ticket::of_user(pool, user.id, locale).await?;
    let (attended, upcoming): (Vec<_>, Vec<_>) = tickets.into_iter().partition(|t| t.past);
    let organized = crate::events::server::page::mine(pool, user, locale).await?;
    let mut notifications = crate::notifications::server::inbox::page(pool, user.id, 1, locale)
        .await?
        .items;
    notifications.truncate(RECENT);
    let counters = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM events WHERE organizer_id = $1 AND deleted_at IS NULL) AS "organized!",
                  (SELECT count(*) FROM event_participants WHERE user_id = $1 AND status = 'registered') AS "participations!",
                  (SELECT count(*) FROM event_participants p JOIN tickets t ON t.participant_id = p.id
                   WHERE p.user_id = $1 AND t.status = 'used') AS "check_ins!""#,
        user.id
    )
    .fetch_one(pool)
    .await?;
    Ok(Dashboard {
        first_name: user
            .full_name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
        upcoming,
        // Past tickets come oldest first from the wallet query: the dashboard shows the latest.
        attended: attended.into_iter().rev().take(ATTENDED).collect(),
        organized,
        notifications,
        counters: Counters {
            events_organized: counters.organized,
            participations: counters.participations,
            check_ins: counters.check_ins,
        },
    })
}

/// The days the charts cover: two weeks at least, up to 60 days, ending today or on the event day.
fn chart_days(
    first: Option<NaiveDate>,
    event_day: NaiveDate,
    today: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let end = event_day.min(today);
    let start = first
        .map_or(end - Duration::days(13), |f| {
            f.min(end - Duration::days(13))
        })
        .max(end - Duration::days(59));
    (start, end)
}

fn bars(rows: Vec<(NaiveDate, i64)>, locale: Locale) -> Vec<Bar> {
    // Every bar is described; only one label a week is written under the axis when there are many.
    let every = if rows.len() > 16 { 7 } else { 2 };
    let count = rows.len();
    rows.into_iter()
        .enumerate()
        .map(|(i, (day, value))| {
            let label = match locale {
                Locale::Fr => day.format("%d/%m").to_string(),
                Locale::En => day.format("%m/%d").to_string(),
            };
            Bar {
                description: format!("{label} : {value}"),
                label: if (count - 1 - i).is_multiple_of(every) {
                    label
                } else {
                    String::new()
                },
                value,
            }
        })
        .collect()
}

pub async fn stats(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    locale: Locale,
) -> Result<EventStats, AppError> {
    let mut conn = pool.acquire().await?;
    access::check(&mut conn, user, event_id, Need::Manage).await?;
    if let Some(views) = leptos::prelude::use_context::<PageViews>()
        && let Err(error) = views.flush(pool).await
    {
        tracing::warn!(%error, "page views not written yet");
    }
    let event = sqlx::query!(
        r#"SELECT e.title, e.slug, e.starts_at, e.ends_at, e.time_zone, e.capacity, e.seats_taken,
                  (SELECT min(p.created_at) FROM event_participants p WHERE p.event_id = e.id) AS first_registration,
                  (SELECT coalesce(sum(v.views), 0) FROM event_page_views v WHERE v.event_id = e.id) AS "views!"
           FROM events e WHERE e.id = $1"#,
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let counts = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE status = 'registered') AS "registered!",
                  count(*) FILTER (WHERE status = 'cancelled') AS "cancelled!",
                  count(*) FILTER (WHERE status IN ('waitlisted', 'offered')) AS "waitlisted!",
                  (SELECT count(*) FROM tickets t WHERE t.event_id = $1 AND t.status <> 'cancelled') AS "tickets!",
                  (SELECT count(*) FROM tickets t WHERE t.event_id = $1 AND t.status = 'used') AS "checked_in!"
           FROM event_participants WHERE event_id = $1"#,
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let tz = parse_time_zone(&event.time_zone);
    let today = Utc::now().with_timezone(&tz).date_naive();
    let event_day = event.ends_at.with_timezone(&tz).date_naive();
    let first = event
        .first_registration
        .map(|at| at.with_timezone(&tz).date_naive());
    let (start, end) = chart_days(first, event_day, today);
    let per_day = sqlx::query!(
        r#"SELECT d::date AS "day!",
                  (SELECT count(*) FROM event_participants p
                   WHERE p.event_id = $1 AND p.status IN ('registered', 'cancelled')
                     AND (p.created_at AT TIME ZONE $4)::date = d::date) AS "registrations!",
                  coalesce((SELECT v.views FROM event_page_views v WHERE v.event_id = $1 AND v.day = d::date), 0)::bigint AS "views!"
           FROM generate_series($2::date, $3::date, interval '1 day') AS d ORDER BY d"#,
        event_id,
        start,
        end,
        tz.name(),
    )
    .fetch_all(&mut *conn)
    .await?;
    let registrations = per_day.iter().map(|r| (r.day, r.registrations)).collect();
    let views = per_day.iter().map(|r| (r.day, r.views)).collect();
    Ok(EventStats {
        id: event_id,
        title: event.title,
        slug: event.slug,
        when: format_event_start(event.starts_at, &event.time_zone, locale),
        capacity: event.capacity,
        seats_taken: event.seats_taken,
        registered: counts.registered,
        cancelled: counts.cancelled,
        waitlisted: counts.waitlisted,
        tickets: counts.tickets,
        checked_in: counts.checked_in,
        page_views: event.views,
        registrations_by_day: bars(registrations, locale),
        views_by_day: bars(views, locale),
    })
}

/// Counts one view of a published event's page: a number per day, nothing about who viewed it.
/// Event page views, counted in memory and written in batches (`flush`): one upsert per page view made
/// every visitor of a popular event wait on the same row's lock (the event page under load spent more
/// time queueing for it than rendering). The server flushes every few seconds and when it stops; the
/// statistics flush first, so an organizer sees their own server's views at once. A crash loses at
/// most the last few seconds of views, which a statistic can afford.
#[derive(Clone, Default)]
pub struct PageViews(Arc<Mutex<HashMap<(i64, NaiveDate), i64>>>);

impl PageViews {
    /// One view of `event_id`, today in France (the statistics' days).
    pub fn count(&self, event_id: i64) {
        let day = Utc::now().with_timezone(&DEFAULT_TIME_ZONE).date_naive();
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *counts.entry((event_id, day)).or_default() += 1;
    }

    /// Writes what was counted in one statement; on failure the counts are kept for the next try.
    pub async fn flush(&self, pool: &PgPool) -> Result<(), sqlx::Error> {
        let taken = std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner));
        if taken.is_empty() {
            return Ok(());
        }
        let mut events = Vec::with_capacity(taken.len());
        let mut days = Vec::with_capacity(taken.len());
        let mut views = Vec::with_capacity(taken.len());
        for ((event, day), count) in &taken {
            events.push(*event);
            days.push(*day);
            views.push(*count);
        }
        // An event deleted meanwhile has no row to count into: the join leaves it out.
        let written = sqlx::query!(
            "INSERT INTO event_page_views (event_id, day, views)
             SELECT v.event_id, v.day, v.views
             FROM unnest($1::bigint[], $2::date[], $3::bigint[]) AS v(event_id, day, views)
             JOIN events e ON e.id = v.event_id
             ON CONFLICT (event_id, day) DO UPDATE SET views = event_page_views.views + EXCLUDED.views",
            &events,
            &days,
            &views
        )
        .execute(pool)
        .await;
        if let Err(error) = written {
            let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            for (key, count) in taken {
                *counts.entry(key).or_default() += count;
            }
            return Err(error);
        }
        Ok(())
    }

    /// Flushes every `every` until the process ends.
    pub fn spawn_flusher(&self, pool: PgPool, every: std::time::Duration) {
        let views = self.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            loop {
                ticks.tick().await;
                if let Err(error) = views.flush(&pool).await {
                    tracing::warn!(%error, "page views not written yet");
                }
            }
        });
    }
}

/// Crawlers and link previews are not visitors.
pub fn is_robot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    [
        "bot",
        "crawl",
        "spider",
        "preview",
        "slurp",
        "curl",
        "wget",
        "python-requests",
    ]
    .iter()
    .any(|word| ua.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn charts_cover_two_weeks_to_sixty_days_ending_today_or_on_the_event_day() {
        let today = day("2026-12-10");
        assert_eq!(
            chart_days(None, day("2026-12-20"), today),
            (day("2026-11-27"), today)
        );
        assert_eq!(
            chart_days(Some(day("2026-11-01")), day("2026-12-20"), today),
            (day("2026-11-01"), today)
        );
        assert_eq!(
            chart_days(Some(day("2026-01-01")), day("2026-12-20"), today),
            (day("2026-10-12"), today)
        );
        assert_eq!(
            chart_days(None, day("2026-12-05"), today),
            (day("2026-11-22"), day("2026-12-05"))
        );
    }

    #[test]
    fn robots_are_recognised_and_browsers_are_not() {
        assert!(is_robot("Mozilla/5.0 (compatible; Googlebot/2.1)"));
        assert!(is_robot("curl/8.0"));
        assert!(!is_robot(
            "Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile Safari/537.36"
        ));
    }
}
