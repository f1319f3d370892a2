//! Reading the JSON that server functions answer, in the browser, without serde.
//!
//! The browser's own `JSON.parse` builds the value; the few shapes the attachers read (an error, a
//! password verdict, a string) are then taken apart by hand. serde's deserializers (with their float
//! formatting for error messages) cost the client about 22 KB brotli, a fifth of it. The shapes are
//! those serde writes on the server: the tests below decode serde's own output for every variant, so
//! a change to `AppError` that the browser would misread fails them.

use crate::{
    accounts::model::PasswordVerdict,
    error::{AppError, FieldErrors},
    i18n::MessageKey,
};

/// What the decoders need of a parsed JSON value (a `JsValue` in the browser, `serde_json::Value` in
/// the tests).
pub trait JsonValue: Sized {
    fn as_text(&self) -> Option<String>;
    fn as_number(&self) -> Option<f64>;
    fn as_flag(&self) -> Option<bool>;
    /// An object's member (`None` when absent, or when this is not an object).
    fn member(&self, name: &str) -> Option<Self>;
    /// An object's member names, in order.
    fn member_names(&self) -> Vec<String>;
    fn is_object(&self) -> bool;
}

/// An error as serde's externally tagged enum writes it: `"NotFound"`, `{"Validation": {...}}`,
/// `{"RateLimited": {"retry_after_secs": 60}}`, `{"Request": "..."}`.
pub fn app_error<V: JsonValue>(value: &V) -> Option<AppError> {
    if let Some(name) = value.as_text() {
        return Some(match name.as_str() {
            "Unauthorized" => AppError::Unauthorized,
            "Forbidden" => AppError::Forbidden,
            "NotFound" => AppError::NotFound,
            "Conflict" => AppError::Conflict,
            "SoldOut" => AppError::SoldOut,
            "TwoFactorRequired" => AppError::TwoFactorRequired,
            "EmailUnverified" => AppError::EmailUnverified,
            "Unavailable" => AppError::Unavailable,
            "Internal" => AppError::Internal,
            _ => return None,
        });
    }
    let variant = value.member_names().into_iter().next()?;
    let body = value.member(&variant)?;
    Some(match variant.as_str() {
        "Validation" => {
            let mut errors = FieldErrors::new();
            for field in body.member_names() {
                let key = body.member(&field)?.as_text()?;
                errors.add(&field, MessageKey::from_name(&key)?);
            }
            AppError::Validation(errors)
        }
        "RateLimited" => AppError::RateLimited {
            retry_after_secs: whole(&body.member("retry_after_secs")?)?,
        },
        "AccountSuspended" => AppError::AccountSuspended {
            reason: body.member("reason")?.as_text()?,
            until: body.member("until").and_then(|u| u.as_text()),
        },
        "Request" => AppError::Request(body.as_text()?),
        _ => return None,
    })
}

/// `{"score": 2, "warning": "PasswordCommon", "acceptable": false}`.
pub fn password_verdict<V: JsonValue>(value: &V) -> Option<PasswordVerdict> {
    if !value.is_object() {
        return None;
    }
    Some(PasswordVerdict {
        score: u8::try_from(whole(&value.member("score")?)?).ok()?,
        warning: match value.member("warning").and_then(|w| w.as_text()) {
            Some(name) => Some(MessageKey::from_name(&name)?),
            None => None,
        },
        acceptable: value.member("acceptable")?.as_flag()?,
    })
}

