use serde::{Deserialize, Serialize};

/// The types of notification. Preferences are kept per type; the database CHECKs the same list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    RegistrationConfirmed,
    EventReminder,
    EventChanged,
    EventCancelled,
    WaitlistOffer,
    ModerationDecision,
    ReportUpdate,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 7] = [
        NotificationKind::RegistrationConfirmed,
        NotificationKind::EventReminder,
        NotificationKind::EventChanged,
        NotificationKind::EventCancelled,
        NotificationKind::WaitlistOffer,
        NotificationKind::ModerationDecision,
        NotificationKind::ReportUpdate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::RegistrationConfirmed => "registration_confirmed",
            NotificationKind::EventReminder => "event_reminder",
            NotificationKind::EventChanged => "event_changed",
            NotificationKind::EventCancelled => "event_cancelled",
            NotificationKind::WaitlistOffer => "waitlist_offer",
            NotificationKind::ModerationDecision => "moderation_decision",
            NotificationKind::ReportUpdate => "report_update",
        }
    }

    pub fn from_code(code: &str) -> Option<NotificationKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Whether the email can be switched off. The others are the service itself: the ticket, a
    /// change or cancellation of an event you hold a ticket for, a time-limited seat offer, the
    /// decision on your own event. (Account mails are not notifications and are always sent.)
    pub fn email_optional(self) -> bool {
        matches!(
            self,
            NotificationKind::EventReminder | NotificationKind::ReportUpdate
        )
    }
}

/// One line of the notification centre, already formatted for the viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationItem {
    pub id: i64,
    pub kind: NotificationKind,
    /// For moderation decisions: approved, rejected or changes_requested.
    pub outcome: Option<String>,
    /// What it is about (the event's title).
    pub subject: String,
    pub link: String,
    pub read: bool,
    pub when_label: String,
    pub when_iso: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub items: Vec<NotificationItem>,
    pub page: i64,
    pub has_older: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferenceRow {
    pub kind: NotificationKind,
    pub by_email: bool,
    pub in_app: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(NotificationKind::from_code("nope"), None);
    }
}
