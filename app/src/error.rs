//! One error type for every server function and page. It crosses the wire as JSON; the cause of an
//! `Internal` error stays in the server log, never in the response.

use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use std::collections::BTreeMap;

use crate::i18n::MessageKey;

/// Validation failures keyed by form field name; each value is a translatable message key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, MessageKey>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: MessageKey) {
        self.0.entry(field.to_owned()).or_insert(message);
    }

    pub fn get(&self, field: &str) -> Option<MessageKey> {
        self.0.get(field).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing failed, so validators can end with `errors.into_result()?`.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("authentication required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict")]
    Conflict,
    #[error("sold out")]
    SoldOut,
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// Signing in to a suspended account (only after the right password): says why and until when
    /// (a date already written in the viewer's language: the browser parses no dates).
    #[error("account suspended")]
    AccountSuspended {
        reason: String,
        until: Option<String>,
    },
    /// Staff work needs two-factor sign-in turned on first.
    #[error("two-factor authentication required")]
    TwoFactorRequired,
    /// Publishing needs a confirmed email address.
    #[error("email address not verified")]
    EmailUnverified,
    /// The database (or another dependency) is down; pages answer 503 and recover by themselves.
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
    /// Transport-level failure reported by the server-function machinery (bad arguments, network).
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    /// A validation error on one field.
    pub fn field(name: &str, message: MessageKey) -> AppError {
        let mut errors = FieldErrors::new();
        errors.add(name, message);
        AppError::Validation(errors)
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 422,
            AppError::Unauthorized => 401,
            AppError::Forbidden
            | AppError::AccountSuspended { .. }
            | AppError::TwoFactorRequired
            | AppError::EmailUnverified => 403,
            AppError::NotFound => 404,
            AppError::Conflict | AppError::SoldOut => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
            AppError::Request(_) => 400,
        }
    }

    /// The translated sentence shown to people for this error.
    pub fn message_key(&self) -> MessageKey {
        match self {
            AppError::Validation(_) => MessageKey::ErrorValidation,
            AppError::Unauthorized => MessageKey::ErrorUnauthorized,
            AppError::Forbidden => MessageKey::ErrorForbidden,
            AppError::NotFound => MessageKey::ErrorNotFound,
            AppError::Conflict => MessageKey::ErrorConflict,
            AppError::SoldOut => MessageKey::ErrorSoldOut,
            AppError::RateLimited { .. } => MessageKey::ErrorRateLimited,
            AppError::AccountSuspended { .. } => MessageKey::LoginSuspended,
            AppError::TwoFactorRequired => MessageKey::ErrorTwoFactorRequired,
            AppError::EmailUnverified => MessageKey::ErrorEmailUnverified,
            AppError::Unavailable => MessageKey::ErrorUnavailable,
            AppError::Internal | AppError::Request(_) => MessageKey::ErrorInternal,
        }
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Validation(errors) => Some(errors),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = AppError::Request(value.to_string());
        // On the server this is a malformed request (bad or missing arguments): 400, not server_fn's 500.
        #[cfg(feature = "ssr")]
        crate::ssr::request::mark_failed(&error);
        error
    }
}

#[cfg(feature = "ssr")]
mod server_side {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        fn from(error: sqlx::Error) -> Self {
            if error_means_database_unavailable(&error) {
                tracing::warn!(%error, "database unavailable");
                return AppError::Unavailable;
            }
            match &error {
                sqlx::Error::RowNotFound => AppError::NotFound,
                _ => {
                    tracing::error!(%error, "database error");
                    AppError::Internal
                }
            }
        }
    }

    /// Connection-level failures: the server is down, restarting, refusing or out of connections.
    /// They answer 503 and heal by themselves; anything else is a bug (500).
    pub fn error_means_database_unavailable(error: &sqlx::Error) -> bool {
        match error {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db) => db.code().is_some_and(|code| {
                // 08: connection exception; 57P: shutdown / cannot connect now; 53: out of resources;
                // 55000: "database does not allow connections"; 3D000: database does not exist.
                code.starts_with("08")
                    || code.starts_with("57P")
                    || code.starts_with("53")
                    || code == "55000"
                    || code == "3D000"
            }),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_survive_the_wire() {
        let mut errors = FieldErrors::new();
        errors.add("email", MessageKey::FieldEmailInvalid);
        let error = AppError::Validation(errors);
        let bytes = error.ser();
        let back = AppError::de(bytes);
        assert_eq!(back, error);
        assert_eq!(
            back.field_errors().and_then(|e| e.get("email")),
            Some(MessageKey::FieldEmailInvalid)
        );
    }

    #[test]
    fn first_error_per_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("name", MessageKey::FieldRequired);
        errors.add("name", MessageKey::FieldTooLong);
        assert_eq!(errors.get("name"), Some(MessageKey::FieldRequired));
    }

    #[test]
    fn status_codes_match_http_semantics() {
        assert_eq!(AppError::Unavailable.status_code(), 503);
        assert_eq!(AppError::Validation(FieldErrors::new()).status_code(), 422);
        assert_eq!(AppError::NotFound.status_code(), 404);
    }
}
