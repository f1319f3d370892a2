//! Reading the audit log (`activity_logs`): filters by actor, action and target, newest first.

use sqlx::PgPool;

use crate::{
    admin::model::AuditLine,
    error::AppError,
    i18n::{Locale, dates::format_moment},
};

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    pub actor_id: Option<i64>,
    /// An action name or its start ("moderation_" finds every moderation decision).
    pub action: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    /// Lines about this user as actor or as target.
    pub involving_user: Option<i64>,
}

pub async fn lines(
    pool: &PgPool,
    filter: &Filter,
    page: i64,
    per_page: i64,
    locale: Locale,
) -> Result<Vec<AuditLine>, AppError> {
    let action = filter
        .action
        .as_deref()
        .map(|a| format!("{}%", super::like_text(a)));
    let rows = sqlx::query!(
        r#"SELECT a.id, a.created_at, a.actor_user_id, u.full_name AS "actor?", a.action, a.target_type,
                  a.target_id, a.details, host(a.ip_address) AS ip
           FROM activity_logs a LEFT JOIN users u ON u.id = a.actor_user_id
           WHERE ($1::bigint IS NULL OR a.actor_user_id = $1)
             AND ($2::text IS NULL OR a.action LIKE $2)
             AND ($3::text IS NULL OR a.target_type = $3)
             AND ($4::bigint IS NULL OR a.target_id = $4)
             AND ($5::bigint IS NULL OR a.actor_user_id = $5 OR (a.target_type = 'user' AND a.target_id = $5))
           ORDER BY a.created_at DESC, a.id DESC
           LIMIT $6 OFFSET $7"#,
        filter.actor_id,
        action,
        filter.target_type,
        filter.target_id,
        filter.involving_user,
        per_page,
        page.max(0) * per_page,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditLine {
            id: r.id,
            when_label: format_moment(r.created_at, locale),
            actor: r.actor,
            actor_id: r.actor_user_id,
            action: r.action,
            target_type: r.target_type,
            target_id: r.target_id,
            details: serde_json::to_string_pretty(&r.details).unwrap_or_default(),
            ip: r.ip,
        })
        .collect())
}
