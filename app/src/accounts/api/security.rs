use leptos::prelude::*;

use crate::{
    accounts::model::{SessionView, TwoFactorSetup, TwoFactorStatus},
    error::AppError,
};

#[cfg(feature = "ssr")]
fn code_error(key: crate::i18n::MessageKey) -> AppError {
    AppError::field("code", key)
}

/// The signed-in devices of the account, this one marked.
#[server(prefix = "/api/fn", endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let session = server::request_session().await?;
            let pool = crate::ssr::db::pool()?;
            let current = session.id().map(|id| id.to_string());
            server::sessions::list(
                &pool,
                user.id,
                current.as_deref(),
                crate::ssr::request::locale(),
            )
            .await
        }
        .await,
    )
}

/// Signs one device out (only one of the account's own).
#[server(prefix = "/api/fn", endpoint = "revoke_session")]
pub async fn revoke_session(id: i64) -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            if !server::sessions::revoke(&pool, user.id, id).await? {
                return Err(AppError::NotFound);
            }
            server::log(
                &pool,
                Some(user.id),
                Some(user.id),
                "session_revoked",
                &server::Client::current(),
            )
            .await;
            super::session::redirect_form_post("/account/security?saved=revoked");
            Ok(())
        }
        .await,
    )
}

/// Signs every device out, this one included.
#[server(prefix = "/api/fn", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let mut tx = pool.begin().await?;
            server::sessions::revoke_all(&mut tx, user.id, None).await?;
            tx.commit().await?;
            server::request_session()
                .await?
                .flush()
                .await
                .map_err(|_| AppError::Internal)?;
            server::log(
                &pool,
                Some(user.id),
                Some(user.id),
                "signed_out_everywhere",
                &server::Client::current(),
            )
            .await;
            leptos_axum::redirect("/login");
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "my_two_factor")]
pub async fn my_two_factor() -> Result<TwoFactorStatus, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let session = server::request_session().await?;
            server::two_factor::status(&pool, &session, &user).await
        }
        .await,
    )
}

/// A new secret to scan; 2FA turns on only once a code from it is confirmed. The security page shows
/// it (a plain form post goes back there).
#[server(prefix = "/api/fn", endpoint = "begin_two_factor")]
pub async fn begin_two_factor() -> Result<TwoFactorSetup, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            if user.two_factor {
                return Err(AppError::Conflict);
            }
            let pool = crate::ssr::db::pool()?;
            let session = server::request_session().await?;
            let setup = server::two_factor::begin_setup(&pool, &session, &user).await?;
            super::session::redirect_form_post("/account/security#two-factor");
            Ok(setup)
        }
        .await,
    )
}

/// Turns 2FA on with the first code; answers the recovery codes, which the security page also shows
/// once.
#[server(prefix = "/api/fn", endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let code = model::check_totp_code(&code).map_err(code_error)?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            let session = server::request_session().await?;
            let codes = server::two_factor::confirm_setup(
                &pool,
                &session,
                &user,
                &code,
                &server::Client::current(),
            )
            .await?;
            server::two_factor::keep_new_codes(&session, &codes).await?;
            super::session::redirect_form_post("/account/security?saved=2fa-on#two-factor");
            Ok(codes)
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "disable_two_factor")]
pub async fn disable_two_factor(code: String) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let factor = model::SecondFactor::parse(&code).map_err(code_error)?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            server::limits::check_second_factor(&pool, user.id).await?;
            let session = server::request_session().await?;
            server::two_factor::disable(
                &pool,
                &session,
                &user,
                &factor,
                &server::Client::current(),
            )
            .await?;
            super::session::redirect_form_post("/account/security?saved=2fa-off");
            Ok(())
        }
        .await,
    )
}

/// New recovery codes (the old ones stop working), after a current code.
#[server(prefix = "/api/fn", endpoint = "regenerate_recovery_codes")]
pub async fn regenerate_recovery_codes(code: String) -> Result<Vec<String>, AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let factor = model::SecondFactor::parse(&code).map_err(code_error)?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            server::limits::check_second_factor(&pool, user.id).await?;
            let codes = server::two_factor::regenerate_codes(
                &pool,
                &user,
                &factor,
                &server::Client::current(),
            )
            .await?;
            let session = server::request_session().await?;
            server::two_factor::keep_new_codes(&session, &codes).await?;
            super::session::redirect_form_post("/account/security?saved=codes#two-factor");
            Ok(codes)
        }
        .await,
    )
}
