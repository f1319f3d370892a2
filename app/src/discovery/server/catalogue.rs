//! The catalogue query: every filter in one statement with optional parameters, each backed by an
//! index of the published-events family (see the migrations).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sqlx::PgPool;

use crate::{
    discovery::model::{Filters, Sort, When},
    error::AppError,
    events::{model::EventCard, server::authoring::folded},
    i18n::{Locale, dates::DEFAULT_TIME_ZONE},
};

/// Matching events counted at most this far: past it the page says "more than 200" (counting
/// every match would make each query read them all; see docs/DISCOVERY.md).
pub const COUNT_CAP: i64 = 200;

/// One page of results (`ids` and `points` in the cards' order) and how many match.
pub struct Results {
    pub cards: Vec<EventCard>,
    pub ids: Vec<i64>,
    /// (latitude, longitude) of each card's event, when it has a place on the map.
    pub points: Vec<Option<(f64, f64)>>,
    /// Matches counted, at most `max(COUNT_CAP, end of this page)`.
    pub total: i64,
    /// More match than `total`.
    pub more: bool,
}

/// The query with each word replaced by the nearest word of a published title (trigram similarity at
/// least 0.5: "ceramiqe" → "ceramique", 0.58), words that are known staying as they are; `None` when no
/// word changed. Searching for the query as typed *or* this one forgives small typos while the search
/// stays one full-text condition on the GIN index, which PostgreSQL can combine with the other filters'
/// indexes. An unchanged query is not added a second time: PostgreSQL would count the two identical
/// halves as two chances to match, double its estimate of the matches and walk events in date order
/// instead of using the text index (50 ms instead of 6 over 100,000 events, docs/PERFORMANCE.md).
async fn corrected_query(
    conn: &mut sqlx::PgConnection,
    query: &str,
) -> Result<Option<String>, AppError> {
    sqlx::query!("SET LOCAL pg_trgm.similarity_threshold = 0.5")
        .execute(&mut *conn)
        .await?;
    let corrected = sqlx::query_scalar!(
        r#"WITH words AS (
             SELECT t.n, t.w,
                    coalesce((SELECT s.word FROM search_words s WHERE s.word % t.w
                              ORDER BY similarity(s.word, t.w) DESC, s.word LIMIT 1), t.w) AS fixed
             FROM regexp_split_to_table(lower(immutable_unaccent($1)), '[^a-z0-9]+') WITH ORDINALITY AS t(w, n)
             WHERE t.w <> '')
           SELECT CASE WHEN bool_and(w = fixed) THEN NULL
                       ELSE coalesce(string_agg(fixed, ' ' ORDER BY n), '') END AS corrected
           FROM words"#,
        query
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(corrected)
}

