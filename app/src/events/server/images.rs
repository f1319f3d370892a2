//! Event images: checked by their content (not their name), decoded within limits, turned upright,
//! re-encoded to WebP in several widths (which drops EXIF, GPS and every other metadata), stored, and
//! recorded with their alt text.

use image::{DynamicImage, ImageFormat, ImageReader, Limits, imageops::FilterType};
use sqlx::PgPool;

use super::access;
use crate::{
    accounts::model::CurrentUser,
    error::AppError,
    i18n::MessageKey,
    ssr::media::{Media, variant_key},
};

pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Widths served with `srcset` (never wider than the original).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Pixels decoded at most: a 10 MB file may claim a huge canvas (a "decompression bomb").
const MAX_PIXELS: u64 = 50_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Cover,
    Flyer,
}

impl ImageKind {
    pub fn parse(value: &str) -> Option<ImageKind> {
        match value {
            "cover" => Some(ImageKind::Cover),
            "flyer" => Some(ImageKind::Flyer),
            _ => None,
        }
    }

    fn as_db(self) -> &'static str {
        match self {
            ImageKind::Cover => "cover",
            ImageKind::Flyer => "flyer",
        }
    }
}

/// The re-encoded widths of one upload.
pub struct Encoded {
    pub variants: Vec<(u32, Vec<u8>)>,
}

impl Encoded {
    /// Stores every width under a new key in `folder` (`events/12`); answers the key and the widths.
    pub async fn store(self, media: &Media, folder: &str) -> Result<(String, Vec<i32>), AppError> {
        let key = format!(
            "{folder}/{}",
            crate::accounts::server::tokens::random_text(12)
        );
        let widths = self.variants.iter().map(|(w, _)| *w as i32).collect();
        for (width, bytes) in self.variants {
            media
                .store
                .put(&variant_key(&key, width), bytes, "image/webp")
                .await
                .map_err(|error| {
                    tracing::error!(%error, "cannot store an image");
                    AppError::Unavailable
                })?;
        }
        Ok((key, widths))
    }
}

/// Runs `encoder` on a blocking thread (decoding is CPU work); a refusal lands on the `file` field.
pub async fn encode_upload(
    bytes: Vec<u8>,
    encoder: fn(&[u8]) -> Result<Encoded, MessageKey>,
) -> Result<Encoded, AppError> {
    tokio::task::spawn_blocking(move || encoder(&bytes))
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|key| AppError::field("file", key))
}

/// Decodes and re-encodes an event upload (CPU work: call it on a blocking thread).
pub fn encode(bytes: &[u8]) -> Result<Encoded, MessageKey> {
    let image = decode(bytes)?;
    Ok(variants(&image, &WIDTHS))
}

/// Square widths of an avatar.
pub const AVATAR_WIDTHS: [u32; 2] = [128, 320];

/// An avatar: the same checks (so a side of 100 pixels at least), cropped to its centred square (CPU work: a blocking thread).
pub fn encode_avatar(bytes: &[u8]) -> Result<Encoded, MessageKey> {
    let image = decode(bytes)?;
    let side = image.width().min(image.height());
    let square = image.crop_imm(
        (image.width() - side) / 2,
        (image.height() - side) / 2,
        side,
        side,
    );
    // Every width exists (a small picture is enlarged), so a key alone names its files.
    let variants = AVATAR_WIDTHS
        .iter()
        .map(|&width| {
            let resized = square.resize_exact(width, width, FilterType::Triangle);
            (width, webp_bytes(&resized))
        })
        .collect();
    Ok(Encoded { variants })
}

/// Checks the content's type and size, then decodes within limits and turns the image upright.
fn decode(bytes: &[u8]) -> Result<DynamicImage, MessageKey> {
    if bytes.len() > MAX_BYTES {
        return Err(MessageKey::ImageTooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| MessageKey::ImageType)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(MessageKey::ImageType);
    }
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|_| MessageKey::ImageCorrupt)?;
    let (width, height) = image::ImageDecoder::dimensions(&decoder);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MessageKey::ImageTooLarge);
    }
    if width < 200 || height < 100 {
        return Err(MessageKey::ImageTooSmall);
    }
    let orientation = image::ImageDecoder::orientation(&mut decoder).ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| MessageKey::ImageCorrupt)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

fn webp_bytes(image: &DynamicImage) -> Vec<u8> {
    let rgba = image.to_rgba8();
    webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height())
        .encode(80.0)
        .to_vec()
}

