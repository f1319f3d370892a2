//! Events on the server: reading cards, the event page, authoring and lifecycle.

pub mod access;
pub mod authoring;
pub mod images;
pub mod lifecycle;
pub mod markdown;
pub mod page;

use chrono::{DateTime, Utc};

use super::model::{AttendanceMode, EventCard, format_price};
use crate::i18n::{
    Locale,
    dates::{format_event_start_short, iso_with_offset},
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

/// A `CardRow` from any query row that has the card's columns under their names (queries that read
/// more columns than a card cannot use `query_as!` with `CardRow` itself).
#[macro_export]
macro_rules! card_row {
    ($row:expr) => {
        $crate::events::server::CardRow {
            slug: $row.slug,
            title: $row.title,
            summary: $row.summary,
            category_fr: $row.category_fr,
            category_en: $row.category_en,
            starts_at: $row.starts_at,
            time_zone: $row.time_zone,
            city: $row.city,
            attendance_mode: $row.attendance_mode,
            price_cents: $row.price_cents,
            currency: $row.currency,
            free_food: $row.free_food,
            capacity: $row.capacity,
            seats_taken: $row.seats_taken,
        }
    };
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
