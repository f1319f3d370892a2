//! Registration and ticket server functions: thin (limits and who is asking first, then one service call).
// The registration form posts one argument per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::model::TicketView;
use crate::{error::AppError, i18n::Locale};

/// Registers the signed-in person (one tap) or a guest (name, email, optional phone, consent) for an
/// event and answers the path of their first ticket, where the browser goes next. `website` is a
/// honeypot: people never see it, form-filling robots do.
#[server(prefix = "/api/fn", endpoint = "register")]
pub async fn register_for_event(
    event_id: i64,
    seats: Option<String>,
    full_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    consent: Option<String>,
    website: Option<String>,
    locale: Locale,
) -> Result<String, AppError> {
    use super::{model, server};
    crate::ssr::request::reply(
        async {
            if website.is_some_and(|w| !w.trim().is_empty()) {
                return Err(AppError::Forbidden);
            }
            crate::ssr::rate_limit::check(|l| &l.registration)?;
            let pool = crate::ssr::db::pool()?;
            let secret = use_context::<crate::ssr::SigningSecret>().ok_or(AppError::Internal)?;
            let seats = model::check_seats(seats.as_deref().unwrap_or("1"), model::SEATS_MAX)
                .map_err(|e| AppError::field("seats", e))?;
            let user = crate::accounts::server::current_user().await?;
            let guest;
            let registrant = match &user {
                Some(user) => server::Registrant::Account(user.id),
                None => {
                    guest = model::GuestDetails::parse(
                        full_name.as_deref().unwrap_or_default(),
                        email.as_deref().unwrap_or_default(),
                        phone.as_deref().unwrap_or_default(),
                        consent.is_some(),
                    )
                    .map_err(AppError::Validation)?;
                    server::Registrant::Guest(&guest)
                }
            };
            let registered =
                server::register(&pool, &secret.0, event_id, registrant, seats, &[], locale)
                    .await?;
            // A registration without a ticket left (all cancelled by hand) has nothing to open.
            let code = registered.codes.first().ok_or(AppError::Conflict)?;
            let path = format!("/tickets/{code}");
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// One ticket, for whoever holds its code (the code is the secret).
#[server(prefix = "/api/fn", endpoint = "ticket")]
pub async fn ticket_by_code(code: String, locale: Locale) -> Result<TicketView, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            let secret = use_context::<crate::ssr::SigningSecret>().ok_or(AppError::Internal)?;
            super::server::ticket::by_code(&pool, &secret.0, &code, locale).await
        }
        .await,
    )
}
