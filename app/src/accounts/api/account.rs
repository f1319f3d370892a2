use leptos::prelude::*;

use crate::{accounts::model::Account, error::AppError, i18n::Locale};

#[server(prefix = "/api/fn", endpoint = "my_account")]
pub async fn my_account() -> Result<Account, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            server::profile::account(&pool, user.id).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "save_profile")]
pub async fn save_profile(
    full_name: String,
    phone: Option<String>,
    locale: Locale,
) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let profile =
                model::Profile::parse(&full_name, phone.as_deref().unwrap_or_default(), locale)
                    .map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            server::profile::save_profile(&pool, user.id, &profile).await?;
            // The site follows the chosen language too (the same cookie as the header's switch; it
            // holds only "fr" or "en").
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                let cookie = crate::ssr::BaseUrl::current().locale_cookie(profile.locale);
                if let Ok(value) = http::HeaderValue::from_str(&cookie) {
                    response.append_header(http::header::SET_COOKIE, value);
                }
            }
            super::session::redirect_form_post("/account?saved=profile");
            Ok(())
        }
        .await,
    )
}

/// Changes the password (the current one is asked); other devices are signed out.
#[server(prefix = "/api/fn", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            model::check_password_present(&current_password)
                .map_err(|k| AppError::field("current_password", k))?;
            model::check_new_password(&new_password)
                .map_err(|k| AppError::field("new_password", k))?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            let session = server::request_session().await?;
            server::profile::change_password(
                &pool,
                &session,
                &user,
                &current_password,
                &new_password,
                &server::Client::current(),
            )
            .await?;
            super::session::redirect_form_post("/account/security?saved=password");
            Ok(())
        }
        .await,
    )
}

/// Asks to move the account to a new address: it gets a confirmation link, the old one a notice.
#[server(prefix = "/api/fn", endpoint = "change_email")]
pub async fn change_email(new_email: String, password: String) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let new_email = crate::validation::Email::parse(&new_email)
                .map_err(|k| AppError::field("new_email", k))?;
            model::check_password_present(&password).map_err(|k| AppError::field("password", k))?;
            crate::ssr::rate_limit::check(|l| &l.mail_links)?;
            let pool = crate::ssr::db::pool()?;
            server::profile::request_email_change(
                &pool,
                &user,
                &new_email,
                &password,
                &server::Client::current(),
            )
            .await?;
            super::session::redirect_form_post("/account?saved=email");
            Ok(())
        }
        .await,
    )
}
