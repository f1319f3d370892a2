//! Sign-in, sign-out and "who is this request" (server only).

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use sqlx::PgPool;
use std::sync::OnceLock;
use tower_sessions::{Expiry, Session};

use super::model::{CurrentUser, LoginAttempt, Role};
use crate::{
    error::{AppError, FieldErrors},
    i18n::MessageKey,
};

const USER_KEY: &str = "user_id";
/// Idle timeouts: a normal session ends after 12 h without activity, "remember me" after 30 days.
const IDLE_SHORT: time::Duration = time::Duration::hours(12);
const IDLE_REMEMBER: time::Duration = time::Duration::days(30);

fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "session error");
    AppError::Internal
}

/// A hash to verify against when the email is unknown, so both answers take as long.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(b"meetral-timing-equaliser", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

async fn password_matches(hash: Option<String>, password: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let matches = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && matches
    })
    .await
    .map_err(internal)
}

/// Failed sign-ins on one account within this window…
const ACCOUNT_WINDOW_MINUTES: i32 = 15;
/// …beyond which the account refuses attempts until the oldest failure leaves the window.
const ACCOUNT_MAX_FAILURES: i64 = 10;

/// Refuses an attempt on an account that failed too often lately (counted in the database, so the
/// limit holds across server processes). Unknown emails are not limited here (the per-IP limit is).
pub async fn check_account_limit(pool: &PgPool, email: &str) -> Result<(), AppError> {
    let row = sqlx::query!(
        r#"SELECT count(*) AS "failures!",
                  EXTRACT(EPOCH FROM (min(l.created_at) + make_interval(mins => $2) - now()))::bigint AS wait_secs
           FROM activity_logs l
           WHERE l.target_type = 'user' AND l.action = 'login_failed'
             AND l.target_id = (SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL)
             AND l.created_at > now() - make_interval(mins => $2)"#,
        email,
        ACCOUNT_WINDOW_MINUTES,
    )
    .fetch_one(pool)
    .await?;
    if row.failures >= ACCOUNT_MAX_FAILURES {
        return Err(AppError::RateLimited {
            retry_after_secs: row.wait_secs.unwrap_or(60).max(1) as u64,
        });
    }
    Ok(())
}

/// Checks the credentials; the same answer for an unknown email and a wrong password.
pub async fn authenticate(pool: &PgPool, attempt: &LoginAttempt) -> Result<i64, AppError> {
    let user = sqlx::query!(
        "SELECT id, password_hash, status, suspended_until FROM users
         WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        attempt.email.as_str()
    )
    .fetch_optional(pool)
    .await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = password_matches(hash, attempt.password.clone()).await?;
    let known_id = user.as_ref().map(|u| u.id);
    let Some(user) = user.filter(|_| ok) else {
        log(pool, None, known_id, "login_failed").await;
        let mut errors = FieldErrors::new();
        errors.add("password", MessageKey::LoginInvalid);
        return Err(AppError::Validation(errors));
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
        )
        .await;
        let mut errors = FieldErrors::new();
        errors.add("email", MessageKey::LoginSuspended);
        return Err(AppError::Validation(errors));
    }
    Ok(user.id)
}

/// Writes the activity log; `actor` is who acted (none for a failed sign-in), `target` the account.
async fn log(pool: &PgPool, actor: Option<i64>, target: Option<i64>, action: &str) {
    let result = sqlx::query!(
        "INSERT INTO activity_logs (actor_user_id, action, target_type, target_id) VALUES ($1, $2, 'user', $3)",
        actor,
        action,
        target,
    )
    .execute(pool)
    .await;
    if let Err(error) = result {
        tracing::warn!(%error, "cannot write the activity log");
    }
}

/// Starts a signed-in session: a new session id (no fixation), the idle timeout, and a row the
/// person can later see and revoke, with an absolute expiry.
pub async fn sign_in(
    pool: &PgPool,
    session: &Session,
    user_id: i64,
    remember: bool,
    user_agent: Option<&str>,
) -> Result<(), AppError> {
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
    let user_agent: Option<String> = user_agent.map(|ua| ua.chars().take(500).collect());
    sqlx::query!(
        "INSERT INTO user_sessions (session_id, user_id, user_agent, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(days => $4))",
        session_id,
        user_id,
        user_agent,
        absolute_days,
    )
    .execute(pool)
    .await?;
    log(pool, Some(user_id), Some(user_id), "login").await;
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
        "WITH seen AS (
             UPDATE user_sessions SET last_seen_at = now()
             WHERE session_id = $2 AND user_id = $1 AND revoked_at IS NULL AND expires_at > now()
             RETURNING user_id)
         SELECT u.id, u.full_name, u.role FROM users u JOIN seen ON seen.user_id = u.id
         WHERE u.deleted_at IS NULL
           AND (u.status = 'active' OR (u.suspended_until IS NOT NULL AND u.suspended_until <= now()))",
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
