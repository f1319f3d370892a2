//! TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way) with a replay guard,
//! and one-time recovery codes.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use totp_rs::{Algorithm, Secret, TOTP};
use tower_sessions::Session;

use super::{Client, internal, log, profile::notify_security_change, sessions};
use crate::{
    accounts::model::{
        CurrentUser, RECOVERY_CODE_COUNT, SecondFactor, TwoFactorSetup, TwoFactorStatus,
    },
    error::AppError,
    i18n::MessageKey,
    ssr::mail::message::SecurityChange,
};

/// The secret being enrolled lives in the session until a first code proves the app has it.
const SETUP_KEY: &str = "totp_setup";
/// Recovery codes just made wait here for the one page load that shows them.
const NEW_CODES_KEY: &str = "totp_new_codes";
const STEP_SECS: u64 = 30;

fn totp(secret: Vec<u8>) -> TOTP {
    TOTP::new_unchecked(Algorithm::SHA1, 6, 1, STEP_SECS, secret)
}

/// The bytes of a base32 secret (as authenticator apps show it), if it is valid.
pub fn decode_secret(base32: &str) -> Option<Vec<u8>> {
    Secret::Encoded(base32.to_owned()).to_bytes().ok()
}

fn wrong_code(field: &str) -> AppError {
    AppError::field(field, MessageKey::TwoFactorCodeWrong)
}

fn now_secs() -> u64 {
    chrono::Utc::now().timestamp().max(0) as u64
}

/// The time step whose code equals `code`, looking one step back and one ahead.
fn matching_step(secret: &[u8], code: &str, now: u64) -> Option<i64> {
    let generator = totp(secret.to_vec());
    let current = now / STEP_SECS;
    [current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find(|step| {
            let expected = generator.generate(step * STEP_SECS);
            expected.len() == code.len()
                && expected
                    .bytes()
                    .zip(code.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        })
        .map(|step| step as i64)
}

/// The security page's 2FA part: on or off, the enrolment under way, and recovery codes just made
/// (taken from the session: they show once).
pub async fn status(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
) -> Result<TwoFactorStatus, AppError> {
    let left = sqlx::query_scalar!(
        r#"SELECT count(*) AS "left!" FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL"#,
        user.id
    )
    .fetch_one(pool)
    .await?;
    let new_codes: Option<Vec<String>> = session.remove(NEW_CODES_KEY).await.map_err(internal)?;
    Ok(TwoFactorStatus {
        enabled: user.two_factor,
        recovery_codes_left: left,
        required: user.role.is_staff(),
        setup: pending_setup(pool, session, user).await?,
        new_codes: new_codes.filter(|_| user.two_factor),
    })
}

/// A fresh secret for the authenticator app, kept in the session until confirmed.
pub async fn begin_setup(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
) -> Result<TwoFactorSetup, AppError> {
    let mut secret = vec![0u8; 20];
    OsRng.fill_bytes(&mut secret);
    let encoded = totp(secret).get_secret_base32();
    session
        .insert(SETUP_KEY, &encoded)
        .await
        .map_err(internal)?;
    setup_view(pool, user, encoded).await
}

/// The enrolment under way in this session, if any: what the page shows until a code confirms it.
async fn pending_setup(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
) -> Result<Option<TwoFactorSetup>, AppError> {
    let encoded: Option<String> = session.get(SETUP_KEY).await.map_err(internal)?;
    match encoded {
        Some(encoded) if !user.two_factor => Ok(Some(setup_view(pool, user, encoded).await?)),
        _ => Ok(None),
    }
}

async fn setup_view(
    pool: &PgPool,
    user: &CurrentUser,
    encoded: String,
) -> Result<TwoFactorSetup, AppError> {
    let email = sqlx::query_scalar!("SELECT email FROM users WHERE id = $1", user.id)
        .fetch_one(pool)
        .await?;
    let label = crate::urls::encode_query_value(&email);
    let otpauth_uri = format!(
        "otpauth://totp/Meetral:{label}?secret={encoded}&issuer=Meetral&algorithm=SHA1&digits=6&period=30"
    );
    let qr_svg = crate::ssr::qr::svg(&otpauth_uri).map_err(internal)?;
    let secret_grouped = encoded
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(TwoFactorSetup {
        secret_grouped,
        otpauth_uri,
        qr_svg,
    })
}

/// Keeps just-made recovery codes for the next page load of this session (the page takes them).
pub async fn keep_new_codes(session: &Session, codes: &[String]) -> Result<(), AppError> {
    session.insert(NEW_CODES_KEY, codes).await.map_err(internal)
}

fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let mut bytes = [0u8; 10];
            OsRng.fill_bytes(&mut bytes);
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

fn recovery_digest(code: &str) -> Vec<u8> {
    let normalised: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normalised.as_bytes()).to_vec()
}

async fn store_recovery_codes(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
) -> Result<Vec<String>, AppError> {
    sqlx::query!(
        "DELETE FROM user_recovery_codes WHERE user_id = $1",
        user_id
    )
    .execute(&mut *conn)
    .await?;
    let codes = new_recovery_codes();
    let digests: Vec<Vec<u8>> = codes.iter().map(|c| recovery_digest(c)).collect();
    sqlx::query!(
        "INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])",
        user_id,
        &digests
    )
    .execute(&mut *conn)
    .await?;
    Ok(codes)
}

/// Turns 2FA on once the app's first code is right; answers the recovery codes (shown once).
pub async fn confirm_setup(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
    code: &str,
    client: &Client,
) -> Result<Vec<String>, AppError> {
    let encoded: String = session
        .get(SETUP_KEY)
        .await
        .map_err(internal)?
        .ok_or(AppError::Conflict)?;
    let secret = Secret::Encoded(encoded)
        .to_bytes()
        .map_err(|_| AppError::Conflict)?;
    let step = matching_step(&secret, code, now_secs()).ok_or_else(|| wrong_code("code"))?;
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "UPDATE users SET totp_secret = $2, totp_enabled_at = now(), totp_last_step = $3, updated_at = now()
         WHERE id = $1",
        user.id,
        secret,
        step
    )
    .execute(&mut *tx)
    .await?;
    let codes = store_recovery_codes(&mut tx, user.id).await?;
    notify_security_change(&mut tx, user.id, SecurityChange::TwoFactorEnabled).await?;
    tx.commit().await?;
    let _ = session.remove_value(SETUP_KEY).await.map_err(internal)?;
    sessions::rotate(pool, session).await?;
    log(pool, Some(user.id), Some(user.id), "2fa_enabled", client).await;
    Ok(codes)
}

