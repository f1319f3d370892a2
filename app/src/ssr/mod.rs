//! Server-only infrastructure shared by the features: database pool, request facts, response status.

pub mod audit;
pub mod calendar;
pub mod db;
pub mod jobs;
pub mod mail;
pub mod media;
pub mod pdf;
pub mod qr;
pub mod rate_limit;
pub mod request;
pub mod session_store;
pub mod upload;

/// The server secret that signs links (unsubscribe), provided to pages and server functions.
#[derive(Clone)]
pub struct SigningSecret(pub std::sync::Arc<[u8]>);

impl SigningSecret {
    /// The secret of the request being served (the server always provides it).
    pub fn current() -> Result<SigningSecret, crate::error::AppError> {
        leptos::prelude::use_context::<SigningSecret>().ok_or(crate::error::AppError::Internal)
    }
}

/// The public address of the site ("https://meetral.fr"), for canonical links and shared URLs.
#[derive(Clone)]
pub struct BaseUrl(pub std::sync::Arc<str>);

impl BaseUrl {
    /// The base URL of the request being served (`http://127.0.0.1:3000` when none was provided).
    pub fn current() -> BaseUrl {
        leptos::prelude::use_context::<BaseUrl>()
            .unwrap_or_else(|| BaseUrl("http://127.0.0.1:3000".into()))
    }

    /// The `Set-Cookie` value that remembers `locale` for a year (HttpOnly: no script reads it;
    /// Secure when the site is served over https). The header's switch and the profile share it.
    pub fn locale_cookie(&self, locale: crate::i18n::Locale) -> String {
        let secure = if self.0.starts_with("https://") {
            "; Secure"
        } else {
            ""
        };
        format!(
            "{}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}",
            crate::i18n::LOCALE_COOKIE,
            locale.code()
        )
    }

    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0.trim_end_matches('/'))
    }
}
