//! Accounts on the server: sessions, sign-in, signup, tokens, passwords, 2FA, authorization.

pub mod admin;
pub mod api_tokens;
pub mod authz;
pub mod limits;
pub mod passwords;
pub mod profile;
pub mod public_profile;
pub mod sessions;
pub mod signup;
pub mod tokens;
pub mod two_factor;

use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tower_sessions::{Expiry, Session};

use super::model::{CurrentUser, LoginAttempt, Role};
use crate::{error::AppError, i18n::MessageKey};

const USER_KEY: &str = "user_id";
/// A sign-in waiting for its second factor (password already checked).
const PENDING_KEY: &str = "pending_login";
/// Idle timeouts: a normal session ends after 12 h without activity, "remember me" after 30 days.
const IDLE_SHORT: time::Duration = time::Duration::hours(12);
const IDLE_REMEMBER: time::Duration = time::Duration::days(30);
/// The second factor must follow the password within this many seconds.
const PENDING_TTL_SECS: i64 = 300;

fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "accounts error");
    AppError::Internal
}

/// What a sign-in needs to know about the request: where it comes from and with what browser.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl Client {
    /// The client of the request being served.
    pub fn current() -> Client {
        let user_agent = leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
            parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(|ua| ua.chars().take(500).collect())
        });
        Client {
            ip: crate::ssr::rate_limit::client_ip().map(|ip| ip.to_string()),
            user_agent,
        }
    }
}

/// The account a password opened, before any second factor.
pub struct Authenticated {
    pub user_id: i64,
    pub two_factor: bool,
    pub role: Role,
}

/// Checks the credentials; the same answer for an unknown email and a wrong password. A suspended
/// account learns why only once the password is right.
pub async fn authenticate(
    pool: &PgPool,
    attempt: &LoginAttempt,
    client: &Client,
) -> Result<Authenticated, AppError> {
    let user = sqlx::query!(
        "SELECT id, password_hash, status, suspended_until, suspension_reason, role,
                totp_enabled_at IS NOT NULL AS \"two_factor!\"
         FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        attempt.email.as_str()
    )
    .fetch_optional(pool)
    .await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = passwords::matches(hash, attempt.password.clone()).await?;
    let known_id = user.as_ref().map(|u| u.id);
    let Some(user) = user.filter(|_| ok) else {
        log(pool, None, known_id, "login_failed", client).await;
        return Err(AppError::field("password", MessageKey::LoginInvalid));
    };
    let suspended = user.status == "suspended"
        && user
            .suspended_until
            .is_none_or(|until| until > chrono::Utc::now());
    if suspended {
        log(
            pool,
            Some(user.id),
            Some(user.id),
            "login_refused_suspended",
            client,
        )
        .await;
        let locale = crate::ssr::request::locale();
        return Err(AppError::AccountSuspended {
            reason: user.suspension_reason.unwrap_or_default(),
            until: user
                .suspended_until
                .map(|until| crate::i18n::dates::format_moment(until, locale)),
        });
    }
    Ok(Authenticated {
        user_id: user.id,
        two_factor: user.two_factor,
        role: Role::from_db(&user.role),
    })
}

