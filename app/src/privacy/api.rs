use leptos::prelude::*;

use crate::error::AppError;

/// Deletes the signed-in person's account for good, after their password and a typed confirmation
/// word. Everything personal is erased or anonymised (see `privacy::server::erase`); the session
/// ends. Someone else's account cannot be named: there is no id to pass.
#[server(prefix = "/api/fn", endpoint = "delete_my_account")]
pub async fn delete_my_account(confirm: String, password: String) -> Result<(), AppError> {
    use crate::accounts::server::{Client, profile::check_current_password, request_session};
    crate::ssr::request::reply(
        async {
            let user = crate::accounts::server::require_user().await?;
            super::model::check_deletion(&confirm, &password).map_err(AppError::Validation)?;
            crate::ssr::rate_limit::check(|l| &l.login)?;
            let pool = crate::ssr::db::pool()?;
            let client = Client::current();
            check_current_password(&pool, user.id, &password, "password", &client).await?;
            let (_, avatar) =
                super::server::erase::erase_account(&pool, user.id, client.ip.as_deref()).await?;
            // The row no longer names the files; a failed removal only leaves orphan files.
            crate::accounts::server::public_profile::forget(
                &crate::ssr::media::Media::current(),
                avatar,
            )
            .await;
            if let Ok(session) = request_session().await {
                let _ = session.flush().await;
            }
            crate::ssr::request::redirect_form_post("/account/deleted");
            Ok(())
        }
        .await,
    )
}