/// A non-negative whole number (JSON numbers are doubles in the browser).
fn whole<V: JsonValue>(value: &V) -> Option<u64> {
    let number = value.as_number()?;
    (number >= 0.0 && number.fract() == 0.0 && number <= 9_007_199_254_740_991.0)
        .then_some(number as u64)
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    impl super::JsonValue for JsValue {
        fn as_text(&self) -> Option<String> {
            self.as_string()
        }

        fn as_number(&self) -> Option<f64> {
            self.as_f64()
        }

        fn as_flag(&self) -> Option<bool> {
            self.as_bool()
        }

        fn member(&self, name: &str) -> Option<JsValue> {
            if !self.is_object() {
                return None;
            }
            js_sys::Reflect::get(self, &JsValue::from_str(name))
                .ok()
                .filter(|v| !v.is_undefined())
        }

        fn member_names(&self) -> Vec<String> {
            self.dyn_ref::<js_sys::Object>()
                .map(|object| {
                    js_sys::Object::keys(object)
                        .iter()
                        .filter_map(|k| k.as_string())
                        .collect()
                })
                .unwrap_or_default()
        }

        fn is_object(&self) -> bool {
            JsValue::is_object(self) && !js_sys::Array::is_array(self)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    impl JsonValue for Value {
        fn as_text(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }

        fn as_number(&self) -> Option<f64> {
            self.as_f64()
        }

        fn as_flag(&self) -> Option<bool> {
            self.as_bool()
        }

        fn member(&self, name: &str) -> Option<Value> {
            self.get(name).cloned()
        }

        fn member_names(&self) -> Vec<String> {
            self.as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default()
        }

        fn is_object(&self) -> bool {
            Value::is_object(self)
        }
    }

    fn through_the_wire(error: &AppError) -> Option<AppError> {
        let json = serde_json::to_value(error).expect("json");
        app_error(&json)
    }

    #[test]
    fn every_error_serde_writes_is_read_back() {
        let mut fields = FieldErrors::new();
        fields.add("email", MessageKey::FieldEmailInvalid);
        fields.add("starts_at", MessageKey::EndBeforeStart);
        let every = [
            AppError::Validation(fields),
            AppError::Validation(FieldErrors::new()),
            AppError::Unauthorized,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Conflict,
            AppError::SoldOut,
            AppError::RateLimited {
                retry_after_secs: 90,
            },
            AppError::AccountSuspended {
                reason: "Spam « répété »".into(),
                until: Some("12 mars 2027".into()),
            },
            AppError::AccountSuspended {
                reason: "Fraude".into(),
                until: None,
            },
            AppError::TwoFactorRequired,
            AppError::EmailUnverified,
            AppError::Unavailable,
            AppError::Internal,
            AppError::Request("bad argument".into()),
        ];
        for error in every {
            // A new variant must be added above (and to `app_error`): this match has no wildcard.
            match &error {
                AppError::Validation(_)
                | AppError::Unauthorized
                | AppError::Forbidden
                | AppError::NotFound
                | AppError::Conflict
                | AppError::SoldOut
                | AppError::RateLimited { .. }
                | AppError::AccountSuspended { .. }
                | AppError::TwoFactorRequired
                | AppError::EmailUnverified
                | AppError::Unavailable
                | AppError::Internal
                | AppError::Request(_) => {}
            }
            assert_eq!(through_the_wire(&error), Some(error));
        }
    }

    #[test]
    fn verdicts_serde_writes_are_read_back() {
        for verdict in [
            PasswordVerdict {
                score: 1,
                warning: Some(MessageKey::PasswordTooWeak),
                acceptable: false,
            },
            PasswordVerdict {
                score: 4,
                warning: None,
                acceptable: true,
            },
        ] {
            let json = serde_json::to_value(verdict).expect("json");
            assert_eq!(password_verdict(&json), Some(verdict));
        }
    }

    #[test]
    fn anything_else_is_not_an_error() {
        for text in [
            r#""Teapot""#,
            r#"{"Validation": {"email": "NoSuchKey"}}"#,
            r#"{"RateLimited": {"retry_after_secs": -1}}"#,
            r#"{"RateLimited": {"retry_after_secs": 1.5}}"#,
            r#"{"Request": 3}"#,
            "[]",
            "null",
            "12",
        ] {
            let json: Value = serde_json::from_str(text).expect("json");
            assert_eq!(app_error(&json), None, "{text}");
        }
    }
}
