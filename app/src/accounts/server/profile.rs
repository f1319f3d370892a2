//! The account's own details: profile, password (change and reset), email address.

use sqlx::PgPool;
use tower_sessions::Session;

use super::{Client, log, passwords, sessions, tokens};
use crate::{
    accounts::model::{Account, CurrentUser, Profile},
    error::AppError,
    i18n::{Locale, MessageKey},
    ssr::mail::{
        message::{Mail, SecurityChange},
        outbox::{OutgoingMail, enqueue},
    },
    validation::Email,
};

pub async fn account(pool: &PgPool, user_id: i64) -> Result<Account, AppError> {
    let row = sqlx::query!(
        r#"SELECT u.email, u.email_verified_at IS NOT NULL AS "verified!", u.full_name, u.phone_number, u.locale,
                  (SELECT t.new_email FROM user_tokens t
                   WHERE t.user_id = u.id AND t.purpose = 'change_email' AND t.used_at IS NULL AND t.expires_at > now()
                   ORDER BY t.created_at DESC LIMIT 1) AS pending_email
           FROM users u WHERE u.id = $1"#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    Ok(Account {
        email: row.email,
        email_verified: row.verified,
        pending_email: row.pending_email,
        profile: Profile {
            full_name: row.full_name,
            phone: row.phone_number,
            locale: Locale::from_tag(&row.locale).unwrap_or_default(),
        },
    })
}

pub async fn save_profile(pool: &PgPool, user_id: i64, profile: &Profile) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE users SET full_name = $2, phone_number = $3, locale = $4, updated_at = now() WHERE id = $1",
        user_id,
        profile.full_name,
        profile.phone,
        profile.locale.code(),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The current password must be right before anything sensitive changes.
pub(crate) async fn check_current_password(
    pool: &PgPool,
    user_id: i64,
    password: &str,
    field: &str,
    client: &Client,
) -> Result<(), AppError> {
    let hash = sqlx::query_scalar!("SELECT password_hash FROM users WHERE id = $1", user_id)
        .fetch_one(pool)
        .await?;
    if passwords::matches(hash, password.to_owned()).await? {
        Ok(())
    } else {
        log(
            pool,
            Some(user_id),
            Some(user_id),
            "password_check_failed",
            client,
        )
        .await;
        Err(AppError::field(field, MessageKey::PasswordCurrentWrong))
    }
}

/// Queues the "your password/2FA changed" notice to the account's address.
pub(super) async fn notify_security_change(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
    change: SecurityChange,
) -> Result<(), AppError> {
    let row = sqlx::query!(
        "SELECT email, full_name, locale FROM users WHERE id = $1",
        user_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let mail = Mail::SecurityNotice {
        full_name: row.full_name,
        change,
    };
    let key = format!("security:{user_id}:{}", tokens::random_text(9));
    enqueue(
        conn,
        OutgoingMail {
            idempotency_key: &key,
            to: &row.email,
            locale: Locale::from_tag(&row.locale).unwrap_or_default(),
            mail: &mail,
        },
    )
    .await?;
    Ok(())
}

/// Changes the password of a signed-in person: other devices are signed out, this one gets a new
/// session id, and the owner is told by mail.
pub async fn change_password(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
    current: &str,
    new: &str,
    client: &Client,
) -> Result<(), AppError> {
    check_current_password(pool, user.id, current, "current_password", client).await?;
    let email = sqlx::query_scalar!("SELECT email FROM users WHERE id = $1", user.id)
        .fetch_one(pool)
        .await?;
    passwords::check_strength(new, &[&email, &user.full_name])
        .map_err(|k| AppError::field("new_password", k))?;
    let hash = passwords::hash(new.to_owned()).await?;
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1",
        user.id,
        hash
    )
    .execute(&mut *tx)
    .await?;
    let keep = session.id().map(|id| id.to_string());
    sessions::revoke_all(&mut tx, user.id, keep.as_deref()).await?;
    notify_security_change(&mut tx, user.id, SecurityChange::PasswordChanged).await?;
    tx.commit().await?;
    sessions::rotate(pool, session).await?;
    log(
        pool,
        Some(user.id),
        Some(user.id),
        "password_changed",
        client,
    )
    .await;
    Ok(())
}

