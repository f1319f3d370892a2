//! Signup and profile fields. The password's strength (common and breached-style passwords) is judged
//! on the server, which the form asks as the person types; everything else runs in both places.

use serde::{Deserialize, Serialize};

use crate::{
    error::FieldErrors,
    i18n::{Locale, MessageKey},
    validation::{Email, text_length},
};

/// NIST SP 800-63B: at least 8 characters, no composition rules, long passphrases welcome.
pub const PASSWORD_MIN_CHARS: usize = 8;
/// Passwords longer than this are refused before hashing (argon2 cost stays bounded).
pub const PASSWORD_MAX_CHARS: usize = 1024;
pub const FULL_NAME_MAX_CHARS: usize = 100;

/// For signing in: anything non-empty and not absurdly long (old passwords may predate the rules).
pub fn check_password_present(value: &str) -> Result<(), MessageKey> {
    if value.is_empty() {
        Err(MessageKey::FieldRequired)
    } else if value.chars().count() > PASSWORD_MAX_CHARS {
        Err(MessageKey::FieldTooLong)
    } else {
        Ok(())
    }
}

/// For a new password: the length rules (strength is the server's `rate_password`).
pub fn check_new_password(value: &str) -> Result<(), MessageKey> {
    check_password_present(value)?;
    if value.chars().count() < PASSWORD_MIN_CHARS {
        Err(MessageKey::PasswordTooShort)
    } else {
        Ok(())
    }
}

pub fn check_full_name(value: &str) -> Result<String, MessageKey> {
    text_length(value, 1, FULL_NAME_MAX_CHARS)
}

/// An optional phone number, kept as `+` and digits: "06 12 34 56 78" → "0612345678".
pub fn check_phone(value: &str) -> Result<Option<String>, MessageKey> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > 25 {
        return Err(MessageKey::FieldTooLong);
    }
    let allowed = |c: char| c.is_ascii_digit() || " .-()/".contains(c);
    let (plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", trimmed),
    };
    if !rest.chars().all(allowed) {
        return Err(MessageKey::PhoneInvalid);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !(6..=15).contains(&digits.len()) {
        return Err(MessageKey::PhoneInvalid);
    }
    Ok(Some(format!("{plus}{digits}")))
}

/// A checked signup; the password still needs the server's strength check.
#[derive(Debug, Clone)]
pub struct Signup {
    pub email: Email,
    pub full_name: String,
    pub password: String,
    pub phone: Option<String>,
}

impl Signup {
    pub fn parse(
        email: &str,
        full_name: &str,
        password: &str,
        phone: &str,
        terms_accepted: bool,
    ) -> Result<Signup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = Email::parse(email).map_err(|e| errors.add("email", e)).ok();
        let full_name = check_full_name(full_name)
            .map_err(|e| errors.add("full_name", e))
            .ok();
        let password_ok = check_new_password(password)
            .map_err(|e| errors.add("password", e))
            .is_ok();
        let phone = check_phone(phone).map_err(|e| errors.add("phone", e)).ok();
        if !terms_accepted {
            errors.add("terms", MessageKey::TermsRequired);
        }
        match (email, full_name, phone) {
            (Some(email), Some(full_name), Some(phone)) if password_ok && terms_accepted => {
                Ok(Signup {
                    email,
                    full_name,
                    password: password.to_owned(),
                    phone,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the profile page edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub full_name: String,
    pub phone: Option<String>,
    pub locale: Locale,
}

impl Profile {
    pub fn parse(full_name: &str, phone: &str, locale: Locale) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let full_name = check_full_name(full_name)
            .map_err(|e| errors.add("full_name", e))
            .ok();
        let phone = check_phone(phone).map_err(|e| errors.add("phone", e)).ok();
        match (full_name, phone) {
            (Some(full_name), Some(phone)) => Ok(Profile {
                full_name,
                phone,
                locale,
            }),
            _ => Err(errors),
        }
    }
}

/// The profile page's data: the profile plus what it shows but does not edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub email: String,
    pub email_verified: bool,
    /// An address waiting for its confirmation link to be opened.
    pub pending_email: Option<String>,
    pub profile: Profile,
}

/// The server's verdict on a new password, shown live under the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordVerdict {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// Why it is weak, when it is.
    pub warning: Option<MessageKey>,
    pub acceptable: bool,
}

/// An admin's suspension of an account: a reason the person sees at sign-in, and an optional end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspension {
    pub reason: String,
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

impl Suspension {
    /// `until` is a date (YYYY-MM-DD, the suspension ends as it starts, UTC) or empty (no end).
    pub fn parse(
        reason: &str,
        until: &str,
        today: chrono::NaiveDate,
    ) -> Result<Suspension, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = text_length(reason, 3, 1000)
            .map_err(|e| errors.add("reason", e))
            .ok();
        let until = match until.trim() {
            "" => Some(None),
            date => match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(day) if day > today => day.and_hms_opt(0, 0, 0).map(|t| Some(t.and_utc())),
                Ok(_) => {
                    errors.add("until", MessageKey::DateMustBeFuture);
                    None
                }
                Err(_) => {
                    errors.add("until", MessageKey::DateInvalid);
                    None
                }
            },
        };
        match (reason, until) {
            (Some(reason), Some(until)) => Ok(Suspension { reason, until }),
            _ => Err(errors),
        }
    }
}

