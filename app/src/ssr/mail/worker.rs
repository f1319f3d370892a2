//! The outbox worker. Several may run at once: a claim is one atomic `UPDATE … FOR UPDATE SKIP LOCKED`
//! that also leases the rows (`next_attempt_at = now() + lease`), so a worker that dies mid-batch loses
//! nothing: its rows come back when the lease ends. Delivery is at least once; the one window for a
//! duplicate is a crash after the SMTP server accepted a mail and before the row is marked sent (the
//! Message-ID, derived from the idempotency key, lets receivers drop such a duplicate).

use lettre::{
    Message,
    message::{
        Attachment, Mailbox, MultiPart, SinglePart,
        header::{ContentType, HeaderName, HeaderValue},
    },
};
use sqlx::PgPool;
use std::time::Duration;

use super::{
    message::Mail,
    render::{RenderContext, RenderedMail, render},
    transport::{MailTransport, SendFailure},
    unsubscribe,
};
use crate::i18n::Locale;

#[derive(Clone)]
pub struct WorkerSettings {
    pub from: Mailbox,
    /// Public URL of the site, for links in mails.
    pub base_url: String,
    /// Signs unsubscribe links (the server secret).
    pub secret: Vec<u8>,
    pub batch_size: i64,
    pub max_attempts: i32,
    pub lease: Duration,
    pub poll_interval: Duration,
}

impl WorkerSettings {
    pub fn new(from: Mailbox, base_url: &str, secret: &[u8]) -> Self {
        Self {
            from,
            base_url: base_url.trim_end_matches('/').to_owned(),
            secret: secret.to_vec(),
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
    let content =
        Mail::from_row(&mail.template, mail.payload.clone()).map_err(SendFailure::Permanent)?;
    let unsubscribe_url = content.optional().map(|kind| {
        let token = unsubscribe::token(&settings.secret, kind, &mail.to_address);
        format!("{}/unsubscribe/{token}", settings.base_url)
    });
    let context = RenderContext {
        base_url: &settings.base_url,
        unsubscribe_url: unsubscribe_url.clone(),
    };
    let rendered = render(&content, locale, &context)
        .map_err(|e| SendFailure::Permanent(format!("template: {e}")))?;
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
        .subject(rendered.subject.clone())
        .message_id(Some(format!("<{message_id}@outbox.meetral>")));
    if let Some(reply_to) = rendered
        .reply_to
        .as_ref()
        .and_then(|r| r.parse::<Mailbox>().ok())
    {
        builder = builder.reply_to(reply_to);
    }
    if let Some(url) = unsubscribe_url {
        // RFC 2369 + RFC 8058: mail clients show "unsubscribe" and POST to the link in one click.
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    builder
        .multipart(body_parts(rendered)?)
        .map_err(|e| SendFailure::Permanent(format!("cannot build the message: {e}")))
}

/// text + HTML alternatives; the HTML with its inline images (related); attachments around (mixed).
fn body_parts(rendered: RenderedMail) -> Result<MultiPart, SendFailure> {
    let html = SinglePart::html(rendered.html);
    let html_part = if rendered.inline_images.is_empty() {
        MultiPart::alternative()
            .singlepart(SinglePart::plain(rendered.text))
            .singlepart(html)
    } else {
        let png =
            ContentType::parse("image/png").map_err(|e| SendFailure::Permanent(e.to_string()))?;
        let related = rendered.inline_images.into_iter().fold(
            MultiPart::related().singlepart(html),
            |related, image| {
                related.singlepart(
                    Attachment::new_inline(image.content_id).body(image.png, png.clone()),
                )
            },
        );
        MultiPart::alternative()
            .singlepart(SinglePart::plain(rendered.text))
            .multipart(related)
    };
    if rendered.attachments.is_empty() {
        return Ok(html_part);
    }
    let mut mixed = MultiPart::mixed().multipart(html_part);
    for attachment in rendered.attachments {
        let content_type = ContentType::parse(attachment.content_type)
            .map_err(|e| SendFailure::Permanent(e.to_string()))?;
        mixed = mixed
            .singlepart(Attachment::new(attachment.filename).body(attachment.bytes, content_type));
    }
    Ok(mixed)
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

/// Runs scheduled jobs and mail batches until `stop` turns true; sleeps `poll_interval` when there was nothing to send.
/// A database outage is logged and waited out, never fatal.
pub async fn run_forever(
    pool: PgPool,
    transport: MailTransport,
    settings: WorkerSettings,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let job_settings = crate::ssr::jobs::JobSettings::default();
    let sessions = crate::ssr::session_store::PgSessionStore::new(pool.clone());
    let webhooks = crate::webhooks::server::client();
    let mut last_purge: Option<std::time::Instant> = None;
    while !*stop.borrow() {
        // Expired sessions are refused on load anyway; removing them hourly keeps the table small.
        if last_purge.is_none_or(|at| at.elapsed() > Duration::from_secs(3600)) {
            match sessions.delete_expired().await {
                Ok(removed) if removed > 0 => tracing::info!(removed, "expired sessions removed"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "cannot remove expired sessions"),
            }
            match crate::privacy::server::retention::erase_past_guests(&pool).await {
                Ok(erased) if erased > 0 => {
                    tracing::info!(erased, "past guests' personal data erased")
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "cannot erase past guests' data"),
            }
            use crate::privacy::server::retention::{
                forget_old_log_addresses, forget_old_webhook_deliveries, forget_sent_mail,
            };
            if let Err(error) = forget_old_webhook_deliveries(&pool).await {
                tracing::warn!(%error, "cannot remove old webhook deliveries");
            }
            if let Err(error) = forget_old_log_addresses(&pool).await {
                tracing::warn!(%error, "cannot clear old log addresses");
            }
            if let Err(error) = forget_sent_mail(&pool).await {
                tracing::warn!(%error, "cannot remove old sent mails");
            }
            last_purge = Some(std::time::Instant::now());
        }
        // Jobs first: the reminders they queue leave in the same round.
        let jobs_idle = match crate::ssr::jobs::run_due(&pool, &job_settings).await {
            Ok(report) => report == crate::ssr::jobs::JobsReport::default(),
            Err(error) => {
                tracing::warn!(%error, "job runner cannot reach the database");
                true
            }
        };
        // Webhooks leave through the same loop as mails, with the same backoff.
        let hooks_idle = match crate::webhooks::server::deliver_due(&pool, &webhooks).await {
            Ok(report) => report == crate::webhooks::server::DeliveryReport::default(),
            Err(error) => {
                tracing::warn!(%error, "webhook delivery cannot reach the database");
                true
            }
        };
        let idle = jobs_idle
            && hooks_idle
            && match run_once(&pool, &transport, &settings).await {
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
