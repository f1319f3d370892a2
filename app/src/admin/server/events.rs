//! Events in the back-office: the filtered list (deleted ones too, on request) and one event's
//! page with its participants, tickets, labels and history.

use chrono::NaiveDate;
use sqlx::PgPool;

use super::audit;
use crate::{
    admin::model::{EventAdminDetail, EventFilter, EventRow, ParticipantLine},
    error::AppError,
    i18n::{Locale, dates::format_event_start_short},
    ssr::audit::{Target, record},
};

pub const PER_PAGE: i64 = 50;

/// `everything`: deleted events too, whatever the filter says (an account's page lists them all).
pub async fn list(
    pool: &PgPool,
    filter: &EventFilter,
    locale: Locale,
    everything: bool,
) -> Result<Vec<EventRow>, AppError> {
    let pattern = filter
        .q
        .as_deref()
        .map(|q| format!("%{}%", super::like_text(q)));
    let day = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let rows = sqlx::query!(
        r#"SELECT e.id, e.title, e.slug, e.status, e.starts_at, e.time_zone, e.organizer_id, u.full_name,
                  e.seats_taken, e.capacity, e.deleted_at IS NOT NULL AS "deleted!", e.hidden_reason
           FROM events e JOIN users u ON u.id = e.organizer_id
           WHERE ($1::text IS NULL OR lower(e.title) LIKE $1)
             AND ($2::text IS NULL OR e.status = $2)
             AND ($3::date IS NULL OR e.starts_at >= ($3::date)::timestamp AT TIME ZONE 'Europe/Paris')
             AND ($4::date IS NULL OR e.starts_at < ($4::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')
             AND ($5::bigint IS NULL OR e.organizer_id = $5)
             AND ($6 OR (e.deleted_at IS NOT NULL) = $7)
           ORDER BY e.starts_at DESC, e.id DESC
           LIMIT $8 OFFSET $9"#,
        pattern,
        filter.status,
        day(&filter.from),
        day(&filter.to),
        filter.organizer,
        everything,
        filter.deleted,
        PER_PAGE,
        filter.page * PER_PAGE,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| EventRow {
            id: r.id,
            title: r.title,
            slug: r.slug,
            status: r.status,
            starts_label: format_event_start_short(r.starts_at, &r.time_zone, locale),
            organizer_id: r.organizer_id,
            organizer_name: r.full_name,
            seats_taken: r.seats_taken,
            capacity: r.capacity,
            deleted: r.deleted,
            hidden: r.hidden_reason,
        })
        .collect())
}

pub async fn detail(
    pool: &PgPool,
    event_id: i64,
    locale: Locale,
) -> Result<EventAdminDetail, AppError> {
    let r = sqlx::query!(
        r#"SELECT e.id, e.title, e.slug, e.status, e.starts_at, e.time_zone, e.organizer_id, u.full_name,
                  e.seats_taken, e.capacity, e.deleted_at IS NOT NULL AS "deleted!", e.hidden_reason
           FROM events e JOIN users u ON u.id = e.organizer_id WHERE e.id = $1"#,
        event_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let row = EventRow {
        id: r.id,
        title: r.title,
        slug: r.slug,
        status: r.status,
        starts_label: format_event_start_short(r.starts_at, &r.time_zone, locale),
        organizer_id: r.organizer_id,
        organizer_name: r.full_name,
        seats_taken: r.seats_taken,
        capacity: r.capacity,
        deleted: r.deleted,
        hidden: r.hidden_reason,
    };
    let labels = sqlx::query!(
        r#"SELECT l.id, l.name_fr, l.name_en,
                  EXISTS (SELECT 1 FROM event_labels el WHERE el.label_id = l.id AND el.event_id = $1) AS "given!"
           FROM labels l WHERE l.deleted_at IS NULL AND NOT l.built_in ORDER BY l.name_fr"#,
        event_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|l| (l.id, locale.pick(&l.name_fr, &l.name_en).to_owned(), l.given))
    .collect();
    let history = audit::lines(
        pool,
        &audit::Filter {
            target_type: Some("event".into()),
            target_id: Some(event_id),
            ..audit::Filter::default()
        },
        0,
        50,
        locale,
    )
    .await?;
    Ok(EventAdminDetail {
        row,
        labels,
        participants: participants(pool, event_id, locale).await?,
        history,
    })
}

/// Everyone registered or in line, each with their tickets (two queries).
async fn participants(
    pool: &PgPool,
    event_id: i64,
    locale: Locale,
) -> Result<Vec<ParticipantLine>, AppError> {
    let people = sqlx::query!(
        "SELECT id, full_name, email, status, seats FROM event_participants WHERE event_id = $1 ORDER BY created_at LIMIT 1000",
        event_id
    )
    .fetch_all(pool)
    .await?;
    let mut tickets = super::tickets::lines(
        pool,
        &super::tickets::TicketQuery {
            event_id: Some(event_id),
            ..Default::default()
        },
        locale,
    )
    .await?;
    Ok(people
        .into_iter()
        .map(|p| ParticipantLine {
            tickets: tickets
                .extract_if(.., |(participant, _)| *participant == p.id)
                .map(|(_, line)| line)
                .collect(),
            name: p.full_name,
            email: p.email,
            status: p.status,
            seats: p.seats,
        })
        .collect())
}

/// Gives or takes a partner label.
pub async fn set_label(
    pool: &PgPool,
    admin: i64,
    event_id: i64,
    label_id: i64,
    given: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let exists = sqlx::query_scalar!(
        r#"SELECT (SELECT count(*) FROM events WHERE id = $1) + (SELECT count(*) FROM labels WHERE id = $2 AND deleted_at IS NULL AND NOT built_in) AS "n!""#,
        event_id,
        label_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if exists != 2 {
        return Err(AppError::NotFound);
    }
    let changed = if given {
        sqlx::query!(
            "INSERT INTO event_labels (event_id, label_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            event_id,
            label_id
        )
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query!(
            "DELETE FROM event_labels WHERE event_id = $1 AND label_id = $2",
            event_id,
            label_id
        )
        .execute(&mut *tx)
        .await?
    }
    .rows_affected();
    if changed > 0 {
        record(
            &mut tx,
            Some(admin),
            Target::Event(event_id),
            if given {
                "label_given"
            } else {
                "label_removed"
            },
            serde_json::json!({ "label": label_id, "before": !given, "after": given }),
            ip,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
