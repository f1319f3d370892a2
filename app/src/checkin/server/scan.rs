//! Judging tickets at the door. A scan is a QR payload (`M1.…`, verified with the event's key) or a
//! ticket code typed or picked from the search. Admission is one conditional UPDATE (`status =
//! 'valid'` → `used`): two devices scanning the same ticket at once queue on its row lock and exactly
//! one of them admits; the other sees "already used at HH:MM".

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::access::{self, Need};
use crate::{
    accounts::model::CurrentUser,
    checkin::model::{
        Counts, DoorTicket, OfflineKit, OfflineTicket, QueuedScan, ScanResult, SyncedScan, Verdict,
    },
    error::AppError,
    tickets::server::codes,
};

/// What a scanned value points at.
enum Target {
    /// A verified payload: (ticket, event).
    Signed(i64, i64),
    Code(String),
    Invalid,
}

fn read(secret: &[u8], event_id: i64, value: &str) -> Target {
    let value = value.trim();
    if value.starts_with("M1.") {
        // The payload names its event: check it with that event's key, so a genuine ticket of
        // another event is told apart from a forgery.
        let claimed = value
            .split('.')
            .nth(2)
            .and_then(|e| e.parse::<i64>().ok())
            .unwrap_or(event_id);
        return match codes::verify(&codes::event_key(secret, claimed), value) {
            Some((ticket, event, _)) => Target::Signed(ticket, event),
            None => Target::Invalid,
        };
    }
    if codes::well_formed(value) {
        Target::Code(value.to_owned())
    } else {
        Target::Invalid
    }
}

pub async fn counts(conn: &mut PgConnection, event_id: i64) -> Result<Counts, AppError> {
    let row = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE status = 'used') AS "used!",
                  count(*) FILTER (WHERE status <> 'cancelled') AS "live!"
           FROM tickets WHERE event_id = $1"#,
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(Counts {
        checked_in: row.used,
        registered: row.live,
    })
}

fn clock(at: Option<DateTime<Utc>>, zone: &str) -> Option<String> {
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    at.map(|at| at.with_timezone(&zone).format("%H:%M").to_string())
}

