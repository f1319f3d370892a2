use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::AccountHead;
use crate::{
    accounts::api::ConfirmEmail,
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::form::action_error,
};

/// `/verify/{token}`: opening the link shows a button; pressing it (a POST) confirms the address, so
/// mail scanners that follow links confirm nothing.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let locale = use_locale();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::VerifyTitle />
            <p class="lead">{locale.t(MessageKey::VerifyLead)}</p>
            <ConfirmEmailForm locale token />
        </section>
    }
}

/// A plain form (no WASM): one button; the server redirects to the next page or back with the error.
#[component]
pub fn ConfirmEmailForm(locale: Locale, token: String) -> impl IntoView {
    let action = ServerAction::<ConfirmEmail>::new();
    let server_error = action_error(action);
    let problem = move || {
        server_error.get().map(|error| match error {
            AppError::NotFound => locale.t(MessageKey::LinkExpired),
            AppError::Validation(fields) if fields.get("token").is_some() => {
                locale.t(MessageKey::EmailTaken)
            }
            other => locale.t(other.message_key()),
        })
    };
    view! {
        <ActionForm action attr:class="form">
            <p class="notice notice-error" role="alert" hidden=move || problem().is_none()>{problem}</p>
            <input type="hidden" name="token" value=token />
            <button type="submit" class="button button-primary button-large" disabled=move || action.pending().get()>
                {locale.t(MessageKey::VerifySubmit)}
            </button>
        </ActionForm>
    }
}
