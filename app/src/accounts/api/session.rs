use leptos::prelude::*;

use crate::error::AppError;

/// Signs in and answers the local path to go to next: the page asked for, or the second-factor step
/// for accounts with 2FA. Plain form posts are redirected there.
#[server(prefix = "/api/fn", endpoint = "login")]
pub async fn login(
    email: String,
    password: String,
    remember: Option<String>,
    next: Option<String>,
) -> Result<String, AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let attempt =
                model::LoginAttempt::parse(&email, &password).map_err(AppError::Validation)?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            server::limits::check_sign_in(&pool, attempt.email.as_str()).await?;
            let client = server::Client::current();
            let account = server::authenticate(&pool, &attempt, &client).await?;
            let session = server::request_session().await?;
            let next = model::safe_next(next.as_deref());
            let next = if account.two_factor {
                server::start_second_factor(&session, account.user_id, remember.is_some()).await?;
                model::second_factor_url(&next)
            } else {
                server::sign_in(
                    &pool,
                    &session,
                    account.user_id,
                    remember.is_some(),
                    &client,
                )
                .await?;
                // Staff without a second factor set it up first.
                if account.role.is_staff() {
                    "/account/security?required=1".to_owned()
                } else {
                    next
                }
            };
            redirect_form_post(&next);
            Ok(next)
        }
        .await,
    )
}

/// The second step of a sign-in: a code from the authenticator app, or a recovery code.
#[server(prefix = "/api/fn", endpoint = "login_second_factor")]
pub async fn login_second_factor(code: String, next: Option<String>) -> Result<String, AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let factor =
                model::SecondFactor::parse(&code).map_err(|key| AppError::field("code", key))?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let session = server::request_session().await?;
            // The password step expired (5 minutes) or never happened: start again.
            let (user_id, remember) = server::pending_second_factor(&session)
                .await?
                .ok_or(AppError::Unauthorized)?;
            let pool = crate::ssr::db::pool()?;
            server::limits::check_second_factor(&pool, user_id).await?;
            let client = server::Client::current();
            if !server::two_factor::verify(&pool, user_id, &factor, &client).await? {
                return Err(AppError::field(
                    "code",
                    crate::i18n::MessageKey::TwoFactorCodeWrong,
                ));
            }
            server::sign_in(&pool, &session, user_id, remember, &client).await?;
            let next = model::safe_next(next.as_deref());
            redirect_form_post(&next);
            Ok(next)
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub(super) use crate::ssr::request::redirect_form_post;

#[server(prefix = "/api/fn", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            let session = super::super::server::request_session().await?;
            super::super::server::sign_out(&pool, &session).await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}
