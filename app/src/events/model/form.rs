//! The event form: every field as typed, and the rules that judge it. The same `check` runs in the
//! browser as the organizer types (through `crate::forms`) and on the server when the form arrives, so
//! both always agree. Drafts store an `EventForm` as it is, valid or not.

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::AttendanceMode;
use crate::{
    i18n::MessageKey,
    tickets::questions::{Question, parse_questions},
    validation::text_length,
};

/// The time zones an event may be in: France (mainland and overseas) and its neighbours.
pub const TIME_ZONES: &[&str] = &[
    "Europe/Paris",
    "America/Guadeloupe",
    "America/Martinique",
    "America/Cayenne",
    "Indian/Reunion",
    "Indian/Mayotte",
    "America/Miquelon",
    "Pacific/Noumea",
    "Pacific/Tahiti",
    "Europe/Brussels",
    "Europe/Luxembourg",
    "Europe/Zurich",
    "Europe/Monaco",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/London",
    "Europe/Lisbon",
    "Africa/Casablanca",
    "Africa/Dakar",
    "America/Montreal",
    "UTC",
];

/// Dietary tags a FreeFood offer may carry (the database's CHECK lists the same).
pub const DIETARY_TAGS: &[(&str, MessageKey)] = &[
    ("vegetarian", MessageKey::DietVegetarian),
    ("vegan", MessageKey::DietVegan),
    ("halal", MessageKey::DietHalal),
    ("kosher", MessageKey::DietKosher),
    ("gluten_free", MessageKey::DietGlutenFree),
    ("lactose_free", MessageKey::DietLactoseFree),
];

/// Reminder choices, as minutes before the start.
pub const REMINDERS: &[(&str, &[i32], MessageKey)] = &[
    ("1440,120", &[1440, 120], MessageKey::ReminderDayAndHours),
    ("1440", &[1440], MessageKey::ReminderDay),
    ("120", &[120], MessageKey::ReminderHours),
    ("10080,1440", &[10080, 1440], MessageKey::ReminderWeekAndDay),
    ("none", &[], MessageKey::ReminderNone),
];

pub const MAX_PRICE_CENTS: i64 = 10_000_000;
pub const MAX_CAPACITY: i64 = 100_000;

/// The form as typed. Every value is text (checkboxes: "on" or nothing) so a half-filled form can be
/// kept as a draft and a plain HTML post deserialises whatever it holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventForm {
    /// The event's id when editing; empty for a new event.
    pub event: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub mode: String,
    pub venue_name: String,
    pub address_line: String,
    pub postal_code: String,
    pub city: String,
    pub latitude: String,
    pub longitude: String,
    pub online_url: String,
    pub price: String,
    pub capacity: String,
    pub registration_deadline: String,
    pub waitlist: String,
    /// Seats one registration may take (1 to 20).
    pub max_seats: String,
    /// Hours before the start after which people can no longer cancel themselves (0: until the start).
    pub cancel_cutoff_hours: String,
    /// Hours a freed seat stays held for the next person on the waitlist.
    pub offer_hours: String,
    /// Registration questions, one per line (`crate::tickets::questions`).
    pub questions: String,
    pub free_food: String,
    pub free_food_details: String,
    pub diet_vegetarian: String,
    pub diet_vegan: String,
    pub diet_halal: String,
    pub diet_kosher: String,
    pub diet_gluten_free: String,
    pub diet_lactose_free: String,
    pub visibility: String,
    pub organizer_notify: String,
    pub reminders: String,
}

/// The names of the fields the rules judge, in the order they appear in the form.
pub const CHECKED_FIELDS: &[&str] = &[
    "title",
    "summary",
    "description",
    "category",
    "starts_at",
    "ends_at",
    "time_zone",
    "mode",
    "venue_name",
    "address_line",
    "postal_code",
    "city",
    "latitude",
    "longitude",
    "online_url",
    "price",
    "capacity",
    "registration_deadline",
    "max_seats",
    "cancel_cutoff_hours",
    "offer_hours",
    "questions",
    "free_food_details",
    "visibility",
    "organizer_notify",
    "reminders",
];

