//! Users in the back-office: the filtered list and one user's page with their history.

use sqlx::PgPool;

use super::{audit, events};
use crate::{
    admin::model::{EventFilter, UserDetail, UserFilter, UserRow},
    error::AppError,
    i18n::{Locale, dates::format_moment},
    ssr::audit::{Target, record},
};

pub const PER_PAGE: i64 = 50;

pub async fn list(
    pool: &PgPool,
    filter: &UserFilter,
    locale: Locale,
) -> Result<Vec<UserRow>, AppError> {
    let pattern = filter
        .q
        .as_deref()
        .map(|q| format!("%{}%", super::like_text(q)));
    let rows = sqlx::query!(
        r#"SELECT u.id, u.full_name, u.email, u.role, u.created_at,
                  CASE WHEN u.deleted_at IS NOT NULL THEN 'deleted' ELSE u.status END AS "state!",
                  (SELECT count(*) FROM events e WHERE e.organizer_id = u.id) AS "events!",
                  (SELECT count(*) FROM event_participants p WHERE p.user_id = u.id) AS "registrations!"
           FROM users u
           WHERE ($1::text IS NULL OR lower(u.full_name || ' ' || u.email) LIKE $1)
             AND ($2::text IS NULL OR u.role = $2)
             AND ($3::text IS NULL OR (CASE WHEN u.deleted_at IS NOT NULL THEN 'deleted' ELSE u.status END) = $3)
           ORDER BY u.created_at DESC, u.id DESC
           LIMIT $4 OFFSET $5"#,
        pattern,
        filter.role,
        filter.state,
        PER_PAGE,
        filter.page * PER_PAGE,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| UserRow {
            id: r.id,
            name: r.full_name,
            email: r.email,
            role: r.role,
            state: r.state,
            joined_label: format_moment(r.created_at, locale),
            events: r.events,
            registrations: r.registrations,
        })
        .collect())
}

pub async fn detail(pool: &PgPool, user_id: i64, locale: Locale) -> Result<UserDetail, AppError> {
    let u = sqlx::query!(
        r#"SELECT id, full_name, email, role, created_at, trusted_organizer, totp_enabled_at IS NOT NULL AS "two_factor!",
                  email_verified_at IS NOT NULL AS "verified!", suspension_reason, suspended_until,
                  CASE WHEN deleted_at IS NOT NULL THEN 'deleted' ELSE status END AS "state!",
                  (SELECT count(*) FROM events e WHERE e.organizer_id = users.id) AS "events!",
                  (SELECT count(*) FROM event_participants p WHERE p.user_id = users.id) AS "registrations!"
           FROM users WHERE id = $1"#,
        user_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let registrations = sqlx::query!(
        "SELECT e.id, e.title, p.status, p.created_at FROM event_participants p JOIN events e ON e.id = p.event_id
         WHERE p.user_id = $1 ORDER BY p.created_at DESC LIMIT 50",
        user_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.id, r.title, r.status, format_moment(r.created_at, locale)))
    .collect();
    let event_filter = EventFilter {
        organizer: Some(user_id),
        ..EventFilter::default()
    };
    let activity_filter = audit::Filter {
        involving_user: Some(user_id),
        ..audit::Filter::default()
    };
    Ok(UserDetail {
        row: UserRow {
            id: u.id,
            name: u.full_name,
            email: u.email,
            role: u.role,
            state: u.state,
            joined_label: format_moment(u.created_at, locale),
            events: u.events,
            registrations: u.registrations,
        },
        trusted: u.trusted_organizer,
        two_factor: u.two_factor,
        email_verified: u.verified,
        suspension_reason: u.suspension_reason,
        suspended_until: u.suspended_until.map(|at| format_moment(at, locale)),
        events: events::list(pool, &event_filter, locale, true).await?,
        registrations,
        activity: audit::lines(pool, &activity_filter, 0, 50, locale).await?,
        moderation: crate::moderation::server::queue::history(
            pool,
            None,
            Some(user_id),
            locale,
            50,
        )
        .await?,
    })
}

/// Marks an organizer as trusted (their clean submissions publish at once) or not.
pub async fn set_trusted(
    pool: &PgPool,
    admin: i64,
    user_id: i64,
    trusted: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let before = sqlx::query_scalar!(
        "SELECT trusted_organizer FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    sqlx::query!(
        "UPDATE users SET trusted_organizer = $2, updated_at = now() WHERE id = $1",
        user_id,
        trusted
    )
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        Some(admin),
        Target::User(user_id),
        "trusted_organizer_changed",
        serde_json::json!({ "before": before, "after": trusted }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
