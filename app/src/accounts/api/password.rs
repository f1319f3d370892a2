use leptos::prelude::*;

use crate::error::AppError;

/// Sends a reset link when the address has an account; the answer is the same when it has not.
#[server(prefix = "/api/fn", endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let email = crate::validation::Email::parse(&email)
                .map_err(|key| AppError::field("email", key))?;
            crate::ssr::rate_limit::check(|l| &l.mail_links)?;
            let pool = crate::ssr::db::pool()?;
            server::profile::request_reset(&pool, &email, &server::Client::current()).await?;
            super::session::redirect_form_post("/password/forgot?sent=1");
            Ok(())
        }
        .await,
    )
}

/// Whether a reset link still works (the page then shows its form).
#[server(prefix = "/api/fn", endpoint = "reset_link_usable")]
pub async fn reset_link_usable(token: String) -> Result<bool, AppError> {
    use super::super::server::tokens;
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            tokens::is_usable(&pool, &token, &[tokens::Purpose::ResetPassword]).await
        }
        .await,
    )
}

/// Sets a new password from a reset link; every session of the account ends.
#[server(prefix = "/api/fn", endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            model::check_new_password(&password).map_err(|key| AppError::field("password", key))?;
            crate::ssr::rate_limit::check(|l| &l.mail_links)?;
            let pool = crate::ssr::db::pool()?;
            server::profile::reset_password(&pool, &token, &password, &server::Client::current())
                .await?;
            // This browser may have been signed in: that session ended with the others.
            let session = server::request_session().await?;
            session.flush().await.map_err(|_| AppError::Internal)?;
            super::session::redirect_form_post("/login?reset=1");
            Ok(())
        }
        .await,
    )
}
