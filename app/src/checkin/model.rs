//! What the door sees: a verdict per scan, the counters, a ticket found by search, the offline kit.

use serde::{Deserialize, Serialize};

use crate::i18n::MessageKey;

/// The answer to one scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Valid and now marked used.
    Admitted,
    AlreadyUsed,
    OtherEvent,
    Cancelled,
    /// Well formed but no such ticket, or a forged / damaged payload.
    Unknown,
}

impl Verdict {
    pub fn message(self) -> MessageKey {
        match self {
            Verdict::Admitted => MessageKey::CheckinAdmitted,
            Verdict::AlreadyUsed => MessageKey::CheckinAlreadyUsed,
            Verdict::OtherEvent => MessageKey::CheckinOtherEvent,
            Verdict::Cancelled => MessageKey::CheckinCancelledTicket,
            Verdict::Unknown => MessageKey::CheckinUnknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub checked_in: i64,
    pub registered: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanResult {
    pub verdict: Verdict,
    pub attendee_name: Option<String>,
    /// "19:42" in the event's zone, for a ticket already used.
    pub used_at: Option<String>,
    /// The ticket judged, so the device's offline list learns it was used.
    pub ticket_id: Option<i64>,
    pub counts: Counts,
}

/// A ticket found by name, email or code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoorTicket {
    pub code: String,
    pub attendee_name: String,
    pub email: String,
    pub status: String,
    pub used_at: Option<String>,
}

/// What a door device keeps to judge tickets without a network: the event's signing key and every
/// ticket's id, status and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfflineKit {
    pub event_id: i64,
    /// The event's HMAC key, base64url.
    pub key: String,
    pub tickets: Vec<OfflineTicket>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfflineTicket {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub status: String,
}

/// A scan made offline, replayed when the device is back online.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuedScan {
    pub value: String,
    /// When it was scanned (milliseconds since 1970, the device's clock).
    pub at: i64,
}

/// How a replayed scan ended: `conflict` when the device admitted someone the server refuses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncedScan {
    pub value: String,
    pub verdict: Verdict,
    pub attendee_name: Option<String>,
    pub used_at: Option<String>,
    pub conflict: bool,
}

/// The check-in page's header: the event and who may do what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoorEvent {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub when: String,
    pub counts: Counts,
    /// The organizer (or a manager): may invite co-organizers.
    pub can_invite: bool,
    pub team: Vec<TeamMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub name: String,
    pub email: String,
    /// An invitation not accepted yet.
    pub pending: bool,
}
