// The preferences form posts one checkbox per kind and channel: one argument each.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::model::NotificationKind;
use crate::error::AppError;

/// What an unsubscribe link names, once its signature is checked: the address and the kind of mail.
#[server(prefix = "/api/fn", endpoint = "unsubscribe_target")]
pub async fn unsubscribe_target(token: String) -> Result<(String, NotificationKind), AppError> {
    crate::ssr::request::reply({
        let secret = crate::ssr::SigningSecret::current()?;
        crate::ssr::mail::unsubscribe::verify(&secret.0, &token).ok_or(AppError::NotFound)
    })
}

use super::model::{NotificationPage, PreferenceRow};

/// Unread notifications of the signed-in user (0 when nobody is signed in). Polled by the bell.
#[server(prefix = "/api/fn", endpoint = "unread_count")]
pub async fn unread_count() -> Result<i64, AppError> {
    crate::ssr::request::reply(
        async {
            let Some(user) = crate::accounts::server::current_user().await? else {
                return Ok(0);
            };
            let pool = crate::ssr::db::pool()?;
            Ok(super::server::inbox::unread_count(&pool, user.id).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "my_notifications")]
pub async fn my_notifications(page: i64) -> Result<NotificationPage, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let locale = crate::ssr::request::locale();
            Ok(super::server::inbox::page(&pool, user.id, page, locale).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "mark_notification_read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            Ok(super::server::inbox::mark_read(&pool, user.id, id).await?)
        }
        .await,
    )
}

/// Marks read everything received up to `up_to` (the moment the page was shown), so a notification
/// that arrives meanwhile stays unread.
#[server(prefix = "/api/fn", endpoint = "mark_all_notifications_read")]
pub async fn mark_all_notifications_read(up_to: String) -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let up_to = chrono::DateTime::parse_from_rfc3339(&up_to)
                .map(|d| d.with_timezone(&chrono::Utc))
                .unwrap_or_else(|_| chrono::Utc::now());
            let pool = crate::ssr::db::pool()?;
            super::server::inbox::mark_all_read(&pool, user.id, up_to).await?;
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "notification_preferences")]
pub async fn notification_preferences() -> Result<Vec<PreferenceRow>, AppError> {
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            Ok(super::server::inbox::preferences(&pool, user.id).await?)
        }
        .await,
    )
}

/// The preferences form: one checkbox per kind and channel (`email_<kind>`, `app_<kind>`); an
/// unchecked box is absent from the post.
#[server(prefix = "/api/fn", endpoint = "save_notification_preferences")]
pub async fn save_notification_preferences(
    email_registration_confirmed: Option<String>,
    app_registration_confirmed: Option<String>,
    email_event_reminder: Option<String>,
    app_event_reminder: Option<String>,
    email_event_changed: Option<String>,
    app_event_changed: Option<String>,
    email_event_cancelled: Option<String>,
    app_event_cancelled: Option<String>,
    email_waitlist_offer: Option<String>,
    app_waitlist_offer: Option<String>,
    email_moderation_decision: Option<String>,
    app_moderation_decision: Option<String>,
    email_report_update: Option<String>,
    app_report_update: Option<String>,
) -> Result<(), AppError> {
    use super::model::NotificationKind as K;
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            let row = |kind, email: Option<String>, app: Option<String>| PreferenceRow {
                kind,
                by_email: email.is_some(),
                in_app: app.is_some(),
            };
            let rows = [
                row(
                    K::RegistrationConfirmed,
                    email_registration_confirmed,
                    app_registration_confirmed,
                ),
                row(K::EventReminder, email_event_reminder, app_event_reminder),
                row(K::EventChanged, email_event_changed, app_event_changed),
                row(
                    K::EventCancelled,
                    email_event_cancelled,
                    app_event_cancelled,
                ),
                row(K::WaitlistOffer, email_waitlist_offer, app_waitlist_offer),
                row(
                    K::ModerationDecision,
                    email_moderation_decision,
                    app_moderation_decision,
                ),
                row(K::ReportUpdate, email_report_update, app_report_update),
            ];
            let pool = crate::ssr::db::pool()?;
            super::server::inbox::save_preferences(&pool, user.id, &rows).await?;
            leptos_axum::redirect("/account/notifications?saved=1");
            Ok(())
        }
        .await,
    )
}