impl EventForm {
    /// A new event's defaults.
    pub fn new_event() -> EventForm {
        EventForm {
            time_zone: "Europe/Paris".into(),
            mode: "in_person".into(),
            visibility: "public".into(),
            organizer_notify: "each".into(),
            reminders: "1440,120".into(),
            max_seats: "1".into(),
            cancel_cutoff_hours: "0".into(),
            offer_hours: "24".into(),
            ..EventForm::default()
        }
    }

    /// A field's value by its form name (empty for unknown names).
    pub fn get(&self, name: &str) -> &str {
        match name {
            "event" => &self.event,
            "title" => &self.title,
            "summary" => &self.summary,
            "description" => &self.description,
            "category" => &self.category,
            "starts_at" => &self.starts_at,
            "ends_at" => &self.ends_at,
            "time_zone" => &self.time_zone,
            "mode" => &self.mode,
            "venue_name" => &self.venue_name,
            "address_line" => &self.address_line,
            "postal_code" => &self.postal_code,
            "city" => &self.city,
            "latitude" => &self.latitude,
            "longitude" => &self.longitude,
            "online_url" => &self.online_url,
            "price" => &self.price,
            "capacity" => &self.capacity,
            "registration_deadline" => &self.registration_deadline,
            "waitlist" => &self.waitlist,
            "max_seats" => &self.max_seats,
            "cancel_cutoff_hours" => &self.cancel_cutoff_hours,
            "offer_hours" => &self.offer_hours,
            "questions" => &self.questions,
            "free_food" => &self.free_food,
            "free_food_details" => &self.free_food_details,
            "diet_vegetarian" => &self.diet_vegetarian,
            "diet_vegan" => &self.diet_vegan,
            "diet_halal" => &self.diet_halal,
            "diet_kosher" => &self.diet_kosher,
            "diet_gluten_free" => &self.diet_gluten_free,
            "diet_lactose_free" => &self.diet_lactose_free,
            "visibility" => &self.visibility,
            "organizer_notify" => &self.organizer_notify,
            "reminders" => &self.reminders,
            _ => "",
        }
    }

    pub fn is_checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    /// Every rule's verdict, keyed by field name (empty when the form is valid).
    pub fn errors(&self) -> crate::error::FieldErrors {
        let mut errors = crate::error::FieldErrors::new();
        for name in CHECKED_FIELDS {
            if let Some(key) = check(name, self.get(name), &|other| self.get(other).to_owned()) {
                errors.add(name, key);
            }
        }
        errors
    }

