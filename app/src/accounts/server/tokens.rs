//! Single-use links (email verification, password reset, email change): 256 random bits in the link,
//! only their SHA-256 in the database, marked used in the same statement that accepts them.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl Purpose {
    fn as_db(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::ChangeEmail => "change_email",
        }
    }

    fn from_db(value: &str) -> Option<Purpose> {
        match value {
            "verify_email" => Some(Purpose::VerifyEmail),
            "reset_password" => Some(Purpose::ResetPassword),
            "change_email" => Some(Purpose::ChangeEmail),
            _ => None,
        }
    }

    /// How long a link stays valid.
    fn valid_for(self) -> chrono::Duration {
        match self {
            Purpose::ResetPassword => chrono::Duration::hours(1),
            Purpose::VerifyEmail | Purpose::ChangeEmail => chrono::Duration::hours(48),
        }
    }
}

/// Random bytes as URL-safe text (no padding).
pub fn random_text(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new link for `user_id`; earlier unused links for the same purpose stop working.
pub async fn issue(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: Purpose,
    new_email: Option<&str>,
) -> Result<String, AppError> {
    sqlx::query!(
        "UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        user_id,
        purpose.as_db(),
    )
    .execute(&mut *conn)
    .await?;
    let token = random_text(32);
    let expires_at = chrono::Utc::now() + purpose.valid_for();
    sqlx::query!(
        "INSERT INTO user_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, $2, $3, $4, $5)",
        user_id,
        purpose.as_db(),
        digest(&token),
        new_email,
        expires_at,
    )
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// A link that was accepted.
#[derive(Debug)]
pub struct Redeemed {
    pub user_id: i64,
    pub purpose: Purpose,
    pub new_email: Option<String>,
}

/// Accepts a link once: unused, unexpired, of one of `purposes`, for an account that still exists.
/// `NotFound` otherwise (expired, used, forged: the page says the link no longer works).
pub async fn redeem(
    conn: &mut PgConnection,
    token: &str,
    purposes: &[Purpose],
) -> Result<Redeemed, AppError> {
    if token.is_empty() || token.len() > 100 {
        return Err(AppError::NotFound);
    }
    let wanted: Vec<String> = purposes.iter().map(|p| p.as_db().to_owned()).collect();
    let row = sqlx::query!(
        "UPDATE user_tokens t SET used_at = now()
         FROM users u
         WHERE t.token_hash = $1 AND t.purpose = ANY($2) AND t.used_at IS NULL AND t.expires_at > now()
           AND u.id = t.user_id AND u.deleted_at IS NULL
         RETURNING t.user_id, t.purpose, t.new_email",
        digest(token),
        &wanted,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Redeemed {
        user_id: row.user_id,
        purpose: Purpose::from_db(&row.purpose).ok_or(AppError::Internal)?,
        new_email: row.new_email,
    })
}

/// Whether a link would be accepted now (the page shows its form only then), without using it.
pub async fn is_usable(
    pool: &sqlx::PgPool,
    token: &str,
    purposes: &[Purpose],
) -> Result<bool, AppError> {
    let wanted: Vec<String> = purposes.iter().map(|p| p.as_db().to_owned()).collect();
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM user_tokens
                  WHERE token_hash = $1 AND purpose = ANY($2) AND used_at IS NULL AND expires_at > now()) AS "usable!""#,
        digest(token),
        &wanted,
    )
    .fetch_one(pool)
    .await?)
}
