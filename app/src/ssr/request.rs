use http::StatusCode;
use leptos::prelude::use_context;

use crate::i18n::{Locale, negotiate::locale_from_headers};

/// Locale of the request being served (cookie, then Accept-Language, then French).
pub fn locale() -> Locale {
    use_context::<http::request::Parts>()
        .map(|parts| locale_from_headers(&parts.headers))
        .unwrap_or_default()
}

/// A cookie of the request being served.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Sets the HTTP status of the page being rendered (used by the 404 and error views).
pub fn set_status(status: u16) {
    if let (Some(response), Ok(code)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
}

/// Gives a server function's error its real HTTP status (422, 404, 503…) instead of server_fn's 500.
/// Plain HTML form posts keep the redirect back to the form that carries the error in its URL.
pub fn reply<T>(result: Result<T, crate::error::AppError>) -> Result<T, crate::error::AppError> {
    if let Err(error) = &result {
        mark_failed(error);
    }
    result
}

/// Whether the request is a plain HTML form post or page load (it accepts `text/html`).
pub fn accepts_html() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
        .is_some_and(|v| v.to_str().is_ok_and(|v| v.contains("text/html")))
}

/// Sets the response status for `error`, except for plain HTML form posts (they are redirected).
pub fn mark_failed(error: &crate::error::AppError) {
    if !accepts_html() {
        set_status(error.status_code());
    }
    if let (crate::error::AppError::RateLimited { retry_after_secs }, Some(response)) =
        (error, use_context::<leptos_axum::ResponseOptions>())
    {
        response.insert_header(http::header::RETRY_AFTER, (*retry_after_secs).into());
    }
}

/// A plain form post (no WASM) is redirected; the island navigates by itself.
pub fn redirect_form_post(path: &str) {
    if accepts_html() {
        leptos_axum::redirect(path);
    }
}