    /// The typed values of a form without errors (`Err` holds the errors otherwise).
    pub fn validate(&self) -> Result<ValidEvent, crate::error::FieldErrors> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        let invalid = |name: &str, key| {
            let mut errors = crate::error::FieldErrors::new();
            errors.add(name, key);
            errors
        };
        let mode =
            parse_mode(&self.mode).ok_or_else(|| invalid("mode", MessageKey::FieldRequired))?;
        let starts_at = parse_local(&self.starts_at).map_err(|key| invalid("starts_at", key))?;
        let ends_at = parse_local(&self.ends_at).map_err(|key| invalid("ends_at", key))?;
        let coordinates = match (
            parse_coordinate(&self.latitude, 90.0),
            parse_coordinate(&self.longitude, 180.0),
        ) {
            (Ok(Some(lat)), Ok(Some(lon))) => Some((lat, lon)),
            _ => None,
        };
        let in_person = mode != AttendanceMode::Online;
        let online = mode != AttendanceMode::InPerson;
        let free_food = self.is_checked("free_food");
        Ok(ValidEvent {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            description: self.description.trim().to_owned(),
            category: self.category.trim().to_owned(),
            starts_at,
            ends_at,
            time_zone: self.time_zone.clone(),
            mode,
            venue_name: in_person.then(|| optional(&self.venue_name)).flatten(),
            address_line: in_person.then(|| optional(&self.address_line)).flatten(),
            postal_code: in_person.then(|| optional(&self.postal_code)).flatten(),
            city: in_person.then(|| optional(&self.city)).flatten(),
            coordinates: coordinates.filter(|_| in_person),
            online_url: online.then(|| optional(&self.online_url)).flatten(),
            price_cents: parse_price(&self.price).map_err(|key| invalid("price", key))?,
            capacity: parse_capacity(&self.capacity).map_err(|key| invalid("capacity", key))?,
            registration_deadline: match self.registration_deadline.trim() {
                "" => None,
                text => {
                    Some(parse_local(text).map_err(|key| invalid("registration_deadline", key))?)
                }
            },
            waitlist: self.is_checked("waitlist"),
            max_seats: parse_whole(&self.max_seats, 1, 20, 1)
                .map_err(|key| invalid("max_seats", key))?,
            cancel_cutoff_min: parse_whole(&self.cancel_cutoff_hours, 0, 720, 0)
                .map_err(|key| invalid("cancel_cutoff_hours", key))?
                * 60,
            offer_min: parse_whole(&self.offer_hours, 1, 168, 24)
                .map_err(|key| invalid("offer_hours", key))?
                * 60,
            questions: parse_questions(&self.questions).map_err(|key| invalid("questions", key))?,
            free_food,
            free_food_details: free_food
                .then(|| optional(&self.free_food_details))
                .flatten(),
            dietary_tags: if free_food {
                DIETARY_TAGS
                    .iter()
                    .filter(|(tag, _)| self.is_checked(&format!("diet_{tag}")))
                    .map(|(tag, _)| (*tag).to_owned())
                    .collect()
            } else {
                Vec::new()
            },
            unlisted: self.visibility == "unlisted",
            organizer_notify: self.organizer_notify.clone(),
            reminder_offsets: REMINDERS
                .iter()
                .find(|(value, _, _)| *value == self.reminders)
                .map(|(_, offsets, _)| offsets.to_vec())
                .unwrap_or_default(),
        })
    }
}

/// A valid event, its local times still in its own time zone (the server resolves them).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEvent {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub time_zone: String,
    pub mode: AttendanceMode,
    pub venue_name: Option<String>,
    pub address_line: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    pub online_url: Option<String>,
    pub price_cents: i32,
    pub capacity: Option<i32>,
    pub registration_deadline: Option<NaiveDateTime>,
    pub waitlist: bool,
    pub max_seats: i32,
    pub cancel_cutoff_min: i32,
    pub offer_min: i32,
    pub questions: Vec<Question>,
    pub free_food: bool,
    pub free_food_details: Option<String>,
    pub dietary_tags: Vec<String>,
    pub unlisted: bool,
    pub organizer_notify: String,
    pub reminder_offsets: Vec<i32>,
}

impl ValidEvent {
    pub fn visibility(&self) -> &'static str {
        if self.unlisted { "unlisted" } else { "public" }
    }
}

fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn parse_mode(value: &str) -> Option<AttendanceMode> {
    match value {
        "in_person" => Some(AttendanceMode::InPerson),
        "online" => Some(AttendanceMode::Online),
        "hybrid" => Some(AttendanceMode::Hybrid),
        _ => None,
    }
}

/// A `datetime-local` value ("2026-12-05T18:30", seconds allowed). Read by hand: chrono's format
/// parser would weigh on the browser's WASM.
pub fn parse_local(value: &str) -> Result<NaiveDateTime, MessageKey> {
    let value = value.trim();
    if value.is_empty() {
        return Err(MessageKey::FieldRequired);
    }
    let (date, time) = value
        .split_once(['T', ' '])
        .ok_or(MessageKey::DateInvalid)?;
    let day = fixed_numbers(date, '-', &[4, 2, 2]).ok_or(MessageKey::DateInvalid)?;
    let clock = fixed_numbers(time, ':', &[2, 2])
        .or_else(|| fixed_numbers(time, ':', &[2, 2, 2]))
        .ok_or(MessageKey::DateInvalid)?;
    if !(2000..=2100).contains(&day[0]) {
        return Err(MessageKey::DateInvalid);
    }
    let date = chrono::NaiveDate::from_ymd_opt(day[0] as i32, day[1], day[2])
        .ok_or(MessageKey::DateInvalid)?;
    let time = NaiveTime::from_hms_opt(clock[0], clock[1], clock.get(2).copied().unwrap_or(0))
        .ok_or(MessageKey::DateInvalid)?;
    Ok(date.and_time(time))
}

