use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, MessageKey};

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

/// The event page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub card: EventCard,
    pub description: String,
    pub starts_label_long: String,
    pub ends_label: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub organizer_name: String,
    pub free_food_details: Option<String>,
    pub capacity: Option<i32>,
    pub is_past: bool,
    pub is_cancelled: bool,
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
