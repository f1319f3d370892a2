use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::{MessageKey, use_locale},
};

/// A branded error panel for a failed page load; also sets the HTTP status while rendering on the server.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::request::set_status(error.status_code());
    let locale = use_locale();
    let title = if error == AppError::NotFound {
        MessageKey::Error404Title
    } else {
        MessageKey::ErrorPageTitle
    };
    view! {
        <section class="error-page" data-status=error.status_code()>
            <p class="error-code" aria-hidden="true">{error.status_code()}</p>
            <h1>{locale.t(title)}</h1>
            <p>{locale.t(error.message_key())}</p>
            <a class="button button-primary" href="/">{locale.t(MessageKey::ErrorBackHome)}</a>
        </section>
    }
}
