use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{AccountHead, strength::NewPasswordField};
use crate::{
    accounts::api::{ForgotPassword, ResetPassword, reset_link_usable},
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// `/password/forgot`.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = use_locale();
    let sent = use_query_map().read_untracked().get("sent").is_some();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::ForgotTitle />
            <p class="lead">{locale.pick("Indiquez l’adresse de votre compte : nous vous enverrons un lien, valable 1 heure, pour choisir un nouveau mot de passe.", "Enter your account's address: we will send you a link, valid for 1 hour, to choose a new password.")}</p>
            <ForgotPasswordForm locale sent />
        </section>
    }
}

/// A plain form (no WASM): one field, checked by the server; `sent` after the redirect of a success.
#[component]
pub fn ForgotPasswordForm(locale: Locale, sent: bool) -> impl IntoView {
    let action = ServerAction::<ForgotPassword>::new();
    let email = LiveField::default();
    let server_error = action_error(action);
    let email_error = email.server_message(server_error, "email");
    let summary = move || form_summary(locale, server_error.get(), None);
    view! {
        <p class="notice notice-success" role="status" hidden=!sent>{locale.pick("Si un compte existe pour cette adresse, un lien vient de lui être envoyé. Pensez à regarder dans les courriers indésirables.", "If an account exists for this address, a link was just sent to it. Remember to look in your spam folder.")}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <TextField locale name="email" label=MessageKey::FieldEmail value=email.value error=email_error
                input_type="email" autocomplete="email" />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::ForgotSubmit)}
            </button>
        </ActionForm>
    }
}

/// `/password/reset/{token}`: a new password, if the link still works.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let locale = use_locale();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let usable = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        reset_link_usable,
    );
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::ResetTitle />
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match usable.await {
                            Ok(true) => view! { <ResetPasswordForm locale token /> }.into_any(),
                            Ok(false) => view! {
                                <p class="notice notice-warning" role="alert">{locale.t(MessageKey::LinkExpired)}</p>
                                <p><a class="button button-primary" href="/password/forgot">{locale.t(MessageKey::ForgotSubmit)}</a></p>
                            }.into_any(),
                            Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Server-rendered; `LiveForm` checks the length, feeds the meter and sends it without a page load.
#[component]
pub fn ResetPasswordForm(locale: Locale, token: String) -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let password = LiveField::default();
    let server_error = action_error(action);
    let summary = match server_error.get_untracked() {
        Some(AppError::NotFound) => Some(locale.t(MessageKey::LinkExpired).to_owned()),
        other => form_summary(locale, other, None),
    };
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/login?reset=1">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <input type="hidden" name="token" value=token />
                <NewPasswordField locale name="password" label=MessageKey::FieldNewPassword field=password server_error />
                <p class="field-hint">{locale.t(MessageKey::ResetSignsOut)}</p>
                <button type="submit" class="button button-primary">{locale.t(MessageKey::ResetSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}