/// The text query without the words of the chosen city: every event there has them (the city is
/// part of the searchable text), so they filter nothing — but a search for "lyon" in Lyon would make
/// PostgreSQL fetch every Lyon event through the text index instead of walking the city's in order.
/// `None` when nothing is left. Queries with quotes (phrases) are kept as typed.
fn beyond_city(query: &str, city: Option<&str>) -> Option<String> {
    let city_words = city.map(folded).unwrap_or_default();
    let city_words: Vec<&str> = city_words.split('-').filter(|w| !w.is_empty()).collect();
    let kept: Vec<&str> = if query.contains('"') {
        vec![query]
    } else {
        query
            .split_whitespace()
            .filter(|word| {
                !folded(word)
                    .split('-')
                    .filter(|part| !part.is_empty())
                    .all(|part| city_words.contains(&part))
            })
            .collect()
    };
    (!kept.is_empty()).then(|| kept.join(" "))
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

/// `limit` results from the filters' page (`PAGE_SIZE` for the catalogue; more for maps and feeds).
///
/// One statement: the CTE walks the matches in the page's order and stops after the counting cap (so
/// an ordered index scan ends early instead of reading every match), the outer query takes the page.
/// Plans are made for the actual values (`force_custom_plan`): a generic plan could not drop the
/// unused `$n IS NULL OR …` branches and would miss the filter's index.
pub async fn search(
    pool: &PgPool,
    filters: &Filters,
    now: DateTime<Utc>,
    limit: i64,
    locale: Locale,
) -> Result<Results, AppError> {
    let (from, until) = window(filters, now);
    // A value, not `now()` in SQL: the planner then knows how much of the start index it reads.
    let floor = from.unwrap_or(now);
    let (lat, lon) = filters.near.unzip();
    let sort = match filters.sort {
        Some(Sort::Newest) => "newest",
        Some(Sort::Nearest) => "nearest",
        Some(Sort::Popular) => "popular",
        _ => "soonest",
    };
    let offset = i64::from(filters.page.saturating_sub(1)) * limit;
    let cap = COUNT_CAP.max(offset + limit) + 1;
    let mut tx = pool.begin().await?;
    sqlx::query!("SET LOCAL plan_cache_mode = force_custom_plan")
        .execute(&mut *tx)
        .await?;
    let text = filters
        .q
        .as_deref()
        .and_then(|q| beyond_city(q, filters.city.as_deref()));
    let corrected = match &text {
        Some(q) => corrected_query(&mut tx, q).await?,
        None => None,
    };
    let rows = sqlx::query!(
        r#"WITH matches AS MATERIALIZED (
             SELECT e.id, e.starts_at,
                    CASE WHEN $12 = 'newest' THEN -extract(epoch FROM e.published_at)
                         WHEN $12 = 'popular' THEN -e.seats_taken::float8
                         WHEN $12 = 'nearest' AND $9::float8 IS NOT NULL
                         THEN power(e.latitude - $9, 2) + power((e.longitude - $10) * cos(radians($9)), 2)
                    END AS rank
             FROM events e
             WHERE e.status = 'published' AND e.visibility = 'public' AND e.deleted_at IS NULL
               AND e.hidden_at IS NULL
               AND e.ends_at >= $1
               -- Events last at most 31 days (a constraint): this bounds the start index's range.
               AND e.starts_at >= $1 - interval '32 days'
               AND ($2::timestamptz IS NULL OR e.starts_at < $2)
               -- The query as typed, or with misspelt words replaced (see `corrected_query`).
               AND ($3::text IS NULL
                    OR e.search_vector @@ CASE WHEN $16::text IS NULL
                                               THEN websearch_to_tsquery('public.french_unaccent', $3)
                                               ELSE websearch_to_tsquery('public.french_unaccent', $3)
                                                    || websearch_to_tsquery('public.french_unaccent', $16)
                                          END)
               AND ($4::text IS NULL OR lower(immutable_unaccent(e.city)) = lower(immutable_unaccent($4)))
               -- The category's id first, so the (category_id, starts_at) index can be walked in order.
               AND ($5::text IS NULL
                    OR e.category_id = (SELECT id FROM categories WHERE slug = $5 AND deleted_at IS NULL))
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
               CASE WHEN $12 = 'popular' THEN e.seats_taken END DESC,
               CASE WHEN $12 = 'nearest' AND $9::float8 IS NOT NULL
                    THEN power(e.latitude - $9, 2) + power((e.longitude - $10) * cos(radians($9)), 2) END,
               e.starts_at, e.id
             LIMIT $15)
           SELECT e.id, e.slug, e.title, e.summary, c.name_fr AS category_fr, c.name_en AS category_en,
                  e.starts_at, e.time_zone, e.city, e.attendance_mode, e.price_cents,
                  e.currency AS "currency!: String", e.free_food, e.capacity, e.seats_taken,
                  e.latitude, e.longitude, (SELECT count(*) FROM matches) AS "total!"
           FROM matches m JOIN events e ON e.id = m.id JOIN categories c ON c.id = e.category_id
           ORDER BY m.rank NULLS LAST, m.starts_at, m.id
           LIMIT $13 OFFSET $14"#,
        floor,
        until,
        text,
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
        cap,
        corrected,
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let counted = rows.first().map_or(0, |row| row.total);
    let more = counted >= cap;
    let total = counted.min(cap - 1);
    let ids = rows.iter().map(|row| row.id).collect();
    let points = rows
        .iter()
        .map(|row| row.latitude.zip(row.longitude))
        .collect();
    let cards = rows
        .into_iter()
        .map(|row| crate::card_row!(row).into_card(locale))
        .collect();
    Ok(Results {
        cards,
        ids,
        points,
        total,
        more,
    })
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

    #[test]
    fn the_city_words_leave_the_text_query() {
        let city = Some("Saint-Étienne");
        assert_eq!(
            beyond_city("concert saint-etienne", city).as_deref(),
            Some("concert")
        );
        assert_eq!(beyond_city("Saint Étienne", city), None);
        assert_eq!(
            beyond_city("concert Lyon", Some("Lyon")).as_deref(),
            Some("concert")
        );
        assert_eq!(beyond_city("lyon", None).as_deref(), Some("lyon"));
        assert_eq!(
            beyond_city("\"fête à lyon\"", Some("Lyon")).as_deref(),
            Some("\"fête à lyon\"")
        );
    }
}
