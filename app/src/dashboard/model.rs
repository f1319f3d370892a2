use serde::{Deserialize, Serialize};

use crate::{
    events::model::MyEvent, notifications::model::NotificationItem, tickets::model::WalletTicket,
    ui::chart::Bar,
};

/// Everything `/dashboard` shows, loaded in one server call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub first_name: String,
    /// Tickets of events that have not ended, the soonest first.
    pub upcoming: Vec<WalletTicket>,
    /// Tickets of ended events, the latest first (at most 10).
    pub attended: Vec<WalletTicket>,
    pub organized: Vec<MyEvent>,
    pub notifications: Vec<NotificationItem>,
    pub counters: Counters,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counters {
    /// Events this person created (any status but deleted).
    pub events_organized: i64,
    /// Registrations (not cancelled) for events of any date.
    pub participations: i64,
    /// Tickets scanned at the door.
    pub check_ins: i64,
}

/// Fill rate in percent, `None` without a capacity.
pub fn fill_rate(seats_taken: i32, capacity: Option<i32>) -> Option<i64> {
    let capacity = capacity.filter(|c| *c > 0)?;
    Some((i64::from(seats_taken) * 100 / i64::from(capacity)).min(100))
}

/// An organizer's figures for one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventStats {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub when: String,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    /// Registrations that hold seats now.
    pub registered: i64,
    pub cancelled: i64,
    pub waitlisted: i64,
    /// Tickets that can still be scanned or were scanned, and how many were.
    pub tickets: i64,
    pub checked_in: i64,
    pub page_views: i64,
    /// New registrations per day, from the first one (or 14 days ago) to today or the event day.
    pub registrations_by_day: Vec<Bar>,
    pub views_by_day: Vec<Bar>,
}

impl EventStats {
    /// Check-ins as a share of the tickets issued, in percent.
    pub fn checkin_rate(&self) -> Option<i64> {
        (self.tickets > 0).then(|| self.checked_in * 100 / self.tickets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_rate_is_a_capped_percentage_and_absent_without_capacity() {
        assert_eq!(fill_rate(25, Some(50)), Some(50));
        assert_eq!(fill_rate(3, Some(3)), Some(100));
        assert_eq!(fill_rate(4, Some(3)), Some(100));
        assert_eq!(fill_rate(1, Some(3)), Some(33));
        assert_eq!(fill_rate(10, None), None);
        assert_eq!(fill_rate(10, Some(0)), None);
    }
}
