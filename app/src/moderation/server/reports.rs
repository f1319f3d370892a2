//! Reports from visitors: one open report per person and event counts; past the threshold of the
//! settings the event is hidden until a moderator reviews it. Moderators dismiss the reports (the
//! event comes back) or take the event down (rejected, the organizer told why).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};

use crate::{
    accounts::model::CurrentUser,
    admin::server::settings,
    error::AppError,
    i18n::Locale,
    moderation::model::ReportReason,
    notifications::{
        model::NotificationKind,
        server::{InApp, Recipient, deliver, event_updates},
    },
    ssr::{
        audit::{Target, record},
        mail::message::{Mail, ModerationOutcome},
    },
};

pub struct NewReport<'a> {
    pub event_slug: &'a str,
    pub reason: ReportReason,
    pub details: String,
    /// The signed-in reporter, if any.
    pub reporter: Option<&'a CurrentUser>,
    /// A visitor's address for the acknowledgement (optional).
    pub email: Option<String>,
    pub ip: Option<&'a str>,
    pub locale: Locale,
    /// The server secret, keying the hash of a visitor's address.
    pub secret: &'a [u8],
}

/// Whether this report hid the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filed {
    pub hidden: bool,
}

/// Who reported, as the key that counts once per event: the account, else a keyed hash of the
/// address the request came from (no address stored, and none guessable from the key).
fn reporter_key(reporter: Option<&CurrentUser>, ip: Option<&str>, secret: &[u8]) -> String {
    match (reporter, ip) {
        (Some(user), _) => format!("u:{}", user.id),
        (None, Some(ip)) => {
            let mut hasher = Sha256::new();
            hasher.update(secret);
            hasher.update(b"report:");
            hasher.update(ip.as_bytes());
            format!("ip:{}", URL_SAFE_NO_PAD.encode(&hasher.finalize()[..12]))
        }
        (None, None) => String::new(),
    }
}

