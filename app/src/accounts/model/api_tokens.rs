//! Personal access tokens for the REST API: what they may do (scopes) and how the profile lists them.

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::i18n::MessageKey;

/// Live tokens one account may hold at once.
pub const MAX_API_TOKENS: i64 = 20;
pub const API_TOKEN_NAME_MAX: usize = 80;
/// Lifetimes offered by the form, in days; 0 means "never expires".
pub const API_TOKEN_LIFETIMES: [u32; 4] = [30, 90, 365, 0];

/// What a token may do. `Read`: my events, tickets, participants; `Write`: create and change events,
/// register and cancel; `Checkin`: scan tickets and download the door list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Read,
    Write,
    Checkin,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Read, Scope::Write, Scope::Checkin];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
            Scope::Checkin => "checkin",
        }
    }

    pub fn parse(value: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// A token as its owner's list shows it (never the secret: only its first characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created: String,
    pub last_used: Option<String>,
    pub expires: Option<String>,
    pub expired: bool,
}

/// The tokens page: the live tokens and, right after creating one, its secret (shown this once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiTokensPage {
    pub tokens: Vec<ApiTokenView>,
    pub fresh: Option<String>,
}

/// A new token's name, scopes and lifetime as the form sends them: the same rules on both sides.
pub fn check_api_token(
    name: &str,
    scopes: &[Scope],
    lifetime_days: &str,
) -> Result<(String, u32), FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = name.trim();
    if name.is_empty() {
        errors.add("name", MessageKey::FieldRequired);
    } else if name.chars().count() > API_TOKEN_NAME_MAX {
        errors.add("name", MessageKey::FieldTooLong);
    } else if name.chars().any(char::is_control) {
        errors.add("name", MessageKey::FieldControlChars);
    }
    if scopes.is_empty() {
        errors.add("scopes", MessageKey::FieldRequired);
    }
    let days = lifetime_days
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| API_TOKEN_LIFETIMES.contains(d));
    if days.is_none() {
        errors.add("lifetime", MessageKey::FieldRequired);
    }
    match days {
        Some(days) if errors.is_empty() => Ok((name.to_owned(), days)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_form_rules() {
        assert!(check_api_token("CI", &[Scope::Read], "90").is_ok());
        let errors = check_api_token(" ", &[], "7").expect_err("refused");
        assert_eq!(errors.get("name"), Some(MessageKey::FieldRequired));
        assert_eq!(errors.get("scopes"), Some(MessageKey::FieldRequired));
        assert_eq!(errors.get("lifetime"), Some(MessageKey::FieldRequired));
        assert!(check_api_token(&"x".repeat(81), &[Scope::Read], "0").is_err());
        assert_eq!(Scope::parse("checkin"), Some(Scope::Checkin));
        assert_eq!(Scope::parse("admin"), None);
    }
}
