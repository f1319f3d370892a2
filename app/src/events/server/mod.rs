//! Reading events from PostgreSQL (server only).

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::model::{AttendanceMode, EventCard, EventDetail, format_price};
use crate::{
    error::AppError,
    i18n::{
        Locale,
        dates::{format_event_start, format_event_start_short, iso_with_offset},
    },
};

struct CardRow {
    slug: String,
    title: String,
    summary: String,
    category_fr: String,
    category_en: String,
    starts_at: DateTime<Utc>,
    time_zone: String,
    city: Option<String>,
    attendance_mode: String,
    price_cents: i32,
    currency: String,
    free_food: bool,
    capacity: Option<i32>,
    seats_taken: i32,
}

impl CardRow {
    fn into_card(self, locale: Locale) -> EventCard {
        EventCard {
            starts_label: format_event_start_short(self.starts_at, &self.time_zone, locale),
            starts_iso: iso_with_offset(self.starts_at, &self.time_zone),
            category: match locale {
                Locale::Fr => self.category_fr,
                Locale::En => self.category_en,
            },
            price_label: format_price(self.price_cents, &self.currency, locale),
            seats_left: self.capacity.map(|c| (c - self.seats_taken).max(0)),
            mode: AttendanceMode::from_db(&self.attendance_mode),
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            city: self.city,
            free_food: self.free_food,
        }
    }
}

/// Upcoming published public events; uses the partial index `events_catalogue_start`.
pub async fn upcoming(
    pool: &PgPool,
    limit: i64,
    locale: Locale,
) -> Result<Vec<EventCard>, AppError> {
    let rows = sqlx::query_as!(
        CardRow,
        r#"SELECT e.slug, e.title, e.summary, c.name_fr AS category_fr, c.name_en AS category_en,
                  e.starts_at, e.time_zone, e.city, e.attendance_mode, e.price_cents,
                  e.currency AS "currency!: String", e.free_food, e.capacity, e.seats_taken
           FROM events e JOIN categories c ON c.id = e.category_id
           WHERE e.status = 'published' AND e.visibility = 'public' AND e.deleted_at IS NULL
             AND e.hidden_at IS NULL AND e.starts_at >= now()
           ORDER BY e.starts_at, e.id
           LIMIT $1"#,
        limit,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|row| row.into_card(locale)).collect())
}

pub async fn by_slug(pool: &PgPool, slug: &str, locale: Locale) -> Result<EventDetail, AppError> {
    let row = sqlx::query!(
        r#"SELECT e.slug, e.title, e.summary, e.description_md, c.name_fr AS category_fr, c.name_en AS category_en,
                  e.starts_at, e.ends_at, e.time_zone, e.city, e.attendance_mode, e.price_cents,
                  e.currency AS "currency!: String", e.free_food, e.free_food_details, e.capacity, e.seats_taken,
                  e.venue_name, e.address_line, e.postal_code, e.status, u.full_name AS organizer_name
           FROM events e
           JOIN categories c ON c.id = e.category_id
           JOIN users u ON u.id = e.organizer_id
           WHERE e.slug = $1 AND e.deleted_at IS NULL AND e.hidden_at IS NULL
             AND e.status IN ('published', 'cancelled')"#,
        slug,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let address = match (&row.address_line, &row.postal_code, &row.city) {
        (Some(line), Some(code), Some(city)) => Some(format!("{line}, {code} {city}")),
        (Some(line), None, Some(city)) => Some(format!("{line}, {city}")),
        _ => None,
    };
    let card = CardRow {
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        category_fr: row.category_fr,
        category_en: row.category_en,
        starts_at: row.starts_at,
        time_zone: row.time_zone.clone(),
        city: row.city,
        attendance_mode: row.attendance_mode,
        price_cents: row.price_cents,
        currency: row.currency,
        free_food: row.free_food,
        capacity: row.capacity,
        seats_taken: row.seats_taken,
    }
    .into_card(locale);
    Ok(EventDetail {
        card,
        description: row.description_md,
        starts_label_long: format_event_start(row.starts_at, &row.time_zone, locale),
        ends_label: format_event_start(row.ends_at, &row.time_zone, locale),
        venue_name: row.venue_name,
        address,
        organizer_name: row.organizer_name,
        free_food_details: row.free_food_details,
        capacity: row.capacity,
        is_past: row.ends_at < Utc::now(),
        is_cancelled: row.status == "cancelled",
    })
}
