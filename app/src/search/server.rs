//! The search queries: one per group, each on an index (events' `search_vector` GIN, organizers'
//! trigram index on their shown name), a few rows each.

use sqlx::PgPool;

use super::model::{SearchHit, SearchResults, prefix_tsquery};
use crate::{
    accounts::model::{CurrentUser, Role},
    error::AppError,
    i18n::{Locale, dates::format_event_start_short},
};

/// Results per group on the page (the header shows the first few).
pub const PER_GROUP: i64 = 10;

pub async fn search(
    pool: &PgPool,
    viewer: Option<&CurrentUser>,
    query: &str,
    locale: Locale,
) -> Result<SearchResults, AppError> {
    let mut results = SearchResults {
        query: query.to_owned(),
        ..SearchResults::default()
    };
    if !super::model::searchable(query) {
        return Ok(results);
    }
    // LIKE wildcards are dropped from the text; what is left must still be worth matching ("%_%" is not).
    let needle = crate::admin::server::like_text(query);
    let pattern = super::model::searchable(needle.trim()).then(|| format!("%{needle}%"));
    let admin = viewer.is_some_and(|user| user.role == Role::Admin);
    results.events = events(pool, query, locale).await?;
    if let Some(pattern) = pattern {
        results.organizers = organizers(pool, &pattern, locale).await?;
        if admin {
            results.users = Some(users(pool, &pattern).await?);
        }
    } else if admin {
        results.users = Some(Vec::new());
    }
    Ok(results)
}

/// Coming published public events whose words start with the typed ones, soonest first.
async fn events(pool: &PgPool, query: &str, locale: Locale) -> Result<Vec<SearchHit>, AppError> {
    let Some(tsquery) = prefix_tsquery(query) else {
        return Ok(Vec::new());
    };
    let rows = sqlx::query!(
        r#"SELECT e.slug AS "slug!", e.title, e.starts_at, e.time_zone, e.city, e.attendance_mode
           FROM events e
           WHERE e.search_vector @@ to_tsquery('public.french_unaccent', $1)
             AND e.status = 'published' AND e.visibility = 'public'
             AND e.deleted_at IS NULL AND e.hidden_at IS NULL AND e.ends_at >= now()
           ORDER BY e.starts_at, e.id
           LIMIT $2"#,
        tsquery,
        PER_GROUP,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let place = match row.city {
                Some(city) if row.attendance_mode != "online" => city,
                _ => locale.pick("En ligne", "Online").to_owned(),
            };
            SearchHit {
                detail: format!(
                    "{} · {place}",
                    format_event_start_short(row.starts_at, &row.time_zone, locale)
                ),
                title: row.title,
                href: format!("/events/{}", row.slug),
            }
        })
        .collect())
}

/// Active organizers with a public page whose shown name contains the query (accents ignored).
async fn organizers(
    pool: &PgPool,
    pattern: &str,
    locale: Locale,
) -> Result<Vec<SearchHit>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT coalesce(u.display_name, u.full_name) AS "name!", u.organizer_slug AS "slug!",
                  (SELECT count(*) FROM events e
                   WHERE e.organizer_id = u.id AND e.status = 'published' AND e.visibility = 'public'
                     AND e.deleted_at IS NULL AND e.hidden_at IS NULL AND e.ends_at >= now()) AS "upcoming!"
           FROM users u
           WHERE u.organizer_slug IS NOT NULL AND u.deleted_at IS NULL AND u.status = 'active'
             AND lower(immutable_unaccent(coalesce(u.display_name, u.full_name))) LIKE immutable_unaccent($1)
           ORDER BY 3 DESC, 1
           LIMIT $2"#,
        pattern,
        PER_GROUP,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SearchHit {
            detail: match row.upcoming {
                0 => locale.pick("Organisateur", "Organizer").to_owned(),
                1 => locale
                    .pick("1 événement à venir", "1 upcoming event")
                    .to_owned(),
                n => format!(
                    "{n} {}",
                    locale.pick("événements à venir", "upcoming events")
                ),
            },
            title: row.name,
            href: format!("/organizers/{}", row.slug),
        })
        .collect())
}

/// Accounts by name or address, for admins (the same match as the back-office's user list).
async fn users(pool: &PgPool, pattern: &str) -> Result<Vec<SearchHit>, AppError> {
    let rows = sqlx::query!(
        "SELECT id, full_name, email FROM users
         WHERE lower(full_name || ' ' || email) LIKE $1
         ORDER BY deleted_at IS NOT NULL, created_at DESC, id DESC
         LIMIT $2",
        pattern,
        PER_GROUP,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SearchHit {
            title: row.full_name,
            detail: row.email,
            href: format!("/admin/users/{}", row.id),
        })
        .collect())
}
