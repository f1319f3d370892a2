//! The outbox worker. Several may run at once: a claim is one atomic `UPDATE … FOR UPDATE SKIP LOCKED`
//! that also leases the rows (`next_attempt_at = now() + lease`), so a worker that dies mid-batch loses
//! nothing: its rows come back when the lease ends. Delivery is at least once; the one window for a
//! duplicate is a crash after the SMTP server accepted a mail and before the row is marked sent (the
//! Message-ID, derived from the idempotency key, lets receivers drop such a duplicate).

use lettre::{
    Message,
    message::{Mailbox, MultiPart},
};
use sqlx::PgPool;
use std::time::Duration;

use super::{
    render::render,
    transport::{MailTransport, SendFailure},
};
use crate::i18n::Locale;

#[derive(Clone)]
pub struct WorkerSettings {
    pub from: Mailbox,
    pub batch_size: i64,
    pub max_attempts: i32,
    pub lease: Duration,
    pub poll_interval: Duration,
}

impl WorkerSettings {
    pub fn new(from: Mailbox) -> Self {
        Self {
            from,
            batch_size: 20,
            max_attempts: 8,
            lease: Duration::from_secs(300),
            poll_interval: Duration::from_secs(2),
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

struct ClaimedMail {
    id: i64,
    idempotency_key: String,
    to_address: String,
    locale: String,
    template: String,
    payload: serde_json::Value,
    attempts: i32,
}

/// Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min… capped at 6 h.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 20) as u32 - 1;
    Duration::from_secs((30u64 << exponent.min(10)).min(6 * 3600))
}

/// Claims due mails (leasing them) and returns them; the claim commits at once.
async fn claim(pool: &PgPool, settings: &WorkerSettings) -> Result<Vec<ClaimedMail>, sqlx::Error> {
    sqlx::query_as!(
        ClaimedMail,
        "UPDATE email_outbox o
         SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         FROM (SELECT id FROM email_outbox
               WHERE status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at, id
               LIMIT $1
               FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
         RETURNING o.id, o.idempotency_key, o.to_address, o.locale, o.template, o.payload, o.attempts",
        settings.batch_size,
        settings.lease.as_secs_f64(),
    )
    .fetch_all(pool)
    .await
}

fn build_message(mail: &ClaimedMail, settings: &WorkerSettings) -> Result<Message, SendFailure> {
    let locale = Locale::from_tag(&mail.locale).unwrap_or_default();
    let rendered = render(&mail.template, locale, &mail.payload)
        .map_err(|e| SendFailure::Permanent(format!("template: {e:?}")))?;
    let to: Mailbox = mail
        .to_address
        .parse()
        .map_err(|e| SendFailure::Permanent(format!("invalid recipient: {e}")))?;
    let message_id: String = mail
        .idempotency_key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
        .collect();
    let mut builder = Message::builder()
        .from(settings.from.clone())
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(format!("<{message_id}@outbox.meetral>")));
    if let Some(reply_to) = rendered.reply_to.and_then(|r| r.parse::<Mailbox>().ok()) {
        builder = builder.reply_to(reply_to);
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            rendered.text,
            rendered.html,
        ))
        .map_err(|e| SendFailure::Permanent(format!("cannot build the message: {e}")))
}

fn truncate(reason: &str) -> String {
    reason.chars().take(1000).collect()
}

/// Sends one batch of due mails and records each outcome.
pub async fn run_once(
    pool: &PgPool,
    transport: &MailTransport,
    settings: &WorkerSettings,
) -> Result<BatchReport, sqlx::Error> {
    let mut report = BatchReport::default();
    for mail in claim(pool, settings).await? {
        let outcome = match build_message(&mail, settings) {
            Ok(message) => transport.send(message).await,
            Err(failure) => Err(failure),
        };
        match outcome {
            Ok(()) => {
                sqlx::query!("UPDATE email_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1", mail.id)
                    .execute(pool)
                    .await?;
                report.sent += 1;
            }
            Err(SendFailure::Transient(reason)) if mail.attempts < settings.max_attempts => {
                tracing::warn!(mail_id = mail.id, attempts = mail.attempts, %reason, "mail delivery failed; will retry");
                sqlx::query!(
                    "UPDATE email_outbox SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1",
                    mail.id,
                    backoff(mail.attempts).as_secs_f64(),
                    truncate(&reason),
                )
                .execute(pool)
                .await?;
                report.retried += 1;
            }
            Err(SendFailure::Transient(reason) | SendFailure::Permanent(reason)) => {
                tracing::error!(mail_id = mail.id, attempts = mail.attempts, %reason, "mail delivery failed for good");
                sqlx::query!(
                    "UPDATE email_outbox SET status = 'failed', last_error = $2 WHERE id = $1",
                    mail.id,
                    truncate(&reason)
                )
                .execute(pool)
                .await?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// Runs batches until `stop` turns true; sleeps `poll_interval` when there was nothing to send.
/// A database outage is logged and waited out, never fatal.
pub async fn run_forever(
    pool: PgPool,
    transport: MailTransport,
    settings: WorkerSettings,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    while !*stop.borrow() {
        let idle = match run_once(&pool, &transport, &settings).await {
            Ok(report) => report == BatchReport::default(),
            Err(error) => {
                tracing::warn!(%error, "mail worker cannot reach the database");
                true
            }
        };
        if idle {
            tokio::select! {
                _ = tokio::time::sleep(settings.poll_interval) => {}
                _ = stop.changed() => {}
            }
        }
    }
    tracing::info!("mail worker stopped");
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(5), Duration::from_secs(480));
        assert_eq!(backoff(30), Duration::from_secs(6 * 3600));
        assert_eq!(backoff(-3), Duration::from_secs(30));
    }
}
