//! Personal access tokens: "mtl_" and 256 random bits, shown once; only their SHA-256 is stored.
//! A token acts for its owner with its scopes, and never with staff powers (those need a session
//! with two-factor sign-in).

use sha2::{Digest, Sha256};
use sqlx::PgPool;

use super::tokens::random_text;
use crate::{
    accounts::model::{ApiTokenView, CurrentUser, MAX_API_TOKENS, Role, Scope},
    error::AppError,
    i18n::{Locale, MessageKey, dates::format_moment},
};

const TOKEN_PREFIX: &str = "mtl_";
/// Characters of the secret kept in clear so its owner can tell tokens apart.
const SHOWN_CHARS: usize = 8;

fn digest(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// A token, looked up by its secret: who it acts for and what it may do.
#[derive(Debug, Clone)]
pub struct ApiPrincipal {
    pub token_id: i64,
    pub user: CurrentUser,
    pub scopes: Vec<Scope>,
}

impl ApiPrincipal {
    pub fn allows(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Why a presented token opens nothing (each says so in its own words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefusal {
    Unknown,
    Revoked,
    Expired,
    /// The account is deleted or suspended.
    AccountClosed,
}

/// A new token for `user_id`; `lifetime_days` 0 never expires. Returns its id and the secret.
pub async fn create(
    pool: &PgPool,
    user_id: i64,
    name: &str,
    scopes: &[Scope],
    lifetime_days: u32,
) -> Result<(i64, String), AppError> {
    let secret = format!("{TOKEN_PREFIX}{}", random_text(32));
    let shown: String = secret
        .chars()
        .take(TOKEN_PREFIX.len() + SHOWN_CHARS)
        .collect();
    let mut scopes: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    scopes.sort_unstable();
    scopes.dedup();
    let mut tx = pool.begin().await?;
    // The account's row lock serialises two creations racing for the last place under the cap.
    sqlx::query!("SELECT id FROM users WHERE id = $1 FOR UPDATE", user_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let live = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM api_tokens
           WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())"#,
        user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if live >= MAX_API_TOKENS {
        return Err(AppError::field("name", MessageKey::ApiTokenLimitReached));
    }
    let scopes: Vec<String> = scopes.into_iter().map(str::to_owned).collect();
    let id = sqlx::query_scalar!(
        "INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, expires_at)
         VALUES ($1, $2, $3, $4, $5,
                 CASE WHEN $6::int > 0 THEN now() + make_interval(days => $6::int) END)
         RETURNING id",
        user_id,
        name,
        shown,
        digest(&secret),
        &scopes,
        lifetime_days as i32,
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

/// The account's tokens not revoked, newest first (expired ones too, marked: their owner sees why
/// a script stopped working).
pub async fn list(
    pool: &PgPool,
    user_id: i64,
    locale: Locale,
) -> Result<Vec<ApiTokenView>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, name, prefix, scopes, created_at, last_used_at, expires_at,
                  coalesce(expires_at <= now(), false) AS "expired!"
           FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL
           ORDER BY created_at DESC, id DESC LIMIT 100"#,
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ApiTokenView {
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            scopes: row.scopes.iter().filter_map(|s| Scope::parse(s)).collect(),
            created: format_moment(row.created_at, locale),
            last_used: row.last_used_at.map(|at| format_moment(at, locale)),
            expires: row.expires_at.map(|at| format_moment(at, locale)),
            expired: row.expired,
        })
        .collect())
}

/// Revokes one of the account's own tokens; false when it has no such live token.
pub async fn revoke(pool: &PgPool, user_id: i64, token_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE api_tokens SET revoked_at = now()
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
        token_id,
        user_id
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The principal behind a presented secret. Its last use is written at most once a minute (a busy
/// script would otherwise write a row per request).
pub async fn authenticate(
    pool: &PgPool,
    secret: &str,
) -> Result<Result<ApiPrincipal, TokenRefusal>, AppError> {
    if !secret.starts_with(TOKEN_PREFIX) || secret.len() > 100 {
        return Ok(Err(TokenRefusal::Unknown));
    }
    let hash = digest(secret);
    let Some(row) = sqlx::query!(
        r#"SELECT t.id, t.scopes, t.revoked_at IS NOT NULL AS "revoked!",
                  coalesce(t.expires_at <= now(), false) AS "expired!",
                  u.id AS user_id, u.full_name, u.role, u.email_verified_at IS NOT NULL AS "email_verified!",
                  (u.deleted_at IS NULL AND (u.status = 'active'
                     OR (u.suspended_until IS NOT NULL AND u.suspended_until <= now()))) AS "open!"
           FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = $1"#,
        hash
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(Err(TokenRefusal::Unknown));
    };
    let refusal = if row.revoked {
        Some(TokenRefusal::Revoked)
    } else if row.expired {
        Some(TokenRefusal::Expired)
    } else if !row.open {
        Some(TokenRefusal::AccountClosed)
    } else {
        None
    };
    if let Some(refusal) = refusal {
        return Ok(Err(refusal));
    }
    sqlx::query!(
        "UPDATE api_tokens SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
        row.id
    )
    .execute(pool)
    .await?;
    Ok(Ok(ApiPrincipal {
        token_id: row.id,
        user: CurrentUser {
            id: row.user_id,
            full_name: row.full_name,
            // Staff powers need two-factor sign-in in a browser session, never a token.
            role: Role::from_db(&row.role).min(Role::User),
            email_verified: row.email_verified,
            two_factor: false,
        },
        scopes: row.scopes.iter().filter_map(|s| Scope::parse(s)).collect(),
    }))
}
