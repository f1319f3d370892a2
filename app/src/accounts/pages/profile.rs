use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{AccountHead, AccountNav, login_redirect};
use crate::{
    accounts::{
        api::{ChangeEmail, ResendVerification, SaveProfile, my_account},
        model::Profile,
    },
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
        live_form::LiveForm,
    },
};

/// The notice for `?saved=…` after a form on the account pages.
pub(super) fn saved_notice() -> Option<MessageKey> {
    let saved = use_query_map().read_untracked().get("saved")?;
    Some(match saved.as_str() {
        "profile" => MessageKey::ProfileSaved,
        "email" => MessageKey::EmailChangeSent,
        "email-changed" => MessageKey::EmailChanged,
        "verified" => MessageKey::LoginAfterVerify,
        "verification" => MessageKey::VerifyResent,
        "password" => MessageKey::PasswordChanged,
        "revoked" => MessageKey::SessionRevoked,
        "2fa-off" => MessageKey::TwoFactorDisabled,
        _ => return None,
    })
}

/// `/account`: profile, email address and its confirmation.
#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let account = Resource::new(|| (), |_| my_account());
    let notice = saved_notice();
    view! {
        <section class="container page narrow">
            <AccountHead locale title=MessageKey::AccountTitle />
            <AccountNav locale current="/account" />
            {notice.map(|key| view! { <p class="notice notice-success" role="status">{locale.t(key)}</p> })}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Err(AppError::Unauthorized) => login_redirect("/account".into()).into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(account) => view! {
                            {(!account.email_verified).then(|| view! { <ResendVerificationForm locale /> })}
                            <h2>{locale.t(MessageKey::ProfileHeading)}</h2>
                            <ProfileForm locale initial=account.profile />
                            <h2>{locale.t(MessageKey::EmailHeading)}</h2>
                            <p>{locale.t(MessageKey::EmailCurrent)} " " <strong>{account.email}</strong></p>
                            {account.pending_email.map(|pending| view! {
                                <p class="notice notice-warning">{locale.t(MessageKey::EmailPending)} " " <strong>{pending}</strong></p>
                            })}
                            <EmailChangeForm locale />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A plain form (no WASM): one button; a success comes back as `?saved=verification`.
#[component]
pub fn ResendVerificationForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<ResendVerification>::new();
    let server_error = action_error(action);
    let summary = move || form_summary(locale, server_error.get(), None);
    view! {
        <div class="notice notice-warning verify-banner">
            <p>{locale.pick("Votre adresse e-mail n’est pas encore confirmée : vous pouvez vous inscrire aux événements, mais pas encore en publier.", "Your email address is not confirmed yet: you can register for events but not publish any yet.")}</p>
            <p class="notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <ActionForm action attr:class="inline-form">
                <button type="submit" class="button button-ghost" disabled=move || action.pending().get()>
                    {locale.t(MessageKey::VerifyResend)}
                </button>
            </ActionForm>
        </div>
    }
}

/// Server-rendered with the saved values; `LiveForm` checks it and sends it without a page load, then
/// reloads the page (the language may have changed).
#[component]
pub fn ProfileForm(locale: Locale, initial: Profile) -> impl IntoView {
    let action = ServerAction::<SaveProfile>::new();
    let (full_name, phone) = (LiveField::default(), LiveField::default());
    full_name.value.set(initial.full_name);
    phone.value.set(initial.phone.unwrap_or_default());
    let server_error = action_error(action);
    let name_error = full_name.server_message(server_error, "full_name");
    let phone_error = phone.server_message(server_error, "phone");
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/account?saved=profile">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=locale.t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                <TextField locale name="full_name" label=MessageKey::FieldFullName value=full_name.value error=name_error
                    autocomplete="name" check="full_name" />
                <TextField locale name="phone" label=MessageKey::FieldPhone value=phone.value error=phone_error
                    input_type="tel" autocomplete="tel" hint=MessageKey::FieldPhoneHint check="phone" />
                <div class="field">
                    <label for="field-locale">{locale.t(MessageKey::FieldLanguage)}</label>
                    <select id="field-locale" name="locale">
                        {Locale::ALL.into_iter().map(|option| view! {
                            <option value=option.code() selected=option == initial.locale>
                                {match option { Locale::Fr => "Français", Locale::En => "English" }}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-primary">{locale.t(MessageKey::ProfileSave)}</button>
            </ActionForm>
        </LiveForm>
    }
}

/// Server-rendered; `LiveForm` checks it and sends it without a page load.
#[component]
pub fn EmailChangeForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let (new_email, password) = (LiveField::default(), LiveField::default());
    let server_error = action_error(action);
    let email_error = new_email.server_message(server_error, "new_email");
    let password_error = password.server_message(server_error, "password");
    let summary = form_summary(locale, server_error.get_untracked(), None);
    view! {
        <LiveForm>
            <ActionForm action attr:class="form" attr:novalidate=true attr:data-success-url="/account?saved=email">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()>{summary.clone()}</p>
                <TextField locale name="new_email" label=MessageKey::FieldNewEmail value=new_email.value error=email_error
                    input_type="email" autocomplete="email" check="email" />
                <TextField locale name="password" label=MessageKey::FieldCurrentPassword value=password.value error=password_error
                    input_type="password" autocomplete="current-password" check="password" />
                <button type="submit" class="button button-primary">{locale.t(MessageKey::EmailChangeSubmit)}</button>
            </ActionForm>
        </LiveForm>
    }
}