/// Judges one scan for `event_id` and admits a valid ticket. `at` is when it was scanned (offline
/// scans replayed later keep their own time).
async fn judge(
    conn: &mut PgConnection,
    secret: &[u8],
    user: &CurrentUser,
    event_id: i64,
    time_zone: &str,
    value: &str,
    at: DateTime<Utc>,
) -> Result<Judged, AppError> {
    let nothing = |verdict| Judged {
        verdict,
        attendee_name: None,
        used_at: None,
        ticket_id: None,
    };
    let ticket = match read(secret, event_id, value) {
        Target::Invalid => return Ok(nothing(Verdict::Unknown)),
        Target::Signed(_, event) if event != event_id => {
            return Ok(nothing(Verdict::OtherEvent));
        }
        Target::Signed(id, _) => sqlx::query!("SELECT id, event_id FROM tickets WHERE id = $1", id)
            .fetch_optional(&mut *conn)
            .await?
            .map(|t| (t.id, t.event_id)),
        Target::Code(code) => {
            sqlx::query!("SELECT id, event_id FROM tickets WHERE code = $1", code)
                .fetch_optional(&mut *conn)
                .await?
                .map(|t| (t.id, t.event_id))
        }
    };
    let Some((ticket_id, ticket_event)) = ticket else {
        return Ok(nothing(Verdict::Unknown));
    };
    if ticket_event != event_id {
        return Ok(nothing(Verdict::OtherEvent));
    }
    let admitted = sqlx::query!(
        "UPDATE tickets SET status = 'used', checked_in_at = $3, checked_in_by = $4
         WHERE id = $1 AND event_id = $2 AND status = 'valid'
         RETURNING attendee_name",
        ticket_id,
        event_id,
        at,
        user.id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(row) = admitted {
        crate::webhooks::server::emit(
            conn,
            event_id,
            "checkin.created",
            serde_json::json!({
                "event_id": event_id,
                "ticket_id": ticket_id,
                "attendee_name": row.attendee_name,
                "checked_in_at": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            }),
        )
        .await?;
        return Ok(Judged {
            verdict: Verdict::Admitted,
            attendee_name: Some(row.attendee_name),
            used_at: None,
            ticket_id: Some(ticket_id),
        });
    }
    let row = sqlx::query!(
        "SELECT attendee_name, status, checked_in_at FROM tickets WHERE id = $1",
        ticket_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let verdict = match row.status.as_str() {
        "used" => Verdict::AlreadyUsed,
        _ => Verdict::Cancelled,
    };
    Ok(Judged {
        verdict,
        attendee_name: Some(row.attendee_name),
        used_at: clock(row.checked_in_at, time_zone),
        ticket_id: Some(ticket_id),
    })
}

struct Judged {
    verdict: Verdict,
    attendee_name: Option<String>,
    used_at: Option<String>,
    ticket_id: Option<i64>,
}

pub async fn scan(
    pool: &PgPool,
    secret: &[u8],
    user: &CurrentUser,
    event_id: i64,
    value: &str,
) -> Result<ScanResult, AppError> {
    let mut conn = pool.acquire().await?;
    let access = access::check(&mut conn, user, event_id, Need::Door).await?;
    let judged = judge(
        &mut conn,
        secret,
        user,
        event_id,
        &access.time_zone,
        value,
        Utc::now(),
    )
    .await?;
    Ok(ScanResult {
        verdict: judged.verdict,
        attendee_name: judged.attendee_name,
        used_at: judged.used_at,
        ticket_id: judged.ticket_id,
        counts: counts(&mut conn, event_id).await?,
    })
}

/// Replays scans made offline, oldest first. A scan the device admitted but the server refuses (used
/// meanwhile by another device, cancelled) comes back as a conflict.
pub async fn sync(
    pool: &PgPool,
    secret: &[u8],
    user: &CurrentUser,
    event_id: i64,
    mut scans: Vec<QueuedScan>,
) -> Result<Vec<SyncedScan>, AppError> {
    if scans.len() > 2000 {
        return Err(AppError::field(
            "scans",
            crate::i18n::MessageKey::FieldTooLong,
        ));
    }
    let mut conn = pool.acquire().await?;
    let access = access::check(&mut conn, user, event_id, Need::Door).await?;
    scans.sort_by_key(|s| s.at);
    let now = Utc::now();
    let mut results = Vec::with_capacity(scans.len());
    for scan in scans {
        // The device's clock, kept when plausible (the last two days, not in the future).
        let at = DateTime::<Utc>::from_timestamp_millis(scan.at)
            .filter(|at| *at <= now && now - *at < chrono::TimeDelta::days(2))
            .unwrap_or(now);
        let judged = judge(
            &mut conn,
            secret,
            user,
            event_id,
            &access.time_zone,
            &scan.value,
            at,
        )
        .await?;
        results.push(SyncedScan {
            conflict: judged.verdict != Verdict::Admitted,
            value: scan.value,
            verdict: judged.verdict,
            attendee_name: judged.attendee_name,
            used_at: judged.used_at,
        });
    }
    Ok(results)
}

/// Up to 20 tickets whose attendee, registrant name, email or code matches `query`.
pub async fn search(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    query: &str,
) -> Result<Vec<DoorTicket>, AppError> {
    let mut conn = pool.acquire().await?;
    let access = access::check(&mut conn, user, event_id, Need::Door).await?;
    let query: String = query.trim().chars().take(100).collect();
    if query.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let like = super::contains_pattern(&query);
    let rows = sqlx::query!(
        "SELECT t.code, t.attendee_name, p.email, t.status, t.checked_in_at
         FROM tickets t JOIN event_participants p ON p.id = t.participant_id
         WHERE t.event_id = $1
           AND (lower(immutable_unaccent(t.attendee_name)) LIKE immutable_unaccent($2)
                OR lower(immutable_unaccent(p.full_name || ' ' || p.email)) LIKE immutable_unaccent($2)
                OR t.code = $3)
         ORDER BY t.attendee_name, t.id LIMIT 20",
        event_id,
        like,
        query,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DoorTicket {
            code: r.code,
            attendee_name: r.attendee_name,
            email: r.email,
            status: r.status,
            used_at: clock(r.checked_in_at, &access.time_zone),
        })
        .collect())
}

/// The event's key and ticket list, for judging scans while the network is gone.
pub async fn offline_kit(
    pool: &PgPool,
    secret: &[u8],
    user: &CurrentUser,
    event_id: i64,
) -> Result<OfflineKit, AppError> {
    let mut conn = pool.acquire().await?;
    access::check(&mut conn, user, event_id, Need::Door).await?;
    let tickets = sqlx::query_as!(
        OfflineTicket,
        "SELECT id, code, attendee_name AS name, status FROM tickets WHERE event_id = $1 ORDER BY id",
        event_id
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(OfflineKit {
        event_id,
        key: URL_SAFE_NO_PAD.encode(codes::event_key(secret, event_id)),
        tickets,
    })
}

pub async fn door_counts(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
) -> Result<Counts, AppError> {
    let mut conn = pool.acquire().await?;
    access::check(&mut conn, user, event_id, Need::Door).await?;
    counts(&mut conn, event_id).await
}

/// The check-in page's header: the event, its counters and (for those who may invite) the team.
pub async fn door_event(
    pool: &PgPool,
    user: &CurrentUser,
    event_id: i64,
    locale: crate::i18n::Locale,
) -> Result<crate::checkin::model::DoorEvent, AppError> {
    let mut conn = pool.acquire().await?;
    let access = access::check(&mut conn, user, event_id, Need::Door).await?;
    let row = sqlx::query!(
        "SELECT slug, starts_at, time_zone FROM events WHERE id = $1",
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(crate::checkin::model::DoorEvent {
        id: event_id,
        title: access.title,
        slug: row.slug,
        when: crate::i18n::dates::format_event_start(row.starts_at, &row.time_zone, locale),
        counts: counts(&mut conn, event_id).await?,
        can_invite: access.can_manage,
        team: if access.can_manage {
            super::invite::team(&mut conn, event_id).await?
        } else {
            Vec::new()
        },
    })
}
