use leptos::prelude::*;

use crate::error::AppError;

/// Signs in and answers the local path to go to next (plain form posts are redirected there).
#[server(prefix = "/api/fn", endpoint = "login")]
pub async fn login(
    email: String,
    password: String,
    remember: Option<String>,
    next: Option<String>,
) -> Result<String, AppError> {
    use super::{model, server};
    crate::ssr::request::reply(
        async {
            let attempt =
                model::LoginAttempt::parse(&email, &password).map_err(AppError::Validation)?;
            if let (Some(limiter), Some(ip)) = (
                use_context::<crate::ssr::rate_limit::LoginLimiter>(),
                crate::ssr::rate_limit::client_ip(),
            ) {
                limiter.check(ip)?;
            }
            let pool = crate::ssr::db::pool()?;
            server::check_account_limit(&pool, attempt.email.as_str()).await?;
            let user_id = server::authenticate(&pool, &attempt).await?;
            let session = server::request_session().await?;
            let user_agent = use_context::<http::request::Parts>().and_then(|parts| {
                parts
                    .headers
                    .get(http::header::USER_AGENT)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            });
            server::sign_in(
                &pool,
                &session,
                user_id,
                remember.is_some(),
                user_agent.as_deref(),
            )
            .await?;
            let next = model::safe_next(next.as_deref());
            // A plain form post (no WASM) is redirected; the island navigates by itself.
            if crate::ssr::request::accepts_html() {
                leptos_axum::redirect(&next);
            }
            Ok(next)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            super::server::sign_out(&pool, &super::server::request_session().await?).await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}
