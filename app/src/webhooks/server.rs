//! Webhook endpoints, the notices events emit into them (inside the caller's transaction, so a notice
//! exists exactly when its change committed), and their delivery by the worker: signed POSTs, retried
//! with the mail outbox's backoff, each attempt's outcome kept for the organizer's log.
//!
//! Signature: `Meetral-Signature: v1=<hex HMAC-SHA256(key, "{id}.{timestamp}.{body}")>` with
//! `Meetral-Webhook-Id` and `Meetral-Webhook-Timestamp` (Unix seconds): receivers recompute it with the
//! endpoint's key and refuse timestamps older than a few minutes (replays).

use chrono::Utc;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::{PgConnection, PgPool};
use std::time::Duration;

use super::model::{DeliveryView, LOG_SIZE, MAX_ENDPOINTS, WebhookView};
use crate::{
    accounts::server::tokens::random_text,
    error::AppError,
    i18n::{Locale, MessageKey, dates::format_moment},
};

/// Whether endpoints may be plain http or on private addresses (`WEBHOOK_ALLOW_PRIVATE`: tests and
/// local development only), provided to server functions as context.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebhookPolicy {
    pub allow_private: bool,
}

impl WebhookPolicy {
    pub fn current() -> WebhookPolicy {
        leptos::prelude::use_context::<WebhookPolicy>().unwrap_or_default()
    }
}

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: i32 = 8;
const TIMEOUT: Duration = Duration::from_secs(10);

