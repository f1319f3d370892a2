//! iCalendar (RFC 5545) documents: one event in a mail, or a feed of events.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike};

pub struct CalendarEntry<'a> {
    /// Stable across updates, so calendar apps replace the entry instead of adding a second one.
    pub uid: String,
    pub title: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: Option<&'a str>,
    pub url: String,
    pub description: Option<&'a str>,
    pub cancelled: bool,
}

/// The stable UID of an event in every calendar document Meetral produces.
pub fn event_uid(event_id: i64) -> String {
    format!("event-{event_id}@meetral.fr")
}

pub fn document(name: &str, entries: &[CalendarEntry]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for entry in entries {
        let mut event = icalendar::Event::new();
        event
            .uid(&entry.uid)
            .summary(entry.title)
            .starts(entry.starts_at)
            .ends(entry.ends_at)
            .url(&entry.url);
        if let Some(location) = entry.location {
            event.location(location);
        }
        if let Some(description) = entry.description {
            event.description(description);
        }
        if entry.cancelled {
            event.status(icalendar::EventStatus::Cancelled);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_event_becomes_a_vevent_in_utc() {
        let starts = Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 0, 0)
            .single()
            .expect("date");
        let ics = document(
            "Meetral",
            &[CalendarEntry {
                uid: event_uid(7),
                title: "Afterwork, FreeFood; buffet",
                starts_at: starts,
                ends_at: starts + chrono::Duration::hours(2),
                location: Some("H7, Lyon"),
                url: "https://meetral.fr/events/afterwork".into(),
                description: None,
                cancelled: false,
            }],
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR"));
        assert!(ics.contains("UID:event-7@meetral.fr"));
        assert!(ics.contains("DTSTART:20261205T180000Z"));
        assert!(ics.contains("SUMMARY:Afterwork\\, FreeFood\\; buffet"));
        assert!(ics.contains("LOCATION:H7\\, Lyon"));
    }
}
