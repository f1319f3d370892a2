//! Every mail Meetral sends, as typed data. A `Mail` is stored in the outbox as its template name plus a
//! JSON payload and rendered by the worker at send time, in the recipient's language.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::notifications::model::NotificationKind;

/// What a mail says about an event. Times are instants; they are shown in `time_zone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFacts {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    /// Venue, address and city on one line; `None` for online-only events.
    pub place: Option<String>,
    pub online: bool,
}

/// One seat of a registration: the code that opens `/tickets/{code}` and the text the QR code holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketFacts {
    pub code: String,
    pub attendee_name: String,
    pub qr_payload: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModerationOutcome {
    Approved,
    Rejected,
    ChangesRequested,
}

/// What happened to a registration, for the organizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantChange {
    Registered,
    Waitlisted,
    Cancelled,
}

/// A change to how an account signs in, which its owner is told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecurityChange {
    PasswordChanged,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorDisabled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "template", content = "payload", rename_all = "snake_case")]
pub enum Mail {
    /// Link to `/verify/{token}` after signup.
    AccountVerification { full_name: String, token: String },
    /// Someone signed up with an address that already has an account (the form does not say so).
    AccountExists { full_name: String },
    /// The password or the second factor changed.
    SecurityNotice {
        full_name: String,
        change: SecurityChange,
    },
    /// Link to `/password/reset/{token}`, valid one hour.
    PasswordReset { full_name: String, token: String },
    /// Sent to the new address: confirm it through `/verify/{token}`.
    EmailChangeConfirmation {
        full_name: String,
        new_email: String,
        token: String,
    },
    /// Sent to the old address once the change is requested.
    EmailChangeNotice {
        full_name: String,
        new_email: String,
    },
    /// The tickets, each with its QR code inline, and the event as an .ics attachment.
    RegistrationConfirmed {
        full_name: String,
        event: EventFacts,
        tickets: Vec<TicketFacts>,
        /// Price label when the event is paid (reservation paid on site).
        pay_on_site: Option<String>,
        /// Opens `/manage/{token}` (see or cancel the registration without an account).
        #[serde(default)]
        manage_token: Option<String>,
    },
    /// On the waitlist; `/manage/{token}` shows the place in line and leaves it.
    WaitlistJoined {
        full_name: String,
        event: EventFacts,
        manage_token: String,
    },
    /// The participant cancelled (or the offer lapsed): the seat is given back.
    RegistrationCancelled {
        full_name: String,
        event: EventFacts,
        offer_expired: bool,
    },
    /// To the organizer, when their settings ask for each registration or cancellation.
    OrganizerActivity {
        event: EventFacts,
        full_name: String,
        seats: i32,
        change: ParticipantChange,
        seats_taken: i32,
        capacity: Option<i32>,
    },
    /// To the organizer once a day, when their settings ask for a digest.
    OrganizerDigest {
        event: EventFacts,
        registered: i64,
        cancelled: i64,
        seats_taken: i32,
        capacity: Option<i32>,
    },
    /// An organizer's message to everyone registered.
    ParticipantMessage {
        event: EventFacts,
        organizer_name: String,
        subject: String,
        body: String,
    },
    /// Join the door team of an event through `/invitations/{token}`.
    CoOrganizerInvitation {
        event: EventFacts,
        inviter_name: String,
        token: String,
    },
    EventReminder {
        full_name: String,
        event: EventFacts,
        ticket_codes: Vec<String>,
    },
    /// The event moved (date, time or place); `previous_*` say what it was.
    EventChanged {
        full_name: String,
        event: EventFacts,
        previous_starts_at: Option<DateTime<Utc>>,
        previous_place: Option<String>,
    },
    EventCancelled {
        full_name: String,
        event: EventFacts,
        message: Option<String>,
    },
    /// A seat freed: accept through `/tickets/offer/{token}` before `expires_at`.
    WaitlistOffer {
        full_name: String,
        event: EventFacts,
        token: String,
        expires_at: DateTime<Utc>,
    },
    ModerationDecision {
        full_name: String,
        event_id: i64,
        event_slug: String,
        event_title: String,
        outcome: ModerationOutcome,
        reason: Option<String>,
    },
    /// An admin's announcement to a segment of users.
    Announcement {
        full_name: String,
        subject: String,
        body: String,
    },
    ReportAcknowledgement {
        event_slug: String,
        event_title: String,
    },
    /// A visitor's message, to the team (reply goes to the visitor).
    ContactFormTeam {
        contact_message_id: i64,
        from_name: String,
        reply_to: String,
        subject: String,
    },
    /// Acknowledgement to the visitor, with the subject of their message (not its text: a public
    /// form must not relay a stranger's words to any address).
    ContactFormCopy { full_name: String, subject: String },
}

impl Mail {
    /// The outbox's `template` column.
    pub fn template(&self) -> &'static str {
        match self {
            Mail::AccountVerification { .. } => "account_verification",
            Mail::AccountExists { .. } => "account_exists",
            Mail::SecurityNotice { .. } => "security_notice",
            Mail::PasswordReset { .. } => "password_reset",
            Mail::EmailChangeConfirmation { .. } => "email_change_confirmation",
            Mail::EmailChangeNotice { .. } => "email_change_notice",
            Mail::RegistrationConfirmed { .. } => "registration_confirmed",
            Mail::EventReminder { .. } => "event_reminder",
            Mail::EventChanged { .. } => "event_changed",
            Mail::EventCancelled { .. } => "event_cancelled",
            Mail::WaitlistOffer { .. } => "waitlist_offer",
            Mail::WaitlistJoined { .. } => "waitlist_joined",
            Mail::RegistrationCancelled { .. } => "registration_cancelled",
            Mail::OrganizerActivity { .. } => "organizer_activity",
            Mail::OrganizerDigest { .. } => "organizer_digest",
            Mail::ParticipantMessage { .. } => "participant_message",
            Mail::CoOrganizerInvitation { .. } => "co_organizer_invitation",
            Mail::ModerationDecision { .. } => "moderation_decision",
            Mail::ReportAcknowledgement { .. } => "report_acknowledgement",
            Mail::Announcement { .. } => "announcement",
            Mail::ContactFormTeam { .. } => "contact_form_team",
            Mail::ContactFormCopy { .. } => "contact_form_copy",
        }
    }

    /// Set for mails the recipient may refuse (the kind they refuse); they carry List-Unsubscribe.
    pub fn optional(&self) -> Option<NotificationKind> {
        match self {
            Mail::EventReminder { .. } => Some(NotificationKind::EventReminder),
            Mail::ReportAcknowledgement { .. } => Some(NotificationKind::ReportUpdate),
            _ => None,
        }
        .filter(|kind| kind.email_optional())
    }

    /// The outbox's `payload` column.
    pub fn payload(&self) -> Value {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut map)) => map.remove("payload").unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    /// Reads a stored mail back; an unknown template or a payload of the wrong shape is an error.
    pub fn from_row(template: &str, payload: Value) -> Result<Mail, String> {
        serde_json::from_value(serde_json::json!({ "template": template, "payload": payload }))
            .map_err(|e| format!("template {template}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_survives_the_outbox_columns() {
        let mail = Mail::PasswordReset {
            full_name: "Léa".into(),
            token: "abc".into(),
        };
        assert_eq!(mail.template(), "password_reset");
        let back = Mail::from_row(mail.template(), mail.payload()).expect("reads back");
        assert_eq!(back, mail);
        assert!(Mail::from_row("nope", serde_json::json!({})).is_err());
        assert!(Mail::from_row("password_reset", serde_json::json!({"token": 3})).is_err());
    }
}
