//! What happens when an event is submitted, or a published event's content changes: the automated
//! checks score it, then it is published at once (a trusted organizer with a clean score, when the
//! settings allow it) or waits in the moderation queue. Runs in the caller's transaction, with the
//! event's row already locked.

use chrono::Utc;
use sqlx::PgConnection;

use super::checks::{Context, Submission, assess};
use crate::{
    admin::server::settings,
    error::AppError,
    moderation::model::{RiskAssessment, RiskReason},
};

/// Where the event went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intake {
    Published,
    Queued,
}

/// Why the checks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    Submitted,
    /// A published event's title, summary, description, online link or images changed.
    ContentEdited,
}

/// Submissions per organizer and day are limited by the settings (`RateLimited` beyond).
pub async fn check_daily_limit(conn: &mut PgConnection, organizer_id: i64) -> Result<(), AppError> {
    let settings = settings::load(conn).await?;
    let today = recent_submissions(conn, organizer_id).await?;
    if today >= settings.max_submissions_per_day {
        return Err(AppError::RateLimited {
            retry_after_secs: 3600,
        });
    }
    Ok(())
}

async fn recent_submissions(
    conn: &mut PgConnection,
    organizer_id: i64,
) -> Result<u32, sqlx::Error> {
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM events
           WHERE organizer_id = $1 AND submitted_at > now() - interval '24 hours'"#,
        organizer_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Scores the event and moves it to `published` or `pending_review`, writing the verdict on the
/// event and in `moderation_actions`.
pub async fn run(
    conn: &mut PgConnection,
    event_id: i64,
    cause: Cause,
) -> Result<(Intake, RiskAssessment), AppError> {
    let event = sqlx::query!(
        "SELECT e.title, e.summary, e.description_md, e.online_url, e.starts_at, e.ends_at, e.price_cents,
                e.organizer_id, u.created_at AS account_created_at, u.trusted_organizer
         FROM events e JOIN users u ON u.id = e.organizer_id WHERE e.id = $1",
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let settings = settings::load(conn).await?;
    let terms = settings::terms(conn).await?;
    let duplicates = sqlx::query!(
        "SELECT id, title FROM events
         WHERE id <> $1 AND deleted_at IS NULL AND status IN ('pending_review', 'published')
           AND lower(immutable_unaccent(title)) = lower(immutable_unaccent($2))
           AND starts_at BETWEEN $3::timestamptz - interval '2 days' AND $3::timestamptz + interval '2 days'
         ORDER BY id LIMIT 3",
        event_id,
        event.title,
        event.starts_at,
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| (r.id, r.title))
    .collect::<Vec<_>>();
    // This submission counts in the burst (its submitted_at is set below, after the count).
    let recent =
        recent_submissions(conn, event.organizer_id).await? + u32::from(cause == Cause::Submitted);
    let submission = Submission {
        title: &event.title,
        summary: &event.summary,
        description: &event.description_md,
        online_url: event.online_url.as_deref(),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        price_cents: event.price_cents,
    };
    let context = Context {
        settings: &settings,
        words: &terms.words,
        blocked_domains: &terms.domains,
        duplicates: &duplicates,
        account_created_at: event.account_created_at,
        recent_submissions: recent,
        now: Utc::now(),
    };
    let assessment = assess(&submission, &context);
    let publish = settings.auto_publish_trusted
        && event.trusted_organizer
        && assessment.score <= settings.auto_publish_max_score;
    let reasons = serde_json::to_value(&assessment.reasons).map_err(|_| AppError::Internal)?;
    let score = i32::try_from(assessment.score).unwrap_or(100);
    let status = if publish {
        "published"
    } else {
        "pending_review"
    };
    sqlx::query!(
        "UPDATE events SET status = $2, risk_score = $3, risk_reasons = $4, status_reason = NULL,
                submitted_at = now(), published_at = CASE WHEN $2 = 'published' THEN coalesce(published_at, now()) ELSE published_at END,
                updated_at = now()
         WHERE id = $1",
        event_id,
        status,
        score,
        reasons,
    )
    .execute(&mut *conn)
    .await?;
    crate::webhooks::server::emit_status(conn, event_id, status).await?;
    let action = match (publish, cause) {
        (true, _) => "auto_approve",
        (false, Cause::Submitted) if assessment.reasons.is_empty() => "resubmit",
        (false, Cause::Submitted) => "auto_flag",
        (false, Cause::ContentEdited) => "resubmit",
    };
    sqlx::query!(
        "INSERT INTO moderation_actions (moderator_id, event_id, target_user_id, action, risk_score, details)
         VALUES (NULL, $1, $2, $3, $4, $5)",
        event_id,
        event.organizer_id,
        action,
        score,
        serde_json::json!({ "reasons": reasons, "cause": match cause { Cause::Submitted => "submitted", Cause::ContentEdited => "content_edited" } }),
    )
    .execute(&mut *conn)
    .await?;
    if publish {
        crate::notifications::server::reminders::reschedule(conn, event_id).await?;
        Ok((Intake::Published, assessment))
    } else {
        Ok((Intake::Queued, assessment))
    }
}

/// What moderators approved of a published event: its texts and online link. An edit that changes
/// them sends it through the checks again (dates, place and capacity do not; new images do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentSnapshot {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub online_url: Option<String>,
}

pub async fn snapshot(
    conn: &mut PgConnection,
    event_id: i64,
) -> Result<ContentSnapshot, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT title, summary, description_md, online_url FROM events WHERE id = $1",
        event_id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(ContentSnapshot {
        title: row.title,
        summary: row.summary,
        description: row.description_md,
        online_url: row.online_url,
    })
}

/// For moderators: a reason in their language.
pub fn describe(reason: &RiskReason, locale: crate::i18n::Locale) -> String {
    let pick = |fr: &str, en: &str| locale.pick(fr, en).to_owned();
    match reason {
        RiskReason::ForbiddenWord { term } => {
            format!("{} « {term} »", pick("Mot interdit", "Forbidden word"))
        }
        RiskReason::BlockedDomain { domain } => format!(
            "{} {domain}",
            pick("Lien vers un domaine bloqué :", "Link to a blocked domain:")
        ),
        RiskReason::TooManyLinks { count, max } => match locale {
            crate::i18n::Locale::Fr => format!("Trop de liens : {count} (maximum {max})"),
            crate::i18n::Locale::En => format!("Too many links: {count} (at most {max})"),
        },
        RiskReason::Shouting => pick(
            "Texte en majuscules ou « !!! »",
            "Shouting: capitals or “!!!”",
        ),
        RiskReason::Duplicate { event_id, title } => match locale {
            crate::i18n::Locale::Fr => format!("Doublon possible de « {title} » (n° {event_id})"),
            crate::i18n::Locale::En => format!("Possible duplicate of “{title}” (#{event_id})"),
        },
        RiskReason::ImplausibleDate => pick(
            "Dates peu plausibles (très lointaines, très longues ou très courtes)",
            "Implausible dates (far ahead, very long or very short)",
        ),
        RiskReason::ImplausiblePrice => pick(
            "Prix peu plausible (plus de 2 000 €)",
            "Implausible price (over €2,000)",
        ),
        RiskReason::SubmissionBurst { count } => match locale {
            crate::i18n::Locale::Fr => {
                format!("Rafale : {count} soumissions en 24 h d’un compte récent")
            }
            crate::i18n::Locale::En => {
                format!("Burst: {count} submissions in 24 h from a new account")
            }
        },
        RiskReason::NewAccount => pick("Compte récent", "New account"),
    }
}