/// Checks a second factor for `user_id`: a TOTP code not used before, or an unused recovery code
/// (which is then spent). Failures are logged for the per-account limit.
pub async fn verify(
    pool: &PgPool,
    user_id: i64,
    factor: &SecondFactor,
    client: &Client,
) -> Result<bool, AppError> {
    let accepted = match factor {
        SecondFactor::Totp(code) => {
            let secret = sqlx::query_scalar!(
                "SELECT totp_secret FROM users WHERE id = $1 AND totp_enabled_at IS NOT NULL",
                user_id
            )
            .fetch_optional(pool)
            .await?
            .flatten();
            match secret.and_then(|s| matching_step(&s, code, now_secs())) {
                // Accepted only if this step is newer than the last one used: no replay.
                Some(step) => {
                    sqlx::query!(
                        "UPDATE users SET totp_last_step = $2
                     WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
                        user_id,
                        step
                    )
                    .execute(pool)
                    .await?
                    .rows_affected()
                        == 1
                }
                None => false,
            }
        }
        SecondFactor::Recovery(code) => {
            let used = sqlx::query!(
                "UPDATE user_recovery_codes SET used_at = now()
                 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                user_id,
                recovery_digest(code)
            )
            .execute(pool)
            .await?
            .rows_affected()
                == 1;
            if used {
                log(
                    pool,
                    Some(user_id),
                    Some(user_id),
                    "2fa_recovery_code_used",
                    client,
                )
                .await;
            }
            used
        }
    };
    if !accepted {
        log(pool, None, Some(user_id), "2fa_failed", client).await;
    }
    Ok(accepted)
}

/// Turns 2FA off after a current code (or a recovery code). Staff must keep it.
pub async fn disable(
    pool: &PgPool,
    session: &Session,
    user: &CurrentUser,
    factor: &SecondFactor,
    client: &Client,
) -> Result<(), AppError> {
    if user.role.is_staff() {
        return Err(AppError::TwoFactorRequired);
    }
    if !verify(pool, user.id, factor, client).await? {
        return Err(wrong_code("code"));
    }
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = now()
         WHERE id = $1",
        user.id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM user_recovery_codes WHERE user_id = $1",
        user.id
    )
    .execute(&mut *tx)
    .await?;
    notify_security_change(&mut tx, user.id, SecurityChange::TwoFactorDisabled).await?;
    tx.commit().await?;
    sessions::rotate(pool, session).await?;
    log(pool, Some(user.id), Some(user.id), "2fa_disabled", client).await;
    Ok(())
}

/// New recovery codes (the old ones stop working), after a current code.
pub async fn regenerate_codes(
    pool: &PgPool,
    user: &CurrentUser,
    factor: &SecondFactor,
    client: &Client,
) -> Result<Vec<String>, AppError> {
    if !user.two_factor {
        return Err(AppError::Conflict);
    }
    if !verify(pool, user.id, factor, client).await? {
        return Err(wrong_code("code"));
    }
    let mut tx = pool.begin().await?;
    let codes = store_recovery_codes(&mut tx, user.id).await?;
    tx.commit().await?;
    log(
        pool,
        Some(user.id),
        Some(user.id),
        "2fa_recovery_codes_regenerated",
        client,
    )
    .await;
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_and_one_step_of_drift() {
        let secret = b"12345678901234567890".to_vec();
        // RFC 6238 test vector (SHA-1, T = 59 s): 94287082, whose last 6 digits are 287082.
        assert_eq!(totp(secret.clone()).generate(59), "287082");
        assert_eq!(matching_step(&secret, "287082", 59), Some(1));
        assert_eq!(
            matching_step(&secret, "287082", 59 + 30),
            Some(1),
            "one step late is fine"
        );
        assert_eq!(
            matching_step(&secret, "287082", 59 + 90),
            None,
            "three steps late is not"
        );
        assert_eq!(matching_step(&secret, "000000", 59), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_typed_leniently() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        );
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        assert_eq!(
            recovery_digest("ABCDE-fghjk"),
            recovery_digest("abcdefghjk")
        );
    }
}