/// `text` split at `separator` into numbers of exactly these digit counts ("2026-12-05").
fn fixed_numbers(text: &str, separator: char, widths: &[usize]) -> Option<Vec<u32>> {
    let parts: Vec<&str> = text.split(separator).collect();
    if parts.len() != widths.len() {
        return None;
    }
    parts
        .iter()
        .zip(widths)
        .map(|(part, width)| {
            let digits = part.len() == *width && part.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| part.parse().ok()).flatten()
        })
        .collect()
}

/// Euros as typed in France or elsewhere: "12", "12,50", "12.5", "12 €". Empty means free.
pub fn parse_price(value: &str) -> Result<i32, MessageKey> {
    let cleaned: String = value
        .trim()
        .trim_end_matches('€')
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(0);
    }
    let (units, cents) = match cleaned.split_once([',', '.']) {
        Some((units, cents)) => (units, cents),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(units) || !(cents.is_empty() || (digits(cents) && cents.len() <= 2)) {
        return Err(MessageKey::PriceInvalid);
    }
    // Only digits by now: a number that does not fit is simply too high.
    let units: i64 = units.parse().map_err(|_| MessageKey::PriceTooHigh)?;
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().map_err(|_| MessageKey::PriceInvalid)? * 10,
        _ => cents.parse().map_err(|_| MessageKey::PriceInvalid)?,
    };
    let total = units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .ok_or(MessageKey::PriceTooHigh)?;
    if total > MAX_PRICE_CENTS {
        return Err(MessageKey::PriceTooHigh);
    }
    i32::try_from(total).map_err(|_| MessageKey::PriceTooHigh)
}

/// Empty means no limit; otherwise a whole number of seats from 1.
pub fn parse_capacity(value: &str) -> Result<Option<i32>, MessageKey> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let seats: i64 = value.parse().map_err(|_| MessageKey::CapacityInvalid)?;
    if !(1..=MAX_CAPACITY).contains(&seats) {
        return Err(MessageKey::CapacityInvalid);
    }
    Ok(i32::try_from(seats).ok())
}

/// A whole number between `min` and `max`; empty means `default` (forms saved before the field existed).
pub fn parse_whole(value: &str, min: i32, max: i32, default: i32) -> Result<i32, MessageKey> {
    match value.trim() {
        "" => Ok(default),
        text => text
            .parse::<i32>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or(MessageKey::NumberOutOfRange),
    }
}

/// Decimal degrees ("45.7421", "-4,8176"), read by hand (no float parser in the browser's WASM).
pub fn parse_coordinate(value: &str, limit: f64) -> Result<Option<f64>, MessageKey> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix('+').unwrap_or(value)),
    };
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 3
        || fraction.len() > 12
        || !all_digits(whole)
        || !all_digits(fraction)
    {
        return Err(MessageKey::CoordinateInvalid);
    }
    let mut number = 0.0;
    for b in whole.bytes() {
        number = number * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 1.0;
    for b in fraction.bytes() {
        scale /= 10.0;
        number += f64::from(b - b'0') * scale;
    }
    if number > limit {
        return Err(MessageKey::CoordinateInvalid);
    }
    Ok(Some(if negative { -number } else { number }))
}

