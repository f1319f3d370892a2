//! The back-office's server functions. Every one is named `admin_…`, checks the admin role first
//! (with two-factor sign-in) and logs what it changes with before/after in the same transaction.

use leptos::prelude::*;

use super::model::PlatformSettings;
#[cfg(feature = "ssr")]
use crate::accounts::model::Role;
use crate::error::AppError;

/// The settings and the word and domain lists, for `/admin/settings`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SettingsView {
    pub settings: PlatformSettings,
    /// (id, kind, term).
    pub terms: Vec<(i64, String, String)>,
}

#[server(prefix = "/api/fn", endpoint = "admin_settings")]
pub async fn admin_settings() -> Result<SettingsView, AppError> {
    use crate::accounts::server::authz::require_role;
    crate::ssr::request::reply(
        async {
            require_role(Role::Admin).await?;
            let pool = crate::ssr::db::pool()?;
            let mut conn = pool.acquire().await?;
            let settings = super::server::settings::load(&mut conn).await?;
            let terms = super::server::settings::term_rows(&mut conn).await?;
            Ok(SettingsView { settings, terms })
        }
        .await,
    )
}

/// Saves the settings form (every field of `PlatformSettings`; checkboxes present when ticked).
#[server(prefix = "/api/fn", endpoint = "admin_save_settings")]
pub async fn admin_save_settings(
    auto_publish_trusted: Option<String>,
    auto_publish_max_score: String,
    max_links: String,
    new_account_days: String,
    burst_limit: String,
    report_threshold: String,
    max_submissions_per_day: String,
    guest_registration: Option<String>,
    guest_retention_days: String,
) -> Result<String, AppError> {
    use crate::accounts::server::{Client, authz::require_role};
    crate::ssr::request::reply(
        async {
            let admin = require_role(Role::Admin).await?;
            let field = |name: &str| -> Option<String> {
                match name {
                    "auto_publish_trusted" => auto_publish_trusted.clone(),
                    "auto_publish_max_score" => Some(auto_publish_max_score.clone()),
                    "max_links" => Some(max_links.clone()),
                    "new_account_days" => Some(new_account_days.clone()),
                    "burst_limit" => Some(burst_limit.clone()),
                    "report_threshold" => Some(report_threshold.clone()),
                    "max_submissions_per_day" => Some(max_submissions_per_day.clone()),
                    "guest_registration" => guest_registration.clone(),
                    "guest_retention_days" => Some(guest_retention_days.clone()),
                    _ => None,
                }
            };
            let settings = PlatformSettings::parse(&field).map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            super::server::settings::save(&pool, admin.id, &settings, ip.as_deref()).await?;
            let path = "/admin/settings?done=1".to_owned();
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// Adds a forbidden word (`word_fr`, `word_en`) or a blocked domain (`domain`).
#[server(prefix = "/api/fn", endpoint = "admin_add_term")]
pub async fn admin_add_term(kind: String, term: String) -> Result<String, AppError> {
    use crate::accounts::server::{Client, authz::require_role};
    crate::ssr::request::reply(
        async {
            let admin = require_role(Role::Admin).await?;
            let term = super::model::check_term(&kind, &term)
                .map_err(|(field, key)| AppError::field(field, key))?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            super::server::settings::add_term(&pool, admin.id, &kind, &term, ip.as_deref()).await?;
            let path = "/admin/settings?done=1#terms".to_owned();
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_remove_term")]
pub async fn admin_remove_term(id: i64) -> Result<String, AppError> {
    use crate::accounts::server::{Client, authz::require_role};
    crate::ssr::request::reply(
        async {
            let admin = require_role(Role::Admin).await?;
            let pool = crate::ssr::db::pool()?;
            let ip = Client::current().ip;
            super::server::settings::remove_term(&pool, admin.id, id, ip.as_deref()).await?;
            let path = "/admin/settings?done=1#terms".to_owned();
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

use super::model::{
    AnnouncementLine, AuditLine, Dashboard, EventAdminDetail, EventFilter, EventRow, FailedMail,
    NamedRow, TicketLine, UserDetail, UserFilter, UserRow,
};

/// The admin signed in (with 2FA), the pool, the client's address: the start of every function.
#[cfg(feature = "ssr")]
async fn as_admin() -> Result<
    (
        crate::accounts::model::CurrentUser,
        sqlx::PgPool,
        Option<String>,
    ),
    AppError,
> {
    let admin = crate::accounts::server::authz::require_role(Role::Admin).await?;
    let pool = crate::ssr::db::pool()?;
    Ok((admin, pool, crate::accounts::server::Client::current().ip))
}

/// Ends a form's work: plain posts go to `path`, scripts get it as the answer.
#[cfg(feature = "ssr")]
fn done(path: String) -> Result<String, AppError> {
    crate::ssr::request::redirect_form_post(&path);
    Ok(path)
}

#[server(prefix = "/api/fn", endpoint = "admin_dashboard")]
pub async fn admin_dashboard() -> Result<Dashboard, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            super::server::dashboard::load(&pool, crate::ssr::request::locale()).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_users")]
pub async fn admin_users(filter: UserFilter) -> Result<Vec<UserRow>, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            super::server::users::list(&pool, &filter, crate::ssr::request::locale()).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_user")]
pub async fn admin_user(user: i64) -> Result<UserDetail, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            super::server::users::detail(&pool, user, crate::ssr::request::locale()).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_set_trusted")]
pub async fn admin_set_trusted(user_id: i64, trusted: Option<String>) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let trusted = trusted.is_some_and(|t| t == "true");
            super::server::users::set_trusted(&pool, admin.id, user_id, trusted, ip.as_deref())
                .await?;
            done(format!("/admin/users/{user_id}?done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_delete_user")]
pub async fn admin_delete_user(user_id: i64, reason: String) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let reason = crate::moderation::model::check_decision_reason(&reason)
                .map_err(|key| AppError::field("reason", key))?;
            crate::moderation::server::sanctions::delete_user(
                &pool,
                &admin,
                user_id,
                &reason,
                ip.as_deref(),
            )
            .await?;
            done(format!("/admin/users/{user_id}?done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_restore_user")]
pub async fn admin_restore_user(user_id: i64) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            crate::moderation::server::sanctions::restore_user(
                &pool,
                &admin,
                user_id,
                ip.as_deref(),
            )
            .await?;
            done(format!("/admin/users/{user_id}?done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_events")]
pub async fn admin_events(filter: EventFilter) -> Result<Vec<EventRow>, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            super::server::events::list(&pool, &filter, crate::ssr::request::locale(), false).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_event")]
pub async fn admin_event(event: i64) -> Result<EventAdminDetail, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            super::server::events::detail(&pool, event, crate::ssr::request::locale()).await
        }
        .await,
    )
}

/// Deletes (softly) or restores an event: `deleted` is "true" or "false".
#[server(prefix = "/api/fn", endpoint = "admin_set_event_deleted")]
pub async fn admin_set_event_deleted(
    event: i64,
    deleted: String,
    reason: Option<String>,
) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let deleted = deleted == "true";
            let reason = match (deleted, reason.as_deref()) {
                (true, Some(r)) => Some(
                    crate::moderation::model::check_decision_reason(r)
                        .map_err(|key| AppError::field("reason", key))?,
                ),
                (true, None) => {
                    return Err(AppError::field(
                        "reason",
                        crate::i18n::MessageKey::FieldRequired,
                    ));
                }
                (false, _) => None,
            };
            crate::moderation::server::sanctions::set_event_deleted(
                &pool,
                &admin,
                event,
                deleted,
                reason.as_deref(),
                ip.as_deref(),
            )
            .await?;
            done(format!("/admin/events/{event}?done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_set_label")]
pub async fn admin_set_label(event: i64, label: i64, given: String) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            super::server::events::set_label(
                &pool,
                admin.id,
                event,
                label,
                given == "true",
                ip.as_deref(),
            )
            .await?;
            done(format!("/admin/events/{event}?done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_tickets")]
pub async fn admin_tickets(
    event: Option<i64>,
    person: Option<String>,
    code: Option<String>,
) -> Result<Vec<TicketLine>, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            let keep = |v: Option<String>| {
                v.map(|v| v.trim().chars().take(100).collect::<String>())
                    .filter(|v| !v.is_empty())
            };
            let query = super::server::tickets::TicketQuery {
                event_id: event,
                person: keep(person),
                code: keep(code),
            };
            // Nothing asked, nothing listed (the page then explains how to search).
            if query == super::server::tickets::TicketQuery::default() {
                return Ok(Vec::new());
            }
            Ok(
                super::server::tickets::lines(&pool, &query, crate::ssr::request::locale())
                    .await?
                    .into_iter()
                    .map(|(_, line)| line)
                    .collect(),
            )
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_set_ticket_status")]
pub async fn admin_set_ticket_status(
    ticket: i64,
    status: String,
    back: Option<String>,
) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            if !matches!(status.as_str(), "valid" | "cancelled") {
                return Err(AppError::field(
                    "status",
                    crate::i18n::MessageKey::FieldRequired,
                ));
            }
            super::server::tickets::set_status(&pool, admin.id, ticket, &status, ip.as_deref())
                .await?;
            // Back to the list the admin came from (only paths of the back-office).
            let back = back
                .filter(|b| b.starts_with("/admin/") && !b.contains("//"))
                .unwrap_or_else(|| "/admin/tickets".into());
            let separator = if back.contains('?') { '&' } else { '?' };
            done(format!("{back}{separator}done=1"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_mail_overview")]
pub async fn admin_mail_overview() -> Result<(Vec<AnnouncementLine>, Vec<FailedMail>), AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            let locale = crate::ssr::request::locale();
            Ok((
                super::server::mail::announcements(&pool, locale).await?,
                super::server::mail::failed(&pool, locale).await?,
            ))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_announce")]
pub async fn admin_announce(
    segment: String,
    subject: String,
    body: String,
) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let (subject, body) = super::model::check_announcement(&segment, &subject, &body)
                .map_err(AppError::Validation)?;
            let sent = super::server::mail::announce(
                &pool,
                admin.id,
                &segment,
                &subject,
                &body,
                ip.as_deref(),
            )
            .await?;
            done(format!("/admin/notifications?sent={sent}"))
        }
        .await,
    )
}

/// Queues a failed mail again (`id`), or every failed mail (no id).
#[server(prefix = "/api/fn", endpoint = "admin_retry_mail")]
pub async fn admin_retry_mail(id: Option<i64>) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let count = super::server::mail::retry(&pool, admin.id, id, ip.as_deref()).await?;
            done(format!("/admin/notifications?retried={count}"))
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_catalog")]
pub async fn admin_catalog() -> Result<(Vec<NamedRow>, Vec<NamedRow>), AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            Ok((
                super::server::catalog::categories(&pool).await?,
                super::server::catalog::labels(&pool).await?,
            ))
        }
        .await,
    )
}

/// Creates or updates a category (`kind` = "category") or a label (`kind` = "label").
#[server(prefix = "/api/fn", endpoint = "admin_save_named")]
pub async fn admin_save_named(
    kind: String,
    id: Option<i64>,
    slug: String,
    name_fr: String,
    name_en: String,
    description_fr: Option<String>,
    description_en: Option<String>,
    position: Option<i32>,
) -> Result<String, AppError> {
    use super::server::catalog;
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let kind = match kind.as_str() {
                "category" => catalog::Kind::Category,
                "label" => catalog::Kind::Label,
                _ => return Err(AppError::NotFound),
            };
            let (slug, name_fr, name_en, description_fr, description_en) =
                super::model::check_named(
                    &slug,
                    &name_fr,
                    &name_en,
                    (
                        description_fr.as_deref().unwrap_or_default(),
                        description_en.as_deref().unwrap_or_default(),
                    ),
                )
                .map_err(AppError::Validation)?;
            let names = catalog::Names {
                slug,
                name_fr,
                name_en,
                description_fr,
                description_en,
                position: position.unwrap_or(0).clamp(0, 1000),
            };
            catalog::save(&pool, admin.id, kind, id, &names, ip.as_deref()).await?;
            done("/admin/categories?done=1".into())
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_remove_named")]
pub async fn admin_remove_named(kind: String, id: i64) -> Result<String, AppError> {
    use super::server::catalog;
    crate::ssr::request::reply(
        async {
            let (admin, pool, ip) = as_admin().await?;
            let kind = match kind.as_str() {
                "category" => catalog::Kind::Category,
                "label" => catalog::Kind::Label,
                _ => return Err(AppError::NotFound),
            };
            catalog::remove(&pool, admin.id, kind, id, ip.as_deref()).await?;
            done("/admin/categories?done=1".into())
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "admin_audit")]
pub async fn admin_audit(
    actor: Option<i64>,
    action: Option<String>,
    target_type: Option<String>,
    target_id: Option<i64>,
    page: Option<i64>,
) -> Result<Vec<AuditLine>, AppError> {
    crate::ssr::request::reply(
        async {
            let (_, pool, _) = as_admin().await?;
            let keep = |v: Option<String>| {
                v.map(|v| v.trim().chars().take(60).collect::<String>())
                    .filter(|v| !v.is_empty())
            };
            let filter = super::server::audit::Filter {
                actor_id: actor,
                action: keep(action),
                target_type: keep(target_type),
                target_id,
                involving_user: None,
            };
            super::server::audit::lines(
                &pool,
                &filter,
                page.unwrap_or(0).clamp(0, 10_000),
                100,
                crate::ssr::request::locale(),
            )
            .await
        }
        .await,
    )
}
