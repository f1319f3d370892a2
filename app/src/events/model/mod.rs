use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, MessageKey};

pub mod form;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceMode {
    InPerson,
    Online,
    Hybrid,
}

impl AttendanceMode {
    pub fn from_db(value: &str) -> AttendanceMode {
        match value {
            "online" => AttendanceMode::Online,
            "hybrid" => AttendanceMode::Hybrid,
            _ => AttendanceMode::InPerson,
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            AttendanceMode::InPerson => "in_person",
            AttendanceMode::Online => "online",
            AttendanceMode::Hybrid => "hybrid",
        }
    }

    pub fn label(self) -> MessageKey {
        match self {
            AttendanceMode::InPerson => MessageKey::InPerson,
            AttendanceMode::Online => MessageKey::Online,
            AttendanceMode::Hybrid => MessageKey::Hybrid,
        }
    }
}

/// What a list or a card shows of an event, already formatted for the viewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub starts_label: String,
    pub starts_iso: String,
    pub city: Option<String>,
    pub mode: AttendanceMode,
    pub price_label: String,
    pub free_food: bool,
    pub seats_left: Option<i32>,
}

/// Where an event is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Draft,
    PendingReview,
    Published,
    Rejected,
    ChangesRequested,
    Cancelled,
}

impl EventStatus {
    pub fn from_db(value: &str) -> EventStatus {
        match value {
            "pending_review" => EventStatus::PendingReview,
            "published" => EventStatus::Published,
            "rejected" => EventStatus::Rejected,
            "changes_requested" => EventStatus::ChangesRequested,
            "cancelled" => EventStatus::Cancelled,
            _ => EventStatus::Draft,
        }
    }

    pub fn label(self) -> MessageKey {
        match self {
            EventStatus::Draft => MessageKey::StatusDraft,
            EventStatus::PendingReview => MessageKey::StatusPending,
            EventStatus::Published => MessageKey::StatusPublished,
            EventStatus::Rejected => MessageKey::StatusRejected,
            EventStatus::ChangesRequested => MessageKey::StatusChangesRequested,
            EventStatus::Cancelled => MessageKey::StatusCancelled,
        }
    }

    /// Organizers may still change it with the form.
    pub fn editable(self) -> bool {
        self != EventStatus::Cancelled
    }
}

/// The event page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub id: i64,
    pub card: EventCard,
    pub status: EventStatus,
    /// Why moderation rejected it, or the organizer's cancellation message.
    pub status_reason: Option<String>,
    /// The description as sanitised HTML (rendered from Markdown on the server).
    pub description_html: String,
    pub starts_label_long: String,
    pub ends_label: String,
    pub ends_iso: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    pub organizer_name: String,
    /// The organizer's public page (`/organizers/{slug}`).
    pub organizer_slug: Option<String>,
    pub free_food_details: Option<String>,
    pub dietary: Vec<MessageKey>,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    /// Seats one registration may take.
    pub max_seats: u32,
    pub questions: Vec<crate::tickets::questions::Question>,
    pub is_past: bool,
    pub registration_closed: bool,
    pub cover: Option<ImageView>,
    pub flyers: Vec<ImageView>,
    pub share: ShareLinks,
    /// schema.org Event as JSON, for the page's `<script type="application/ld+json">`.
    pub json_ld: String,
    /// (name, what it means) of the labels it carries: FreeFood's text, partner labels.
    pub labels: Vec<(String, String)>,
}

impl EventDetail {
    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled
    }

    pub fn is_full(&self) -> bool {
        self.card.seats_left == Some(0)
    }
}

/// An uploaded image as `<img src srcset alt>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageView {
    pub id: i64,
    pub src: String,
    pub srcset: String,
    pub alt: String,
}

/// Addresses for sharing and calendars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareLinks {
    pub canonical: String,
    pub ics: String,
    pub google: String,
    pub outlook: String,
    pub image: Option<String>,
}

/// One line of an organizer's own list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyEvent {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: EventStatus,
    pub starts_label: String,
    /// The start with the event's offset (ISO 8601).
    pub starts_iso: String,
    pub seats_taken: i32,
    pub capacity: Option<i32>,
    /// Why moderation rejected it or asks for changes.
    pub moderation_reason: Option<String>,
}

/// Directions to a place from wherever the person is (OpenStreetMap's router picks the start).
pub fn directions_link(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/directions?to={lat:.6}%2C{lon:.6}")
}

/// "Gratuit", "12,50 €" / "Free", "€12.50". Paid events say the payment happens on site until
/// integrated payment exists.
pub fn format_price(cents: i32, currency: &str, locale: Locale) -> String {
    if cents <= 0 {
        return locale.t(MessageKey::PriceFree).to_owned();
    }
    let (units, rest) = (cents / 100, cents % 100);
    let symbol = if currency == "EUR" { "€" } else { currency };
    let amount = match (locale, rest) {
        (Locale::Fr, 0) => format!("{units} {symbol}"),
        (Locale::Fr, _) => format!("{units},{rest:02} {symbol}"),
        (Locale::En, 0) => format!("{symbol}{units}"),
        (Locale::En, _) => format!("{symbol}{units}.{rest:02}"),
    };
    format!("{amount} ({})", locale.t(MessageKey::PriceOnSite))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_the_locale() {
        assert_eq!(format_price(0, "EUR", Locale::Fr), "Gratuit");
        assert_eq!(
            format_price(1250, "EUR", Locale::Fr),
            "12,50 € (à régler sur place)"
        );
        assert_eq!(format_price(1500, "EUR", Locale::En), "€15 (pay on site)");
        assert_eq!(format_price(5, "USD", Locale::En), "USD0.05 (pay on site)");
    }
}