/// WebP files at each width up to the image's own (which drops every metadata).
fn variants(image: &DynamicImage, widths: &[u32]) -> Encoded {
    let mut variants = Vec::new();
    for &target in widths {
        let last = target >= image.width();
        let resized = if last {
            image.clone()
        } else {
            image.resize(target, u32::MAX, FilterType::Triangle)
        };
        variants.push((resized.width().min(target), webp_bytes(&resized)));
        if last {
            break;
        }
    }
    Encoded { variants }
}

/// One file sent for an event.
pub struct Upload {
    pub event_id: i64,
    pub kind: ImageKind,
    pub alt: String,
    pub bytes: Vec<u8>,
}

/// Stores an upload for an event the user manages. A new cover replaces the previous one.
pub async fn add(
    pool: &PgPool,
    media: &Media,
    user: &CurrentUser,
    upload: Upload,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let Upload {
        event_id,
        kind,
        alt,
        bytes,
    } = upload;
    let alt = crate::events::model::form::check_image_alt(&alt)
        .map_err(|key| AppError::field("alt", key))?;
    {
        // Refuse early, before spending CPU on someone else's event.
        let mut tx = pool.begin().await?;
        access::lock_for(&mut tx, user, event_id).await?;
        tx.rollback().await?;
    }
    let encoded = encode_upload(bytes, encode).await?;
    let (key, widths) = encoded.store(media, &format!("events/{event_id}")).await?;
    let mut tx = pool.begin().await?;
    let locked = access::lock_for(&mut tx, user, event_id).await?;
    let replaced = if kind == ImageKind::Cover {
        sqlx::query_as!(
            Stored,
            r#"DELETE FROM event_images WHERE event_id = $1 AND kind = 'cover'
               RETURNING storage_key, widths"#,
            event_id
        )
        .fetch_all(&mut *tx)
        .await?
    } else {
        Vec::new()
    };
    let id = sqlx::query_scalar!(
        "INSERT INTO event_images (event_id, kind, storage_key, alt_text, widths, position)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT coalesce(max(position), 0) + 1 FROM event_images WHERE event_id = $1))
         RETURNING id",
        event_id,
        kind.as_db(),
        key,
        alt,
        &widths,
    )
    .fetch_one(&mut *tx)
    .await?;
    if kind == ImageKind::Cover {
        sqlx::query!(
            "UPDATE events SET cover_image_key = $2, cover_image_alt = $3, updated_at = now() WHERE id = $1",
            event_id,
            key,
            alt,
        )
        .execute(&mut *tx)
        .await?;
    }
    access::log(
        &mut tx,
        user.id,
        event_id,
        "event_image_added",
        serde_json::json!({ "image": id, "kind": kind.as_db() }),
        ip,
    )
    .await?;
    // Moderators approved the images they saw: a new one on a published event is looked at again.
    if locked.status == "published" {
        crate::moderation::server::intake::run(
            &mut tx,
            event_id,
            crate::moderation::server::intake::Cause::ContentEdited,
        )
        .await?;
    }
    tx.commit().await?;
    forget(media, replaced).await;
    Ok(id)
}

struct Stored {
    storage_key: String,
    widths: Vec<i32>,
}

/// Removes files no row points to any more (after the commit; a failure only leaves a stray file).
async fn forget(media: &Media, stored: Vec<Stored>) {
    for image in stored {
        for width in image.widths {
            let key = variant_key(&image.storage_key, width.max(0) as u32);
            if let Err(error) = media.store.delete(&key).await {
                tracing::warn!(%error, "cannot delete a replaced image");
            }
        }
    }
}

/// Deletes one image of an event the user manages.
pub async fn remove(
    pool: &PgPool,
    media: &Media,
    user: &CurrentUser,
    image_id: i64,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let event_id = sqlx::query_scalar!("SELECT event_id FROM event_images WHERE id = $1", image_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    access::lock_for(&mut tx, user, event_id).await?;
    let removed = sqlx::query_as!(
        Stored,
        "DELETE FROM event_images WHERE id = $1 RETURNING storage_key, widths",
        image_id
    )
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE events SET cover_image_key = NULL, cover_image_alt = NULL
         WHERE id = $1 AND cover_image_key = ANY($2)",
        event_id,
        &removed
            .iter()
            .map(|r| r.storage_key.clone())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *tx)
    .await?;
    access::log(
        &mut tx,
        user.id,
        event_id,
        "event_image_removed",
        serde_json::json!({ "image": image_id }),
        ip,
    )
    .await?;
    tx.commit().await?;
    forget(media, removed).await;
    Ok(event_id)
}
