//! What moderators read: the queue, a submission with its context, the reports grouped per event.

use sqlx::PgPool;

use super::intake::describe;
use crate::{
    error::AppError,
    i18n::{Locale, dates::format_moment},
    moderation::model::{
        ActionLine, OrganizerRecord, QueueItem, QueueOrder, ReportGroup, ReportLine, ReportReason,
        Review, RiskReason,
    },
};

fn reasons_of(json: serde_json::Value, locale: Locale) -> Vec<String> {
    serde_json::from_value::<Vec<RiskReason>>(json)
        .unwrap_or_default()
        .iter()
        .map(|r| describe(r, locale))
        .collect()
}

pub async fn pending(
    pool: &PgPool,
    order: QueueOrder,
    locale: Locale,
) -> Result<Vec<QueueItem>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT e.id, e.title, u.full_name, e.submitted_at AS "submitted_at!", coalesce(e.risk_score, 0) AS "risk_score!",
                  e.risk_reasons,
                  (SELECT count(*) FROM reports r WHERE r.event_id = e.id AND r.status = 'open') AS "open_reports!"
           FROM events e JOIN users u ON u.id = e.organizer_id
           WHERE e.status = 'pending_review' AND e.deleted_at IS NULL AND e.submitted_at IS NOT NULL
           ORDER BY CASE WHEN $1 THEN e.risk_score END DESC NULLS LAST, e.submitted_at
           LIMIT 200"#,
        order == QueueOrder::Risk,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| QueueItem {
            id: r.id,
            title: r.title,
            organizer_name: r.full_name,
            submitted_label: format_moment(r.submitted_at, locale),
            risk_score: r.risk_score,
            reasons: reasons_of(r.risk_reasons, locale),
            open_reports: r.open_reports,
        })
        .collect())
}

pub async fn review(pool: &PgPool, event_id: i64, locale: Locale) -> Result<Review, AppError> {
    let facts = sqlx::query!(
        "SELECT status, hidden_reason, risk_score, risk_reasons, organizer_id FROM events
         WHERE id = $1 AND deleted_at IS NULL",
        event_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let event = crate::events::server::page::for_staff(pool, event_id, locale).await?;
    let organizer = organizer_record(pool, facts.organizer_id, locale).await?;
    let history = history(pool, Some(event_id), None, locale, 50).await?;
    let reports = reports_of(pool, &[event_id], locale)
        .await?
        .into_iter()
        .map(|(_, line)| line)
        .collect();
    Ok(Review {
        event,
        status: facts.status,
        hidden_reason: facts.hidden_reason,
        risk_score: facts.risk_score,
        reasons: reasons_of(facts.risk_reasons, locale),
        organizer,
        history,
        reports,
    })
}

pub async fn organizer_record(
    pool: &PgPool,
    user_id: i64,
    locale: Locale,
) -> Result<OrganizerRecord, AppError> {
    let row = sqlx::query!(
        r#"SELECT u.id, u.full_name, u.email, u.created_at, u.trusted_organizer, u.status,
                  (SELECT count(*) FROM events e WHERE e.organizer_id = u.id AND e.status = 'published') AS "published!",
                  (SELECT count(*) FROM events e WHERE e.organizer_id = u.id AND e.status = 'rejected') AS "rejected!",
                  (SELECT count(*) FROM reports r JOIN events e ON e.id = r.event_id WHERE e.organizer_id = u.id) AS "reports!"
           FROM users u WHERE u.id = $1"#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    Ok(OrganizerRecord {
        id: row.id,
        name: row.full_name,
        email: row.email,
        member_since: format_moment(row.created_at, locale),
        trusted: row.trusted_organizer,
        suspended: row.status == "suspended",
        published: row.published,
        rejected: row.rejected,
        reports: row.reports,
    })
}