pub async fn file(pool: &PgPool, report: NewReport<'_>) -> Result<Filed, AppError> {
    let mut tx = pool.begin().await?;
    let event = sqlx::query!(
        "SELECT id, title, slug, hidden_at IS NOT NULL AS \"hidden!\" FROM events
         WHERE slug = $1 AND deleted_at IS NULL AND status IN ('published', 'cancelled')
         FOR UPDATE",
        report.event_slug
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let key = reporter_key(report.reporter, report.ip, report.secret);
    let reporter_email = match report.reporter {
        Some(user) => {
            sqlx::query_scalar!("SELECT email FROM users WHERE id = $1", user.id)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => report.email.clone(),
    };
    let id = sqlx::query_scalar!(
        "INSERT INTO reports (event_id, reporter_user_id, reporter_email, reason, details, reporter_key, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (event_id, reporter_key) WHERE status = 'open' AND reporter_key <> '' DO NOTHING
         RETURNING id",
        event.id,
        report.reporter.map(|u| u.id),
        reporter_email,
        report.reason.code(),
        report.details,
        key,
        report.locale.code(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    // Reporting twice changes nothing (and says the same thing).
    let Some(report_id) = id else {
        tx.commit().await?;
        return Ok(Filed { hidden: false });
    };
    let threshold = settings::load(&mut tx).await?.report_threshold;
    let open = open_reports(&mut tx, event.id).await?;
    let hide = !event.hidden && open >= i64::from(threshold);
    if hide {
        sqlx::query!(
            "UPDATE events SET hidden_at = now(), hidden_reason = 'reports' WHERE id = $1",
            event.id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO moderation_actions (moderator_id, event_id, action, reason, details)
             VALUES (NULL, $1, 'hide', 'reports', $2)",
            event.id,
            serde_json::json!({ "open_reports": open, "threshold": threshold }),
        )
        .execute(&mut *tx)
        .await?;
    }
    if let Some(email) = reporter_email.as_deref() {
        let mail = Mail::ReportAcknowledgement {
            event_slug: event.slug.clone(),
            event_title: event.title.clone(),
        };
        let recipient = Recipient {
            user_id: report.reporter.map(|u| u.id),
            email,
            locale: report.locale,
        };
        let in_app = InApp {
            event_id: Some(event.id),
            link: &format!("/events/{}", event.slug),
            payload: serde_json::json!({ "event_title": event.title }),
        };
        deliver(
            &mut tx,
            &recipient,
            NotificationKind::ReportUpdate,
            &format!("report_ack:{report_id}"),
            &mail,
            Some(in_app),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Filed { hidden: hide })
}

async fn open_reports(conn: &mut PgConnection, event_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT count(DISTINCT nullif(reporter_key, '')) + count(*) FILTER (WHERE reporter_key = '') AS "n!"
           FROM reports WHERE event_id = $1 AND status = 'open'"#,
        event_id
    )
    .fetch_one(&mut *conn)
    .await
}

/// What a moderator does with an event's open reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The reports are unfounded: dismissed, and the event shown again if they hid it.
    Dismiss,
    /// The event breaks the rules: rejected with this reason (the organizer is told).
    TakeDown(String),
}

pub async fn resolve(
    pool: &PgPool,
    moderator: &CurrentUser,
    event_id: i64,
    verdict: &Verdict,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let event = sqlx::query!(
        "SELECT status, hidden_reason, organizer_id FROM events WHERE id = $1 AND deleted_at IS NULL FOR UPDATE",
        event_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let (report_status, action) = match verdict {
        Verdict::Dismiss => ("dismissed", "dismiss_reports"),
        Verdict::TakeDown(_) => ("resolved", "reject"),
    };
    let closed = sqlx::query!(
        "UPDATE reports SET status = $2, resolved_at = now(), resolved_by = $3
         WHERE event_id = $1 AND status = 'open'",
        event_id,
        report_status,
        moderator.id,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if closed == 0 {
        // Another moderator handled them first.
        return Err(AppError::Conflict);
    }
    let reason = match verdict {
        Verdict::Dismiss => None,
        Verdict::TakeDown(reason) => Some(reason.as_str()),
    };
    match verdict {
        Verdict::Dismiss => {
            sqlx::query!(
                "UPDATE events SET hidden_at = NULL, hidden_reason = NULL WHERE id = $1 AND hidden_reason = 'reports'",
                event_id
            )
            .execute(&mut *tx)
            .await?;
        }
        Verdict::TakeDown(reason) => {
            sqlx::query!(
                "UPDATE events SET status = 'rejected', status_reason = $2, reviewed_at = now(), reviewed_by = $3,
                        hidden_at = NULL, hidden_reason = NULL, updated_at = now()
                 WHERE id = $1",
                event_id,
                reason,
                moderator.id,
            )
            .execute(&mut *tx)
            .await?;
            crate::webhooks::server::emit_status(&mut tx, event_id, "rejected").await?;
        }
    }
    let action_id = sqlx::query_scalar!(
        "INSERT INTO moderation_actions (moderator_id, event_id, target_user_id, action, reason, details)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        moderator.id,
        event_id,
        event.organizer_id,
        action,
        reason,
        serde_json::json!({ "reports_closed": closed }),
    )
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        Some(moderator.id),
        Target::Event(event_id),
        &format!("reports_{report_status}"),
        serde_json::json!({
            "before": { "status": event.status, "hidden": event.hidden_reason },
            "after": { "status": if reason.is_some() { "rejected" } else { event.status.as_str() }, "reason": reason },
            "reports": closed,
        }),
        ip,
    )
    .await?;
    if let Verdict::TakeDown(reason) = verdict {
        event_updates::moderation_decided(
            &mut tx,
            event_id,
            action_id,
            ModerationOutcome::Rejected,
            Some(reason.clone()),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
