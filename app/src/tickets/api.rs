//! Registration and ticket server functions: thin (limits and who is asking first, then one service call).
// The registration form posts one argument per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::model::{ManageView, OfferView, TicketView, WalletTicket};
use crate::{error::AppError, i18n::Locale};

/// Registers the signed-in person (one tap) or a guest (name, email, optional phone, consent) for an
/// event and answers the path where the browser goes next: the first ticket, the waitlist page, or
/// the notice that a guest's tickets were mailed again. `website` is a honeypot: people never see it,
/// form-filling robots do. `attendees` name seats 2…; `answers` follow the event's questions.
#[server(prefix = "/api/fn", endpoint = "register")]
pub async fn register_for_event(
    event_id: i64,
    seats: Option<String>,
    full_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    consent: Option<String>,
    website: Option<String>,
    attendees: Option<Vec<String>>,
    answers: Option<Vec<String>>,
    locale: Locale,
) -> Result<String, AppError> {
    use super::server::{self, Outcome};
    use crate::i18n::MessageKey;
    crate::ssr::request::reply(
        async {
            if website.is_some_and(|w| !w.trim().is_empty()) {
                return Err(AppError::Forbidden);
            }
            crate::ssr::rate_limit::check(|l| &l.registration)?;
            let pool = crate::ssr::db::pool()?;
            let secret = crate::ssr::SigningSecret::current()?;
            let account = crate::accounts::server::current_user().await?.map(|u| u.id);
            let submitted = server::Submitted {
                seats,
                full_name,
                email,
                phone,
                consent: consent.is_some(),
                attendees: attendees.unwrap_or_default(),
                answers: answers.unwrap_or_default(),
                locale,
            };
            let outcome =
                server::register_submitted(&pool, &secret.0, event_id, account, submitted).await?;
            let path = match outcome {
                Outcome::Registered { codes, .. } | Outcome::Existing { codes, .. } => {
                    // A registration whose tickets were all cancelled by hand has nothing to open.
                    let code = codes.first().ok_or(AppError::Conflict)?;
                    format!("/tickets/{code}")
                }
                Outcome::Waitlisted { manage_token, .. } => format!("/manage/{manage_token}"),
                Outcome::Resent => "/registration/resent".to_owned(),
                Outcome::AlreadyWaitlisted => {
                    return Err(AppError::field(
                        "seats",
                        MessageKey::RegisterAlreadyWaitlisted,
                    ));
                }
            };
            crate::ssr::request::redirect_form_post(&path);
            Ok(path)
        }
        .await,
    )
}

/// A registration behind its private link.
#[server(prefix = "/api/fn", endpoint = "registration")]
pub async fn registration_by_token(token: String, locale: Locale) -> Result<ManageView, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            super::server::manage::view(&pool, &token, locale).await
        }
        .await,
    )
}

/// Cancels the registration behind its private link; back to its page.
#[server(prefix = "/api/fn", endpoint = "cancel_registration")]
pub async fn cancel_registration(token: String) -> Result<(), AppError> {
    crate::ssr::request::reply(
        async {
            crate::ssr::rate_limit::check(|l| &l.registration)?;
            let pool = crate::ssr::db::pool()?;
            super::server::manage::cancel(&pool, &token).await?;
            crate::ssr::request::redirect_form_post(&format!("/manage/{token}"));
            Ok(())
        }
        .await,
    )
}

/// A waitlist offer behind its link.
#[server(prefix = "/api/fn", endpoint = "offer")]
pub async fn offer_by_token(token: String, locale: Locale) -> Result<OfferView, AppError> {
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            super::server::waitlist::offer_view(&pool, &token, locale).await
        }
        .await,
    )
}

/// Takes the offered seats; answers the first ticket's path.
#[server(prefix = "/api/fn", endpoint = "accept_offer")]
pub async fn accept_offer(token: String) -> Result<String, AppError> {
    crate::ssr::request::reply(
        async {
            crate::ssr::rate_limit::check(|l| &l.registration)?;
            let pool = crate::ssr::db::pool()?;
            let secret = crate::ssr::SigningSecret::current()?;
            let code = super::server::waitlist::accept(&pool, &secret.0, &token).await?;
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
            let secret = crate::ssr::SigningSecret::current()?;
            super::server::ticket::by_code(&pool, &secret.0, &code, locale).await
        }
        .await,
    )
}

/// The signed-in person's tickets, upcoming first (empty when signed out).
#[server(prefix = "/api/fn", endpoint = "my_tickets")]
pub async fn my_tickets(locale: Locale) -> Result<Vec<WalletTicket>, AppError> {
    crate::ssr::request::reply(
        async {
            let Some(user) = crate::accounts::server::current_user().await? else {
                return Ok(Vec::new());
            };
            let pool = crate::ssr::db::pool()?;
            super::server::ticket::of_user(&pool, user.id, locale).await
        }
        .await,
    )
}
