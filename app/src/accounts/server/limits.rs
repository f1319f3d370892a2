//! Per-account limits, counted in the activity log so they hold across server processes. (Per-IP
//! limits live in `ssr::rate_limit`.)

use sqlx::PgPool;

use crate::error::AppError;

/// Failed sign-ins (password or second factor) on one account within this window…
const FAILURE_WINDOW_MINUTES: i32 = 15;
/// …beyond which the account refuses attempts until the oldest failure leaves the window.
const MAX_FAILURES: i64 = 10;

/// How many `actions` the account saw in the last `minutes`, and the seconds until the oldest leaves.
async fn recent(
    pool: &PgPool,
    user_id: i64,
    actions: &[&str],
    minutes: i32,
) -> Result<(i64, Option<i64>), AppError> {
    let actions: Vec<String> = actions.iter().map(|a| (*a).to_owned()).collect();
    let row = sqlx::query!(
        r#"SELECT count(*) AS "count!",
                  EXTRACT(EPOCH FROM (min(created_at) + make_interval(mins => $3) - now()))::bigint AS wait_secs
           FROM activity_logs
           WHERE target_type = 'user' AND target_id = $1 AND action = ANY($2)
             AND created_at > now() - make_interval(mins => $3)"#,
        user_id,
        &actions,
        minutes,
    )
    .fetch_one(pool)
    .await?;
    Ok((row.count, row.wait_secs))
}

async fn limit(
    pool: &PgPool,
    user_id: i64,
    actions: &[&str],
    minutes: i32,
    max: i64,
) -> Result<(), AppError> {
    let (count, wait) = recent(pool, user_id, actions, minutes).await?;
    if count >= max {
        return Err(AppError::RateLimited {
            retry_after_secs: wait.unwrap_or(60).max(1) as u64,
        });
    }
    Ok(())
}

/// Refuses an attempt on an account that failed too often lately. Unknown emails are not limited here
/// (the per-IP limit is), so the answer tells nothing about whether the account exists.
pub async fn check_sign_in(pool: &PgPool, email: &str) -> Result<(), AppError> {
    let user = sqlx::query_scalar!(
        "SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        email
    )
    .fetch_optional(pool)
    .await?;
    match user {
        Some(id) => check_second_factor(pool, id).await,
        None => Ok(()),
    }
}

/// The same failure budget, for the second step of a sign-in.
pub async fn check_second_factor(pool: &PgPool, user_id: i64) -> Result<(), AppError> {
    limit(
        pool,
        user_id,
        &["login_failed", "2fa_failed"],
        FAILURE_WINDOW_MINUTES,
        MAX_FAILURES,
    )
    .await
}

/// Verification mails a signed-in person may ask for: 3 an hour.
pub async fn check_verification_resend(pool: &PgPool, user_id: i64) -> Result<(), AppError> {
    limit(pool, user_id, &["verification_sent"], 60, 3).await
}

/// Reset links one account receives: 3 an hour. Beyond, requests are silently dropped (an error
/// would tell a stranger that the account exists).
pub async fn reset_allowed(pool: &PgPool, user_id: i64) -> Result<bool, AppError> {
    Ok(recent(pool, user_id, &["password_reset_requested"], 60)
        .await?
        .0
        < 3)
}