/// Sends a reset link if the address has an account; the caller answers the same either way.
pub async fn request_reset(pool: &PgPool, email: &Email, client: &Client) -> Result<(), AppError> {
    let user = sqlx::query!(
        "SELECT id, email, full_name, locale FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        email.as_str()
    )
    .fetch_optional(pool)
    .await?;
    let Some(user) = user else {
        log(pool, None, None, "password_reset_unknown_email", client).await;
        return Ok(());
    };
    if !super::limits::reset_allowed(pool, user.id).await? {
        log(
            pool,
            None,
            Some(user.id),
            "password_reset_throttled",
            client,
        )
        .await;
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    let token = tokens::issue(&mut tx, user.id, tokens::Purpose::ResetPassword, None).await?;
    let mail = Mail::PasswordReset {
        full_name: user.full_name,
        token: token.clone(),
    };
    let key = format!("reset:{}:{}", user.id, &token[..12]);
    enqueue(
        &mut tx,
        OutgoingMail {
            idempotency_key: &key,
            to: &user.email,
            locale: Locale::from_tag(&user.locale).unwrap_or_default(),
            mail: &mail,
        },
    )
    .await?;
    tx.commit().await?;
    log(
        pool,
        None,
        Some(user.id),
        "password_reset_requested",
        client,
    )
    .await;
    Ok(())
}

/// Sets a new password from a reset link: every session of the account ends (the person signs in
/// again, with their second factor if they have one). Opening the link proves the address too.
pub async fn reset_password(
    pool: &PgPool,
    token: &str,
    new: &str,
    client: &Client,
) -> Result<(), AppError> {
    if !tokens::is_usable(pool, token, &[tokens::Purpose::ResetPassword]).await? {
        return Err(AppError::NotFound);
    }
    let mut tx = pool.begin().await?;
    let redeemed = tokens::redeem(&mut tx, token, &[tokens::Purpose::ResetPassword]).await?;
    let user = sqlx::query!(
        "SELECT email, full_name FROM users WHERE id = $1",
        redeemed.user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    // A weak password leaves the link usable: the transaction rolls back.
    passwords::check_strength(new, &[&user.email, &user.full_name])
        .map_err(|k| AppError::field("password", k))?;
    let hash = passwords::hash(new.to_owned()).await?;
    sqlx::query!(
        "UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
         WHERE id = $1",
        redeemed.user_id,
        hash
    )
    .execute(&mut *tx)
    .await?;
    sessions::revoke_all(&mut tx, redeemed.user_id, None).await?;
    notify_security_change(&mut tx, redeemed.user_id, SecurityChange::PasswordReset).await?;
    tx.commit().await?;
    log(pool, None, Some(redeemed.user_id), "password_reset", client).await;
    Ok(())
}

/// Asks to move the account to `new_email`: a link to the new address, a notice to the old one. An
/// address that already has an account gets nothing, and the answer is the same.
pub async fn request_email_change(
    pool: &PgPool,
    user: &CurrentUser,
    new_email: &Email,
    password: &str,
    client: &Client,
) -> Result<(), AppError> {
    check_current_password(pool, user.id, password, "password", client).await?;
    let current = sqlx::query!("SELECT email, locale FROM users WHERE id = $1", user.id)
        .fetch_one(pool)
        .await?;
    if current.email.eq_ignore_ascii_case(new_email.as_str()) {
        return Err(AppError::field("new_email", MessageKey::EmailSameAsCurrent));
    }
    let taken = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL) AS "taken!""#,
        new_email.as_str()
    )
    .fetch_one(pool)
    .await?;
    let locale = Locale::from_tag(&current.locale).unwrap_or_default();
    let mut tx = pool.begin().await?;
    if !taken {
        let token = tokens::issue(
            &mut tx,
            user.id,
            tokens::Purpose::ChangeEmail,
            Some(new_email.as_str()),
        )
        .await?;
        let confirmation = Mail::EmailChangeConfirmation {
            full_name: user.full_name.clone(),
            new_email: new_email.as_str().to_owned(),
            token: token.clone(),
        };
        let key = format!("email-change:{}:{}", user.id, &token[..12]);
        enqueue(
            &mut tx,
            OutgoingMail {
                idempotency_key: &key,
                to: new_email.as_str(),
                locale,
                mail: &confirmation,
            },
        )
        .await?;
    }
    let notice = Mail::EmailChangeNotice {
        full_name: user.full_name.clone(),
        new_email: new_email.as_str().to_owned(),
    };
    let key = format!("email-change-notice:{}:{}", user.id, tokens::random_text(9));
    enqueue(
        &mut tx,
        OutgoingMail {
            idempotency_key: &key,
            to: &current.email,
            locale,
            mail: &notice,
        },
    )
    .await?;
    tx.commit().await?;
    log(
        pool,
        Some(user.id),
        Some(user.id),
        "email_change_requested",
        client,
    )
    .await;
    Ok(())
}
