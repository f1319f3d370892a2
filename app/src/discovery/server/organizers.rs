//! Public organizer pages: who they are and their published events, coming and past.

use sqlx::PgPool;

use crate::{discovery::api::OrganizerProfile, error::AppError, i18n::Locale};

/// Events listed per part of the page.
const UPCOMING_LIMIT: i64 = 24;
const PAST_LIMIT: i64 = 12;

/// The organizer with this public slug (active accounts only) and their public events. Both lists
/// read the `events_organizer (organizer_id, starts_at DESC)` index.
pub async fn page(pool: &PgPool, slug: &str, locale: Locale) -> Result<OrganizerProfile, AppError> {
    let organizer = sqlx::query!(
        r#"SELECT id, coalesce(display_name, full_name) AS "name!", bio, avatar_key, profile_links FROM users
         WHERE organizer_slug = $1 AND deleted_at IS NULL AND status = 'active'"#,
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let rows = sqlx::query!(
        r#"(SELECT e.slug AS "slug!", e.title AS "title!", e.summary AS "summary!", c.name_fr AS "category_fr!", c.name_en AS "category_en!",
                   e.starts_at AS "starts_at!", e.time_zone AS "time_zone!", e.city,
                   e.attendance_mode AS "attendance_mode!", e.price_cents AS "price_cents!",
                   e.currency AS "currency!: String", e.free_food AS "free_food!", e.capacity,
                   e.seats_taken AS "seats_taken!", true AS "upcoming!"
            FROM events e JOIN categories c ON c.id = e.category_id
            WHERE e.organizer_id = $1 AND e.status = 'published' AND e.visibility = 'public'
              AND e.deleted_at IS NULL AND e.hidden_at IS NULL AND e.ends_at >= now()
            ORDER BY e.starts_at LIMIT $2)
           UNION ALL
           (SELECT e.slug, e.title, e.summary, c.name_fr, c.name_en, e.starts_at, e.time_zone, e.city,
                   e.attendance_mode, e.price_cents, e.currency, e.free_food, e.capacity, e.seats_taken, false
            FROM events e JOIN categories c ON c.id = e.category_id
            WHERE e.organizer_id = $1 AND e.status = 'published' AND e.visibility = 'public'
              AND e.deleted_at IS NULL AND e.hidden_at IS NULL AND e.ends_at < now()
            ORDER BY e.starts_at DESC LIMIT $3)"#,
        organizer.id,
        UPCOMING_LIMIT,
        PAST_LIMIT,
    )
    .fetch_all(pool)
    .await?;
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for row in rows {
        let upcoming_event = row.upcoming;
        let card = crate::card_row!(row).into_card(locale);
        if upcoming_event {
            upcoming.push(card);
        } else {
            past.push(card);
        }
    }
    let media = crate::ssr::media::Media::current();
    Ok(OrganizerProfile {
        name: organizer.name,
        bio: organizer.bio,
        avatar: organizer
            .avatar_key
            .map(|key| crate::accounts::server::public_profile::avatar_sources(&media, &key)),
        links: organizer.profile_links,
        upcoming,
        past,
    })
}
