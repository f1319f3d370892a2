use leptos::prelude::*;

use crate::{accounts::model::PublicProfilePage, error::AppError};

/// The signed-in person's public profile, as the form edits it.
#[server(prefix = "/api/fn", endpoint = "my_public_profile")]
pub async fn my_public_profile() -> Result<PublicProfilePage, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            server::public_profile::page(&pool, &crate::ssr::media::Media::current(), user.id).await
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "save_public_profile")]
pub async fn save_public_profile(
    display_name: String,
    bio: String,
    link_1: Option<String>,
    link_2: Option<String>,
    link_3: Option<String>,
) -> Result<(), AppError> {
    use super::super::{model::PublicProfile, server};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let links = [link_1, link_2, link_3].map(Option::unwrap_or_default);
            let links: Vec<&str> = links.iter().map(String::as_str).collect();
            let profile =
                PublicProfile::parse(&display_name, &bio, &links).map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            server::public_profile::save(&pool, user.id, &profile).await?;
            crate::ssr::request::redirect_form_post("/account/public?saved=public");
            Ok(())
        }
        .await,
    )
}

/// A new avatar (multipart: `file`), re-encoded like event images and cropped square.
#[server(prefix = "/api/fn", endpoint = "upload_avatar", input = server_fn::codec::MultipartFormData)]
pub async fn upload_avatar(data: server_fn::codec::MultipartData) -> Result<String, AppError> {
    use super::super::server;
    use crate::{events::server::images::MAX_BYTES, ssr::upload};
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            crate::ssr::rate_limit::check(|l| &l.uploads)?;
            let mut fields = upload::read_fields(data, MAX_BYTES).await?;
            let file = upload::file(&mut fields)?;
            let pool = crate::ssr::db::pool()?;
            let media = crate::ssr::media::Media::current();
            server::public_profile::set_avatar(&pool, &media, user.id, file).await?;
            let path = "/account/public?saved=avatar";
            crate::ssr::request::redirect_form_post(path);
            Ok(path.to_owned())
        }
        .await,
    )
}

#[server(prefix = "/api/fn", endpoint = "remove_avatar")]
pub async fn remove_avatar() -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            let pool = crate::ssr::db::pool()?;
            let media = crate::ssr::media::Media::current();
            server::public_profile::remove_avatar(&pool, &media, user.id).await?;
            crate::ssr::request::redirect_form_post("/account/public?saved=avatar-removed");
            Ok(())
        }
        .await,
    )
}