/// A visio link: https only, a host, no spaces — `javascript:` and other schemes never pass.
pub fn check_online_url(value: &str) -> Result<String, MessageKey> {
    let value = value.trim();
    if value.is_empty() {
        return Err(MessageKey::FieldRequired);
    }
    if value.chars().count() > 500 {
        return Err(MessageKey::FieldTooLong);
    }
    let rest = value
        .strip_prefix("https://")
        .ok_or(MessageKey::LinkMustBeHttps)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let valid_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !valid_host
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
    {
        return Err(MessageKey::LinkInvalid);
    }
    Ok(value.to_owned())
}

fn has_value(value: &str) -> bool {
    !value.trim().is_empty()
}

fn optional_text(value: &str, max: usize) -> Option<MessageKey> {
    if value.trim().is_empty() {
        None
    } else {
        text_length(value, 1, max).err()
    }
}

/// The rule for one field; `other` reads another field of the same form (for rules that compare).
pub fn check(name: &str, value: &str, other: &dyn Fn(&str) -> String) -> Option<MessageKey> {
    let mode = parse_mode(&other("mode"));
    let in_person = mode != Some(AttendanceMode::Online);
    let online = matches!(mode, Some(AttendanceMode::Online | AttendanceMode::Hybrid));
    match name {
        "title" => text_length(value, 3, 120).err(),
        "summary" => text_length(value, 10, 280).err(),
        "description" => optional_text(value, 20_000),
        "category" => value
            .trim()
            .is_empty()
            .then_some(MessageKey::CategoryRequired),
        "starts_at" => parse_local(value).err(),
        "ends_at" => {
            let ends = match parse_local(value) {
                Ok(ends) => ends,
                Err(key) => return Some(key),
            };
            match parse_local(&other("starts_at")) {
                Ok(starts) if ends <= starts => Some(MessageKey::EndBeforeStart),
                Ok(starts) if ends - starts > chrono::TimeDelta::days(31) => {
                    Some(MessageKey::EventTooLong)
                }
                _ => None,
            }
        }
        "time_zone" => (!TIME_ZONES.contains(&value)).then_some(MessageKey::TimeZoneInvalid),
        "mode" => mode.is_none().then_some(MessageKey::FieldRequired),
        "venue_name" => optional_text(value, 120).filter(|_| in_person),
        "address_line" => optional_text(value, 200).filter(|_| in_person),
        "postal_code" => (in_person && !value.trim().is_empty())
            .then(|| {
                let ok = value.trim().len() <= 12
                    && value
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
                (!ok).then_some(MessageKey::PostalCodeInvalid)
            })
            .flatten(),
        "city" => in_person.then(|| text_length(value, 1, 80).err()).flatten(),
        "latitude" | "longitude" => {
            if !in_person {
                return None;
            }
            let limit = if name == "latitude" { 90.0 } else { 180.0 };
            let pair = if name == "latitude" {
                "longitude"
            } else {
                "latitude"
            };
            match parse_coordinate(value, limit) {
                Err(key) => Some(key),
                Ok(mine) => (mine.is_some() != has_value(&other(pair)))
                    .then_some(MessageKey::CoordinateInvalid),
            }
        }
        "online_url" => online.then(|| check_online_url(value).err()).flatten(),
        "price" => parse_price(value).err(),
        "capacity" => parse_capacity(value).err(),
        "registration_deadline" => {
            if value.trim().is_empty() {
                return None;
            }
            let deadline = match parse_local(value) {
                Ok(deadline) => deadline,
                Err(key) => return Some(key),
            };
            match parse_local(&other("ends_at")) {
                Ok(ends) if deadline > ends => Some(MessageKey::DeadlineAfterEnd),
                _ => None,
            }
        }
        "max_seats" => parse_whole(value, 1, 20, 1).err(),
        "cancel_cutoff_hours" => parse_whole(value, 0, 720, 0).err(),
        "offer_hours" => parse_whole(value, 1, 168, 24).err(),
        "questions" => parse_questions(value).err(),
        "free_food_details" => (!other("free_food").is_empty())
            .then(|| match value.trim() {
                "" => Some(MessageKey::FreeFoodDetailsRequired),
                _ => text_length(value, 3, 280).err(),
            })
            .flatten(),
        "visibility" => {
            (!matches!(value, "public" | "unlisted")).then_some(MessageKey::FieldRequired)
        }
        "organizer_notify" => {
            (!matches!(value, "each" | "daily" | "none")).then_some(MessageKey::FieldRequired)
        }
        "reminders" => (!REMINDERS.iter().any(|(choice, _, _)| *choice == value))
            .then_some(MessageKey::FieldRequired),
        _ => None,
    }
}

