//! The platform's settings, edited at `/admin/settings`: moderation thresholds, limits and
//! registration rules. Stored as one JSON row; a missing key takes its default, so adding a
//! setting needs no migration.

use serde::{Deserialize, Serialize};

use crate::{error::FieldErrors, i18n::MessageKey};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlatformSettings {
    /// Trusted organizers whose submission scores at most `auto_publish_max_score` are published at once.
    pub auto_publish_trusted: bool,
    pub auto_publish_max_score: u32,
    /// More links than this in a description is a finding.
    pub max_links: u32,
    /// An account younger than this many days is "new".
    pub new_account_days: u32,
    /// A new account submitting more than this many events in 24 hours is a burst.
    pub burst_limit: u32,
    /// Open reports (from different people) that hide an event until a moderator reviews it.
    pub report_threshold: u32,
    /// Submissions allowed per organizer and day (anyone).
    pub max_submissions_per_day: u32,
    /// Whether visitors may register without an account.
    pub guest_registration: bool,
    /// Guests' personal data is erased this many days after their event ended.
    pub guest_retention_days: u32,
}

impl Default for PlatformSettings {
    fn default() -> Self {
        PlatformSettings {
            auto_publish_trusted: true,
            auto_publish_max_score: 19,
            max_links: 5,
            new_account_days: 7,
            burst_limit: 3,
            report_threshold: 3,
            max_submissions_per_day: 10,
            guest_registration: true,
            guest_retention_days: 180,
        }
    }
}

/// The bounds of each number, checked when an admin saves the form.
const BOUNDS: [(&str, u32, u32); 7] = [
    ("auto_publish_max_score", 0, 100),
    ("max_links", 0, 50),
    ("new_account_days", 0, 365),
    ("burst_limit", 1, 100),
    ("report_threshold", 1, 100),
    ("max_submissions_per_day", 1, 1000),
    ("guest_retention_days", 1, 3650),
];

