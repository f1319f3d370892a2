//! Two-factor sign-in: a 6-digit code from an authenticator app, or a one-time recovery code.

use serde::{Deserialize, Serialize};

use crate::i18n::MessageKey;

/// What the person scans (or types) to add Meetral to their authenticator app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// The secret in base32, in groups of four for typing by hand.
    pub secret_grouped: String,
    pub otpauth_uri: String,
    /// The QR code of `otpauth_uri` as an SVG document.
    pub qr_svg: String,
}

/// The security page's 2FA state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    pub recovery_codes_left: i64,
    /// Moderators and admins cannot turn it off.
    pub required: bool,
    /// The secret being enrolled (after "turn on", before the first code is confirmed).
    pub setup: Option<TwoFactorSetup>,
    /// Recovery codes just made, shown on this one page load.
    pub new_codes: Option<Vec<String>>,
}

/// How many recovery codes a person gets, each usable once.
pub const RECOVERY_CODE_COUNT: usize = 10;

/// A code typed at the second sign-in step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactor {
    /// Six digits from the authenticator app.
    Totp(String),
    /// A recovery code, normalised to lower case without separators.
    Recovery(String),
}

impl SecondFactor {
    pub fn parse(value: &str) -> Result<SecondFactor, MessageKey> {
        let compact: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if compact.is_empty() {
            return Err(MessageKey::FieldRequired);
        }
        if compact.len() == 6 && compact.chars().all(|c| c.is_ascii_digit()) {
            return Ok(SecondFactor::Totp(compact));
        }
        if compact.len() == 10 && compact.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(SecondFactor::Recovery(compact.to_ascii_lowercase()));
        }
        Err(MessageKey::TwoFactorCodeFormat)
    }
}

/// Only the six digits of an authenticator app (enrolment does not accept recovery codes).
pub fn check_totp_code(value: &str) -> Result<String, MessageKey> {
    match SecondFactor::parse(value)? {
        SecondFactor::Totp(code) => Ok(code),
        SecondFactor::Recovery(_) => Err(MessageKey::TwoFactorCodeFormat),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_leniently() {
        assert_eq!(
            SecondFactor::parse(" 123 456 "),
            Ok(SecondFactor::Totp("123456".into()))
        );
        assert_eq!(
            SecondFactor::parse("ABCDE-fghij"),
            Ok(SecondFactor::Recovery("abcdefghij".into()))
        );
        assert_eq!(SecondFactor::parse(""), Err(MessageKey::FieldRequired));
        assert_eq!(
            SecondFactor::parse("12345"),
            Err(MessageKey::TwoFactorCodeFormat)
        );
        assert_eq!(
            check_totp_code("abcde-fghij"),
            Err(MessageKey::TwoFactorCodeFormat)
        );
    }
}
