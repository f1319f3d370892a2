use axum::{
    Form,
    extract::State,
    response::{IntoResponse, Redirect},
};
use http::header::SET_COOKIE;
use serde::Deserialize;
use std::sync::Arc;

use crate::config::Config;
use app::i18n::Locale;

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /lang`: remembers the chosen language for a year and goes back to the page it came from.
pub async fn switch_language(
    State(config): State<Arc<Config>>,
    Form(form): Form<LanguageForm>,
) -> impl IntoResponse {
    let locale = Locale::from_tag(&form.lang).unwrap_or_default();
    let cookie = app::ssr::BaseUrl(config.base_url.as_str().into()).locale_cookie(locale);
    (
        [(SET_COOKIE, cookie)],
        Redirect::to(&safe_back_path(&form.back)),
    )
}

/// Only same-site absolute paths are followed, so the form cannot become an open redirect.
fn safe_back_path(back: &str) -> String {
    let acceptable = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && back.len() <= 2000
        && !back.chars().any(char::is_control);
    if acceptable {
        back.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_back_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_back_path("/events?city=Lyon"), "/events?city=Lyon");
        assert_eq!(safe_back_path("//evil.example"), "/");
        assert_eq!(safe_back_path("https://evil.example"), "/");
        assert_eq!(safe_back_path("/\\evil.example"), "/");
        assert_eq!(safe_back_path(""), "/");
        assert_eq!(safe_back_path("/a\r\nSet-Cookie: x"), "/");
    }
}
