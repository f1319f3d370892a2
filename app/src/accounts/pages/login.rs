use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::AccountHead;
use crate::{
    accounts::api::{Login, LoginSecondFactor},
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// A notice the page was sent here with (`?reset=1` after a new password, `?verified=1` after a
/// confirmed address).
fn arrival_notice() -> Option<MessageKey> {
    let query = use_query_map().read_untracked();
    if query.get("reset").is_some() {
        Some(MessageKey::LoginAfterReset)
    } else if query.get("verified").is_some() {
        Some(MessageKey::LoginAfterVerify)
    } else {
        None
    }
}

/// `/login`.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    let notice = arrival_notice();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::LoginTitle />
            {notice.map(|key| view! { <p class="notice notice-success" role="status">{locale.t(key)}</p> })}
            <LoginForm locale next />
            <p class="form-links">
                <a href="/password/forgot">{locale.t(MessageKey::LoginForgot)}</a>
                <a href="/signup">{locale.t(MessageKey::LoginNoAccount)}</a>
            </p>
        </section>
    }
}

/// Email + password. Server-rendered (a plain post without WASM); `LiveForm` checks it as the person
/// types and sends it without a page load.
#[component]
pub fn LoginForm(locale: Locale, next: String) -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let (email, password) = (LiveField::default(), LiveField::default());
    let server_error = action_error(action);
    let email_error = email.server_message(server_error, "email");
    let password_error = password.server_message(server_error, "password");
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <input type="hidden" name="next" value=next />
                <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                    input_type="email" autocomplete="username" check="email" />
                <TextField locale name="password" label=MessageKey::FieldPassword value=password.value error=password_error
                    input_type="password" autocomplete="current-password" check="password" />
                <div class="field field-checkbox">
                    <input type="checkbox" id="field-remember" name="remember" value="on" />
                    <label for="field-remember">{locale.t(MessageKey::LoginRemember)}</label>
                </div>
                <button type="submit" class="button button-primary">{locale.t(MessageKey::LoginSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}

/// `/login/2fa`: the second step for accounts with two-factor sign-in.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let locale = use_locale();
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::TwoFactorLoginTitle />
            <p class="lead">{locale.pick("Ouvrez votre application d’authentification et saisissez le code affiché pour Meetral.", "Open your authenticator app and enter the code it shows for Meetral.")}</p>
            <SecondFactorForm locale next />
            <p class="form-links"><a href="/login">{locale.t(MessageKey::TwoFactorStartOver)}</a></p>
        </section>
    }
}

/// A plain form (no WASM): the code changes every 30 seconds, so nothing typed is worth keeping.
#[component]
pub fn SecondFactorForm(locale: Locale, next: String) -> impl IntoView {
    let action = ServerAction::<LoginSecondFactor>::new();
    let code = LiveField::default();
    let server_error = action_error(action);
    let code_error = code.server_message(server_error, "code");
    let summary = move || match server_error.get() {
        // The password step is older than 5 minutes (or never happened).
        Some(crate::error::AppError::Unauthorized) => {
            Some(locale.t(MessageKey::TwoFactorExpired).to_owned())
        }
        other => form_summary(locale, other, None),
    };
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <input type="hidden" name="next" value=next />
            <TextField locale name="code" label=MessageKey::TwoFactorCode value=code.value error=code_error
                autocomplete="one-time-code" hint=MessageKey::TwoFactorCodeHint />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::TwoFactorVerify)}
            </button>
        </ActionForm>
    }
}
