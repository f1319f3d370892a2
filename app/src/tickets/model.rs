//! What a registration form holds, checked with the same rules in the browser and on the server.

use crate::{
    accounts::model::{check_full_name, check_phone},
    error::FieldErrors,
    i18n::MessageKey,
    validation::Email,
};

/// The most seats one registration may take, whatever the event allows (the table's CHECK).
pub const SEATS_MAX: u32 = 20;

/// A guest's registration (no account): who, how to reach them, how many seats, consent given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestDetails {
    pub full_name: String,
    pub email: Email,
    pub phone: Option<String>,
}

pub fn check_seats(value: &str, allowed: u32) -> Result<u32, MessageKey> {
    match value.trim().parse::<u32>() {
        Ok(n) if (1..=allowed.min(SEATS_MAX)).contains(&n) => Ok(n),
        _ => Err(MessageKey::SeatsInvalid),
    }
}

impl GuestDetails {
    /// Every field checked, all failures reported at once under the form's field names. `consent` is
    /// the checkbox's value (present when ticked).
    pub fn parse(
        full_name: &str,
        email: &str,
        phone: &str,
        consent: bool,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let full_name = check_full_name(full_name)
            .map_err(|e| errors.add("full_name", e))
            .ok();
        let email = Email::parse(email).map_err(|e| errors.add("email", e)).ok();
        let phone = check_phone(phone).map_err(|e| errors.add("phone", e)).ok();
        if !consent {
            errors.add("consent", MessageKey::RegistrationConsentRequired);
        }
        match (full_name, email, phone, consent) {
            (Some(full_name), Some(email), Some(phone), true) => Ok(Self {
                full_name,
                email,
                phone,
            }),
            _ => Err(errors),
        }
    }
}

/// A ticket as its page shows it. `qr_svg` is drawn by the server from the signed payload.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TicketView {
    pub code: String,
    pub attendee_name: String,
    pub status: TicketStatus,
    /// "19:42" in the event's zone when it was used at the door.
    pub used_at: Option<String>,
    pub event_title: String,
    pub event_slug: String,
    /// Date and time in the event's zone, in the viewer's language.
    pub when: String,
    pub starts_iso: String,
    pub place: Option<String>,
    pub directions: Option<String>,
    pub online: bool,
    /// The link to join an online event (the ticket's code is the key to it).
    pub online_url: Option<String>,
    pub qr_svg: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TicketStatus {
    Valid,
    Used,
    Cancelled,
}

impl TicketStatus {
    pub fn from_db(value: &str) -> TicketStatus {
        match value {
            "used" => TicketStatus::Used,
            "cancelled" => TicketStatus::Cancelled,
            _ => TicketStatus::Valid,
        }
    }

    pub fn label(self) -> MessageKey {
        match self {
            TicketStatus::Valid => MessageKey::TicketValid,
            TicketStatus::Used => MessageKey::TicketUsed,
            TicketStatus::Cancelled => MessageKey::TicketCancelled,
        }
    }
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RegistrationState {
    Registered,
    Waitlisted,
    Offered,
    Cancelled,
}

impl RegistrationState {
    pub fn label(self) -> MessageKey {
        match self {
            RegistrationState::Registered => MessageKey::StateRegistered,
            RegistrationState::Waitlisted => MessageKey::StateWaitlisted,
            RegistrationState::Offered => MessageKey::StateOffered,
            RegistrationState::Cancelled => MessageKey::StateCancelled,
        }
    }
}

/// One ticket of a registration, as its manage page lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ManagedTicket {
    pub code: String,
    pub attendee_name: String,
    pub status: TicketStatus,
}

/// A registration seen through its private link.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ManageView {
    pub full_name: String,
    pub state: RegistrationState,
    pub seats: i32,
    pub event_title: String,
    pub event_slug: String,
    pub when: String,
    /// Until when self-cancel is open, in the event's zone.
    pub cancel_until: String,
    pub can_cancel: bool,
    /// 1 for the first in line.
    pub waitlist_position: Option<i64>,
    pub tickets: Vec<ManagedTicket>,
}

/// A ticket of the signed-in person, for "Mes billets".
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WalletTicket {
    pub code: String,
    pub attendee_name: String,
    pub event_title: String,
    pub when: String,
    /// The start with the event's offset (ISO 8601).
    pub starts_iso: String,
    pub status: TicketStatus,
    /// The event has ended.
    pub past: bool,
}

/// A waitlist offer as its page shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OfferView {
    pub event_title: String,
    pub event_slug: String,
    pub when: String,
    pub state: RegistrationState,
    pub expires: Option<String>,
    pub expired: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_stay_within_what_the_event_allows() {
        assert_eq!(check_seats("2", 4), Ok(2));
        assert_eq!(check_seats("5", 4), Err(MessageKey::SeatsInvalid));
        assert_eq!(check_seats("0", 4), Err(MessageKey::SeatsInvalid));
        assert_eq!(check_seats("-1", 4), Err(MessageKey::SeatsInvalid));
        assert_eq!(check_seats("99", 99), Err(MessageKey::SeatsInvalid));
    }

    #[test]
    fn a_guest_needs_a_name_an_email_and_consent() {
        let errors = GuestDetails::parse("", "pas-un-email", "", false).expect_err("refused");
        for field in ["full_name", "email", "consent"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let guest = GuestDetails::parse(" Léa Martin ", "Lea@Example.fr", "", true).expect("valid");
        assert_eq!(guest.full_name, "Léa Martin");
        assert_eq!(guest.phone, None);
    }
}
