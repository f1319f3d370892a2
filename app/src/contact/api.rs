use leptos::prelude::*;

use crate::{error::AppError, i18n::Locale};

/// Records a contact message and queues the mail to the team. Field errors come back as
/// `AppError::Validation`, keyed by the form's field names.
#[server(prefix = "/api/fn", endpoint = "contact")]
pub async fn send_contact_message(
    full_name: String,
    email: String,
    subject: String,
    message: String,
    locale: Locale,
    /// The honeypot: hidden from people, filled in by robots.
    website: Option<String>,
) -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            if website.is_some_and(|w| !w.trim().is_empty()) {
                return Err(AppError::Forbidden);
            }
            crate::ssr::rate_limit::check(|l| &l.contact)?;
            let valid = super::model::ContactMessage::parse(&full_name, &email, &subject, &message)
                .map_err(AppError::Validation)?;
            let pool = crate::ssr::db::pool()?;
            super::server::record(&pool, &valid, locale).await
        }
        .await,
    )
}