/// An image's alt text: what it shows, for people who cannot see it (3 to 200 characters).
pub fn check_image_alt(value: &str) -> Result<String, MessageKey> {
    text_length(value, 3, 200).map_err(|key| match key {
        MessageKey::FieldRequired => MessageKey::ImageAltRequired,
        other => other,
    })
}

/// The organizer's word to registrants when cancelling: optional, at most 2,000 characters.
pub fn check_cancellation_message(value: &str) -> Result<Option<String>, MessageKey> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    text_length(value, 1, 2000).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_form() -> EventForm {
        EventForm {
            title: "Atelier Rust à Lyon".into(),
            summary: "Deux heures pour écrire son premier service web.".into(),
            description: "Apportez votre **ordinateur**.".into(),
            category: "formation".into(),
            starts_at: "2030-03-10T18:00".into(),
            ends_at: "2030-03-10T20:00".into(),
            city: "Lyon".into(),
            price: "12,50".into(),
            capacity: "40".into(),
            free_food: "on".into(),
            free_food_details: "Pizzas et boissons".into(),
            diet_vegan: "on".into(),
            ..EventForm::new_event()
        }
    }

    #[test]
    fn a_complete_form_gives_typed_values() {
        let valid = valid_form().validate().expect("valid");
        assert_eq!(valid.price_cents, 1250);
        assert_eq!(valid.capacity, Some(40));
        assert_eq!(valid.dietary_tags, vec!["vegan".to_owned()]);
        assert_eq!(valid.reminder_offsets, vec![1440, 120]);
        assert_eq!(valid.online_url, None);
        assert!(valid.free_food && !valid.unlisted);
    }

    #[test]
    fn bad_input_is_named_field_by_field() {
        let form = EventForm {
            title: "<b".into(),
            ends_at: "2030-03-10T17:00".into(),
            capacity: "0".into(),
            price: "-3".into(),
            mode: "hybrid".into(),
            online_url: "javascript:alert(1)".into(),
            latitude: "45.76".into(),
            free_food_details: String::new(),
            registration_deadline: "2030-03-11T09:00".into(),
            ..valid_form()
        };
        let errors = form.validate().expect_err("invalid");
        assert_eq!(errors.get("title"), Some(MessageKey::FieldTooShort));
        assert_eq!(errors.get("ends_at"), Some(MessageKey::EndBeforeStart));
        assert_eq!(errors.get("capacity"), Some(MessageKey::CapacityInvalid));
        assert_eq!(errors.get("price"), Some(MessageKey::PriceInvalid));
        assert_eq!(errors.get("online_url"), Some(MessageKey::LinkMustBeHttps));
        assert_eq!(errors.get("latitude"), Some(MessageKey::CoordinateInvalid));
        assert_eq!(
            errors.get("free_food_details"),
            Some(MessageKey::FreeFoodDetailsRequired)
        );
        assert_eq!(
            errors.get("registration_deadline"),
            Some(MessageKey::DeadlineAfterEnd)
        );
    }

    #[test]
    fn fields_that_do_not_apply_are_neither_checked_nor_kept() {
        let form = EventForm {
            mode: "online".into(),
            city: String::new(),
            venue_name: "x".repeat(500),
            online_url: "https://visio.exemple.fr/salle?id=4".into(),
            free_food: String::new(),
            free_food_details: "reste d’un essai".into(),
            ..valid_form()
        };
        let valid = form.validate().expect("valid");
        assert_eq!(valid.city, None);
        assert_eq!(valid.venue_name, None);
        assert_eq!(valid.free_food_details, None);
        assert!(valid.dietary_tags.is_empty());
    }

    #[test]
    fn prices_links_and_capacities() {
        assert_eq!(parse_price(""), Ok(0));
        assert_eq!(parse_price("12"), Ok(1200));
        assert_eq!(parse_price("12.5"), Ok(1250));
        assert_eq!(parse_price("1 250,00 €"), Ok(125_000));
        assert_eq!(parse_price("12,555"), Err(MessageKey::PriceInvalid));
        assert_eq!(parse_price("abc"), Err(MessageKey::PriceInvalid));
        assert_eq!(parse_price("100001"), Err(MessageKey::PriceTooHigh));
        assert_eq!(
            parse_price("99999999999999999999"),
            Err(MessageKey::PriceTooHigh)
        );
        assert_eq!(parse_capacity(""), Ok(None));
        assert_eq!(parse_capacity("-1"), Err(MessageKey::CapacityInvalid));
        assert_eq!(parse_capacity("1.5"), Err(MessageKey::CapacityInvalid));
        assert!(check_online_url("https://meet.exemple.fr/abc").is_ok());
        assert_eq!(
            check_online_url("http://meet.exemple.fr"),
            Err(MessageKey::LinkMustBeHttps)
        );
        assert_eq!(
            check_online_url("JavaScript:alert(1)"),
            Err(MessageKey::LinkMustBeHttps)
        );
        assert_eq!(
            check_online_url("https://exemple"),
            Err(MessageKey::LinkInvalid)
        );
        assert_eq!(
            check_online_url("https://a.fr/\"><script>"),
            Err(MessageKey::LinkInvalid)
        );
        assert_eq!(
            parse_local("2030-02-30T10:00"),
            Err(MessageKey::DateInvalid)
        );
        assert!(parse_local("2030-02-28T10:00:30").is_ok());
    }

    #[test]
    fn dates_and_coordinates_are_read_strictly() {
        assert_eq!(
            parse_local("2030-02-30T10:00"),
            Err(MessageKey::DateInvalid)
        );
        assert_eq!(parse_local("2030-2-28T10:00"), Err(MessageKey::DateInvalid));
        assert_eq!(
            parse_local("2030-02-28T25:00"),
            Err(MessageKey::DateInvalid)
        );
        assert_eq!(
            parse_local("1999-12-31T10:00"),
            Err(MessageKey::DateInvalid)
        );
        assert_eq!(parse_local("demain"), Err(MessageKey::DateInvalid));
        let with_seconds = parse_local("2030-02-28T10:00:30").map(|d| d.to_string());
        assert_eq!(with_seconds, Ok("2030-02-28 10:00:30".into()));
        let spaced = parse_local(" 2030-02-28 07:05 ").map(|d| d.to_string());
        assert_eq!(spaced, Ok("2030-02-28 07:05:00".into()));
        let lat = parse_coordinate("45.742100", 90.0)
            .expect("valid")
            .expect("some");
        assert!((lat - 45.7421).abs() < 1e-9);
        let lon = parse_coordinate("-4,8176", 180.0)
            .expect("valid")
            .expect("some");
        assert!((lon + 4.8176).abs() < 1e-9);
        assert_eq!(
            parse_coordinate("91", 90.0),
            Err(MessageKey::CoordinateInvalid)
        );
        assert_eq!(
            parse_coordinate("4e5", 90.0),
            Err(MessageKey::CoordinateInvalid)
        );
        assert_eq!(
            parse_coordinate("NaN", 90.0),
            Err(MessageKey::CoordinateInvalid)
        );
        assert_eq!(parse_coordinate("", 90.0), Ok(None));
    }

    #[test]
    fn control_characters_in_text_are_refused() {
        let form = EventForm {
            title: "Atelier\u{202E}Rust".into(),
            ..valid_form()
        };
        assert_eq!(
            form.errors().get("title"),
            Some(MessageKey::FieldControlChars)
        );
    }
}
