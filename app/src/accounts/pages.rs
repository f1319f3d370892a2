use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::{api::Login, model};
use crate::{
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::form::TextField,
};

/// `/login`.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    view! {
        <Title text=format!("{} · Meetral", locale.t(MessageKey::LoginTitle)) />
        <Meta name="robots" content="noindex" />
        <section class="container page narrow">
            <h1>{locale.t(MessageKey::LoginTitle)}</h1>
            <LoginForm locale next />
        </section>
    }
}

/// Email + password, checked as the person types; works as a plain form post without the WASM.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn LoginForm(locale: Locale, next: String) -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let server_error = move || action.value().get().and_then(Result::err);
    let field_error = move |key: &'static str, live: Option<MessageKey>| {
        if touched.get() {
            live
        } else {
            server_error().and_then(|e| e.field_errors().and_then(|f| f.get(key)))
        }
    };
    let email_error = Signal::derive(move || {
        field_error("email", crate::validation::Email::parse(&email.get()).err())
    });
    let password_error = Signal::derive(move || {
        field_error(
            "password",
            model::check_password_present(&password.get()).err(),
        )
    });
    let summary = move || match server_error() {
        Some(AppError::Validation(_)) | None => None,
        Some(AppError::RateLimited { retry_after_secs }) => Some(format!(
            "{} {} min.",
            locale.t(MessageKey::ErrorRateLimitedRetryIn),
            retry_after_secs.div_ceil(60)
        )),
        Some(other) => Some(locale.t(other.message_key()).to_owned()),
    };
    Effect::new(move |_| {
        if action.pending().get() {
            touched.set(false);
        }
        if let Some(Ok(next)) = action.value().get() {
            let _ = window().location().set_href(&next);
        }
    });
    let touch = Callback::new(move |_| touched.set(true));
    let live = crate::ui::live_marker();
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:data-live=live>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <input type="hidden" name="next" value=next />
            <TextField locale name="email" label=MessageKey::FieldEmail value=email error=email_error
                input_type="email" autocomplete="username" on_blur=touch />
            <TextField locale name="password" label=MessageKey::FieldPassword value=password error=password_error
                input_type="password" autocomplete="current-password" on_blur=touch />
            <div class="field field-checkbox">
                <input type="checkbox" id="field-remember" name="remember" value="on" />
                <label for="field-remember">{locale.t(MessageKey::LoginRemember)}</label>
            </div>
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::LoginSubmit)}
            </button>
        </ActionForm>
    }
}
