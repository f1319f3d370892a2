use leptos::prelude::*;

use crate::{accounts::model::PasswordVerdict, error::AppError, i18n::Locale};

/// Creates an account and sends its verification link. The answer is the same whether or not the
/// address already has an account (its owner gets a mail instead).
#[server(prefix = "/api/fn", endpoint = "signup")]
pub async fn signup(
    email: String,
    full_name: String,
    password: String,
    phone: Option<String>,
    terms: Option<String>,
    locale: Locale,
) -> Result<(), AppError> {
    use super::super::{model, server};
    crate::ssr::request::reply(
        async {
            let signup = model::Signup::parse(
                &email,
                &full_name,
                &password,
                phone.as_deref().unwrap_or_default(),
                terms.is_some(),
            )
            .map_err(AppError::Validation)?;
            crate::ssr::rate_limit::check(|l| &l.signup)?;
            let pool = crate::ssr::db::pool()?;
            server::signup::register(&pool, &signup, locale, &server::Client::current()).await?;
            super::session::redirect_form_post("/signup/check-email");
            Ok(())
        }
        .await,
    )
}

/// How guessable a new password is, for the meter under the field (the same rules the server applies
/// when the form is sent). `email` and `full_name` count as guessable words.
#[server(prefix = "/api/fn", endpoint = "rate_password")]
pub async fn rate_password(
    password: String,
    email: String,
    full_name: String,
) -> Result<PasswordVerdict, AppError> {
    crate::ssr::request::reply({
        let inputs: Vec<&str> = [email.as_str(), full_name.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty() && s.len() <= 254)
            .collect();
        Ok(super::super::server::passwords::judge(&password, &inputs))
    })
}

/// Opens a verification or email-change link (a POST from the page the link shows); answers where
/// to go next: the account page when signed in, else the login page, each with a notice.
#[server(prefix = "/api/fn", endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<String, AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let pool = crate::ssr::db::pool()?;
            let outcome =
                server::signup::confirm(&pool, &token, &server::Client::current()).await?;
            let signed_in = server::current_user().await?.is_some();
            let next = match (signed_in, outcome) {
                (true, server::signup::Confirmed::NewEmail) => "/account?saved=email-changed",
                (true, server::signup::Confirmed::Email) => "/account?saved=verified",
                (false, _) => "/login?verified=1",
            };
            super::session::redirect_form_post(next);
            Ok(next.to_owned())
        }
        .await,
    )
}

/// A new verification link for the signed-in person.
#[server(prefix = "/api/fn", endpoint = "resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    use super::super::server;
    crate::ssr::request::reply(
        async {
            let user = server::require_user().await?;
            crate::ssr::rate_limit::check(|l| &l.mail_links)?;
            let pool = crate::ssr::db::pool()?;
            server::signup::resend_verification(&pool, &user, &server::Client::current()).await?;
            super::session::redirect_form_post("/account?saved=verification");
            Ok(())
        }
        .await,
    )
}
