//! The catalogue query: every filter in one statement with optional parameters, each backed by an
//! index of the published-events family (see the migrations).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sqlx::PgPool;

use crate::{
    discovery::model::{Filters, Sort, When},
    error::AppError,
    events::{model::EventCard, server::CardRow},
    i18n::{Locale, dates::DEFAULT_TIME_ZONE},
};

/// One page of results and how many there are in all (`ids` in the cards' order).
pub struct Results {
    pub cards: Vec<EventCard>,
    pub ids: Vec<i64>,
    pub total: i64,
}

/// Midnight of `day` in the platform's zone, as an instant.
fn midnight(day: NaiveDate) -> Option<DateTime<Utc>> {
    DEFAULT_TIME_ZONE
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// The `[start, end)` window of a date filter, in Paris time, seen from `now`.
pub fn window(
    filters: &Filters,
    now: DateTime<Utc>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let today = now.with_timezone(&DEFAULT_TIME_ZONE).date_naive();
    let days = |n: i64| today.checked_add_signed(Duration::days(n));
    match filters.when {
        None => (None, None),
        Some(When::Today) => (Some(now), days(1).and_then(midnight)),
        Some(When::Weekend) => {
            let weekday = i64::from(today.weekday().num_days_from_monday());
            let saturday = if weekday >= 5 {
                None
            } else {
                days(5 - weekday).and_then(midnight)
            };
            (
                Some(saturday.unwrap_or(now)),
                days(7 - weekday).and_then(midnight),
            )
        }
        Some(When::Week) => {
            let weekday = i64::from(today.weekday().num_days_from_monday());
            (Some(now), days(7 - weekday).and_then(midnight))
        }
        Some(When::Month) => {
            let next = if today.month() == 12 {
                NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
            };
            (Some(now), next.and_then(midnight))
        }
        Some(When::Range) => (
            filters.from.and_then(midnight),
            filters.to.and_then(|d| d.succ_opt()).and_then(midnight),
        ),
    }
}

/// `limit` results from the filters' page (`PAGE_SIZE` for the catalogue; more for calendar feeds).
pub async fn search(
    pool: &PgPool,
    filters: &Filters,
    now: DateTime<Utc>,
    limit: i64,
    locale: Locale,
) -> Result<Results, AppError> {
    let (from, until) = window(filters, now);
    let (lat, lon) = filters.near.unzip();
    let sort = match filters.sort {
        Some(Sort::Newest) => "newest",
        Some(Sort::Nearest) => "nearest",
        _ => "soonest",
    };
    let offset = i64::from(filters.page.saturating_sub(1)) * limit;
    // Typo tolerance: a title word within this trigram similarity matches ("ceramiqe" → "céramique").
    let mut tx = pool.begin().await?;
    sqlx::query!("SET LOCAL pg_trgm.word_similarity_threshold = 0.5")
        .execute(&mut *tx)
        .await?;
    let rows = sqlx::query!(
        r#"SELECT e.id, e.slug, e.title, e.summary, c.name_fr AS category_fr, c.name_en AS category_en,
                  e.starts_at, e.time_zone, e.city, e.attendance_mode, e.price_cents,
                  e.currency AS "currency!: String", e.free_food, e.capacity, e.seats_taken,
                  count(*) OVER () AS "total!"
           FROM events e JOIN categories c ON c.id = e.category_id
           WHERE e.status = 'published' AND e.visibility = 'public' AND e.deleted_at IS NULL
             AND e.hidden_at IS NULL
             AND e.ends_at >= coalesce($1, now())
             AND ($2::timestamptz IS NULL OR e.starts_at < $2)
             AND ($3::text IS NULL
                  OR e.search_vector @@ websearch_to_tsquery('public.french_unaccent', $3)
                  OR lower(immutable_unaccent($3)) <% lower(immutable_unaccent(e.title)))
             AND ($4::text IS NULL OR lower(immutable_unaccent(e.city)) = lower(immutable_unaccent($4)))
             AND ($5::text IS NULL OR c.slug = $5)
             AND ($6::bool IS NULL OR (e.price_cents = 0) = $6)
             AND (NOT $7 OR e.free_food)
             AND ($8::bool IS NULL
                  OR ($8 AND e.attendance_mode <> 'in_person')
                  OR (NOT $8 AND e.attendance_mode <> 'online'))
             AND ($9::float8 IS NULL OR (
                  e.latitude BETWEEN $9 - $11::float8 / 111.0 AND $9 + $11 / 111.0
                  AND e.longitude BETWEEN $10::float8 - $11 / (111.0 * cos(radians($9)))
                                      AND $10 + $11 / (111.0 * cos(radians($9)))
                  AND 2 * 6371 * asin(sqrt(power(sin(radians(e.latitude - $9) / 2), 2)
                      + cos(radians($9)) * cos(radians(e.latitude))
                        * power(sin(radians(e.longitude - $10) / 2), 2))) <= $11))
           ORDER BY
             CASE WHEN $12 = 'newest' THEN e.published_at END DESC NULLS LAST,
             CASE WHEN $12 = 'nearest' AND $9::float8 IS NOT NULL
                  THEN power(e.latitude - $9, 2) + power((e.longitude - $10) * cos(radians($9)), 2) END,
             e.starts_at, e.id
           LIMIT $13 OFFSET $14"#,
        from,
        until,
        filters.q,
        filters.city,
        filters.category,
        filters.free,
        filters.free_food,
        filters.online,
        lat,
        lon,
        f64::from(filters.radius_km),
        sort,
        limit,
        offset,
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let total = rows.first().map_or(0, |row| row.total);
    let ids = rows.iter().map(|row| row.id).collect();
    let cards = rows
        .into_iter()
        .map(|row| {
            CardRow {
                slug: row.slug,
                title: row.title,
                summary: row.summary,
                category_fr: row.category_fr,
                category_en: row.category_en,
                starts_at: row.starts_at,
                time_zone: row.time_zone,
                city: row.city,
                attendance_mode: row.attendance_mode,
                price_cents: row.price_cents,
                currency: row.currency,
                free_food: row.free_food,
                capacity: row.capacity,
                seats_taken: row.seats_taken,
            }
            .into_card(locale)
        })
        .collect();
    Ok(Results { cards, ids, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_windows_follow_paris_time() {
        // Wednesday 25 November 2026, 13:00 in Paris.
        let now = Utc
            .with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
            .single()
            .expect("date");
        let at = |when| {
            window(
                &Filters {
                    when: Some(when),
                    ..Filters::default()
                },
                now,
            )
        };
        let utc = |d, h| Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).single();
        assert_eq!(at(When::Today), (Some(now), utc(25, 23)));
        assert_eq!(at(When::Weekend), (utc(27, 23), utc(29, 23)));
        assert_eq!(at(When::Week), (Some(now), utc(29, 23)));
        assert_eq!(at(When::Month), (Some(now), utc(30, 23)));
        // On a Sunday the weekend is what is left of it.
        let sunday = Utc
            .with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
            .single()
            .expect("date");
        let weekend = window(
            &Filters {
                when: Some(When::Weekend),
                ..Filters::default()
            },
            sunday,
        );
        assert_eq!(weekend, (Some(sunday), utc(29, 23)));
    }
}