/// Moderation actions, newest first: of an event, of an account, or all (the moderation log).
pub async fn history(
    pool: &PgPool,
    event_id: Option<i64>,
    user_id: Option<i64>,
    locale: Locale,
    limit: i64,
) -> Result<Vec<ActionLine>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT m.created_at, m.action, m.reason, m.event_id, e.title AS "event_title?",
                  who.full_name AS "who?", target.full_name AS "target?"
           FROM moderation_actions m
           LEFT JOIN users who ON who.id = m.moderator_id
           LEFT JOIN users target ON target.id = m.target_user_id
           LEFT JOIN events e ON e.id = m.event_id
           WHERE ($1::bigint IS NULL OR m.event_id = $1) AND ($2::bigint IS NULL OR m.target_user_id = $2)
           ORDER BY m.created_at DESC, m.id DESC LIMIT $3"#,
        event_id,
        user_id,
        limit,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ActionLine {
            when_label: format_moment(r.created_at, locale),
            who: r.who,
            action: action_label(&r.action, locale).to_owned(),
            reason: r.reason,
            event_id: r.event_id,
            event_title: r.event_title,
            target_user: r.target,
        })
        .collect())
}

pub fn action_label(action: &str, locale: Locale) -> &'static str {
    let pick = |fr, en| locale.pick(fr, en);
    match action {
        "approve" => pick("Approuvé", "Approved"),
        "reject" => pick("Refusé", "Rejected"),
        "request_changes" => pick("Modifications demandées", "Changes requested"),
        "auto_approve" => pick("Publié automatiquement", "Published automatically"),
        "auto_flag" => pick("Signalé par les contrôles", "Flagged by the checks"),
        "resubmit" => pick("En attente de relecture", "Waiting for review"),
        "hide" => pick("Masqué", "Hidden"),
        "unhide" => pick("Affiché à nouveau", "Shown again"),
        "suspend_user" => pick("Compte suspendu", "Account suspended"),
        "restore_user" => pick("Compte rétabli", "Account restored"),
        "delete_event" => pick("Événement supprimé", "Event deleted"),
        "restore_event" => pick("Événement restauré", "Event restored"),
        "delete_user" => pick("Compte supprimé", "Account deleted"),
        "dismiss_reports" => pick("Signalements rejetés", "Reports dismissed"),
        _ => pick("Autre action", "Other action"),
    }
}

/// Open reports of these events, newest first.
async fn reports_of(
    pool: &PgPool,
    event_ids: &[i64],
    locale: Locale,
) -> Result<Vec<(i64, ReportLine)>, AppError> {
    let rows = sqlx::query!(
        "SELECT event_id, reason, details, created_at, reporter_user_id IS NOT NULL AS \"by_account!\"
         FROM reports WHERE event_id = ANY($1) AND status = 'open' ORDER BY created_at DESC",
        event_ids
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.event_id,
                ReportLine {
                    reason: ReportReason::from_code(&r.reason).unwrap_or(ReportReason::Other),
                    details: r.details,
                    when_label: format_moment(r.created_at, locale),
                    by_account: r.by_account,
                },
            )
        })
        .collect())
}

/// Events with open reports, the most reported (then hidden ones) first; two queries in all.
pub async fn report_groups(pool: &PgPool, locale: Locale) -> Result<Vec<ReportGroup>, AppError> {
    let groups = sqlx::query!(
        r#"SELECT e.id, e.title, e.slug, e.hidden_reason = 'reports' AS "hidden?", count(*) AS "count!",
                  max(r.created_at) AS "latest!"
           FROM reports r JOIN events e ON e.id = r.event_id
           WHERE r.status = 'open' AND e.deleted_at IS NULL
           GROUP BY e.id ORDER BY count(*) DESC, max(r.created_at) DESC LIMIT 100"#
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = groups.iter().map(|g| g.id).collect();
    let mut lines = reports_of(pool, &ids, locale).await?;
    Ok(groups
        .into_iter()
        .map(|g| {
            let reports = lines
                .extract_if(.., |(id, _)| *id == g.id)
                .map(|(_, line)| line)
                .collect();
            ReportGroup {
                event_id: g.id,
                title: g.title,
                slug: g.slug,
                count: g.count,
                hidden: g.hidden.unwrap_or(false),
                latest_label: format_moment(g.latest, locale),
                reports,
            }
        })
        .collect())
}