/// Writes the activity log; `actor` is who acted (none for a failed sign-in), `target` the account.
/// Never holds a secret: actions are names, details are ids.
pub async fn log(
    pool: &PgPool,
    actor: Option<i64>,
    target: Option<i64>,
    action: &str,
    client: &Client,
) {
    let result = sqlx::query!(
        "INSERT INTO activity_logs (actor_user_id, action, target_type, target_id, ip_address)
         VALUES ($1, $2, 'user', $3, $4::text::inet)",
        actor,
        action,
        target,
        client.ip,
    )
    .execute(pool)
    .await;
    if let Err(error) = result {
        tracing::warn!(%error, "cannot write the activity log");
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct PendingLogin {
    user_id: i64,
    remember: bool,
    started_at: i64,
}

/// Remembers a password that was right for an account with 2FA; the session id changes here too.
pub async fn start_second_factor(
    session: &Session,
    user_id: i64,
    remember: bool,
) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    let pending = PendingLogin {
        user_id,
        remember,
        started_at: chrono::Utc::now().timestamp(),
    };
    session
        .insert(PENDING_KEY, pending)
        .await
        .map_err(internal)?;
    session.save().await.map_err(internal)
}

/// The account waiting for its second factor, and whether to remember the device.
pub async fn pending_second_factor(session: &Session) -> Result<Option<(i64, bool)>, AppError> {
    let pending: Option<PendingLogin> = session.get(PENDING_KEY).await.map_err(internal)?;
    Ok(pending
        .filter(|p| chrono::Utc::now().timestamp() - p.started_at <= PENDING_TTL_SECS)
        .map(|p| (p.user_id, p.remember)))
}

/// Starts a signed-in session: a new session id (no fixation), the idle timeout, and a row the
/// person can later see and revoke, with an absolute expiry.
pub async fn sign_in(
    pool: &PgPool,
    session: &Session,
    user_id: i64,
    remember: bool,
    client: &Client,
) -> Result<(), AppError> {
    let _ = session.remove_value(PENDING_KEY).await.map_err(internal)?;
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_KEY, user_id).await.map_err(internal)?;
    session.set_expiry(Some(Expiry::OnInactivity(if remember {
        IDLE_REMEMBER
    } else {
        IDLE_SHORT
    })));
    session.save().await.map_err(internal)?;
    let session_id = session.id().ok_or(AppError::Internal)?.to_string();
    let absolute_days = if remember { 90 } else { 7 };
    sqlx::query!(
        "INSERT INTO user_sessions (session_id, user_id, user_agent, ip_address, expires_at)
         VALUES ($1, $2, $3, $4::text::inet, now() + make_interval(days => $5))",
        session_id,
        user_id,
        client.user_agent,
        client.ip,
        absolute_days,
    )
    .execute(pool)
    .await?;
    log(pool, Some(user_id), Some(user_id), "login", client).await;
    Ok(())
}

/// Ends the session here and marks its row revoked.
pub async fn sign_out(pool: &PgPool, session: &Session) -> Result<(), AppError> {
    if let Some(id) = session.id() {
        sqlx::query!(
            "UPDATE user_sessions SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL",
            id.to_string()
        )
        .execute(pool)
        .await?;
    }
    session.flush().await.map_err(internal)
}

/// The signed-in user of this session, if the session, its row and the account are all still good.
pub async fn user_of(pool: &PgPool, session: &Session) -> Result<Option<CurrentUser>, AppError> {
    let Some(user_id) = session.get::<i64>(USER_KEY).await.map_err(internal)? else {
        return Ok(None);
    };
    let Some(session_id) = session.id().map(|id| id.to_string()) else {
        return Ok(None);
    };
    let row = sqlx::query!(
        r#"WITH seen AS (
             UPDATE user_sessions SET last_seen_at = now()
             WHERE session_id = $2 AND user_id = $1 AND revoked_at IS NULL AND expires_at > now()
             RETURNING user_id)
         SELECT u.id, u.full_name, u.role, u.email_verified_at IS NOT NULL AS "email_verified!",
                u.totp_enabled_at IS NOT NULL AS "two_factor!"
         FROM users u JOIN seen ON seen.user_id = u.id
         WHERE u.deleted_at IS NULL
           AND (u.status = 'active' OR (u.suspended_until IS NOT NULL AND u.suspended_until <= now()))"#,
        user_id,
        session_id,
    )
    .fetch_optional(pool)
    .await?;
    match row {
        Some(row) => Ok(Some(CurrentUser {
            id: row.id,
            full_name: row.full_name,
            role: Role::from_db(&row.role),
            email_verified: row.email_verified,
            two_factor: row.two_factor,
        })),
        None => {
            // Revoked, expired, suspended or deleted: this session is over.
            session.flush().await.map_err(internal)?;
            Ok(None)
        }
    }
}

/// The session of the request being served.
pub async fn request_session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(internal)
}

/// The signed-in user of the request being served, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let pool = crate::ssr::db::pool()?;
    user_of(&pool, &request_session().await?).await
}

/// The signed-in user, or `Unauthorized`: the first line of every server function that needs one.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}
