//! Password hashing (argon2id with OWASP's parameters, off the async runtime) and strength rules.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use std::sync::OnceLock;
use zxcvbn::feedback::Warning;

use super::internal;
use crate::{
    accounts::model::{PASSWORD_MIN_SCORE, PasswordVerdict, check_new_password},
    error::AppError,
    i18n::MessageKey,
};

/// argon2id, 19 MiB, 2 passes, 1 lane: OWASP's password storage recommendation.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(internal)?
    .map_err(internal)
}

/// A hash to verify against when the account is unknown, so both answers take as long.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(b"meetral-timing-equaliser", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Whether `password` matches `hash`; with no hash (unknown account) it spends the same time and fails.
pub async fn matches(hash: Option<String>, password: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let matches = PasswordHash::new(&hash)
            .map(|parsed| {
                hasher()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && matches
    })
    .await
    .map_err(internal)
}

/// Judges a new password with zxcvbn: its dictionaries hold the most common passwords from public
/// breaches, words, names and keyboard patterns; `user_inputs` (email, name) count as guessable too.
pub fn judge(password: &str, user_inputs: &[&str]) -> PasswordVerdict {
    if let Err(key) = check_new_password(password) {
        return PasswordVerdict {
            score: 0,
            warning: Some(key),
            acceptable: false,
        };
    }
    // zxcvbn's cost grows with length; beyond 100 characters the password is long enough anyway.
    let sample: String = password.chars().take(100).collect();
    // "lea.martin@exemple.fr" also makes "lea", "martin" and "exemple" guessable.
    let mut words: Vec<String> = Vec::new();
    for input in user_inputs {
        let lower = input.to_lowercase();
        words.extend(
            lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_owned),
        );
        if let Some((local, _)) = lower.split_once('@') {
            words.push(local.to_owned());
        }
        words.push(lower);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(&sample, &words);
    let score = u8::from(entropy.score());
    let acceptable = score >= PASSWORD_MIN_SCORE;
    let warning = (!acceptable).then(|| {
        entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(warning_key)
            .unwrap_or(MessageKey::PasswordTooWeak)
    });
    PasswordVerdict {
        score,
        warning,
        acceptable,
    }
}

/// The field error for a password that is too weak, if it is.
pub fn check_strength(password: &str, user_inputs: &[&str]) -> Result<(), MessageKey> {
    let verdict = judge(password, user_inputs);
    match verdict.warning {
        Some(key) if !verdict.acceptable => Err(key),
        _ if !verdict.acceptable => Err(MessageKey::PasswordTooWeak),
        _ => Ok(()),
    }
}

fn warning_key(warning: Warning) -> MessageKey {
    match warning {
        Warning::ThisIsATop10Password
        | Warning::ThisIsATop100Password
        | Warning::ThisIsACommonPassword => MessageKey::PasswordCommon,
        Warning::ThisIsSimilarToACommonlyUsedPassword => MessageKey::PasswordSimilarCommon,
        Warning::StraightRowsOfKeysAreEasyToGuess
        | Warning::ShortKeyboardPatternsAreEasyToGuess => MessageKey::PasswordKeyboard,
        Warning::RepeatsLikeAaaAreEasyToGuess
        | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => MessageKey::PasswordRepeats,
        Warning::SequencesLikeAbcAreEasyToGuess => MessageKey::PasswordSequence,
        Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess => {
            MessageKey::PasswordDates
        }
        Warning::AWordByItselfIsEasyToGuess
        | Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
        | Warning::CommonNamesAndSurnamesAreEasyToGuess => MessageKey::PasswordWord,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_breached_style_passwords_are_refused() {
        for weak in [
            "password",
            "azertyuiop",
            "motdepasse",
            "12345678",
            "Password1!",
            "qwerty123",
        ] {
            assert!(!judge(weak, &[]).acceptable, "{weak} should be refused");
        }
        assert_eq!(
            judge("password", &[]).warning,
            Some(MessageKey::PasswordCommon)
        );
        assert!(judge("azertyuiop", &[]).score <= 1);
    }

    #[test]
    fn the_persons_own_details_do_not_make_a_password() {
        assert!(!judge("lea.martin2024", &["lea.martin@exemple.fr", "Léa Martin"]).acceptable);
    }

    #[test]
    fn passphrases_and_long_passwords_pass() {
        assert!(judge("cheval agrafe batterie correcte", &[]).acceptable);
        assert!(judge("Meetral-Demo-2026", &[]).acceptable);
        assert!(judge(&"long phrase de passe tranquille ".repeat(10), &[]).acceptable);
        assert_eq!(
            judge("court", &[]).warning,
            Some(MessageKey::PasswordTooShort)
        );
    }

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let hashed = hash("cheval agrafe batterie".into()).await.expect("hash");
        assert!(
            hashed.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hashed}"
        );
        assert!(
            matches(Some(hashed.clone()), "cheval agrafe batterie".into())
                .await
                .expect("verify")
        );
        assert!(
            !matches(Some(hashed), "autre chose".into())
                .await
                .expect("verify")
        );
        assert!(!matches(None, "anything".into()).await.expect("verify"));
    }
}
