//! What notifications say about an event, read once per event (not per recipient).

use sqlx::PgConnection;

use crate::ssr::mail::message::EventFacts;

/// "venue, address, postal code city" with the missing parts left out.
pub fn place_line(
    venue: Option<&str>,
    address: Option<&str>,
    postal_code: Option<&str>,
    city: Option<&str>,
) -> Option<String> {
    let town = [postal_code, city]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [venue, address, Some(town.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub struct EventState {
    pub facts: EventFacts,
    pub status: String,
    pub deleted: bool,
    pub organizer_id: i64,
}

/// The event's facts and state, locking the row against concurrent changes (FOR SHARE).
pub async fn load(conn: &mut PgConnection, event_id: i64) -> Result<EventState, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT id, slug, title, starts_at, ends_at, time_zone, venue_name, address_line, postal_code, city,
                attendance_mode, status, deleted_at, organizer_id
         FROM events WHERE id = $1 FOR SHARE",
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let place = if row.attendance_mode == "online" {
        None
    } else {
        place_line(
            row.venue_name.as_deref(),
            row.address_line.as_deref(),
            row.postal_code.as_deref(),
            row.city.as_deref(),
        )
    };
    Ok(EventState {
        facts: EventFacts {
            id: row.id,
            slug: row.slug,
            title: row.title,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            time_zone: row.time_zone,
            place,
            online: row.attendance_mode != "in_person",
        },
        status: row.status,
        deleted: row.deleted_at.is_some(),
        organizer_id: row.organizer_id,
    })
}

#[cfg(test)]
mod tests {
    use super::place_line;

    #[test]
    fn place_line_skips_missing_parts() {
        assert_eq!(
            place_line(
                Some("H7"),
                Some("70 quai Perrache"),
                Some("69002"),
                Some("Lyon")
            )
            .as_deref(),
            Some("H7, 70 quai Perrache, 69002 Lyon")
        );
        assert_eq!(
            place_line(None, None, None, Some("Lyon")).as_deref(),
            Some("Lyon")
        );
        assert_eq!(place_line(Some(" "), None, None, None), None);
    }
}
