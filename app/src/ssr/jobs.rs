//! Scheduled jobs from the `jobs` table (reminders now; waitlist expiry and retention later). They
//! survive restarts because they are rows. A job runs in one transaction with its effects (the mails
//! it queues) and its `done_at`, under a row lock, so it never takes effect twice; a failure is
//! retried with backoff and given up after `max_attempts` (kept with its error for the admins).

use sqlx::{PgConnection, PgPool};
use std::time::Duration;

use super::mail::worker::backoff;

pub struct JobSettings {
    pub batch_size: i64,
    pub lease: Duration,
    pub max_attempts: i32,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            batch_size: 20,
            lease: Duration::from_secs(300),
            max_attempts: 10,
        }
    }
}

/// A job as its handler sees it.
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub event_id: Option<i64>,
    pub payload: serde_json::Value,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobsReport {
    pub done: usize,
    pub retried: usize,
    pub given_up: usize,
}

/// Runs the handler of `job.kind` inside the job's transaction.
async fn dispatch(conn: &mut PgConnection, job: &Job) -> Result<(), String> {
    match job.kind.as_str() {
        crate::notifications::server::reminders::KIND => {
            crate::notifications::server::reminders::send(conn, job)
                .await
                .map_err(|e| e.to_string())
        }
        crate::tickets::server::waitlist::EXPIRY_KIND => {
            crate::tickets::server::waitlist::expire(conn, job)
                .await
                .map_err(|e| format!("{e:?}"))
        }
        crate::tickets::server::organizer::DIGEST_KIND => {
            crate::tickets::server::organizer::send_digest(conn, job)
                .await
                .map_err(|e| format!("{e:?}"))
        }
        crate::moderation::server::sanctions::SUSPENSION_END_KIND => {
            crate::moderation::server::sanctions::end_suspension(conn, job)
                .await
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown job kind {other:?}")),
    }
}

/// Claims due jobs (leasing them, so a crashed worker's jobs come back) and runs each.
pub async fn run_due(pool: &PgPool, settings: &JobSettings) -> Result<JobsReport, sqlx::Error> {
    let claimed = sqlx::query!(
        "UPDATE jobs j SET attempts = j.attempts + 1, run_at = now() + make_interval(secs => $2)
         FROM (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= now()
               ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
         WHERE j.id = due.id
         RETURNING j.id, j.attempts",
        settings.batch_size,
        settings.lease.as_secs_f64(),
    )
    .fetch_all(pool)
    .await?;
    let mut report = JobsReport::default();
    for claim in claimed {
        let mut tx = pool.begin().await?;
        // Re-read under a lock: a reschedule may have changed or finished it since the claim.
        let Some(job) = sqlx::query_as!(
            Job,
            "SELECT id, kind, event_id, payload FROM jobs WHERE id = $1 AND done_at IS NULL FOR UPDATE",
            claim.id
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            continue;
        };
        match dispatch(&mut tx, &job).await {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE jobs SET done_at = now(), last_error = NULL WHERE id = $1",
                    job.id
                )
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                report.done += 1;
            }
            Err(error) => {
                tx.rollback().await?;
                let give_up = claim.attempts >= settings.max_attempts;
                tracing::warn!(job_id = job.id, kind = %job.kind, attempts = claim.attempts, give_up, %error, "job failed");
                let error: String = error.chars().take(1000).collect();
                sqlx::query!(
                    "UPDATE jobs SET last_error = $2,
                         run_at = CASE WHEN $3 THEN run_at ELSE now() + make_interval(secs => $4) END,
                         done_at = CASE WHEN $3 THEN now() END
                     WHERE id = $1",
                    job.id,
                    error,
                    give_up,
                    backoff(claim.attempts).as_secs_f64(),
                )
                .execute(pool)
                .await?;
                if give_up {
                    report.given_up += 1;
                } else {
                    report.retried += 1;
                }
            }
        }
    }
    Ok(report)
}
