use leptos::prelude::*;

use super::model::NotificationKind;
use crate::error::AppError;

/// What an unsubscribe link names, once its signature is checked: the address and the kind of mail.
#[server(prefix = "/api/fn", endpoint = "unsubscribe_target")]
pub async fn unsubscribe_target(token: String) -> Result<(String, NotificationKind), AppError> {
    crate::ssr::request::reply({
        let secret = use_context::<crate::ssr::SigningSecret>().ok_or(AppError::Internal)?;
        crate::ssr::mail::unsubscribe::verify(&secret.0, &token).ok_or(AppError::NotFound)
    })
}
