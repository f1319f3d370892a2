use leptos::prelude::*;

use super::model::WebhooksPage;
use crate::error::AppError;

/// Where an endpoint's key waits for the next page view (shown once).
#[cfg(feature = "ssr")]
const FRESH_KEY: &str = "webhook_secret_fresh";

/// The account's endpoints with their delivery logs, and once the key of the one just made.
#[server(prefix = "/api/fn", endpoint = "my_webhooks")]
pub async fn my_webhooks() -> Result<WebhooksPage, AppError> {
    use crate::accounts::server::{request_session, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let fresh_secret = request_session()
                .await?
                .remove::<String>(FRESH_KEY)
                .await
                .map_err(|_| AppError::Internal)?;
            let endpoints =
                super::server::list(&pool, user.id, crate::ssr::request::locale()).await?;
            Ok(WebhooksPage {
                endpoints,
                fresh_secret,
            })
        }
        .await,
    )
}

/// Adds an endpoint for the ticked kinds of notice; back to the page, which shows its key once.
#[server(prefix = "/api/fn", endpoint = "create_webhook")]
pub async fn create_webhook(url: String, events: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::accounts::server::{Client, log, request_session, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let policy = super::server::WebhookPolicy::current();
            let (url, events) = super::model::check_webhook(
                &url,
                &events.unwrap_or_default(),
                policy.allow_private,
            )
            .map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            let (_, secret) = super::server::create(&pool, user.id, &url, &events).await?;
            request_session()
                .await?
                .insert(FRESH_KEY, secret)
                .await
                .map_err(|_| AppError::Internal)?;
            log(
                &pool,
                Some(user.id),
                Some(user.id),
                "webhook_created",
                &Client::current(),
            )
            .await;
            crate::ssr::request::redirect_form_post("/account/webhooks");
            Ok(())
        }
        .await,
    )
}

/// Removes one of the account's endpoints and its log.
#[server(prefix = "/api/fn", endpoint = "delete_webhook")]
pub async fn delete_webhook(id: i64) -> Result<(), AppError> {
    use crate::accounts::server::{Client, log, require_user};
    crate::ssr::request::reply(
        async {
            let user = require_user().await?;
            let pool = crate::ssr::db::pool()?;
            if !super::server::delete(&pool, user.id, id).await? {
                return Err(AppError::NotFound);
            }
            log(
                &pool,
                Some(user.id),
                Some(user.id),
                "webhook_deleted",
                &Client::current(),
            )
            .await;
            crate::ssr::request::redirect_form_post("/account/webhooks?saved=deleted");
            Ok(())
        }
        .await,
    )
}