/// A new endpoint of `user_id`; returns its id and signing key (shown once).
pub async fn create(
    pool: &PgPool,
    user_id: i64,
    url: &str,
    events: &[String],
) -> Result<(i64, String), AppError> {
    let secret = format!("whsec_{}", random_text(32));
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT id FROM users WHERE id = $1 FOR UPDATE", user_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM webhook_endpoints WHERE user_id = $1"#,
        user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if count >= MAX_ENDPOINTS {
        return Err(AppError::field("url", MessageKey::WebhookLimitReached));
    }
    let id = sqlx::query_scalar!(
        "INSERT INTO webhook_endpoints (user_id, url, secret, events) VALUES ($1, $2, $3, $4) RETURNING id",
        user_id,
        url,
        secret,
        events,
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

/// The account's endpoints, each with its latest deliveries: two queries whatever their number.
pub async fn list(
    pool: &PgPool,
    user_id: i64,
    locale: Locale,
) -> Result<Vec<WebhookView>, AppError> {
    let endpoints = sqlx::query!(
        "SELECT id, url, events, created_at FROM webhook_endpoints WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
        user_id
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = endpoints.iter().map(|e| e.id).collect();
    let deliveries = sqlx::query!(
        r#"SELECT id AS "id!", endpoint_id AS "endpoint_id!", event_type AS "event_type!", status AS "status!",
                  attempts AS "attempts!", last_status, last_error, created_at AS "created_at!"
           FROM (SELECT d.*, row_number() OVER (PARTITION BY endpoint_id ORDER BY created_at DESC, id DESC) AS n
                 FROM webhook_deliveries d WHERE endpoint_id = ANY($1)) recent
           WHERE n <= $2 ORDER BY created_at DESC, id DESC"#,
        &ids,
        LOG_SIZE
    )
    .fetch_all(pool)
    .await?;
    Ok(endpoints
        .into_iter()
        .map(|e| WebhookView {
            deliveries: deliveries
                .iter()
                .filter(|d| d.endpoint_id == e.id)
                .map(|d| DeliveryView {
                    id: d.id,
                    event_type: d.event_type.clone(),
                    status: d.status.clone(),
                    attempts: d.attempts,
                    last_status: d.last_status,
                    last_error: d.last_error.clone(),
                    at: format_moment(d.created_at, locale),
                })
                .collect(),
            id: e.id,
            url: e.url,
            events: e.events,
            created: format_moment(e.created_at, locale),
        })
        .collect())
}

/// Deletes one of the account's endpoints (and its log); false when it has no such endpoint.
pub async fn delete(pool: &PgPool, user_id: i64, id: i64) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "DELETE FROM webhook_endpoints WHERE id = $1 AND user_id = $2",
        id,
        user_id
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Queues `kind` about event `event_id` for every endpoint of its organizer that asked for it, in the
/// caller's transaction. One statement; nothing when the organizer has no endpoint.
pub async fn emit(
    conn: &mut PgConnection,
    event_id: i64,
    kind: &str,
    data: serde_json::Value,
) -> Result<(), AppError> {
    let payload = serde_json::json!({
        "type": kind,
        "created_at": Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    });
    sqlx::query!(
        "INSERT INTO webhook_deliveries (endpoint_id, event_type, payload)
         SELECT w.id, $2, $3 FROM webhook_endpoints w JOIN events e ON e.organizer_id = w.user_id
         WHERE e.id = $1 AND $2 = ANY(w.events)",
        event_id,
        kind,
        payload,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `event.status_changed` with the new status.
pub async fn emit_status(
    conn: &mut PgConnection,
    event_id: i64,
    status: &str,
) -> Result<(), AppError> {
    emit(
        conn,
        event_id,
        "event.status_changed",
        serde_json::json!({ "event_id": event_id, "status": status }),
    )
    .await
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Meetral-Signature` value for a delivery.
pub fn signature(secret: &str, id: i64, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    format!("v1={}", hex(&mac.finalize().into_bytes()))
}

/// What one round of deliveries did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
}

/// A client that follows no redirect (a receiver cannot bounce a delivery to another address).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Meetral-Webhooks/1")
        .build()
        .unwrap_or_default()
}

/// Claims due deliveries (leased for 5 minutes so another worker skips them), posts each and records
/// the outcome.
pub async fn deliver_due(
    pool: &PgPool,
    client: &reqwest::Client,
) -> Result<DeliveryReport, sqlx::Error> {
    let due = sqlx::query!(
        r#"WITH claimed AS (
             UPDATE webhook_deliveries SET next_attempt_at = now() + interval '5 minutes', attempts = attempts + 1
             WHERE id IN (SELECT id FROM webhook_deliveries
                          WHERE status = 'pending' AND next_attempt_at <= now()
                          ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
             RETURNING id, endpoint_id, payload, attempts)
           SELECT c.id, c.payload, c.attempts, w.url, w.secret
           FROM claimed c JOIN webhook_endpoints w ON w.id = c.endpoint_id ORDER BY c.id"#
    )
    .fetch_all(pool)
    .await?;
    let mut report = DeliveryReport::default();
    for delivery in due {
        let body = serde_json::to_vec(&delivery.payload).unwrap_or_default();
        let timestamp = Utc::now().timestamp();
        let answer = client
            .post(&delivery.url)
            .header("content-type", "application/json")
            .header("meetral-webhook-id", delivery.id.to_string())
            .header("meetral-webhook-timestamp", timestamp.to_string())
            .header(
                "meetral-signature",
                signature(&delivery.secret, delivery.id, timestamp, &body),
            )
            .body(body)
            .send()
            .await;
        let (code, error) = match answer {
            Ok(response) if response.status().is_success() => {
                (Some(i32::from(response.status().as_u16())), None)
            }
            Ok(response) => (
                Some(i32::from(response.status().as_u16())),
                Some(format!("HTTP {}", response.status().as_u16())),
            ),
            // The error's kind only: its text may quote the URL's credentials or query.
            Err(error) if error.is_timeout() => (None, Some("timeout".to_owned())),
            Err(error) if error.is_connect() => {
                (None, Some("connection refused or unreachable".to_owned()))
            }
            Err(_) => (None, Some("request failed".to_owned())),
        };
        let outcome = match (&error, delivery.attempts >= MAX_ATTEMPTS) {
            (None, _) => "delivered",
            (Some(_), true) => "failed",
            (Some(_), false) => "pending",
        };
        let wait = crate::ssr::mail::worker::backoff(delivery.attempts).as_secs_f64();
        sqlx::query!(
            "UPDATE webhook_deliveries SET status = $2, last_status = $3, last_error = $4,
                    delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
                    next_attempt_at = now() + make_interval(secs => $5::float8)
             WHERE id = $1",
            delivery.id,
            outcome,
            code,
            error,
            wait,
        )
        .execute(pool)
        .await?;
        match outcome {
            "delivered" => report.delivered += 1,
            "failed" => report.failed += 1,
            _ => report.retried += 1,
        }
    }
    Ok(report)
}