impl PlatformSettings {
    /// Reads the settings form (numbers as typed; checkboxes present when ticked).
    pub fn parse(field: &dyn Fn(&str) -> Option<String>) -> Result<PlatformSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut numbers = [0u32; 7];
        for (slot, (name, min, max)) in numbers.iter_mut().zip(BOUNDS) {
            match field(name).unwrap_or_default().trim().parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => *slot = n,
                Ok(_) => errors.add(name, MessageKey::NumberOutOfRange),
                Err(_) => errors.add(name, MessageKey::NumberOutOfRange),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let ticked = |name: &str| field(name).is_some_and(|v| !v.is_empty());
        let [
            auto_publish_max_score,
            max_links,
            new_account_days,
            burst_limit,
            report_threshold,
            max_submissions_per_day,
            guest_retention_days,
        ] = numbers;
        Ok(PlatformSettings {
            auto_publish_trusted: ticked("auto_publish_trusted"),
            auto_publish_max_score,
            max_links,
            new_account_days,
            burst_limit,
            report_threshold,
            max_submissions_per_day,
            guest_registration: ticked("guest_registration"),
            guest_retention_days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_take_their_defaults() {
        let partial: PlatformSettings =
            serde_json::from_value(serde_json::json!({ "report_threshold": 5 })).expect("settings");
        assert_eq!(partial.report_threshold, 5);
        assert_eq!(partial.max_links, PlatformSettings::default().max_links);
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        let form = |name: &str| match name {
            "auto_publish_max_score" => Some("200".to_owned()),
            "max_links" => Some("abc".to_owned()),
            "auto_publish_trusted" => Some("on".to_owned()),
            _ => Some("3".to_owned()),
        };
        let errors = PlatformSettings::parse(&form).expect_err("invalid");
        assert_eq!(
            errors.get("auto_publish_max_score"),
            Some(MessageKey::NumberOutOfRange)
        );
        assert_eq!(errors.get("max_links"), Some(MessageKey::NumberOutOfRange));
        let good = |name: &str| match name {
            "guest_registration" => None,
            "auto_publish_trusted" => Some("on".to_owned()),
            _ => Some("4".to_owned()),
        };
        let settings = PlatformSettings::parse(&good).expect("valid");
        assert!(settings.auto_publish_trusted && !settings.guest_registration);
        assert_eq!(settings.report_threshold, 4);
    }
}

/// A forbidden word or phrase (2–80 characters, kept lower case) or a blocked domain (a host name
/// such as `bit.ly`). Errors name the field.
pub fn check_term(kind: &str, term: &str) -> Result<String, (&'static str, MessageKey)> {
    let term = term.trim().to_lowercase();
    if !matches!(kind, "word_fr" | "word_en" | "domain") {
        return Err(("kind", MessageKey::FieldRequired));
    }
    let length = term.chars().count();
    if length < 2 {
        return Err(("term", MessageKey::FieldTooShort));
    }
    if length > 80 {
        return Err(("term", MessageKey::FieldTooLong));
    }
    let host_like = term.contains('.')
        && term
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !term.starts_with('.')
        && !term.ends_with('.');
    if kind == "domain" && !host_like {
        return Err(("term", MessageKey::LinkInvalid));
    }
    if term.chars().any(char::is_control) {
        return Err(("term", MessageKey::FieldControlChars));
    }
    Ok(term)
}

#[cfg(test)]
mod term_tests {
    use super::*;

    #[test]
    fn words_and_domains_are_checked() {
        assert_eq!(check_term("word_fr", " Arnaque "), Ok("arnaque".into()));
        assert_eq!(check_term("domain", "Bit.ly"), Ok("bit.ly".into()));
        assert_eq!(
            check_term("domain", "pas un domaine"),
            Err(("term", MessageKey::LinkInvalid))
        );
        assert_eq!(
            check_term("word_en", "a"),
            Err(("term", MessageKey::FieldTooShort))
        );
        assert_eq!(
            check_term("other", "abc"),
            Err(("kind", MessageKey::FieldRequired))
        );
    }
}

/// `/admin`: the platform at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub users: i64,
    pub suspended_users: i64,
    pub new_users_week: i64,
    /// (status, count), every status present.
    pub events_by_status: Vec<(String, i64)>,
    pub tickets_issued: i64,
    pub tickets_used: i64,
    /// Percent of issued, not cancelled tickets that were scanned at the door (past events).
    pub checkin_rate: Option<i64>,
    pub open_reports: i64,
    pub pending_reviews: i64,
    pub failed_mails: i64,
    /// Registrations per day over the last 30 days (oldest first): (ISO date, label, count).
    pub registrations: Vec<(String, String, i64)>,
    pub recent: Vec<AuditLine>,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub id: i64,
    pub when_label: String,
    pub actor: Option<String>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    /// Before/after and other details, pretty-printed JSON.
    pub details: String,
    pub ip: Option<String>,
}

/// A line of the users list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    /// active, suspended or deleted.
    pub state: String,
    pub joined_label: String,
    pub events: i64,
    pub registrations: i64,
}

/// What the users list is filtered by (from the query string; anything unknown is ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<String>,
    pub state: Option<String>,
    pub page: i64,
}

impl UserFilter {
    pub fn from_query(get: &dyn Fn(&str) -> Option<String>) -> UserFilter {
        let nonempty = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        UserFilter {
            q: nonempty("q").map(|q| q.chars().take(100).collect()),
            role: nonempty("role").filter(|r| matches!(r.as_str(), "user" | "moderator" | "admin")),
            state: nonempty("state")
                .filter(|s| matches!(s.as_str(), "active" | "suspended" | "deleted")),
            page: nonempty("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(0_i64)
                .clamp(0, 10_000),
        }
    }
}

/// A user's page in the back-office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    pub row: UserRow,
    pub trusted: bool,
    pub two_factor: bool,
    pub email_verified: bool,
    pub suspension_reason: Option<String>,
    pub suspended_until: Option<String>,
    pub events: Vec<EventRow>,
    /// (event id, event title, registration status, date label).
    pub registrations: Vec<(i64, String, String, String)>,
    pub activity: Vec<AuditLine>,
    pub moderation: Vec<crate::moderation::model::ActionLine>,
}

/// A line of the events list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub status: String,
    pub starts_label: String,
    pub organizer_id: i64,
    pub organizer_name: String,
    pub seats_taken: i32,
    pub capacity: Option<i32>,
    pub deleted: bool,
    pub hidden: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    pub q: Option<String>,
    pub status: Option<String>,
    /// Starting on or after / before these days (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub organizer: Option<i64>,
    pub deleted: bool,
    pub page: i64,
}

