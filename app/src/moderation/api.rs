//! Moderation's server functions. Every staff function is named `moderation_…` and checks the
//! moderator role first (the authorization test walks every one of them).

use leptos::prelude::*;

use super::model::{ActionLine, QueueItem, ReportGroup, Review};
#[cfg(feature = "ssr")]
use crate::accounts::model::Role;
use crate::error::AppError;

/// Anyone reports a published event (rate limited per address; `website` is a honeypot).
#[server(prefix = "/api/fn", endpoint = "report_event")]
pub async fn report_event(
    slug: String,
    reason: String,
    details: Option<String>,
    email: Option<String>,
    website: Option<String>,
) -> Result<String, AppError> {
    use super::{model, server::reports};
    use crate::{accounts::server::current_user, error::FieldErrors, i18n::MessageKey};
    crate::ssr::request::reply(
        async {
            if website.is_some_and(|w| !w.trim().is_empty()) {
                return Err(AppError::Forbidden);
            }
            crate::ssr::rate_limit::check(|l| &l.reports)?;
            let mut errors = FieldErrors::new();
            let reason = model::ReportReason::from_code(&reason);
            if reason.is_none() {
                errors.add("reason", MessageKey::FieldRequired);
            }
            let details =
                model::check_report_details(details.as_deref().unwrap_or_default(), reason)
                    .map_err(|key| errors.add("details", key))
                    .unwrap_or_default();
            let email = match email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
                None => None,
                Some(raw) => match crate::validation::Email::parse(raw) {
                    Ok(email) => Some(email.as_str().to_owned()),
                    Err(key) => {
                        errors.add("email", key);
                        None
                    }
                },
            };
            errors.into_result()?;
            let reason = reason.ok_or(AppError::Internal)?;
            let user = current_user().await?;
            let pool = crate::ssr::db::pool()?;
            let secret = crate::ssr::SigningSecret::current()?;
            let ip = crate::accounts::server::Client::current().ip;
            reports::file(
                &pool,
                reports::NewReport {
                    event_slug: &slug,
                    reason,
                    details,
                    reporter: user.as_ref(),
                    email,
                    ip: ip.as_deref(),
                    locale: crate::ssr::request::locale(),
                    secret: &secret.0,
                },
            )
            .await?;
            let path = format!("/events/{slug}?reported=1");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "moderation_queue")]
pub async fn moderation_queue(order: Option<String>) -> Result<Vec<QueueItem>, AppError> {
    use crate::accounts::server::authz::require_role;
    crate::ssr::request::reply(
        async {
            require_role(Role::Moderator).await?;
            let pool = crate::ssr::db::pool()?;
            let order = super::model::QueueOrder::from_query(order.as_deref());
            super::server::queue::pending(&pool, order, crate::ssr::request::locale()).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "moderation_review")]
pub async fn moderation_review(event: i64) -> Result<Review, AppError> {
    use crate::accounts::server::authz::require_role;
    crate::ssr::request::reply(
        async {
            require_role(Role::Moderator).await?;
            let pool = crate::ssr::db::pool()?;
            super::server::queue::review(&pool, event, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// Approve, reject or ask for changes. `template` names a prepared reason (see
/// `server::templates`), `reason` adds free text; rejecting or asking for changes needs one of them.
#[server(prefix = "/api/fn", endpoint = "moderation_decide")]
pub async fn moderation_decide(
    event: i64,
    decision: String,
    template: Option<String>,
    reason: Option<String>,
) -> Result<String, AppError> {
    use super::server::{review, templates};
    use crate::accounts::server::{Client, authz::require_role};
    crate::ssr::request::reply(
        async {
            let moderator = require_role(Role::Moderator).await?;
            let pool = crate::ssr::db::pool()?;
            let reason = || {
                templates::compose(template.as_deref(), reason.as_deref().unwrap_or_default())
                    .map_err(|key| AppError::field("reason", key))
            };
            let decision = match decision.as_str() {
                "approve" => review::Decision::Approve,
                "reject" => review::Decision::Reject(reason()?),
                "request_changes" => review::Decision::RequestChanges(reason()?),
                _ => {
                    return Err(AppError::field(
                        "decision",
                        crate::i18n::MessageKey::FieldRequired,
                    ));
                }
            };
            let ip = Client::current().ip;
            review::decide(&pool, &moderator, event, &decision, ip.as_deref()).await?;
            let path = format!(
                "/admin/moderation?done={decision_name}",
                decision_name = decision.name()
            );
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "moderation_reports")]
pub async fn moderation_reports() -> Result<Vec<ReportGroup>, AppError> {
    use crate::accounts::server::authz::require_role;
    crate::ssr::request::reply(
        async {
            require_role(Role::Moderator).await?;
            let pool = crate::ssr::db::pool()?;
            super::server::queue::report_groups(&pool, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// Dismiss an event's open reports, or take the event down with a reason.
#[server(prefix = "/api/fn", endpoint = "moderation_resolve_reports")]
pub async fn moderation_resolve_reports(
    event: i64,
    verdict: String,
    template: Option<String>,
    reason: Option<String>,
) -> Result<String, AppError> {
    use super::server::{reports, templates};
    use crate::accounts::server::{Client, authz::require_role};
    crate::ssr::request::reply(
        async {
            let moderator = require_role(Role::Moderator).await?;
            let verdict = match verdict.as_str() {
                "dismiss" => reports::Verdict::Dismiss,
                "take_down" => reports::Verdict::TakeDown(
                    templates::compose(template.as_deref(), reason.as_deref().unwrap_or_default())
                        .map_err(|key| AppError::field("reason", key))?,
                ),
                _ => {
                    return Err(AppError::field(
                        "verdict",
                        crate::i18n::MessageKey::FieldRequired,
                    ));
                }
            };
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            reports::resolve(&pool, &moderator, event, &verdict, ip.as_deref()).await?;
            let path = "/admin/reports?done=1".to_owned();
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "moderation_log")]
pub async fn moderation_log() -> Result<Vec<ActionLine>, AppError> {
    use crate::accounts::server::authz::require_role;
    crate::ssr::request::reply(
        async {
            require_role(Role::Moderator).await?;
            let pool = crate::ssr::db::pool()?;
            super::server::queue::history(&pool, None, None, crate::ssr::request::locale(), 200)
                .await
        }
        .await,
    )
}
