//! New accounts and email confirmation. Signing up with an address that already has an account
//! answers exactly as for a new one and mails the owner instead, so the form reveals nothing.

use sqlx::PgPool;

use super::{Client, log, passwords, tokens};
use crate::{
    accounts::model::{CurrentUser, Signup},
    error::AppError,
    i18n::{Locale, MessageKey},
    ssr::mail::{
        message::Mail,
        outbox::{OutgoingMail, enqueue},
    },
};

/// Creates the account (unverified) and queues its verification mail, in one transaction.
pub async fn register(
    pool: &PgPool,
    signup: &Signup,
    locale: Locale,
    client: &Client,
) -> Result<(), AppError> {
    if let Err(key) = passwords::check_strength(
        &signup.password,
        &[signup.email.as_str(), &signup.full_name],
    ) {
        return Err(AppError::field("password", key));
    }
    // Hash first in every case: a known address takes as long as a new one.
    let hash = passwords::hash(signup.password.clone()).await?;
    let mut tx = pool.begin().await?;
    let existing = sqlx::query!(
        "SELECT id, full_name, locale FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL",
        signup.email.as_str()
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(owner) = existing {
        let mail = Mail::AccountExists {
            full_name: owner.full_name,
        };
        let key = format!("account-exists:{}:{}", owner.id, tokens::random_text(9));
        enqueue(
            &mut tx,
            OutgoingMail {
                idempotency_key: &key,
                to: signup.email.as_str(),
                locale: Locale::from_tag(&owner.locale).unwrap_or_default(),
                mail: &mail,
            },
        )
        .await?;
        tx.commit().await?;
        log(pool, None, Some(owner.id), "signup_existing_email", client).await;
        return Ok(());
    }
    let user_id = sqlx::query_scalar!(
        "INSERT INTO users (email, password_hash, full_name, phone_number, locale, terms_accepted_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id",
        signup.email.as_str(),
        hash,
        signup.full_name,
        signup.phone,
        locale.code(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    // Someone else signed up with this address at the same instant: same answer, nothing to do.
    let Some(user_id) = user_id else {
        return Ok(());
    };
    send_verification(
        &mut tx,
        user_id,
        &signup.full_name,
        signup.email.as_str(),
        locale,
    )
    .await?;
    tx.commit().await?;
    log(pool, Some(user_id), Some(user_id), "signup", client).await;
    log(
        pool,
        Some(user_id),
        Some(user_id),
        "verification_sent",
        client,
    )
    .await;
    Ok(())
}

async fn send_verification(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
    full_name: &str,
    email: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let token = tokens::issue(conn, user_id, tokens::Purpose::VerifyEmail, None).await?;
    let mail = Mail::AccountVerification {
        full_name: full_name.to_owned(),
        token: token.clone(),
    };
    let key = format!("verify:{user_id}:{}", &token[..12]);
    enqueue(
        conn,
        OutgoingMail {
            idempotency_key: &key,
            to: email,
            locale,
            mail: &mail,
        },
    )
    .await?;
    Ok(())
}

/// A new verification link for a signed-in, unverified person (limited to 3 an hour).
pub async fn resend_verification(
    pool: &PgPool,
    user: &CurrentUser,
    client: &Client,
) -> Result<(), AppError> {
    if user.email_verified {
        return Ok(());
    }
    super::limits::check_verification_resend(pool, user.id).await?;
    let mut tx = pool.begin().await?;
    let row = sqlx::query!("SELECT email, locale FROM users WHERE id = $1", user.id)
        .fetch_one(&mut *tx)
        .await?;
    let locale = Locale::from_tag(&row.locale).unwrap_or_default();
    send_verification(&mut tx, user.id, &user.full_name, &row.email, locale).await?;
    tx.commit().await?;
    log(
        pool,
        Some(user.id),
        Some(user.id),
        "verification_sent",
        client,
    )
    .await;
    Ok(())
}

/// What a confirmation link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Email,
    NewEmail,
}

/// Opens a verification or email-change link (POST only: mail scanners that follow links change nothing).
pub async fn confirm(pool: &PgPool, token: &str, client: &Client) -> Result<Confirmed, AppError> {
    let mut tx = pool.begin().await?;
    let redeemed = tokens::redeem(
        &mut tx,
        token,
        &[tokens::Purpose::VerifyEmail, tokens::Purpose::ChangeEmail],
    )
    .await?;
    let outcome = match (redeemed.purpose, redeemed.new_email) {
        (tokens::Purpose::ChangeEmail, Some(new_email)) => {
            let changed = sqlx::query!(
                "UPDATE users SET email = $2, email_verified_at = now(), updated_at = now()
                 WHERE id = $1 AND NOT EXISTS (
                     SELECT 1 FROM users o WHERE lower(o.email) = lower($2) AND o.deleted_at IS NULL AND o.id <> $1)",
                redeemed.user_id,
                new_email,
            )
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                // Taken meanwhile by another account: the link is spent, the address unchanged.
                tx.commit().await?;
                return Err(AppError::field("token", MessageKey::EmailTaken));
            }
            Confirmed::NewEmail
        }
        _ => {
            sqlx::query!(
                "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1",
                redeemed.user_id
            )
            .execute(&mut *tx)
            .await?;
            Confirmed::Email
        }
    };
    // A confirmed address proves it is theirs: registrations made with it as a guest join the account.
    crate::tickets::server::attach_guest_registrations(&mut tx, redeemed.user_id).await?;
    tx.commit().await?;
    let action = match outcome {
        Confirmed::Email => "email_verified",
        Confirmed::NewEmail => "email_changed",
    };
    log(
        pool,
        Some(redeemed.user_id),
        Some(redeemed.user_id),
        action,
        client,
    )
    .await;
    Ok(outcome)
}