impl EventFilter {
    pub fn from_query(get: &dyn Fn(&str) -> Option<String>) -> EventFilter {
        let nonempty = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let day = |name: &str| {
            nonempty(name).filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        };
        EventFilter {
            q: nonempty("q").map(|q| q.chars().take(100).collect()),
            status: nonempty("status").filter(|s| {
                matches!(
                    s.as_str(),
                    "draft"
                        | "pending_review"
                        | "published"
                        | "changes_requested"
                        | "rejected"
                        | "cancelled"
                )
            }),
            from: day("from"),
            to: day("to"),
            organizer: nonempty("organizer").and_then(|o| o.parse().ok()),
            deleted: nonempty("deleted").is_some(),
            page: nonempty("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(0_i64)
                .clamp(0, 10_000),
        }
    }
}

/// An event's page in the back-office: facts, labels, participants and their tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventAdminDetail {
    pub row: EventRow,
    /// (label id, name, given to this event).
    pub labels: Vec<(i64, String, bool)>,
    pub participants: Vec<ParticipantLine>,
    pub history: Vec<AuditLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantLine {
    pub name: String,
    pub email: String,
    pub status: String,
    pub seats: i32,
    pub tickets: Vec<TicketLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketLine {
    pub id: i64,
    pub code: String,
    pub attendee: String,
    pub status: String,
    pub event_id: i64,
    pub event_title: String,
    pub email: String,
    pub checked_in_label: Option<String>,
}

/// A mail the outbox gave up on, or an announcement of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedMail {
    pub id: i64,
    pub to: String,
    pub template: String,
    pub attempts: i32,
    pub error: Option<String>,
    pub when_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementLine {
    pub subject: String,
    pub segment: String,
    pub recipients: i32,
    pub author: String,
    pub when_label: String,
}

pub const SEGMENTS: [&str; 4] = ["all", "organizers", "participants", "staff"];

/// An announcement's subject (3–120 characters) and text (3–5,000). Errors name the field.
pub fn check_announcement(
    segment: &str,
    subject: &str,
    body: &str,
) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    if !SEGMENTS.contains(&segment) {
        errors.add("segment", MessageKey::FieldRequired);
    }
    let (subject, body) = (subject.trim(), body.trim());
    for (field, text, max) in [("subject", subject, 120), ("body", body, 5000)] {
        let n = text.chars().count();
        if n == 0 {
            errors.add(field, MessageKey::FieldRequired);
        } else if n < 3 {
            errors.add(field, MessageKey::FieldTooShort);
        } else if n > max {
            errors.add(field, MessageKey::FieldTooLong);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((subject.to_owned(), body.to_owned()))
}

/// A category or label as the back-office edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRow {
    pub id: i64,
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub position: i32,
    pub built_in: bool,
    pub uses: i64,
}

/// The names of a category or label: a slug (lower case, digits, dashes), names of 1–60 characters,
/// descriptions of at most 280.
pub fn check_named(
    slug: &str,
    name_fr: &str,
    name_en: &str,
    descriptions: (&str, &str),
) -> Result<(String, String, String, String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let slug = slug.trim().to_lowercase();
    let slug_ok = !slug.is_empty()
        && slug.len() <= 60
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !slug_ok {
        errors.add("slug", MessageKey::SlugInvalid);
    }
    for (field, text) in [("name_fr", name_fr.trim()), ("name_en", name_en.trim())] {
        match text.chars().count() {
            0 => errors.add(field, MessageKey::FieldRequired),
            61.. => errors.add(field, MessageKey::FieldTooLong),
            _ => {}
        }
    }
    for (field, text) in [
        ("description_fr", descriptions.0),
        ("description_en", descriptions.1),
    ] {
        if text.trim().chars().count() > 280 {
            errors.add(field, MessageKey::FieldTooLong);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((
        slug,
        name_fr.trim().to_owned(),
        name_en.trim().to_owned(),
        descriptions.0.trim().to_owned(),
        descriptions.1.trim().to_owned(),
    ))
}
