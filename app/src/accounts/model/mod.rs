//! What the browser and the server both know about accounts, and the field rules they both apply.

mod api_tokens;
mod fields;
mod public_profile;
mod sessions;
mod two_factor;

pub use api_tokens::*;
pub use fields::*;
pub use public_profile::*;
pub use sessions::*;
pub use two_factor::*;

use serde::{Deserialize, Serialize};

use crate::{error::FieldErrors, validation::Email};

/// The signed-in person, as pages and server functions see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub full_name: String,
    pub role: Role,
    /// Whether the email address is confirmed (needed to publish events).
    pub email_verified: bool,
    /// Whether two-factor sign-in is on (needed for staff work).
    pub two_factor: bool,
}

/// Ordered: a higher role may do everything a lower one may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    Moderator,
    Admin,
}

impl Role {
    pub fn from_db(value: &str) -> Role {
        match value {
            "admin" => Role::Admin,
            "moderator" => Role::Moderator,
            _ => Role::User,
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Staff roles must sign in with a second factor.
    pub fn is_staff(self) -> bool {
        self >= Role::Moderator
    }
}

pub struct LoginAttempt {
    pub email: Email,
    pub password: String,
}

impl LoginAttempt {
    pub fn parse(email: &str, password: &str) -> Result<LoginAttempt, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = Email::parse(email).map_err(|e| errors.add("email", e)).ok();
        let password_ok = check_password_present(password)
            .map_err(|e| errors.add("password", e))
            .is_ok();
        match (email, password_ok) {
            (Some(email), true) => Ok(LoginAttempt {
                email,
                password: password.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// Where to go after signing in: a local path only (never another site: no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 500 =>
        {
            path.to_owned()
        }
        // The dashboard arrives with its issue; until then people land on the home page.
        _ => "/".to_owned(),
    }
}

/// The second sign-in step, coming back to `next` after.
pub fn second_factor_url(next: &str) -> String {
    format!("/login/2fa?next={}", crate::urls::encode_query_value(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::MessageKey;

    #[test]
    fn next_is_local_only() {
        assert_eq!(
            safe_next(Some("/notifications?page=2")),
            "/notifications?page=2"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "javascript:alert(1)",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn login_fields_are_checked() {
        let errors = LoginAttempt::parse("nope", "").err().expect("invalid");
        assert_eq!(errors.get("email"), Some(MessageKey::FieldEmailInvalid));
        assert_eq!(errors.get("password"), Some(MessageKey::FieldRequired));
        assert!(LoginAttempt::parse("a@b.fr", &"x".repeat(2000)).is_err());
        assert!(LoginAttempt::parse("a@b.fr", "x").is_ok());
    }
}
