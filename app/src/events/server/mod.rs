//! Events on the server: reading cards, the event page, authoring and lifecycle.

pub mod access;
pub mod authoring;
pub mod images;
pub mod lifecycle;
pub mod markdown;
pub mod page;

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::model::{AttendanceMode, EventCard, format_price};
use crate::{
    error::AppError,
    i18n::{
        Locale,
        dates::{format_event_start_short, iso_with_offset},
    },
};

pub struct CardRow {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category_fr: String,
    pub category_en: String,
    pub starts_at: DateTime<Utc>,
    pub time_zone: String,
    pub city: Option<String>,
    pub attendance_mode: String,
    pub price_cents: i32,
    pub currency: String,
    pub free_food: bool,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
}

impl CardRow {
    pub fn into_card(self, locale: Locale) -> EventCard {
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
