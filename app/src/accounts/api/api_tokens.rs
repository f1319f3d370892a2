use leptos::prelude::*;

use crate::{accounts::model::ApiTokensPage, error::AppError};

/// Where a token just made waits for its page (the session: it survives the redirect, and is read
/// once).
#[cfg(feature = "ssr")]
const FRESH_KEY: &str = "api_token_fresh";

/// The account's tokens and, once, the secret of the one just made.
#[server(prefix = "/api/fn", endpoint = "my_api_tokens")]
pub async fn my_api_tokens() -> Result<ApiTokensPage, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let session = server::request_session().await?;
            let fresh = session
                .remove::<String>(FRESH_KEY)
                .await
                .map_err(|_| AppError::Internal)?;
            let tokens =
                server::api_tokens::list(&pool, user.id, crate::ssr::request::locale()).await?;
            Ok(ApiTokensPage { tokens, fresh })
        }
        .await,
    )
}

/// Makes a token with the ticked scopes; back to the page, which shows its secret this once.
#[server(prefix = "/api/fn", endpoint = "create_api_token")]
pub async fn create_api_token(
    name: String,
    lifetime: String,
    read: Option<String>,
    write: Option<String>,
    checkin: Option<String>,
) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let scopes: Vec<model::Scope> = [
                (read, model::Scope::Read),
                (write, model::Scope::Write),
                (checkin, model::Scope::Checkin),
            ]
            .into_iter()
            .filter_map(|(ticked, scope)| ticked.map(|_| scope))
            .collect();
            let (name, days) =
                model::check_api_token(&name, &scopes, &lifetime).map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            let (_, secret) =
                server::api_tokens::create(&pool, user.id, &name, &scopes, days).await?;
            server::request_session()
                .await?
                .insert(FRESH_KEY, secret)
                .await
                .map_err(|_| AppError::Internal)?;
            let client = server::Client::current();
            server::log(
                &pool,
                Some(user.id),
                Some(user.id),
                "api_token_created",
                &client,
            )
            .await;
            crate::ssr::request::redirect_form_post("/account/tokens");
            Ok(())
        }
        .await,
    )
}

/// Revokes one of the account's own tokens: it stops working at once.
#[server(prefix = "/api/fn", endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: i64) -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            if !server::api_tokens::revoke(&pool, user.id, id).await? {
                return Err(AppError::NotFound);
            }
            let client = server::Client::current();
            server::log(
                &pool,
                Some(user.id),
                Some(user.id),
                "api_token_revoked",
                &client,
            )
            .await;
            crate::ssr::request::redirect_form_post("/account/tokens?saved=revoked");
            Ok(())
        }
        .await,
    )
}
