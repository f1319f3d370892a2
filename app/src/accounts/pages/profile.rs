use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{AccountHead, AccountNav, login_redirect};
use crate::{
    accounts::{
        api::{ChangeEmail, ResendVerification, SaveProfile, my_account},
        model::{self, Profile},
    },
    error::AppError,
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{LiveField, TextField, action_error, form_summary},
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
            <p>{locale.t(MessageKey::VerifyBanner)}</p>
            <p class="notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <ActionForm action attr:class="inline-form">
                <button type="submit" class="button button-ghost" disabled=move || action.pending().get()>
                    {locale.t(MessageKey::VerifyResend)}
                </button>
            </ActionForm>
        </div>
    }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ProfileForm(locale: Locale, initial: Profile) -> impl IntoView {
    let action = ServerAction::<SaveProfile>::new();
    let (full_name, phone) = (LiveField::default(), LiveField::default());
    full_name.value.set(initial.full_name);
    phone.value.set(initial.phone.unwrap_or_default());
    let server_error = action_error(action);
    let name_error = full_name.error(server_error, "full_name", |v| {
        model::check_full_name(v).err()
    });
    let phone_error = phone.error(server_error, "phone", |v| model::check_phone(v).err());
    let summary = move || {
        form_summary(
            locale,
            server_error.get(),
            Some(MessageKey::FormErrorSummary),
        )
    };
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let chosen = RwSignal::new(initial.locale);
    Effect::new(move |_| {
        if action.pending().get() {
            full_name.submitted();
            phone.submitted();
        }
        // Another language: show the page in it (the server set the language cookie).
        if saved() && chosen.get_untracked() != locale {
            let _ = window().location().set_href("/account?saved=profile");
        }
    });
    let live = crate::ui::live_marker();
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:data-live=live>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <p class="notice notice-success" role="status" hidden=move || !saved()>{locale.t(MessageKey::ProfileSaved)}</p>
            <TextField locale name="full_name" label=MessageKey::FieldFullName value=full_name.value error=name_error
                autocomplete="name" on_blur=full_name.touch() />
            <TextField locale name="phone" label=MessageKey::FieldPhone value=phone.value error=phone_error
                input_type="tel" autocomplete="tel" hint=MessageKey::FieldPhoneHint on_blur=phone.touch() />
            <div class="field">
                <label for="field-locale">{locale.t(MessageKey::FieldLanguage)}</label>
                <select id="field-locale" name="locale"
                    on:change=move |ev| chosen.set(Locale::from_tag(&event_target_value(&ev)).unwrap_or_default())>
                    {Locale::ALL.into_iter().map(|option| view! {
                        <option value=option.code() selected=option == initial.locale>
                            {match option { Locale::Fr => "Français", Locale::En => "English" }}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::ProfileSave)}
            </button>
        </ActionForm>
    }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn EmailChangeForm(locale: Locale) -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let (new_email, password) = (LiveField::default(), LiveField::default());
    let server_error = action_error(action);
    let email_error = new_email.error(server_error, "new_email", |v| {
        crate::validation::Email::parse(v).err()
    });
    let password_error = password.error(server_error, "password", |v| {
        model::check_password_present(v).err()
    });
    let summary = move || form_summary(locale, server_error.get(), None);
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    Effect::new(move |_| {
        if action.pending().get() {
            new_email.submitted();
            password.submitted();
        }
        if sent() {
            password.value.set(String::new());
        }
    });
    let live = crate::ui::live_marker();
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true attr:data-live=live>
            <p class="notice notice-error" role="alert" hidden=move || summary().is_none()>{summary}</p>
            <p class="notice notice-success" role="status" hidden=move || !sent()>{locale.t(MessageKey::EmailChangeSent)}</p>
            <TextField locale name="new_email" label=MessageKey::FieldNewEmail value=new_email.value error=email_error
                input_type="email" autocomplete="email" on_blur=new_email.touch() />
            <TextField locale name="password" label=MessageKey::FieldCurrentPassword value=password.value error=password_error
                input_type="password" autocomplete="current-password" on_blur=password.touch() />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {locale.t(MessageKey::EmailChangeSubmit)}
            </button>
        </ActionForm>
    }
}
