//! The organizer's public profile: display name, bio, links and an avatar re-encoded like event images.

use sqlx::PgPool;

use crate::{
    accounts::model::{PublicProfile, PublicProfilePage},
    error::AppError,
    events::server::images::{AVATAR_WIDTHS, encode_avatar, encode_upload},
    ssr::media::{Media, variant_key},
};

/// Every stored file of an avatar (one per width).
pub fn avatar_files(key: &str) -> Vec<String> {
    AVATAR_WIDTHS
        .iter()
        .map(|width| variant_key(key, *width))
        .collect()
}

/// The avatar as `(src, srcset)` for a 128-pixel box (the larger file for dense screens).
pub fn avatar_sources(media: &Media, key: &str) -> (String, String) {
    let [small, large] = AVATAR_WIDTHS;
    (
        media.url(key, small),
        format!(
            "{} 1x, {} 2.5x",
            media.url(key, small),
            media.url(key, large)
        ),
    )
}

pub async fn page(
    pool: &PgPool,
    media: &Media,
    user_id: i64,
) -> Result<PublicProfilePage, AppError> {
    let row = sqlx::query!(
        "SELECT full_name, display_name, bio, profile_links, avatar_key, organizer_slug
         FROM users WHERE id = $1 AND deleted_at IS NULL",
        user_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(PublicProfilePage {
        profile: PublicProfile {
            display_name: row.display_name,
            bio: row.bio,
            links: row.profile_links,
        },
        full_name: row.full_name,
        avatar_url: row.avatar_key.map(|key| avatar_sources(media, &key).0),
        public_path: row.organizer_slug.map(|slug| format!("/organizers/{slug}")),
    })
}

pub async fn save(pool: &PgPool, user_id: i64, profile: &PublicProfile) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE users SET display_name = $2, bio = $3, profile_links = $4, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL",
        user_id,
        profile.display_name,
        profile.bio,
        &profile.links,
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Re-encodes and stores a new avatar, then removes the previous one's files.
pub async fn set_avatar(
    pool: &PgPool,
    media: &Media,
    user_id: i64,
    bytes: Vec<u8>,
) -> Result<(), AppError> {
    let encoded = encode_upload(bytes, encode_avatar).await?;
    let (key, _) = encoded.store(media, &format!("avatars/{user_id}")).await?;
    let previous = swap_avatar(pool, user_id, Some(&key)).await?;
    forget(media, previous).await;
    Ok(())
}

pub async fn remove_avatar(pool: &PgPool, media: &Media, user_id: i64) -> Result<(), AppError> {
    let previous = swap_avatar(pool, user_id, None).await?;
    forget(media, previous).await;
    Ok(())
}

/// Points the account at `key` and returns the key it replaced.
async fn swap_avatar(
    pool: &PgPool,
    user_id: i64,
    key: Option<&str>,
) -> Result<Option<String>, AppError> {
    let previous = sqlx::query_scalar!(
        "UPDATE users u SET avatar_key = $2, updated_at = now()
         FROM (SELECT id, avatar_key FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE) old
         WHERE u.id = old.id
         RETURNING old.avatar_key",
        user_id,
        key,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(previous)
}

/// After the commit; a failure only leaves a stray file.
pub async fn forget(media: &Media, key: Option<String>) {
    for file in key.iter().flat_map(|key| avatar_files(key)) {
        if let Err(error) = media.store.delete(&file).await {
            tracing::warn!(%error, "cannot delete a replaced avatar");
        }
    }
}
