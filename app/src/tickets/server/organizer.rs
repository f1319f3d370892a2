//! Telling the organizer about registrations, as the event's setting says: a mail for each
//! (`each`), one summary a day (`daily`, a job at 18:00 in the event's zone), or nothing (`none`).

use chrono::{Duration, TimeZone, Utc};
use sqlx::PgConnection;

use crate::{
    error::AppError,
    i18n::Locale,
    notifications::server::facts,
    ssr::{
        jobs::Job,
        mail::{
            message::{Mail, ParticipantChange},
            outbox::{OutgoingMail, enqueue},
        },
    },
};

pub const DIGEST_KIND: &str = "organizer_digest";

/// In the caller's transaction: the mail or the day's digest job, per the event's setting.
pub async fn tell(
    conn: &mut PgConnection,
    participant_id: i64,
    change: ParticipantChange,
) -> Result<(), AppError> {
    let row = sqlx::query!(
        "SELECT p.full_name, p.seats, e.id AS event_id, e.organizer_notify, e.time_zone, e.seats_taken,
                e.capacity, u.email, u.locale
         FROM event_participants p JOIN events e ON e.id = p.event_id JOIN users u ON u.id = e.organizer_id
         WHERE p.id = $1",
        participant_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let (kind, status) = match change {
        ParticipantChange::Registered => ("registration.created", "registered"),
        ParticipantChange::Waitlisted => ("registration.created", "waitlisted"),
        ParticipantChange::Cancelled => ("registration.cancelled", "cancelled"),
    };
    crate::webhooks::server::emit(
        conn,
        row.event_id,
        kind,
        serde_json::json!({
            "event_id": row.event_id,
            "registration_id": participant_id,
            "status": status,
            "full_name": row.full_name,
            "seats": row.seats,
        }),
    )
    .await?;
    match row.organizer_notify.as_str() {
        "each" => {
            let event = facts::load(&mut *conn, row.event_id).await?.facts;
            let mail = Mail::OrganizerActivity {
                event,
                full_name: row.full_name,
                seats: row.seats,
                change,
                seats_taken: row.seats_taken,
                capacity: row.capacity,
            };
            enqueue(
                conn,
                OutgoingMail {
                    idempotency_key: &format!("organizer:{participant_id}:{change:?}"),
                    to: &row.email,
                    locale: Locale::from_tag(&row.locale).unwrap_or_default(),
                    mail: &mail,
                },
            )
            .await?;
        }
        "daily" => {
            let zone: chrono_tz::Tz = row.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
            let run_at = next_evening(zone, Utc::now());
            sqlx::query!(
                "INSERT INTO jobs (kind, dedupe_key, event_id, run_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (dedupe_key) DO NOTHING",
                DIGEST_KIND,
                format!(
                    "{DIGEST_KIND}:{}:{}",
                    row.event_id,
                    run_at.format("%Y-%m-%d")
                ),
                row.event_id,
                run_at,
            )
            .execute(&mut *conn)
            .await?;
        }
        _ => {}
    }
    Ok(())
}

/// The next 18:00 in `zone` after `now` (a zone's gap at 18:00 falls back to an hour later).
fn next_evening(zone: chrono_tz::Tz, now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    let local = now.with_timezone(&zone).date_naive();
    for day in [local, local + Duration::days(1), local + Duration::days(2)] {
        let evening = day.and_hms_opt(18, 0, 0).unwrap_or_default();
        if let Some(at) = zone.from_local_datetime(&evening).earliest().or_else(|| {
            zone.from_local_datetime(&(evening + Duration::hours(1)))
                .earliest()
        }) {
            let at = at.with_timezone(&Utc);
            if at > now {
                return at;
            }
        }
    }
    now + Duration::hours(24)
}

/// The digest job: the last 24 hours' registrations and cancellations of the event.
pub async fn send_digest(conn: &mut PgConnection, job: &Job) -> Result<(), AppError> {
    let Some(event_id) = job.event_id else {
        return Ok(());
    };
    let row = sqlx::query!(
        r#"SELECT e.seats_taken, e.capacity, e.organizer_notify, u.email, u.locale,
                  (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id
                     AND p.status = 'registered' AND p.created_at > now() - interval '24 hours') AS "registered!",
                  (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id
                     AND p.cancelled_at > now() - interval '24 hours') AS "cancelled!"
           FROM events e JOIN users u ON u.id = e.organizer_id WHERE e.id = $1 AND e.deleted_at IS NULL"#,
        event_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row.filter(|r| r.organizer_notify == "daily") else {
        return Ok(());
    };
    if row.registered == 0 && row.cancelled == 0 {
        return Ok(());
    }
    let event = facts::load(&mut *conn, event_id).await?.facts;
    let mail = Mail::OrganizerDigest {
        event,
        registered: row.registered,
        cancelled: row.cancelled,
        seats_taken: row.seats_taken,
        capacity: row.capacity,
    };
    enqueue(
        conn,
        OutgoingMail {
            idempotency_key: &format!("digest-job:{}", job.id),
            to: &row.email,
            locale: Locale::from_tag(&row.locale).unwrap_or_default(),
            mail: &mail,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_runs_at_the_next_evening_in_the_event_zone() {
        let paris = chrono_tz::Europe::Paris;
        let morning = Utc
            .with_ymd_and_hms(2026, 12, 1, 8, 0, 0)
            .single()
            .expect("date");
        assert_eq!(
            next_evening(paris, morning),
            Utc.with_ymd_and_hms(2026, 12, 1, 17, 0, 0)
                .single()
                .expect("date")
        );
        let night = Utc
            .with_ymd_and_hms(2026, 12, 1, 20, 0, 0)
            .single()
            .expect("date");
        assert_eq!(
            next_evening(paris, night),
            Utc.with_ymd_and_hms(2026, 12, 2, 17, 0, 0)
                .single()
                .expect("date")
        );
    }
}
