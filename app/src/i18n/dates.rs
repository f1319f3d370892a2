//! Dates shown to people: in the event's own time zone, in the viewer's language (server side only,
//! so the time-zone database never ships in the WASM).

use super::Locale;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The zone events are assumed to be in when nothing else is said; shown only when an event differs.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Europe::Paris;

pub fn parse_time_zone(name: &str) -> Tz {
    name.parse().unwrap_or(DEFAULT_TIME_ZONE)
}

/// "samedi 5 décembre 2026 · 19:00" / "Saturday, December 5, 2026 · 7:00 PM", plus the zone name
/// when the event is not in the default zone.
pub fn format_event_start(at: DateTime<Utc>, time_zone: &str, locale: Locale) -> String {
    let tz = parse_time_zone(time_zone);
    let local = at.with_timezone(&tz);
    let text = match locale {
        Locale::Fr => local
            .format_localized("%A %-d %B %Y · %H:%M", chrono::Locale::fr_FR)
            .to_string(),
        Locale::En => local
            .format_localized("%A, %B %-d, %Y · %-I:%M %p", chrono::Locale::en_US)
            .to_string(),
    };
    if tz == DEFAULT_TIME_ZONE {
        text
    } else {
        format!("{text} ({})", tz.name())
    }
}

/// Short form for cards: "sam. 5 déc. · 19:00" / "Sat, Dec 5 · 7:00 PM".
pub fn format_event_start_short(at: DateTime<Utc>, time_zone: &str, locale: Locale) -> String {
    let local = at.with_timezone(&parse_time_zone(time_zone));
    match locale {
        Locale::Fr => local
            .format_localized("%a %-d %b · %H:%M", chrono::Locale::fr_FR)
            .to_string(),
        Locale::En => local
            .format_localized("%a, %b %-d · %-I:%M %p", chrono::Locale::en_US)
            .to_string(),
    }
}

/// A moment of the site's own life (a sign-in, a device last seen) in Paris time: "25 nov. 2026 · 08:15"
/// / "Nov 25, 2026 · 8:15 AM".
pub fn format_moment(at: DateTime<Utc>, locale: Locale) -> String {
    let local = at.with_timezone(&DEFAULT_TIME_ZONE);
    match locale {
        Locale::Fr => local
            .format_localized("%-d %b %Y · %H:%M", chrono::Locale::fr_FR)
            .to_string(),
        Locale::En => local
            .format_localized("%b %-d, %Y · %-I:%M %p", chrono::Locale::en_US)
            .to_string(),
    }
}

/// Machine-readable instant with the event's offset, for `<time datetime>`.
pub fn iso_with_offset(at: DateTime<Utc>, time_zone: &str) -> String {
    at.with_timezone(&parse_time_zone(time_zone))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn french_dates_use_the_event_zone() {
        // 18:00 UTC in December is 19:00 in Paris (UTC+1).
        let at = Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 0, 0)
            .single()
            .expect("valid date");
        assert_eq!(
            format_event_start(at, "Europe/Paris", Locale::Fr),
            "samedi 5 décembre 2026 · 19:00"
        );
        assert_eq!(
            format_event_start(at, "Europe/Paris", Locale::En),
            "Saturday, December 5, 2026 · 7:00 PM"
        );
    }

    #[test]
    fn other_zones_are_named() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 0, 0)
            .single()
            .expect("valid date");
        assert_eq!(
            format_event_start(at, "America/Martinique", Locale::Fr),
            "samedi 5 décembre 2026 · 14:00 (America/Martinique)"
        );
        assert_eq!(
            iso_with_offset(at, "Europe/Paris"),
            "2026-12-05T19:00:00+01:00"
        );
    }

    #[test]
    fn unknown_zone_falls_back_to_paris() {
        let at = Utc
            .with_ymd_and_hms(2026, 7, 14, 20, 0, 0)
            .single()
            .expect("valid date");
        assert_eq!(
            format_event_start_short(at, "Mars/Olympus", Locale::Fr),
            "mar. 14 juil. · 22:00"
        );
    }
}
