//! The platform settings row and the moderation word and domain lists.

use sqlx::PgConnection;

use crate::{admin::model::PlatformSettings, error::AppError};

/// The current settings; a missing or unreadable key takes its default.
pub async fn load(conn: &mut PgConnection) -> Result<PlatformSettings, sqlx::Error> {
    let stored = sqlx::query_scalar!("SELECT settings FROM platform_settings WHERE id")
        .fetch_optional(&mut *conn)
        .await?;
    Ok(stored
        .and_then(|json| serde_json::from_value(json).ok())
        .unwrap_or_default())
}

/// Saves the settings and logs before/after, in one transaction.
pub async fn save(
    pool: &sqlx::PgPool,
    actor: i64,
    settings: &PlatformSettings,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let before = sqlx::query_scalar!("SELECT settings FROM platform_settings WHERE id FOR UPDATE")
        .fetch_optional(&mut *tx)
        .await?
        .unwrap_or_default();
    let after = serde_json::to_value(settings).map_err(|_| AppError::Internal)?;
    sqlx::query!(
        "INSERT INTO platform_settings (id, settings, updated_at, updated_by) VALUES (true, $1, now(), $2)
         ON CONFLICT (id) DO UPDATE SET settings = $1, updated_at = now(), updated_by = $2",
        after,
        actor
    )
    .execute(&mut *tx)
    .await?;
    crate::ssr::audit::record(
        &mut tx,
        Some(actor),
        crate::ssr::audit::Target::Platform,
        "settings_changed",
        serde_json::json!({ "before": before, "after": after }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Forbidden words (both languages) and blocked domains, for the automated checks.
pub struct Terms {
    pub words: Vec<String>,
    pub domains: Vec<String>,
}

pub async fn terms(conn: &mut PgConnection) -> Result<Terms, sqlx::Error> {
    let rows = sqlx::query!("SELECT kind, term FROM moderation_terms ORDER BY term")
        .fetch_all(&mut *conn)
        .await?;
    let (domains, words): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.kind == "domain");
    Ok(Terms {
        words: words.into_iter().map(|r| r.term).collect(),
        domains: domains.into_iter().map(|r| r.term).collect(),
    })
}

pub async fn term_rows(conn: &mut PgConnection) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    Ok(
        sqlx::query!("SELECT id, kind, term FROM moderation_terms ORDER BY kind, term")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|r| (r.id, r.kind, r.term))
            .collect(),
    )
}

/// Adds a term (the same term twice is a no-op) and logs it.
pub async fn add_term(
    pool: &sqlx::PgPool,
    actor: i64,
    kind: &str,
    term: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO moderation_terms (kind, term, created_by) VALUES ($1, $2, $3)
         ON CONFLICT (kind, term) DO NOTHING RETURNING id",
        kind,
        term,
        actor
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = id {
        crate::ssr::audit::record(
            &mut tx,
            Some(actor),
            crate::ssr::audit::Target::Term(id),
            "moderation_term_added",
            serde_json::json!({ "before": null, "after": { "kind": kind, "term": term } }),
            ip,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn remove_term(
    pool: &sqlx::PgPool,
    actor: i64,
    id: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let removed = sqlx::query!(
        "DELETE FROM moderation_terms WHERE id = $1 RETURNING kind, term",
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    crate::ssr::audit::record(
        &mut tx,
        Some(actor),
        crate::ssr::audit::Target::Term(id),
        "moderation_term_removed",
        serde_json::json!({ "before": { "kind": removed.kind, "term": removed.term }, "after": null }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