/// The lowest acceptable score: about 10^8 guesses or more (zxcvbn's "safely unguessable").
pub const PASSWORD_MIN_SCORE: u8 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_need_eight_characters_and_may_be_long() {
        assert_eq!(
            check_new_password("court"),
            Err(MessageKey::PasswordTooShort)
        );
        assert_eq!(check_new_password(""), Err(MessageKey::FieldRequired));
        assert!(check_new_password(&"phrase de passe ".repeat(8)).is_ok());
        assert_eq!(
            check_new_password(&"x".repeat(PASSWORD_MAX_CHARS + 1)),
            Err(MessageKey::FieldTooLong)
        );
        // No composition rules: lower-case letters and spaces are fine.
        assert!(check_new_password("cheval agrafe batterie correcte").is_ok());
    }

    #[test]
    fn phones_are_optional_and_normalised() {
        assert_eq!(check_phone("  "), Ok(None));
        assert_eq!(check_phone("06 12 34 56 78"), Ok(Some("0612345678".into())));
        assert_eq!(
            check_phone("+33 (0)6.12.34.56.78"),
            Ok(Some("+330612345678".into()))
        );
        for bad in [
            "12",
            "06 12 ab 56 78",
            "'; DROP TABLE users;--",
            "++33612345678",
        ] {
            assert_eq!(check_phone(bad), Err(MessageKey::PhoneInvalid), "{bad}");
        }
        assert_eq!(check_phone(&"1".repeat(30)), Err(MessageKey::FieldTooLong));
    }

    #[test]
    fn suspensions_need_a_reason_and_a_future_end() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let ok = Suspension::parse("Spam répété", "2026-12-01", today).expect("valid");
        assert_eq!(
            ok.until.map(|d| d.to_rfc3339()),
            Some("2026-12-01T00:00:00+00:00".into())
        );
        assert_eq!(
            Suspension::parse("Spam", "", today).map(|s| s.until),
            Ok(None)
        );
        let errors = Suspension::parse("", "2026-11-20", today).expect_err("invalid");
        assert_eq!(errors.get("reason"), Some(MessageKey::FieldRequired));
        assert_eq!(errors.get("until"), Some(MessageKey::DateMustBeFuture));
        let errors = Suspension::parse("Spam", "demain", today).expect_err("invalid");
        assert_eq!(errors.get("until"), Some(MessageKey::DateInvalid));
    }

    #[test]
    fn signup_reports_every_field() {
        let errors = Signup::parse("nope", " ", "court", "abc", false).expect_err("invalid");
        assert_eq!(errors.get("email"), Some(MessageKey::FieldEmailInvalid));
        assert_eq!(errors.get("full_name"), Some(MessageKey::FieldRequired));
        assert_eq!(errors.get("password"), Some(MessageKey::PasswordTooShort));
        assert_eq!(errors.get("phone"), Some(MessageKey::PhoneInvalid));
        assert_eq!(errors.get("terms"), Some(MessageKey::TermsRequired));
        let ok = Signup::parse(
            "lea@exemple.fr",
            "  Léa <b>Martin</b> ",
            "cheval agrafe batterie",
            "",
            true,
        )
        .expect("valid");
        // HTML in a name is stored as typed and escaped wherever it is shown.
        assert_eq!(ok.full_name, "Léa <b>Martin</b>");
        assert_eq!(ok.phone, None);
        assert!(
            Signup::parse("a@b.fr", &"é".repeat(101), "cheval agrafe", "", true).is_err(),
            "names are bounded"
        );
    }
}
